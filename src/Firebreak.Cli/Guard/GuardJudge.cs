using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using Firebreak.Core.Analysis;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Guard;

/// <summary>
/// Judges one tool call with the engine `scan` uses: a shell command as a script, a file write as that file (after the
/// edit), an MCP call by the MCP tool catalogue and its SQL by the SQL rules. Errors deny, warnings ask, and the
/// guard-only notes (local work, commands that cannot be read) ask; nothing else has an opinion.
/// </summary>
internal sealed class GuardJudge
{
    private readonly AnalysisOptions _options;
    private readonly string _workspace;
    private readonly int _maxChars;

    public GuardJudge(AnalysisOptions options, string workspace, int maxChars)
    {
        _options = options;
        _workspace = workspace;
        _maxChars = maxChars;
    }

    /// <summary>The findings a decision's reason lists; the rest are counted.</summary>
    internal const int MaxReasons = 5;

    /// <summary>Rules whose findings are notes in `scan` (CI scripts stay quiet) and questions in the guard.</summary>
    public static ISet<string> AskedOnNote { get; } = new HashSet<string>(Firebreak.Core.Rules.RuleCatalog.GuardAskedRules.Select(r => r.Id), StringComparer.Ordinal);

    public GuardVerdict Judge(ToolCall call, CancellationToken cancellation)
    {
        var files = Files(call);
        if (files.Count == 0) return GuardVerdict.Quiet;
        // Loops, not LINQ chains: Select over a LINQ iterator is a generic virtual call, which a native build resolves at
        // run time on first use (see StableOrder in Firebreak.Core).
        var result = new AnalysisEngine(_options).Analyze(files, cancellation);
        // A file whose analysis stopped at a work budget was not read to its end: what follows that point (`echo` with
        // 200,000 words, then `rm -rf /`) is unknown. A command is blocked, as a call past the deadline is; a file
        // written or edited (a large generated manifest can be that big) is asked about: never allowed silently.
        foreach (var use in result.PeakBudgets)
        {
            if (use.Used <= use.Limit) continue;
            bool file = call is FileWriteCall or FileEditCall or PatchCall;
            return new GuardVerdict(file ? GuardDecision.Ask : GuardDecision.Deny,
                AgentProtocol.OneLine($"Firebreak cannot judge this call, so it is {(file ? "asked about" : "blocked")}: {use.Path} exceeds the {use.Budget.ToString().ToLowerInvariant()} budget ({use.Limit:N0} per file), and what comes after that point was not read. Split it into smaller {(file ? "files" : "commands")}."),
                Firebreak.Core.Rules.RuleIds.FileNotAnalyzed);
        }
        var findings = new List<(Finding Finding, GuardDecision Decision)>();
        foreach (var f in result.Findings)
        {
            if (f.Rule.Family == RuleFamily.Tool) continue;
            var d = DecisionOf(f);
            if (d != GuardDecision.NoOpinion) findings.Add((f, d));
        }
        if (findings.Count == 0) return GuardVerdict.Quiet;
        var decision = findings.Max(f => f.Decision);
        var chosen = new List<Finding>();
        foreach (var f in findings) if (f.Decision == decision) chosen.Add(f.Finding);
        // The agent reads the reason: each distinct finding once, the first few of them, and how many more there are
        // (40,000 mutations in one body are one reason, not a 40 KB answer).
        var distinct = chosen.Select(f => $"[{f.RuleId}] {f.Message}").Distinct(StringComparer.Ordinal).ToList();
        string reason = "Firebreak: " + string.Join(" ", distinct.Take(MaxReasons))
            + (distinct.Count > MaxReasons ? $" (and {distinct.Count - MaxReasons} more)" : string.Empty);
        return new GuardVerdict(decision, AgentProtocol.OneLine(reason), string.Join(",", chosen.Select(f => f.RuleId).Distinct()));
    }

    private static GuardDecision DecisionOf(Finding finding) => finding.Level switch
    {
        FindingLevel.Error => GuardDecision.Deny,
        FindingLevel.Warning => GuardDecision.Ask,
        FindingLevel.Note when AskedOnNote.Contains(finding.RuleId) => GuardDecision.Ask,
        _ => GuardDecision.NoOpinion,
    };

