using System.Linq;
using System;
using System.Diagnostics;
using System.IO;

namespace Firebreak.Cli.Tests;

/// <summary>A scanned repository is an attacker's input: nothing it configures runs, nothing outside it is read.</summary>
public sealed class UntrustedRepositoryTests
{
    private const string Unscoped = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n";

    private static void Git(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Programs_a_scanned_repository_configures_for_git_never_run()
    {
        using var repo = new TempRepo().Write(".github/workflows/ci.yml", Unscoped);
        Git(repo.Root, "init", "-q");
        string marker = Path.Combine(repo.Root, "PWNED");
        string script = Path.Combine(repo.Root, "payload.sh");
        File.WriteAllText(script, $"#!/bin/sh\ntouch '{marker}'\necho\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Git(repo.Root, "config", "core.fsmonitor", script);
        Git(repo.Root, "config", "core.pager", script);
        Git(repo.Root, "config", "diff.external", script);
        Directory.CreateDirectory(Path.Combine(repo.Root, ".git", "hooks"));
        foreach (var hook in new[] { "post-checkout", "pre-commit", "post-index-change", "fsmonitor-watchman" })
        {
            string path = Path.Combine(repo.Root, ".git", "hooks", hook);
            File.Copy(script, path);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var (_, stdout, _) = repo.Run("scan", "--fail-on", "none");
        Assert.Contains(".github/workflows/ci.yml:3:3", stdout, StringComparison.Ordinal); // git's listing was used
        Assert.False(File.Exists(marker), "a program configured by the scanned repository ran");
    }

    [Theory]
    [InlineData("../outside.yaml")]
    [InlineData("/etc/passwd")]
    [InlineData("link.yaml")]
    public void A_configuration_cannot_name_a_file_outside_the_repository(string catalog)
    {
        using var outside = new TempRepo().Write("outside.yaml", "root:x:0:0:secret-first-line\n");
        using var repo = new TempRepo().Write("a.sh", "echo hi\n");
        // "../outside.yaml" climbs out of the repository into the other temporary folder.
        string named = catalog == "../outside.yaml" ? Path.GetRelativePath(repo.Root, Path.Combine(outside.Root, "outside.yaml")) : catalog;
        repo.Write("firebreak.yml", $"catalogs: ['{named}']\n");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "link.yaml"), Path.Combine(outside.Root, "outside.yaml"));
        var (code, stdout, stderr) = repo.Run("scan");
        Assert.Equal(2, code);
        Assert.Contains("outside the repository", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-first-line", stderr + stdout, StringComparison.Ordinal);
    }
}

/// <summary>Firebreak never scans back what it wrote: the README's baseline flow, run as written, exits 0.</summary>
public sealed class CompactTextTests
{
    [Fact]
    public void A_large_scan_keeps_plain_utf8_texts_as_bytes_and_decodes_them_again_exactly()
    {
        string dir = Path.Combine(Path.GetTempPath(), "fb-compact-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string ascii = Path.Combine(dir, "a.sh"), accented = Path.Combine(dir, "b.sh"), bom = Path.Combine(dir, "c.sh");
            File.WriteAllText(ascii, "rm -rf /data\n");
            File.WriteAllText(accented, "echo 'café ✓'\n");
            File.WriteAllBytes(bom, new byte[] { 0xEF, 0xBB, 0xBF, (byte)'l', (byte)'s', (byte)'\n' });
            var notes = new System.Collections.Generic.List<(string Path, string Reason)>();
            foreach (var (path, expected) in new[] { (ascii, "rm -rf /data\n"), (accented, "echo 'café ✓'\n"), (bom, "ls\n") })
            {
                var file = Firebreak.Cli.Discovery.FileLoader.Load(path, Path.GetFileName(path), 1 << 20, notes, compaction: new Firebreak.Cli.Discovery.TextCompaction(0))!;
                Assert.Equal(expected.Length, file.Source.Length);
                Assert.Equal(expected, file.Text);
                file.Source.ReleaseText();
                Assert.Equal(expected, file.Text);
            }
            Assert.Empty(notes);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

public sealed class UndecodedTextTests
{
    [Fact]
    public void A_file_typed_by_its_path_is_kept_undecoded_and_decodes_exactly_when_read()
    {
        string dir = Path.Combine(Path.GetTempPath(), "fb-undecoded-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var cases = new[]
            {
                ("a.sh", "rm -rf /data\n"),
                ("b.tf", "resource \"x\" \"y\" { name = \"café ✓ 😀\" }\n"),
                ("Dockerfile", "FROM alpine\nRUN echo 'ü'\n"),
                ("empty.sh", ""),
            };
            var notes = new System.Collections.Generic.List<(string Path, string Reason)>();
            foreach (var (name, expected) in cases)
            {
                string path = Path.Combine(dir, name);
                File.WriteAllText(path, expected);
                Assert.True(Firebreak.Core.Documents.FileKindDetector.TryDetectByPath(name, out _));
                var file = Firebreak.Cli.Discovery.FileLoader.Load(path, name, 1 << 20, notes)!;
                Assert.Equal(expected.Length, file.Source.Length); // known before any decoding
                Assert.Equal(expected, file.Text);
                file.Source.ReleaseText();
                Assert.Equal(expected, file.Text);
            }
            Assert.Empty(notes);

            // Invalid UTF-8 under such a name is decoded as any file is, with its note.
            string invalid = Path.Combine(dir, "latin1.sh");
            File.WriteAllBytes(invalid, System.Text.Encoding.Latin1.GetBytes("echo caf\u00e9\n"));
            var read = Firebreak.Cli.Discovery.FileLoader.Load(invalid, "latin1.sh", 1 << 20, notes)!;
            Assert.Equal("echo caf\uFFFD\n", read.Text);
            Assert.Contains(notes, n => n.Path == "latin1.sh" && n.Reason.StartsWith("not valid UTF-8", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

public sealed class OwnOutputTests
{
    private const string Unscoped = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n";

    [Fact]
    public void The_readmes_baseline_flow_in_a_git_repository_exits_0()
    {
        using var repo = new TempRepo().Write(".github/workflows/ci.yml", Unscoped).Write(".env", "RAILWAY_API_TOKEN=3b1f0c8e-51a4-4c1e-9a55-6a5e1f0d2c77\n");
        var init = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", "init -q") { WorkingDirectory = repo.Root })!;
        init.WaitForExit();
        Assert.Equal(0, repo.Run("scan", "--format", "sarif", "--output", "firebreak-baseline.sarif", "--fail-on", "none").ExitCode);
        var (code, stdout, stderr) = repo.Run("scan", "--baseline", "firebreak-baseline.sarif");
        Assert.True(code == 0, stdout + stderr);
        Assert.DoesNotContain("firebreak-baseline.sarif:", stdout.Split('\n').Where(l => !l.Contains("FB0001", StringComparison.Ordinal)).Aggregate(string.Empty, (a, b) => a + b + "\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sarif", "report.sarif", "a SARIF report")]
    [InlineData("json", "out/findings.json", "a JSON report")]
    [InlineData("gitlab", "gl-code-quality-report.json", "a GitLab Code Quality report")]
    [InlineData("html", "blast.html", "an HTML report")]
    // Under names whose kind the path says, which are read without decoding unless they open like a report.
    [InlineData("json", "findings.txt", "a JSON report")]
    [InlineData("html", "blast.htm", "an HTML report")]
    public void A_report_written_into_the_tree_is_a_note_not_findings(string format, string output, string what)
    {
        using var repo = new TempRepo().Write(".github/workflows/ci.yml", Unscoped);
        Directory.CreateDirectory(Path.Combine(repo.Root, "out"));
        repo.Run("scan", "--format", format, "--output", output, "--fail-on", "none");
        var stdout = repo.Run("scan", "--fail-on", "none", "--no-ignore").Stdout;
        var lines = stdout.Split('\n').Where(l => l.StartsWith(output + ":", StringComparison.Ordinal)).ToArray();
        var note = Assert.Single(lines);
        Assert.Contains("FB0001", note, StringComparison.Ordinal);
        Assert.Contains(what + " written by Firebreak", note, StringComparison.Ordinal);
    }
}
