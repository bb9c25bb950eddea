using System;
using System.IO;
using System.Text.Json;

namespace Firebreak.Cli.Guard;

/// <summary>
/// How the workspace's MCP configuration launches or reaches a server the agent names: <c>.mcp.json</c> (Claude Code),
/// <c>.cursor/mcp.json</c>, <c>.gemini/settings.json</c>. The catalogue recognises a server by its package or URL,
/// whatever key the user gave it.
/// </summary>
internal static class McpServers
{
    private static readonly string[] Configs = { ".mcp.json", ".cursor/mcp.json", ".gemini/settings.json" };

    public static (string? Command, string? Url) Launch(string workspace, string server)
    {
        foreach (var config in Configs)
        {
            string path = Path.Combine(workspace, config);
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists || info.Length == 0 || info.Length > 1024 * 1024) continue;
                using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                if (!document.RootElement.TryGetProperty("mcpServers", out var servers) || servers.ValueKind != JsonValueKind.Object) continue;
                if (!servers.TryGetProperty(server, out var entry) || entry.ValueKind != JsonValueKind.Object) continue;
                string? url = entry.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                url ??= entry.TryGetProperty("httpUrl", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
                string? command = entry.TryGetProperty("command", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                if (command is not null && entry.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array)
                {
                    foreach (var arg in args.EnumerateArray())
                        if (arg.ValueKind == JsonValueKind.String) command += " " + arg.GetString();
                }
                return (command, url);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
            {
                // An unreadable configuration tells us nothing about the server; the tool name still does.
            }
        }
        return (null, null);
    }
}
