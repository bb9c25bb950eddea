using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Firebreak.Core.Analysis;
using Firebreak.Core.Rules;
using Firebreak.Core.Commands;
using Firebreak.Core.Configuration;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Commands;

/// <summary>
/// <c>firebreak guard</c>: a PreToolUse hook for coding agents (Claude Code's protocol: the tool call as JSON on stdin,
/// the decision as JSON on stdout). A shell command is analyzed with the same rules as a script in the repository;
/// a file an agent is about to write is analyzed as that file. Errors deny the call, warnings ask the user, anything
/// else says nothing and leaves the decision to the agent's own permissions. Input that cannot be read fails closed
/// (exit 2, which the protocol treats as a block).
/// </summary>
public static class GuardCommand
{
    /// <summary>A tool call larger than this is not something an agent types; it is refused unread.</summary>
    internal const int MaxInputChars = 4 * 1024 * 1024;

    public static Command Create(CliContext context)
    {
        var agent = new Option<string>("--agent")
        {
            Description = "The agent whose hook protocol is spoken: claude (PreToolUse) or cursor (beforeShellExecution, beforeMCPExecution).",
            DefaultValueFactory = _ => "claude",
            HelpName = "claude|cursor",
        };
        var command = new Command("guard", "A coding agent's hook: reads the tool call as JSON on stdin and denies destructive commands and writes.");
        command.Options.Add(agent);
        command.SetAction(parse => parse.GetValue(agent) switch
        {
            "claude" => Run(Array.Empty<string>(), context.Stdin, context.Stdout),
            "cursor" => CursorGuard.Run(context.Stdin, context.Stdout),
            var other => throw new UsageException($"unknown agent '{other}' (expected claude or cursor)"),
        });
        return command;
    }

    public static int Run(string[] args, TextReader stdin, TextWriter stdout)
    {
        if (args.Length > 0) throw new UsageException($"'guard' takes no arguments, got '{args[0]}' (it reads the tool call on stdin)");
        var buffer = new char[MaxInputChars + 1];
        int read = ReadAll(stdin, buffer);
        if (read > MaxInputChars) throw new UsageException("the tool call on stdin is larger than 4 MiB");

        JsonDocument call;
        try
        {
            call = JsonDocument.Parse(new string(buffer, 0, read));
        }
        catch (JsonException ex)
        {
            throw new UsageException("the tool call on stdin is not JSON: " + ex.Message.Split('\n')[0]);
        }

        using (call)
        {
            var file = ToSourceFile(call.RootElement);
            if (file is null) return Program.Clean; // not a tool Firebreak has an opinion on

            // The repository's firebreak.yml applies as it does to `scan`: rule levels, disabled rules, user catalogues.
            // A configuration the guard cannot read blocks the call rather than letting it through unjudged.
            AnalysisOptions options;
            try
            {
                options = Options(WorkspaceOf(call.RootElement));
            }
            catch (Exception ex) when (ex is FirebreakConfigException or UsageException)
            {
                WriteDecision(stdout, "deny", "Firebreak: the repository's configuration cannot be read, so nothing can be allowed: " + ex.Message);
                return Program.Clean;
            }
            var result = new AnalysisEngine(options).Analyze(new[] { file });
            var findings = result.Findings.Where(f => f.Rule.Family != RuleFamily.Tool).ToArray();
            var worst = findings.Length == 0 ? FindingLevel.None : findings.Max(f => f.Level);
            if (worst < FindingLevel.Warning) return Program.Clean;

            string reason = "Firebreak: " + string.Join(" ", findings.Where(f => f.Level == worst).Select(f => $"[{f.RuleId}] {f.Message}"));
            WriteDecision(stdout, worst == FindingLevel.Error ? "deny" : "ask", reason);
            return Program.Clean;
        }
    }

    private static SourceFile? ToSourceFile(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new UsageException("the tool call on stdin must be a JSON object with tool_name and tool_input");
        string tool = root.TryGetProperty("tool_name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : string.Empty;
        if (!root.TryGetProperty("tool_input", out var input) || input.ValueKind != JsonValueKind.Object) return null;
        switch (tool)
        {
            case "Bash":
            case "Shell":
            case "shell":
                // The command is analyzed as a script: wrappers, `sh -c`, pipes into clients and curl bodies included.
                return Text(input, "command") is { } command ? new SourceFile("agent-command.sh", command, FileKind.Shell) : null;
            case "Write":
                // A file the agent is about to write is judged as that file (a workflow, a .env, a Terraform module).
                if (Text(input, "file_path") is not { } path || Text(input, "content") is not { } content) return null;
                string relative = RelativeToCwd(root, path);
                return new SourceFile(relative, content);
            default:
                return null;
        }
    }

    /// <summary>The same options `scan` builds for the repository the agent works in.</summary>
    internal static AnalysisOptions Options(string workspace)
    {
        var (config, configPath) = ScanCommand.LoadConfig(null, workspace, workspace);
        var catalogs = ScanCommand.LoadCatalogs(config, configPath, workspace);
        return new AnalysisOptions { RuleLevels = config.RuleLevels, Today = DateTime.UtcNow.Date, MaxDegreeOfParallelism = 1 }.WithCatalogs(catalogs);
    }

    /// <summary>
    /// The repository the call is made in: the nearest folder at or above the call's <c>cwd</c> that holds a Firebreak
    /// configuration, up to the repository's root (the folder with <c>.git</c>); the <c>cwd</c> itself otherwise.
    /// </summary>
    internal static string WorkspaceOf(JsonElement root)
    {
        string? cwd = root.TryGetProperty("cwd", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (string.IsNullOrEmpty(cwd) || !Path.IsPathRooted(cwd) || !Directory.Exists(cwd)) return Directory.GetCurrentDirectory();
        for (var dir = new DirectoryInfo(cwd); dir is not null; dir = dir.Parent)
        {
            if (Firebreak.Core.Configuration.FirebreakConfig.FileNames.Any(n => File.Exists(Path.Combine(dir.FullName, n)))) return dir.FullName;
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git"))) break;
        }
        return cwd;
    }

    private static string? Text(JsonElement input, string property) =>
        input.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string RelativeToCwd(JsonElement root, string path)
    {
        string? cwd = root.TryGetProperty("cwd", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (cwd is not null && Path.IsPathRooted(path))
        {
            string relative = Path.GetRelativePath(cwd, path);
            if (!relative.StartsWith("..", StringComparison.Ordinal)) return relative.Replace('\\', '/');
        }
        return path.Replace('\\', '/').TrimStart('/');
    }

    private static void WriteDecision(TextWriter stdout, string decision, string reason)
    {
        using var stream = new MemoryStream();
        // The reason is read by an agent and a person, not put into HTML: keep backticks and quotes as they are.
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("hookSpecificOutput");
            json.WriteString("hookEventName", "PreToolUse");
            json.WriteString("permissionDecision", decision);
            json.WriteString("permissionDecisionReason", reason);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        stdout.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    internal static int ReadAll(TextReader reader, char[] buffer)
    {
        int total = 0;
        int n;
        while (total < buffer.Length && (n = reader.Read(buffer, total, buffer.Length - total)) > 0) total += n;
        return total;
    }
}