    private IReadOnlyList<SourceFile> Files(ToolCall call)
    {
        switch (call)
        {
            case ShellCall shell:
                return new[] { new SourceFile("agent-command.sh", shell.Command, FileKind.Shell) };
            case FileWriteCall write:
                return new[] { new SourceFile(RelativePath(write.Path, write.Cwd), write.Content) };
            case FileEditCall edit:
            {
                string full = FullPath(edit.Path, edit.Cwd);
                string? after = FileEdits.Apply(FileEdits.ReadCurrent(full, _maxChars), edit.Edits);
                return after is null ? Array.Empty<SourceFile>() : new[] { new SourceFile(RelativePath(edit.Path, edit.Cwd), after) };
            }
            case PatchCall patch:
            {
                var files = new List<SourceFile>();
                foreach (var change in CodexPatch.Parse(patch.Patch))
                {
                    if (change.Delete) continue; // deleting a file removes what would be judged; git keeps its history
                    string target = change.MoveTo ?? change.Path;
                    string? after = change.Add
                        ? string.Join("\n", change.AddedLines) + "\n"
                        : CodexPatch.Apply(FileEdits.ReadCurrent(FullPath(change.Path, patch.Cwd), _maxChars), change.Hunks);
                    if (after is null) return Array.Empty<SourceFile>(); // Codex rejects the whole patch
                    files.Add(new SourceFile(RelativePath(target, patch.Cwd), after));
                }
                return files;
            }
            case McpCall mcp:
                return McpFiles(mcp);
            default:
                return Array.Empty<SourceFile>();
        }
    }

    /// <summary>
    /// The MCP call as the engine reads it: a small JSON document (server, how it is launched or reached, tool,
    /// arguments) for the MCP tool catalogue, and the SQL it carries for the SQL rules.
    /// </summary>
    private IReadOnlyList<SourceFile> McpFiles(McpCall mcp)
    {
        var (command, url) = (mcp.ServerCommand, mcp.ServerUrl);
        if (command is null && url is null && mcp.Server is not null) (command, url) = McpServers.Launch(_workspace, mcp.Server);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            if (mcp.Server is not null) json.WriteString("server", mcp.Server);
            if (command is not null) json.WriteString("command", command);
            if (url is not null) json.WriteString("url", url);
            json.WriteString("tool", mcp.Tool);
            json.WritePropertyName("arguments");
            using (var arguments = JsonDocument.Parse(mcp.ArgumentsJson)) arguments.RootElement.WriteTo(json);
            json.WriteEndObject();
        }
        var files = new List<SourceFile> { new("agent-tool-call.mcp-call.json", Encoding.UTF8.GetString(stream.ToArray())) };
        using var args = JsonDocument.Parse(mcp.ArgumentsJson);
        var sql = new List<string>();
        var shell = new List<string>();
        if (args.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in args.RootElement.EnumerateObject())
            {
                string name = property.Name.ToLowerInvariant();
                var values = property.Value.ValueKind switch
                {
                    JsonValueKind.String => new[] { property.Value.GetString()! },
                    JsonValueKind.Array => property.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray(),
                    _ => Array.Empty<string>(),
                };
                // SQL by its argument name (Postgres/MySQL servers, Supabase `execute_sql`, Neon `run_sql_transaction`).
                if (name is "query" or "sql" or "statement" or "statements" or "sqlstatements" or "sql_statements") sql.AddRange(values);
                // A command line a tool runs (AWS `call_aws`, terminal servers' `execute_command`): judged as shell.
                if (name is "cli_command" or "command" or "cmd" or "shell_command" && IsCommandTool(mcp.Tool)) shell.AddRange(values);
            }
        }
        if (sql.Count > 0) files.Add(new SourceFile("agent-mcp-call.sql", string.Join(";\n", sql), FileKind.Sql));
        if (shell.Count > 0) files.Add(new SourceFile("agent-mcp-call.sh", string.Join("\n", shell), FileKind.Shell));
        return files;
    }

    private static bool IsCommandTool(string tool)
    {
        string t = tool.ToLowerInvariant();
        return t.Contains("command") || t.Contains("shell") || t.Contains("exec") || t.Contains("terminal") || t is "call_aws" or "use_aws" or "run" or "bash";
    }

    private string FullPath(string path, string? cwd) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(cwd is { Length: > 0 } c && Path.IsPathRooted(c) ? c : _workspace, path));

    /// <summary>The path as the repository names it (kind detection reads it: `.github/workflows/x.yml`).</summary>
    private string RelativePath(string path, string? cwd)
    {
        string full = FullPath(path, cwd);
        string relative = Path.GetRelativePath(_workspace, full);
        if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)) return relative.Replace('\\', '/');
        return full.Replace('\\', '/').TrimStart('/');
    }
}
