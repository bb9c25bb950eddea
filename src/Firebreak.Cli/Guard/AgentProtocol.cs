using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Firebreak.Cli.Guard;

/// <summary>
/// One agent's hook protocol: how its payload names a tool call, and how it wants the answer. Reading is strict — a
/// payload this agent would not send (another event, a missing or mistyped field) is refused, and a refusal is
/// answered in the agent's own blocking form, so the guard fails closed.
/// </summary>
internal abstract class AgentProtocol
{
    public const int Block = 2;

    public abstract string Name { get; }

    /// <summary>Whether the agent shows the user a question when told <c>ask</c> (for this payload).</summary>
    public abstract bool CanAsk(JsonElement root);

    /// <summary>Reads the call; throws <see cref="PayloadException"/> for what is not one of this agent's calls.</summary>
    public abstract CallReading Read(JsonElement root);

    /// <summary>Writes the decision and returns the exit code.</summary>
    public abstract int Answer(TextWriter stdout, TextWriter stderr, GuardDecision decision, string reason);

    /// <summary>Blocks what cannot be judged: the agent's blocking exit code and the reason where the agent shows it.</summary>
    public virtual int Refuse(TextWriter stdout, TextWriter stderr, string why)
    {
        stderr.WriteLine(RefusalText(why));
        return Block;
    }

    public static string RefusalText(string why) => "firebreak: cannot judge this call, so it is blocked: " + OneLine(why);

    public static string OneLine(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n");

    public static AgentProtocol For(string agent) => agent switch
    {
        "claude" => new ClaudeProtocol(),
        "cursor" => new CursorProtocol(),
        "gemini" => new GeminiProtocol(),
        "codex" => new CodexProtocol(),
        _ => throw new UsageException($"unknown agent '{agent}' (expected claude, cursor, gemini or codex)"),
    };

    /// <summary>An answer object written compactly, reasons kept readable (backticks and quotes as they are).</summary>
    protected static void WriteJson(TextWriter stdout, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        stdout.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary><c>mcp__server__tool</c> (Claude Code, Codex, Gemini CLI): the server and the tool.</summary>
    protected static (string Server, string Tool)? McpName(string toolName)
    {
        if (!toolName.StartsWith("mcp__", StringComparison.Ordinal)) return null;
        int split = toolName.IndexOf("__", 5, StringComparison.Ordinal);
        if (split <= 5 || split + 2 >= toolName.Length) return null;
        return (toolName.Substring(5, split - 5), toolName.Substring(split + 2));
    }
}
