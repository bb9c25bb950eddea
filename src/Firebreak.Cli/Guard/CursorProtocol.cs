using System.IO;
using System.Text.Json;

namespace Firebreak.Cli.Guard;

/// <summary>
/// Cursor's agent hooks. <c>beforeShellExecution</c> carries <c>command</c>; <c>beforeMCPExecution</c> carries
/// <c>tool_name</c>, <c>tool_input</c> as a JSON string, the server's key <c>mcp_server_name</c> and its launch
/// <c>command</c> or <c>url</c>; <c>preToolUse</c> carries <c>tool_name</c> (<c>Shell</c>, <c>Write</c>, <c>Edit</c>,
/// <c>MCP:…</c>) and <c>tool_input</c>. The answer is <c>{"permission", "user_message", "agent_message"}</c>.
/// Cursor enforces <c>ask</c> for the before-execution hooks but not for <c>preToolUse</c>, where an ask is sent as a deny.
/// Cursor lets a call through when a hook crashes unless the hook is installed with <c>failClosed: true</c>; a refusal
/// here is a deny answer and exit code 2. https://cursor.com/docs/hooks
/// </summary>
internal sealed class CursorProtocol : AgentProtocol
{
    public override string Name => "cursor";

    public override bool CanAsk(JsonElement root) =>
        !(root.TryGetProperty("hook_event_name", out var e) && e.ValueKind == JsonValueKind.String && e.GetString() == "preToolUse");

    public override CallReading Read(JsonElement root)
    {
        string hook = Payload.OptionalString(root, "hook_event_name", string.Empty)
                      ?? throw new PayloadException("the payload has no `hook_event_name`");
        string? cwd = Payload.OptionalString(root, "cwd", string.Empty) ?? WorkspaceRoot(root);
        switch (hook)
        {
            case "beforeShellExecution":
                return CallReading.Of(new ShellCall(Payload.RequiredString(root, "command", "beforeShellExecution "), cwd));
            case "beforeMCPExecution":
            {
                string tool = Payload.RequiredString(root, "tool_name", "beforeMCPExecution ");
                return CallReading.Of(new McpCall(Payload.OptionalString(root, "mcp_server_name", "beforeMCPExecution "), tool, Arguments(root, "beforeMCPExecution "),
                    Payload.OptionalString(root, "command", "beforeMCPExecution "),
                    Payload.FirstString(root, "beforeMCPExecution ", "mcp_server_url", "url"), cwd));
            }
            case "preToolUse":
                return ReadTool(root, cwd);
            default:
                throw new PayloadException($"'{Payload.Clip(hook)}' is not an event this guard judges (beforeShellExecution, beforeMCPExecution, preToolUse)");
        }
    }

    private static CallReading ReadTool(JsonElement root, string? cwd)
    {
        string tool = Payload.RequiredString(root, "tool_name", "preToolUse ");
        var input = Payload.RequiredObject(root, "tool_input", "preToolUse ");
        string where = $"{tool}: ";
        switch (tool)
        {
            case "Shell":
                return CallReading.Of(new ShellCall(Payload.RequiredString(input, "command", where), Payload.OptionalString(input, "working_directory", where) ?? cwd));
            case "Write":
            {
                string path = Payload.FirstString(input, where, "file_path", "path") ?? throw new PayloadException(where + "has no string `file_path`");
                string content = Payload.FirstString(input, where, "contents", "content") ?? throw new PayloadException(where + "has no string `contents`");
                return CallReading.Of(new FileWriteCall(CheckedPath(path, where), content, cwd));
            }
            case "Edit":
            case "StrReplace":
            {
                string path = Payload.FirstString(input, where, "file_path", "path") ?? throw new PayloadException(where + "has no string `file_path`");
                return CallReading.Of(new FileEditCall(CheckedPath(path, where), new[]
                {
                    new StringReplacement(Payload.RequiredString(input, "old_string", where), Payload.RequiredString(input, "new_string", where),
                        Payload.OptionalBool(input, "replace_all", where)),
                }, cwd));
            }
            default:
                // Cursor names MCP tools `MCP:<server>:<tool>` here.
                if (tool.StartsWith("MCP:", System.StringComparison.Ordinal))
                {
                    string rest = tool.Substring(4);
                    int colon = rest.IndexOf(':');
                    return CallReading.Of(colon > 0
                        ? new McpCall(rest.Substring(0, colon), rest.Substring(colon + 1), Payload.Raw(input), null, null, cwd)
                        : new McpCall(null, rest, Payload.Raw(input), null, null, cwd));
                }
                return CallReading.NoOpinion(tool);
        }
    }

    private static string CheckedPath(string path, string where)
    {
        if (path.Length == 0) throw new PayloadException(where + "`file_path` is empty");
        if (path.IndexOf('\0') >= 0) throw new PayloadException(where + "`file_path` holds a NUL character");
        return path;
    }

    /// <summary>Cursor sends MCP arguments as a JSON string of an object; an object is read as such.</summary>
    private static string Arguments(JsonElement root, string where)
    {
        if (!root.TryGetProperty("tool_input", out var input)) throw new PayloadException(where + "has no `tool_input`");
        if (input.ValueKind == JsonValueKind.Object) return input.GetRawText();
        if (input.ValueKind != JsonValueKind.String) throw new PayloadException($"{where}`tool_input` is {Payload.Describe(input)}, not a JSON string");
        string text = Payload.RequiredString(root, "tool_input", where);
        try
        {
            using var parsed = JsonDocument.Parse(text);
            if (parsed.RootElement.ValueKind != JsonValueKind.Object) throw new PayloadException($"{where}`tool_input` is not a JSON object");
            return parsed.RootElement.GetRawText();
        }
        catch (JsonException)
        {
            throw new PayloadException($"{where}`tool_input` is not JSON");
        }
    }

    private static string? WorkspaceRoot(JsonElement root)
    {
        if (!root.TryGetProperty("workspace_roots", out var roots) || roots.ValueKind != JsonValueKind.Array) return null;
        foreach (var r in roots.EnumerateArray())
            if (r.ValueKind == JsonValueKind.String) return r.GetString();
        return null;
    }

    public override int Answer(TextWriter stdout, TextWriter stderr, GuardDecision decision, string reason)
    {
        Write(stdout, decision switch { GuardDecision.Deny => "deny", GuardDecision.Ask => "ask", _ => "allow" }, decision == GuardDecision.NoOpinion ? null : reason);
        return 0;
    }

    public override int Refuse(TextWriter stdout, TextWriter stderr, string why)
    {
        string text = RefusalText(why);
        Write(stdout, "deny", text);
        stderr.WriteLine(text);
        return Block;
    }

    private static void Write(TextWriter stdout, string permission, string? reason) => WriteJson(stdout, json =>
    {
        json.WriteString("permission", permission);
        if (reason is null) return;
        json.WriteString("user_message", reason);
        json.WriteString("agent_message", reason);
    });
}
