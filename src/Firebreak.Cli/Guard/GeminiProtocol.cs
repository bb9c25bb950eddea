using System.IO;
using System.Text.Json;

namespace Firebreak.Cli.Guard;

/// <summary>
/// Gemini CLI <c>BeforeTool</c>: <c>{hook_event_name, cwd, tool_name, tool_input, mcp_context?}</c>; the answer is
/// <c>{"decision": "deny"|"ask", "reason"}</c> (<c>ask</c> forces Gemini's confirmation prompt), and exit code 2
/// blocks with stderr as the reason. Tools: <c>run_shell_command</c>, <c>write_file</c>, <c>replace</c>, and MCP tools
/// (named <c>mcp__server__tool</c>, identified by <c>mcp_context</c>). https://geminicli.com/docs/hooks/reference
/// </summary>
internal sealed class GeminiProtocol : AgentProtocol
{
    public override string Name => "gemini";

    public override bool CanAsk(JsonElement root) => true;

    public override CallReading Read(JsonElement root)
    {
        Payload.RequireEvent(root, "BeforeTool", required: true);
        string? cwd = Payload.OptionalString(root, "cwd", string.Empty);
        string tool = Payload.RequiredString(root, "tool_name", "the payload ");
        var input = Payload.RequiredObject(root, "tool_input", "the payload ");
        string where = $"{tool}: ";
        if (root.TryGetProperty("mcp_context", out var context) && context.ValueKind != JsonValueKind.Null)
        {
            if (context.ValueKind != JsonValueKind.Object) throw new PayloadException($"the payload's `mcp_context` is {Payload.Describe(context)}, not an object");
            string server = Payload.RequiredString(context, "server_name", "mcp_context ");
            string original = Payload.OptionalString(context, "tool_name", "mcp_context ") ?? tool;
            string? command = Payload.OptionalString(context, "command", "mcp_context ");
            if (command is not null && context.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array)
            {
                foreach (var arg in args.EnumerateArray())
                    if (arg.ValueKind == JsonValueKind.String) command += " " + arg.GetString();
            }
            return CallReading.Of(new McpCall(server, original, Payload.Raw(input), command, Payload.OptionalString(context, "url", "mcp_context "), cwd));
        }
        switch (tool)
        {
            case "run_shell_command":
                return CallReading.Of(new ShellCall(Payload.RequiredString(input, "command", where), cwd));
            case "write_file":
                return CallReading.Of(new FileWriteCall(Payload.RequiredPath(input, "file_path", where), Payload.RequiredString(input, "content", where), cwd));
            case "replace":
            {
                // `replace` changes every occurrence when it is told to expect more than one (or allowed several).
                bool all = Payload.OptionalBool(input, "allow_multiple", where)
                    || (input.TryGetProperty("expected_replacements", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out int count) && count > 1);
                return CallReading.Of(new FileEditCall(Payload.RequiredPath(input, "file_path", where), new[]
                {
                    new StringReplacement(Payload.RequiredString(input, "old_string", where), Payload.RequiredString(input, "new_string", where), all),
                }, cwd));
            }
            default:
                if (McpName(tool) is { } mcp) return CallReading.Of(new McpCall(mcp.Server, mcp.Tool, Payload.Raw(input), null, null, cwd));
                return CallReading.NoOpinion(tool);
        }
    }

    public override int Answer(TextWriter stdout, TextWriter stderr, GuardDecision decision, string reason)
    {
        WriteJson(stdout, json =>
        {
            if (decision == GuardDecision.NoOpinion) return; // `{}`: Gemini's own policy decides
            json.WriteString("decision", decision == GuardDecision.Deny ? "deny" : "ask");
            json.WriteString("reason", reason);
            json.WriteString("systemMessage", reason);
        });
        return 0;
    }
}
