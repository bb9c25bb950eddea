using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Firebreak.Core.Credentials;

namespace Firebreak.Cli.Tests;

/// <summary>
/// Nothing secret leaves: a fresh fake token of every catalogued kind (each catalogue example with its body replaced by
/// seeded random characters of the same class, so no text anywhere — rule help, examples — holds it), plus PEM keys,
/// AWS key pairs, JWTs and connection strings, is planted in every kind of file we read; no output format, console
/// stream or note may then hold five consecutive characters of any planted value that include a random one.
/// </summary>
public sealed class SecretLeakTests
{
    private static readonly string[] Formats = { "text", "json", "sarif", "github", "markdown", "gitlab", "html" };

    private static IReadOnlyList<(string Value, bool[] Random)> PlantedSecrets()
    {
        var rng = new Random(15);
        var secrets = new List<(string, bool[])>();
        foreach (var kind in SecretScanner.Default.Catalog.Kinds)
        {
            foreach (string example in kind.MustMatch.Take(1))
            {
                var scanner = new SecretScanner(quietOnCatalogExamples: false);
                foreach (var match in scanner.Scan(example).Where(m => m.Span.Length >= 8))
                {
                    string value = example.Substring(match.Span.Start, match.Span.Length);
                    var chars = value.ToCharArray();
                    var random = new bool[chars.Length];
                    // Keep what identifies the format (the first 4 characters, separators), re-roll the body.
                    for (int i = 4; i < chars.Length; i++)
                    {
                        char c = chars[i];
                        char next = c switch
                        {
                            >= 'a' and <= 'z' => (char)('a' + rng.Next(26)),
                            >= 'A' and <= 'Z' => (char)('A' + rng.Next(26)),
                            >= '0' and <= '9' => (char)('0' + rng.Next(10)),
                            _ => c,
                        };
                        random[i] = next != c || char.IsLetterOrDigit(c);
                        chars[i] = next;
                    }
                    secrets.Add((new string(chars), random));
                }
            }
        }
        string Body(int n) => new(Enumerable.Range(0, n).Select(_ => "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"[rng.Next(57)]).ToArray());
        var extra = new[]
        {
            "AKIA" + Body(16).ToUpperInvariant(),
            Body(40),
            "eyJhbGciOiJIUzI1NiJ9." + Body(40) + "." + Body(43),
            Body(64),
        };
        foreach (string value in extra) secrets.Add((value, value.Select((c, i) => i >= 4 && char.IsLetterOrDigit(c)).ToArray()));
        string password = Body(24);
        string connection = "postgres://admin:" + password + "@db.internal:5432/app";
        int at = connection.IndexOf(password, StringComparison.Ordinal);
        secrets.Add((connection, connection.Select((_, i) => i >= at && i < at + password.Length).ToArray()));
        return secrets;
    }

    private static TempRepo PlantEverywhere(IReadOnlyList<(string Value, bool[] Random)> secrets)
    {
        var repo = new TempRepo();
        var env = new StringBuilder();
        var workflowEnv = new StringBuilder();
        var script = new StringBuilder("#!/bin/sh\n");
        var tf = new StringBuilder();
        for (int i = 0; i < secrets.Count; i++)
        {
            string v = secrets[i].Value;
            env.Append($"TOKEN_{i}={v}\n");
            workflowEnv.Append($"      TOKEN_{i}: {v}\n");
            script.Append($"curl -H 'Authorization: Bearer {v}' https://api.example.com/{i} -X DELETE\n");
            tf.Append($"variable \"token_{i}\" {{\n  default = \"{v}\"\n}}\n");
        }
        repo.Write(".env", env.ToString());
        repo.Write(".github/workflows/deploy.yml", "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n" + workflowEnv + "    steps:\n      - run: terraform destroy -auto-approve\n");
        repo.Write("scripts/reset.sh", script.ToString());
        repo.Write("main.tf", tf + "resource \"aws_db_instance\" \"db\" {\n  skip_final_snapshot = true\n  password = \"" + secrets[0].Value + "\"\n}\n");
        repo.Write("compose.yaml", "services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: " + secrets[secrets.Count - 2].Value + "\n      API_TOKEN: " + secrets[1].Value + "\n");
        repo.Write("package.json", "{\"scripts\": {\"reset\": \"curl -H 'Authorization: Bearer " + secrets[2].Value + "' -X DELETE https://api.example.com\"}}");
        repo.Write(".claude/settings.json", "{\"env\": {\"RAILWAY_TOKEN\": \"" + secrets[3 % secrets.Count].Value + "\"}}");
        repo.Write(".vscode/mcp.json", "{\"servers\": {\"db\": {\"command\": \"npx\", \"env\": {\"API_KEY\": \"" + secrets[4 % secrets.Count].Value + "\"}}}}");
        repo.Write("Dockerfile", "FROM alpine\nENV API_TOKEN=" + secrets[5 % secrets.Count].Value + "\nRUN rm -rf /var/lib/app\n");
        repo.Write("k8s/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  token: " + secrets[6 % secrets.Count].Value + "\n");
        repo.Write("id_rsa.pem", "-----BEGIN RSA PRIVATE KEY-----\n" + string.Join("\n", secrets.Select(s => s.Value)) + "\n-----END RSA PRIVATE KEY-----\n");
        return repo;
    }

