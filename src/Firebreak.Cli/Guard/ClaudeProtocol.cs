using System.IO;
using System.Text.Json;

namespace Firebreak.Cli.Guard;

/// <summary>
/// Claude Code <c>PreToolUse</c>: <c>{hook_event_name, cwd, tool_name, tool_input}</c> on stdin; the answer is
/// <c>hookSpecificOutput.permissionDecision</c> (<c>deny</c> or <c>ask</c>) with a reason, or nothing. Exit code 2
/// blocks the call with stderr as the reason (any other non-zero code would let it through).
/// https://code.claude.com/docs/en/hooks
/// </summary>
internal class ClaudeProtocol : AgentProtocol
{
    public override string Name => "claude";

    protected virtual string EventName => "PreToolUse";

    public override bool CanAsk(JsonElement root) => true;

    public override CallReading Read(JsonElement root)
    {
        Payload.RequireEvent(root, EventName, required: false);
        string? cwd = Payload.OptionalString(root, "cwd", string.Empty);
        string tool = Payload.RequiredString(root, "tool_name", "the payload ");
        var input = Payload.RequiredObject(root, "tool_input", "the payload ");
        string where = $"{tool}: ";
        switch (tool)
        {
            case "Bash":
                return CallReading.Of(new ShellCall(Payload.RequiredString(input, "command", where), cwd));
            case "Write":
                return CallReading.Of(new FileWriteCall(Payload.RequiredPath(input, "file_path", where), Payload.RequiredString(input, "content", where), cwd));
            case "Edit":
                return CallReading.Of(new FileEditCall(Payload.RequiredPath(input, "file_path", where), new[]
                {
                    new StringReplacement(Payload.RequiredString(input, "old_string", where), Payload.RequiredString(input, "new_string", where),
                        Payload.OptionalBool(input, "replace_all", where)),
                }, cwd));
            case "MultiEdit":
            {
                string path = Payload.RequiredPath(input, "file_path", where);
                if (!input.TryGetProperty("edits", out var edits)) throw new PayloadException(where + "has no `edits`");
                return CallReading.Of(new FileEditCall(path, Payload.Replacements(edits, where), cwd));
            }
            default:
                if (McpName(tool) is { } mcp) return CallReading.Of(new McpCall(mcp.Server, mcp.Tool, Payload.Raw(input), null, null, cwd));
                return CallReading.NoOpinion(tool);
        }
    }

    public override int Answer(TextWriter stdout, TextWriter stderr, GuardDecision decision, string reason)
    {
        if (decision == GuardDecision.NoOpinion) return 0;
        WriteJson(stdout, json =>
        {
            json.WriteStartObject("hookSpecificOutput");
            json.WriteString("hookEventName", EventName);
            json.WriteString("permissionDecision", decision == GuardDecision.Deny ? "deny" : "ask");
            json.WriteString("permissionDecisionReason", reason);
            json.WriteEndObject();
        });
        return 0;
    }
}
