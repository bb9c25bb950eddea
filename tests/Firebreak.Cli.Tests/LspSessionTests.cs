using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Firebreak.Cli.Tests;

/// <summary>
/// <c>firebreak lsp</c> driven over real stdio, as an editor drives it: initialize, open the incident workflow, type a
/// destructive step, ask for code actions, apply the suppression, hover, shut down. The diagnostics are compared with
/// what <c>firebreak scan</c> reports on the same file of the same repository.
/// </summary>
public sealed class LspSessionTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    [Fact]
    public void An_editor_session_gets_the_scans_findings_then_the_new_ones_and_a_suppression_that_works()
    {
        using var repo = CopyOfIncidentSample();
        string path = Path.Combine(repo.Root, ".github/workflows/deploy.yml");
        string uri = new Uri(path).AbsoluteUri;
        string text = File.ReadAllText(path);
        using var server = LspProcess.Start(repo.Root);

        var init = server.Request("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(repo.Root).AbsoluteUri,
            ["capabilities"] = new JsonObject(),
        });
        Assert.Equal(1, init["result"]!["capabilities"]!["textDocumentSync"]!["change"]!.GetValue<int>());
        server.Notify("initialized", new JsonObject());

        // 1. Open: the same findings as `firebreak scan` on this file, at the same positions.
        server.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = text },
        });
        var opened = server.Diagnostics(uri, version: 1);
        Assert.Equal(ScanFindings(repo, ".github/workflows/deploy.yml"), opened.Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
        var volumeDelete = opened.Single(d => (string)d["code"]! == "FB1002");
        Assert.Equal((33, 37, 33, 49), Range(volumeDelete));
        Assert.Equal(1, volumeDelete["severity"]!.GetValue<int>());
        Assert.EndsWith("rules/FB1002.md", (string)volumeDelete["codeDescription"]!["href"]!, StringComparison.Ordinal);

        // 2. Type a destructive step: it is reported on the new line, at the command.
        string typed = text + "      - run: terraform destroy -auto-approve\n";
        int newLine = typed.Split('\n').Length - 2;
        server.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = typed }),
        });
        var changed = server.Diagnostics(uri, version: 2);
        var destroy = changed.Single(d => (string)d["code"]! == "FB1001");
        Assert.Equal(newLine, Range(destroy).StartLine);
        Assert.True(Range(destroy).StartCharacter >= "      - run: ".Length, "the finding is on the command, not the YAML key");

        // 3. The suppression code action inserts a directive that the engine honours.
        var actions = server.Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = destroy["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(destroy.DeepClone()) },
        })["result"]!.AsArray();
        var suppress = actions.Single(a => ((string)a!["title"]!).StartsWith("Suppress FB1001", StringComparison.Ordinal))!;
        var edit = suppress["edit"]!["changes"]![uri]!.AsArray().Single()!;
        Assert.Equal(newLine, edit["range"]!["start"]!["line"]!.GetValue<int>());
        string inserted = (string)edit["newText"]!;
        Assert.Matches(@"^ {6}# firebreak:ignore FB1001 -- .+\n$", inserted);
        Assert.Contains(actions, a => (string?)a!["command"]?["command"] == "firebreak.openRulePage");

        var lines = typed.Split('\n').ToList();
        lines.Insert(newLine, inserted.TrimEnd('\n'));
        server.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 3 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = string.Join('\n', lines) }),
        });
        var suppressed = server.Diagnostics(uri, version: 3);
        Assert.DoesNotContain(suppressed, d => (string)d["code"]! == "FB1001");
        Assert.DoesNotContain(suppressed, d => (string)d["code"]! == "FB0003"); // the directive is valid: it has a reason

        // 4. Hover on a finding shows its rule page.
        var hover = server.Request("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["position"] = volumeDelete["range"]!["start"]!.DeepClone(),
        });
        string markdown = (string)hover["result"]!["contents"]!["value"]!;
        Assert.Contains("FB1002", markdown, StringComparison.Ordinal);
        Assert.Contains("## ", markdown, StringComparison.Ordinal); // the page, not just the message

        // 5. Shut down cleanly.
        Assert.True(server.Request("shutdown", null).ContainsKey("result"));
        server.Notify("exit", null);
        Assert.Equal(0, server.WaitForExit());
    }

    [Fact]
    public void A_change_to_firebreak_yml_reloads_the_configuration()
    {
        using var repo = CopyOfIncidentSample();
        string path = Path.Combine(repo.Root, ".github/workflows/deploy.yml");
        string uri = new Uri(path).AbsoluteUri;
        using var server = LspProcess.Start(repo.Root);
        server.Request("initialize", new JsonObject { ["rootUri"] = new Uri(repo.Root).AbsoluteUri, ["capabilities"] = new JsonObject() });
        server.Notify("initialized", new JsonObject());
        server.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = File.ReadAllText(path) },
        });
        Assert.Contains(server.Diagnostics(uri, version: 1), d => (string)d["code"]! == "FB2001");

        repo.Write("firebreak.yml", "rules:\n  FB2001: off\n");
        server.Notify("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = new Uri(Path.Combine(repo.Root, "firebreak.yml")).AbsoluteUri, ["type"] = 1 }),
        });
        var after = server.Diagnostics(uri, version: 1);
        Assert.DoesNotContain(after, d => (string)d["code"]! == "FB2001");
        Assert.Contains(after, d => (string)d["code"]! == "FB1002");
        server.Request("shutdown", null);
        server.Notify("exit", null);
        Assert.Equal(0, server.WaitForExit());
    }

    [Fact]
    public void A_request_before_initialize_and_an_unknown_method_get_the_specs_errors()
    {
        using var repo = new TempRepo();
        using var server = LspProcess.Start(repo.Root);
        Assert.Equal(-32002, server.Request("textDocument/hover", new JsonObject())["error"]!["code"]!.GetValue<int>());
        server.Request("initialize", new JsonObject { ["rootUri"] = new Uri(repo.Root).AbsoluteUri, ["capabilities"] = new JsonObject() });
        Assert.Equal(-32601, server.Request("textDocument/rename", new JsonObject())["error"]!["code"]!.GetValue<int>());
        server.Notify("exit", null);
        Assert.Equal(1, server.WaitForExit()); // exit without shutdown
    }

    private static string Key(JsonNode diagnostic)
    {
        var (line, character, _, _) = Range(diagnostic);
        return $"{(string)diagnostic["code"]!}@{line + 1}:{character + 1}";
    }

    private static (int StartLine, int StartCharacter, int EndLine, int EndCharacter) Range(JsonNode diagnostic)
    {
        var range = diagnostic["range"]!;
        return (range["start"]!["line"]!.GetValue<int>(), range["start"]!["character"]!.GetValue<int>(),
                range["end"]!["line"]!.GetValue<int>(), range["end"]!["character"]!.GetValue<int>());
    }

    private static string[] ScanFindings(TempRepo repo, string relativePath)
    {
        var (_, stdout, _) = repo.Run("scan", "--format", "json", "--fail-on", "none");
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("path").GetString() == relativePath)
            .Select(f => $"{f.GetProperty("ruleId").GetString()}@{f.GetProperty("startLine").GetInt32()}:{f.GetProperty("startColumn").GetInt32()}")
            .OrderBy(k => k, StringComparer.Ordinal).ToArray();
    }

    private static TempRepo CopyOfIncidentSample()
    {
        var repo = new TempRepo();
        string sample = Path.Combine(RepoRoot, "samples", "incident");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
            repo.Write(Path.GetRelativePath(sample, file), File.ReadAllText(file));
        return repo;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("repository root not found");
    }

    /// <summary>The server as a child process on real pipes, with the base protocol's framing.</summary>
    private sealed class LspProcess : IDisposable
    {
        private readonly Process _process;
        private readonly Stream _input;
        private readonly Stream _output;
        private readonly List<JsonObject> _notifications = new();
        private int _nextId;

        private LspProcess(Process process)
        {
            _process = process;
            _input = process.StandardInput.BaseStream;
            _output = process.StandardOutput.BaseStream;
        }

        public static LspProcess Start(string workingDirectory)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = false,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "firebreak.dll"));
            start.ArgumentList.Add("lsp");
            start.ArgumentList.Add("--debounce-ms");
            start.ArgumentList.Add("20");
            return new LspProcess(Process.Start(start)!);
        }

        public JsonObject Request(string method, JsonObject? parameters)
        {
            int id = ++_nextId;
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
            while (true)
            {
                var message = Receive();
                if (message["id"] is { } got && got.GetValueKind() == JsonValueKind.Number && got.GetValue<int>() == id && message["method"] is null) return message;
                _notifications.Add(message);
            }
        }

        public void Notify(string method, JsonObject? parameters) =>
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

        /// <summary>The next diagnostics published for the document at that version (older ones are superseded).</summary>
        public List<JsonNode> Diagnostics(string uri, int version)
        {
            while (true)
            {
                var message = _notifications.FirstOrDefault() ?? Receive();
                _notifications.Remove(message);
                if ((string?)message["method"] != "textDocument/publishDiagnostics") continue;
                var p = message["params"]!;
                if ((string)p["uri"]! == uri && p["version"]?.GetValue<int>() == version) return p["diagnostics"]!.AsArray().Select(n => n!).ToList();
            }
        }

        public int WaitForExit()
        {
            Assert.True(_process.WaitForExit(30_000), "the server did not exit");
            return _process.ExitCode;
        }

        private void Send(JsonObject message)
        {
            byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
            byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            _input.Write(header);
            _input.Write(body);
            _input.Flush();
        }

        private JsonObject Receive()
        {
            var read = System.Threading.Tasks.Task.Run(ReceiveBlocking);
            Assert.True(read.Wait(TimeSpan.FromSeconds(60)), "no message from the server within 60 s");
            return read.Result;
        }

        private JsonObject ReceiveBlocking()
        {
            int length = -1;
            var line = new StringBuilder();
            while (true)
            {
                int b = _output.ReadByte();
                if (b < 0) throw new EndOfStreamException("the server closed its output");
                if (b != '\n')
                {
                    line.Append((char)b);
                    continue;
                }
                string header = line.ToString().TrimEnd('\r');
                line.Clear();
                if (header.Length == 0) break;
                if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(header.Substring(15).Trim());
            }
            var body = new byte[length];
            int got = 0;
            while (got < length) got += _output.Read(body, got, length - got);
            return JsonNode.Parse(body)!.AsObject();
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
