using System.Collections.Generic;

namespace Firebreak.Cli.Guard;

/// <summary>A tool call an agent is about to make, read from its hook payload: what Firebreak judges.</summary>
internal abstract record ToolCall(string? Cwd);

/// <summary>A shell command (Claude Code and Codex <c>Bash</c>, Cursor <c>Shell</c>, Gemini <c>run_shell_command</c>).</summary>
internal sealed record ShellCall(string Command, string? Cwd) : ToolCall(Cwd);

/// <summary>A whole file written (Claude Code <c>Write</c>, Gemini <c>write_file</c>, Cursor <c>Write</c>).</summary>
internal sealed record FileWriteCall(string Path, string Content, string? Cwd) : ToolCall(Cwd);

/// <summary>
/// String replacements in one file (Claude Code <c>Edit</c>/<c>MultiEdit</c>, Gemini <c>replace</c>, Cursor
/// <c>Edit</c>/<c>StrReplace</c>): judged on the file as it would be after them.
/// </summary>
internal sealed record FileEditCall(string Path, IReadOnlyList<StringReplacement> Edits, string? Cwd) : ToolCall(Cwd);

internal sealed record StringReplacement(string OldText, string NewText, bool ReplaceAll);

/// <summary>Codex's <c>apply_patch</c>: a patch in its <c>*** Begin Patch</c> format, over one or more files.</summary>
internal sealed record PatchCall(string Patch, string? Cwd) : ToolCall(Cwd);

/// <summary>
/// An MCP tool call: the server as the agent names it (and, where the payload or <c>.mcp.json</c> says, how it is
/// launched or reached), the tool, and its arguments as JSON text.
/// </summary>
internal sealed record McpCall(string? Server, string Tool, string ArgumentsJson, string? ServerCommand, string? ServerUrl, string? Cwd) : ToolCall(Cwd);

/// <summary>What reading a payload gave: a call to judge, a tool Firebreak has no opinion on, or a refusal.</summary>
internal readonly struct CallReading
{
    private CallReading(ToolCall? call, string? refusal, string? tool)
    {
        Call = call;
        Refusal = refusal;
        OtherTool = tool;
    }

    public ToolCall? Call { get; }

    /// <summary>Why the payload cannot be read as a tool call of this agent (one line); the guard then blocks.</summary>
    public string? Refusal { get; }

    /// <summary>A tool that reads or changes nothing Firebreak judges (Read, Grep, a web fetch).</summary>
    public string? OtherTool { get; }

    public static CallReading Of(ToolCall call) => new(call, null, null);
    public static CallReading Refuse(string why) => new(null, why, null);
    public static CallReading NoOpinion(string tool) => new(null, null, tool);
}
