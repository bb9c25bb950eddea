using System.IO;
using System.Text.Json;

namespace Firebreak.Cli.Guard;

/// <summary>
/// Codex <c>PreToolUse</c> hooks: Claude Code's wire format. <c>Bash</c> and <c>apply_patch</c> carry their text in
/// <c>tool_input.command</c> (for <c>apply_patch</c>, the patch); MCP tools are <c>mcp__server__tool</c>. Codex honours
/// <c>permissionDecision: "deny"</c> (and exit code 2) but not <c>ask</c>, so a call that should be asked about is
/// denied with a reason that says how to run it. https://developers.openai.com/codex/hooks
/// </summary>
internal sealed class CodexProtocol : ClaudeProtocol
{
    public override string Name => "codex";

    public override bool CanAsk(JsonElement root) => false;

    public override CallReading Read(JsonElement root)
    {
        Payload.RequireEvent(root, EventName, required: true);
        string? cwd = Payload.OptionalString(root, "cwd", string.Empty);
        string tool = Payload.RequiredString(root, "tool_name", "the payload ");
        var input = Payload.RequiredObject(root, "tool_input", "the payload ");
        string where = $"{tool}: ";
        return tool switch
        {
            "Bash" => CallReading.Of(new ShellCall(Payload.RequiredString(input, "command", where), cwd)),
            "apply_patch" => CallReading.Of(new PatchCall(Payload.RequiredString(input, "command", where), cwd)),
            _ => McpName(tool) is { } mcp ? CallReading.Of(new McpCall(mcp.Server, mcp.Tool, Payload.Raw(input), null, null, cwd)) : CallReading.NoOpinion(tool),
        };
    }
}