    [Fact]
    public void No_output_holds_more_than_four_characters_of_a_planted_secret()
    {
        var secrets = PlantedSecrets();
        Assert.True(secrets.Count >= 20, $"only {secrets.Count} secrets planted");
        using var repo = PlantEverywhere(secrets);
        var outputs = new List<(string Where, string Text)>();
        foreach (string format in Formats)
        {
            var (code, stdout, stderr) = repo.Run("scan", ".", "--format", format, "--verbose", "--no-color");
            Assert.True(code is 0 or 1, $"{format}: exit {code}: {stderr}");
            outputs.Add(($"--format {format} (stdout)", stdout));
            outputs.Add(($"--format {format} (stderr)", stderr));
        }
        Assert.Contains(outputs, o => o.Text.Contains("FB2", StringComparison.Ordinal));

        foreach (var (value, random) in secrets)
        {
            for (int i = 0; i + 5 <= value.Length; i++)
            {
                if (!random.Skip(i).Take(5).Any(r => r)) continue;
                string window = value.Substring(i, 5);
                // Reports are full of lowercase hex (fingerprints, hashes) and numbers (lines, columns): five hex
                // characters of a secret meet one of them by chance. Such windows are checked at eight characters.
                if (window.All(Uri.IsHexDigit) && window.ToLowerInvariant() == window)
                {
                    if (i + 8 > value.Length) continue;
                    window = value.Substring(i, 8);
                }
                foreach (var (where, text) in outputs)
                    Assert.False(text.Contains(window, StringComparison.Ordinal), $"{where} holds '{window}' of a planted secret");
            }
        }
    }
}

/// <summary>A FIFO, socket or device is skipped with a note and never opened: opening a FIFO blocks until a writer
/// comes, a device never ends. (Without the check these tests hang, and the runner's timeout reports it.)</summary>
public sealed class SpecialFileTests
{
    private static void MakeFifo(string path)
    {
        var mkfifo = System.Diagnostics.Process.Start("mkfifo", new[] { path })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Fact]
    public void A_fifo_in_the_tree_is_a_note()
    {
        if (OperatingSystem.IsWindows()) return;
        using var repo = new TempRepo().Write("ok.sh", "rm -rf /srv/data\n");
        MakeFifo(Path.Combine(repo.Root, "deploy.sh"));
        var (code, stdout, _) = repo.Run("scan", ".", "--format", "text", "--no-color");
        Assert.Equal(1, code);
        Assert.Contains("deploy.sh", stdout, StringComparison.Ordinal);
        Assert.Contains("named pipe (FIFO)", stdout, StringComparison.Ordinal);
        Assert.Contains("ok.sh", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_named_on_the_command_line_or_as_a_catalog_is_refused_without_opening_it()
    {
        if (OperatingSystem.IsWindows()) return;
        using var repo = new TempRepo().Write("firebreak.yml", "catalogs: [pipe.yaml]\n");
        MakeFifo(Path.Combine(repo.Root, "pipe.yaml"));
        var (code, _, stderr) = repo.Run("scan", ".");
        Assert.Equal(2, code);
        Assert.Contains("pipe.yaml", stderr, StringComparison.Ordinal);
        Assert.Contains("not a regular file", stderr, StringComparison.Ordinal);

        using var other = new TempRepo();
        MakeFifo(Path.Combine(other.Root, "named.sh"));
        var (code2, stdout2, _) = other.Run("scan", "named.sh", "--format", "text", "--no-color");
        Assert.True(code2 is 0 or 1);
        Assert.Contains("named pipe (FIFO)", stdout2, StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_zero_is_a_note_not_four_gigabytes()
    {
        if (!File.Exists("/dev/zero")) return;
        using var repo = new TempRepo();
        var (code, stdout, stderr) = repo.Run("scan", "/dev/zero", "--format", "text", "--no-color");
        Assert.True(code is 0 or 1 or 2, stderr);
        Assert.DoesNotContain("internal error", stdout + stderr, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class HostileFileNameTests
{
    [Theory]
    [InlineData("text")]
    [InlineData("github")]
    public void A_file_name_cannot_forge_lines_workflow_commands_or_terminal_escapes(string format)
    {
        if (OperatingSystem.IsWindows()) return;
        using var repo = new TempRepo()
            .Write("new\n::error file=x::forged.sh", "rm -rf /srv/data\n")
            .Write("ctrl\u001b[31m.sh", "rm -rf /srv/data\n");
        var (code, stdout, _) = repo.Run("scan", ".", "--format", format, "--no-color");
        Assert.Equal(1, code);
        Assert.DoesNotContain('\u001b', stdout);
        foreach (string line in stdout.Split('\n'))
            Assert.False(line.StartsWith("::error file=x", StringComparison.Ordinal), line);
        Assert.Equal(2, stdout.Split('\n').Count(l => l.Contains("FB1001", StringComparison.Ordinal)));
    }
}
