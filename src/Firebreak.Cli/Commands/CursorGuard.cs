using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Firebreak.Core.Analysis;
using Firebreak.Core.Configuration;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Commands;

/// <summary>
/// <c>firebreak guard --agent cursor</c>: Cursor's agent hooks. <c>beforeShellExecution</c> carries the command;
/// <c>beforeMCPExecution</c> carries the tool's arguments as a JSON string, whose SQL (<c>query</c>, <c>sql</c>,
/// <c>statement</c>) is judged by the SQL rules. The answer is <c>{"permission": "allow|deny|ask", "user_message",
/// "agent_message"}</c>. Anything that cannot be read as one of those calls — not JSON, too large, another event, a
/// missing or non-string command — is denied with the reason, and exits 2, which Cursor also treats as a block: the
/// guard fails closed.
/// </summary>
public static class CursorGuard
{
    public static int Run(TextReader stdin, TextWriter stdout)
    {
        var buffer = new char[GuardCommand.MaxInputChars + 1];
        int read = GuardCommand.ReadAll(stdin, buffer);
        if (read > GuardCommand.MaxInputChars) return Refuse(stdout, "the hook input is larger than 4 MiB");
        JsonDocument call;
        try
        {
            call = JsonDocument.Parse(new string(buffer, 0, read));
        }
        catch (JsonException ex)
        {
            return Refuse(stdout, "the hook input is not JSON (" + ex.Message.Split('\n')[0] + ")");
        }
        using (call)
        {
            var root = call.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Refuse(stdout, "the hook input is not a JSON object");
            string? hook = root.TryGetProperty("hook_event_name", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            SourceFile? file;
            switch (hook)
            {
                case "beforeShellExecution":
                    if (!root.TryGetProperty("command", out var command) || command.ValueKind != JsonValueKind.String)
                        return Refuse(stdout, "beforeShellExecution without a string `command`");
                    file = new SourceFile("agent-command.sh", command.GetString()!, FileKind.Shell);
                    break;
                case "beforeMCPExecution":
                    if (ToolArguments(root) is not { } arguments) return Refuse(stdout, "beforeMCPExecution whose `tool_input` is not a JSON object or a JSON string of one");
                    var sql = Sql(arguments).ToArray();
                    file = sql.Length == 0 ? null : new SourceFile("agent-mcp-call.sql", string.Join(";\n", sql), FileKind.Sql);
                    break;
                default:
                    return Refuse(stdout, hook is null ? "the hook input has no `hook_event_name`" : $"'{hook}' is not an event this guard judges (beforeShellExecution, beforeMCPExecution)");
            }
            if (file is null)
            {
                Answer(stdout, "allow", null);
                return Program.Clean;
            }

            AnalysisOptions options;
            try
            {
                options = GuardCommand.Options(GuardCommand.WorkspaceOf(root));
            }
            catch (Exception ex) when (ex is FirebreakConfigException or UsageException)
            {
                return Refuse(stdout, "the repository's configuration cannot be read: " + ex.Message);
            }
            var findings = new AnalysisEngine(options).Analyze(new[] { file }).Findings.Where(f => f.Rule.Family != RuleFamily.Tool).ToArray();
            var worst = findings.Length == 0 ? FindingLevel.None : findings.Max(f => f.Level);
            if (worst < FindingLevel.Warning)
            {
                Answer(stdout, "allow", null);
                return Program.Clean;
            }
            string reason = "Firebreak: " + string.Join(" ", findings.Where(f => f.Level == worst).Select(f => $"[{f.RuleId}] {f.Message}"));
            Answer(stdout, worst == FindingLevel.Error ? "deny" : "ask", reason);
            return Program.Clean;
        }
    }

    /// <summary>Cursor sends the MCP tool's arguments as a JSON string; an object is accepted too.</summary>
    private static JsonElement? ToolArguments(JsonElement root)
    {
        if (!root.TryGetProperty("tool_input", out var input)) return null;
        if (input.ValueKind == JsonValueKind.Object) return input.Clone();
        if (input.ValueKind != JsonValueKind.String) return null;
        try
        {
            using var parsed = JsonDocument.Parse(input.GetString()!);
            return parsed.RootElement.ValueKind == JsonValueKind.Object ? parsed.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Sql(JsonElement arguments)
    {
        foreach (var property in arguments.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && property.Name.ToLowerInvariant() is "query" or "sql" or "statement" or "statements")
                yield return property.Value.GetString()!;
        }
    }

    private static int Refuse(TextWriter stdout, string why)
    {
        Answer(stdout, "deny", "Firebreak cannot judge this call, so it is blocked: " + why + ".");
        return Program.UsageError;
    }

    private static void Answer(TextWriter stdout, string permission, string? reason)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("permission", permission);
            if (reason is not null)
            {
                json.WriteString("user_message", reason);
                json.WriteString("agent_message", reason);
            }
            json.WriteEndObject();
        }
        stdout.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
