using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Firebreak.Cli.Output;
using Firebreak.Core.Configuration;
using Firebreak.Core.Rules;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Lsp;

/// <summary>
/// <c>firebreak lsp</c>: a Language Server Protocol server over stdio. Full document sync; diagnostics on open and,
/// debounced, on change (a newer version cancels the analysis of an older one); a code action that inserts a
/// <c>firebreak:ignore</c> comment in the file's own comment syntax and one that opens the rule page; hover shows the
/// rule page; a change to firebreak.yml reloads the configuration. The findings are those of <c>firebreak scan</c> on
/// the file in its repository: same engine, configuration, catalogues and discovery.
/// </summary>
public sealed class LanguageServer
{
    public const string OpenRulePageCommand = "firebreak.openRulePage";

    private readonly LspTransport _transport;
    private readonly TimeSpan _debounce;
    private readonly object _gate = new();
    private readonly List<WorkspaceAnalyzer> _workspaces = new();
    private readonly Dictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly List<Task> _running = new();
    private bool _initialized;
    private bool _shutdownRequested;
    private bool _watchFilesDynamically;
    private int _nextServerRequestId;

    public LanguageServer(LspTransport transport, TimeSpan debounce)
    {
        _transport = transport;
        _debounce = debounce;
    }

    /// <summary>Serves until <c>exit</c> or the end of the input; the process exit code (0 after a shutdown request).</summary>
    public int Run()
    {
        while (true)
        {
            JsonDocument? message;
            try
            {
                message = _transport.Read();
            }
            catch (Exception ex) when (ex is InvalidDataException or JsonException)
            {
                // A broken frame cannot be resynchronised: say why and stop, as the spec's clients expect of a dead server.
                ShowMessage(1, "firebreak lsp: " + ex.Message);
                return 1;
            }
            if (message is null) break;
            using (message)
            {
                if (!Dispatch(message.RootElement)) break;
            }
        }
        Task[] running;
        lock (_gate) running = _running.ToArray();
        try
        {
            Task.WaitAll(running, TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // cancelled analyses
        }
        return _shutdownRequested ? 0 : 1;
    }

    /// <returns>False when the server must stop (<c>exit</c>).</returns>
    private bool Dispatch(JsonElement message)
    {
        string? method = message.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        bool isRequest = message.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.Number or JsonValueKind.String;
        if (method is null) return true; // a response to one of our requests (registerCapability, showDocument)
        var parameters = message.TryGetProperty("params", out var p) ? p : default;

        if (method == "exit") return false;
        if (!_initialized && method != "initialize")
        {
            if (isRequest) Error(id, -32002, "the server is not initialized");
            return true;
        }
        try
        {
            switch (method)
            {
                case "initialize":
                    Respond(id, json => Initialize(parameters, json));
                    _initialized = true;
                    break;
                case "initialized":
                    RegisterWatchers();
                    break;
                case "shutdown":
                    _shutdownRequested = true;
                    Respond(id, json => json.WriteNull("result"));
                    break;
                case "textDocument/didOpen":
                    Open(parameters.GetProperty("textDocument"));
                    break;
                case "textDocument/didChange":
                    Change(parameters);
                    break;
                case "textDocument/didSave":
                    Saved(Text(parameters.GetProperty("textDocument"), "uri"));
                    break;
                case "textDocument/didClose":
                    Close(Text(parameters.GetProperty("textDocument"), "uri"));
                    break;
                case "workspace/didChangeWatchedFiles":
                    foreach (var change in parameters.GetProperty("changes").EnumerateArray()) FileChangedOnDisk(Text(change, "uri"));
                    ReanalyzeAll();
                    break;
                case "workspace/didChangeWorkspaceFolders":
                    FoldersChanged(parameters.GetProperty("event"));
                    break;
                case "textDocument/hover":
                    Respond(id, json => Hover(parameters, json));
                    break;
                case "textDocument/codeAction":
                    Respond(id, json => CodeActions(parameters, json));
                    break;
                case "workspace/executeCommand":
                    Respond(id, json => ExecuteCommand(parameters, json));
                    break;
                default:
                    if (isRequest && !method.StartsWith("$/", StringComparison.Ordinal)) Error(id, -32601, $"method '{method}' is not supported");
                    break;
            }
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or UriFormatException)
        {
            // Parameters that are not what the spec says: an error for a request, nothing for a notification.
            if (isRequest) Error(id, -32602, $"invalid params for '{method}': {ex.Message}");
        }
        return true;
    }

    private void Initialize(JsonElement parameters, Utf8JsonWriter json)
    {
        if (parameters.ValueKind == JsonValueKind.Object)
        {
            if (parameters.TryGetProperty("workspaceFolders", out var folders) && folders.ValueKind == JsonValueKind.Array)
            {
                foreach (var folder in folders.EnumerateArray()) AddWorkspace(Text(folder, "uri"));
            }
            else if (parameters.TryGetProperty("rootUri", out var rootUri) && rootUri.ValueKind == JsonValueKind.String)
            {
                AddWorkspace(rootUri.GetString()!);
            }
            else if (parameters.TryGetProperty("rootPath", out var rootPath) && rootPath.ValueKind == JsonValueKind.String)
            {
                lock (_gate) _workspaces.Add(new WorkspaceAnalyzer(rootPath.GetString()!));
            }
            _watchFilesDynamically = parameters.TryGetProperty("capabilities", out var caps)
                && caps.TryGetProperty("workspace", out var ws) && ws.TryGetProperty("didChangeWatchedFiles", out var watched)
                && watched.TryGetProperty("dynamicRegistration", out var dynamic) && dynamic.ValueKind == JsonValueKind.True;
        }
        json.WriteStartObject("result");
        json.WriteStartObject("capabilities");
        json.WriteStartObject("textDocumentSync");
        json.WriteBoolean("openClose", true);
        json.WriteNumber("change", 1); // full
        json.WriteStartObject("save");
        json.WriteBoolean("includeText", false);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteBoolean("hoverProvider", true);
        json.WriteStartObject("codeActionProvider");
        json.WriteStartArray("codeActionKinds");
        json.WriteStringValue("quickfix");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("executeCommandProvider");
        json.WriteStartArray("commands");
        json.WriteStringValue(OpenRulePageCommand);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("workspace");
        json.WriteStartObject("workspaceFolders");
        json.WriteBoolean("supported", true);
        json.WriteBoolean("changeNotifications", true);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("serverInfo");
        json.WriteString("name", "firebreak");
        json.WriteString("version", ToolInfo.Version);
        json.WriteEndObject();
        json.WriteEndObject();

        foreach (var workspace in Workspaces())
        {
            if (workspace.ConfigurationError is { } error) ShowMessage(1, "firebreak: " + error);
        }
    }

    private void RegisterWatchers()
    {
        if (!_watchFilesDynamically) return;
        // firebreak.yml (and the catalogues it names, wherever they are) and every other file: context for the open ones.
        int requestId = Interlocked.Increment(ref _nextServerRequestId);
        _transport.Write(json =>
        {
            json.WriteString("id", "firebreak-" + requestId);
            json.WriteString("method", "client/registerCapability");
            json.WriteStartObject("params");
            json.WriteStartArray("registrations");
            json.WriteStartObject();
            json.WriteString("id", "firebreak-watch");
            json.WriteString("method", "workspace/didChangeWatchedFiles");
            json.WriteStartObject("registerOptions");
            json.WriteStartArray("watchers");
            json.WriteStartObject();
            json.WriteString("globPattern", "**/*");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private void Open(JsonElement textDocument)
    {
        string uri = Text(textDocument, "uri");
        string text = Text(textDocument, "text");
        int version = textDocument.TryGetProperty("version", out var v) && v.TryGetInt32(out int n) ? n : 0;
        if (!TryLocalPath(uri, out string path)) return; // untitled: and other schemes have no repository around them
        var workspace = WorkspaceFor(path);
        string? relative = workspace.Relative(path);
        if (relative is null) return;
        var document = new OpenDocument(uri, path, relative, workspace) { Text = text, Version = version };
        lock (_gate) _documents[uri] = document;
        if (IsConfiguration(path)) return;
        Schedule(document, TimeSpan.Zero);
    }

    private void Change(JsonElement parameters)
    {
        var textDocument = parameters.GetProperty("textDocument");
        string uri = Text(textDocument, "uri");
        OpenDocument? document;
        lock (_gate) _documents.TryGetValue(uri, out document);
        if (document is null) return;
        var changes = parameters.GetProperty("contentChanges");
        string? text = null;
        foreach (var change in changes.EnumerateArray())
        {
            if (change.TryGetProperty("range", out _)) throw new InvalidOperationException("incremental changes were not negotiated (textDocumentSync is full)");
            text = Text(change, "text");
        }
        if (text is null) return;
        lock (_gate)
        {
            document.Text = text;
            document.Version = textDocument.TryGetProperty("version", out var v) && v.TryGetInt32(out int n) ? n : document.Version + 1;
        }
        if (IsConfiguration(document.Path)) return; // takes effect when saved, as for a scan
        Schedule(document, _debounce);
    }

    private void Saved(string uri)
    {
        if (!TryLocalPath(uri, out string path)) return;
        FileChangedOnDisk(uri);
        ReanalyzeAll();
    }

    private void Close(string uri)
    {
        OpenDocument? document;
        lock (_gate)
        {
            _documents.TryGetValue(uri, out document);
            _documents.Remove(uri);
        }
        if (document is null) return;
        document.Pending?.Cancel();
        Publish(uri, null, Array.Empty<Finding>());
    }

    private void FileChangedOnDisk(string uri)
    {
        if (!TryLocalPath(uri, out string path)) return;
        foreach (var workspace in Workspaces())
        {
            if (workspace.Relative(path) is null) continue;
            if (IsConfiguration(path) || IsCatalog(path))
            {
                workspace.ReloadConfiguration();
                if (workspace.ConfigurationError is { } error) ShowMessage(1, "firebreak: " + error);
            }
            else
            {
                workspace.Forget(path);
            }
        }
    }

    private void FoldersChanged(JsonElement change)
    {
        if (change.TryGetProperty("added", out var added))
        {
            foreach (var folder in added.EnumerateArray()) AddWorkspace(Text(folder, "uri"));
        }
        if (change.TryGetProperty("removed", out var removed))
        {
            foreach (var folder in removed.EnumerateArray())
            {
                if (!TryLocalPath(Text(folder, "uri"), out string path)) continue;
                lock (_gate) _workspaces.RemoveAll(w => w.Root == Path.GetFullPath(path));
            }
        }
    }

    private void ReanalyzeAll()
    {
        OpenDocument[] documents;
        lock (_gate) documents = _documents.Values.Where(d => !IsConfiguration(d.Path)).ToArray();
        foreach (var document in documents) Schedule(document, TimeSpan.Zero);
    }

    /// <summary>Analyses a document after <paramref name="delay"/>, unless a newer change comes first.</summary>
    private void Schedule(OpenDocument document, TimeSpan delay)
    {
        CancellationTokenSource cancellation;
        int version;
        lock (_gate)
        {
            document.Pending?.Cancel();
            document.Pending = cancellation = new CancellationTokenSource();
            version = document.Version;
        }
        var task = Task.Run(async () =>
        {
            try
            {
                if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellation.Token).ConfigureAwait(false);
                Dictionary<string, string> buffers;
                lock (_gate)
                {
                    buffers = _documents.Values.Where(d => d.Workspace == document.Workspace)
                        .GroupBy(d => d.RelativePath, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
                }
                var findings = document.Workspace.Analyze(document.RelativePath, buffers, cancellation.Token);
                lock (_gate)
                {
                    if (cancellation.IsCancellationRequested || document.Version != version || !_documents.ContainsKey(document.Uri)) return;
                    document.Findings = findings;
                }
                Publish(document.Uri, version, findings);
            }
            catch (OperationCanceledException)
            {
                // superseded by a newer version
            }
            catch (Exception ex)
            {
                ShowMessage(1, $"firebreak: internal error analysing {document.RelativePath}: {ex.GetType().Name}: {ex.Message}");
            }
        });
        lock (_gate)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(task);
        }
    }

    private void Publish(string uri, int? version, IReadOnlyList<Finding> findings)
    {
        OpenDocument? document;
        lock (_gate) _documents.TryGetValue(uri, out document);
        _transport.Write(json =>
        {
            json.WriteString("method", "textDocument/publishDiagnostics");
            json.WriteStartObject("params");
            json.WriteString("uri", uri);
            if (version is { } v) json.WriteNumber("version", v);
            json.WriteStartArray("diagnostics");
            foreach (var finding in findings)
            {
                json.WriteStartObject();
                WriteRange(json, "range", finding.Location);
                json.WriteNumber("severity", finding.Level switch { FindingLevel.Error => 1, FindingLevel.Warning => 2, _ => 3 });
                json.WriteString("code", finding.RuleId);
                json.WriteStartObject("codeDescription");
                json.WriteString("href", finding.Rule.HelpUri);
                json.WriteEndObject();
                json.WriteString("source", "firebreak");
                json.WriteString("message", finding.Message);
                if (finding.RelatedLocations.Count > 0 && document is not null)
                {
                    json.WriteStartArray("relatedInformation");
                    foreach (var related in finding.RelatedLocations)
                    {
                        json.WriteStartObject();
                        json.WriteStartObject("location");
                        json.WriteString("uri", new Uri(Path.Combine(document.Workspace.Root, related.Location.Path)).AbsoluteUri);
                        WriteRange(json, "range", related.Location);
                        json.WriteEndObject();
                        json.WriteString("message", related.Message);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private void Hover(JsonElement parameters, Utf8JsonWriter json)
    {
        var finding = FindingsAt(Text(parameters.GetProperty("textDocument"), "uri"), Position(parameters.GetProperty("position")), Position(parameters.GetProperty("position"))).FirstOrDefault();
        if (finding is null)
        {
            json.WriteNull("result");
            return;
        }
        string page = RulePages.Markdown(finding.RuleId) ?? $"# {finding.RuleId}: {finding.Rule.Title}\n\n{finding.Rule.Description}\n";
        json.WriteStartObject("result");
        json.WriteStartObject("contents");
        json.WriteString("kind", "markdown");
        json.WriteString("value", $"**{finding.RuleId}** ({finding.Level.ToSarifName()}): {finding.Message}\n\n---\n\n{page}\n\n[Rule page]({finding.Rule.HelpUri})");
        json.WriteEndObject();
        WriteRange(json, "range", finding.Location);
        json.WriteEndObject();
    }

    private void CodeActions(JsonElement parameters, Utf8JsonWriter json)
    {
        string uri = Text(parameters.GetProperty("textDocument"), "uri");
        var range = parameters.GetProperty("range");
        var findings = FindingsAt(uri, Position(range.GetProperty("start")), Position(range.GetProperty("end")));
        OpenDocument? document;
        lock (_gate) _documents.TryGetValue(uri, out document);
        json.WriteStartArray("result");
        if (document is not null)
        {
            foreach (var finding in findings.Where(f => f.Rule.Family != RuleFamily.Tool))
            {
                string text;
                lock (_gate) text = document.Text;
                if (SuppressionComment.For(document.RelativePath, text, finding) is { } insert)
                {
                    json.WriteStartObject();
                    json.WriteString("title", $"Suppress {finding.RuleId} on this line (firebreak:ignore, with a reason)");
                    json.WriteString("kind", "quickfix");
                    json.WriteStartObject("edit");
                    json.WriteStartObject("changes");
                    json.WriteStartArray(uri);
                    json.WriteStartObject();
                    json.WriteStartObject("range");
                    WritePosition(json, "start", insert.Line, 0);
                    WritePosition(json, "end", insert.Line, 0);
                    json.WriteEndObject();
                    json.WriteString("newText", insert.Text);
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                json.WriteStartObject();
                json.WriteString("title", $"Open the {finding.RuleId} rule page");
                json.WriteString("kind", "quickfix");
                json.WriteStartObject("command");
                json.WriteString("title", $"Open the {finding.RuleId} rule page");
                json.WriteString("command", OpenRulePageCommand);
                json.WriteStartArray("arguments");
                json.WriteStringValue(finding.Rule.HelpUri);
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
    }

    private void ExecuteCommand(JsonElement parameters, Utf8JsonWriter json)
    {
        if (Text(parameters, "command") == OpenRulePageCommand && parameters.TryGetProperty("arguments", out var arguments)
            && arguments.ValueKind == JsonValueKind.Array && arguments.GetArrayLength() == 1 && arguments[0].ValueKind == JsonValueKind.String)
        {
            string target = arguments[0].GetString()!;
            // Only our own rule pages: a command's arguments come from the client, and showDocument opens a browser.
            if (RuleCatalog.All.Any(r => r.HelpUri == target))
            {
                int requestId = Interlocked.Increment(ref _nextServerRequestId);
                _transport.Write(w =>
                {
                    w.WriteString("id", "firebreak-" + requestId);
                    w.WriteString("method", "window/showDocument");
                    w.WriteStartObject("params");
                    w.WriteString("uri", target);
                    w.WriteBoolean("external", true);
                    w.WriteEndObject();
                });
            }
        }
        json.WriteNull("result");
    }

    private IReadOnlyList<Finding> FindingsAt(string uri, (int Line, int Character) start, (int Line, int Character) end)
    {
        OpenDocument? document;
        lock (_gate) _documents.TryGetValue(uri, out document);
        if (document is null) return Array.Empty<Finding>();
        IReadOnlyList<Finding> findings;
        lock (_gate) findings = document.Findings;
        return findings.Where(f => Compare((f.Location.Start.Line, f.Location.Start.Character), end) <= 0
                                && Compare(start, (f.Location.End.Line, f.Location.End.Character)) <= 0).ToArray();
    }

    private static int Compare((int Line, int Character) a, (int Line, int Character) b) =>
        a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Character.CompareTo(b.Character);

    private static (int Line, int Character) Position(JsonElement position) =>
        (position.GetProperty("line").GetInt32(), position.GetProperty("character").GetInt32());

    private static void WriteRange(Utf8JsonWriter json, string name, Firebreak.Core.Documents.SourceLocation location)
    {
        json.WriteStartObject(name);
        WritePosition(json, "start", location.Start.Line, location.Start.Character);
        WritePosition(json, "end", location.End.Line, location.End.Character);
        json.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter json, string name, int line, int character)
    {
        json.WriteStartObject(name);
        json.WriteNumber("line", line);
        json.WriteNumber("character", character);
        json.WriteEndObject();
    }

    private void Respond(JsonElement id, Action<Utf8JsonWriter> writeResult) =>
        _transport.Write(json =>
        {
            WriteId(json, id);
            writeResult(json);
        });

    private void Error(JsonElement id, int code, string message) =>
        _transport.Write(json =>
        {
            WriteId(json, id);
            json.WriteStartObject("error");
            json.WriteNumber("code", code);
            json.WriteString("message", message);
            json.WriteEndObject();
        });

    private static void WriteId(Utf8JsonWriter json, JsonElement id)
    {
        json.WritePropertyName("id");
        id.WriteTo(json);
    }

    private void ShowMessage(int type, string message) =>
        _transport.Write(json =>
        {
            json.WriteString("method", "window/showMessage");
            json.WriteStartObject("params");
            json.WriteNumber("type", type);
            json.WriteString("message", message);
            json.WriteEndObject();
        });

    private void AddWorkspace(string uri)
    {
        if (!TryLocalPath(uri, out string path) || !Directory.Exists(path)) return;
        var workspace = new WorkspaceAnalyzer(path);
        lock (_gate)
        {
            if (_workspaces.All(w => w.Root != workspace.Root)) _workspaces.Add(workspace);
        }
    }

    private WorkspaceAnalyzer[] Workspaces()
    {
        lock (_gate) return _workspaces.ToArray();
    }

    /// <summary>The innermost workspace folder holding the file; else its repository (the folder with .git), else its folder.</summary>
    private WorkspaceAnalyzer WorkspaceFor(string path)
    {
        var holding = Workspaces().Where(w => w.Relative(path) is not null).OrderByDescending(w => w.Root.Length).FirstOrDefault();
        if (holding is not null) return holding;
        string? folder = Path.GetDirectoryName(path);
        string start = folder ?? "/";
        for (string? probe = folder; probe is not null; probe = Path.GetDirectoryName(probe))
        {
            if (Directory.Exists(Path.Combine(probe, ".git")) || File.Exists(Path.Combine(probe, ".git"))) { start = probe; break; }
        }
        var workspace = new WorkspaceAnalyzer(start);
        lock (_gate) _workspaces.Add(workspace);
        return workspace;
    }

    private static bool TryLocalPath(string uri, out string path)
    {
        path = string.Empty;
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile) return false;
        path = Path.GetFullPath(parsed.LocalPath);
        return true;
    }

    private static bool IsConfiguration(string path) => FirebreakConfig.FileNames.Contains(Path.GetFileName(path), StringComparer.Ordinal);

    private bool IsCatalog(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            ? Workspaces().Any(w => w.NamesCatalog(path))
            : false;

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new KeyNotFoundException($"'{property}' must be a string");

    private sealed class OpenDocument
    {
        public OpenDocument(string uri, string path, string relativePath, WorkspaceAnalyzer workspace)
        {
            Uri = uri;
            Path = path;
            RelativePath = relativePath;
            Workspace = workspace;
        }

        public string Uri { get; }
        public string Path { get; }
        public string RelativePath { get; }
        public WorkspaceAnalyzer Workspace { get; }
        public string Text { get; set; } = string.Empty;
        public int Version { get; set; }
        public CancellationTokenSource? Pending { get; set; }
        public IReadOnlyList<Finding> Findings { get; set; } = Array.Empty<Finding>();
    }
}
