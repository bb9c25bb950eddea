using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Firebreak.Cli.Guard;

/// <summary>
/// <c>firebreak guard install|uninstall --agent X [--project|--user] [--dry-run]</c>: writes (or removes) the guard's
/// hook in the agent's own configuration, merging with what is there — other hooks, other events and other settings
/// are kept; installing twice adds nothing. Comments in a JSONC settings file are not kept (the file is rewritten).
/// </summary>
internal static class HookInstaller
{
    private const string Marker = "firebreak guard";

    public static string ConfigPath(string agent, bool user, string projectRoot, string home) => (agent, user) switch
    {
        ("claude", false) => Path.Combine(projectRoot, ".claude", "settings.json"),
        ("claude", true) => Path.Combine(home, ".claude", "settings.json"),
        ("cursor", false) => Path.Combine(projectRoot, ".cursor", "hooks.json"),
        ("cursor", true) => Path.Combine(home, ".cursor", "hooks.json"),
        ("gemini", false) => Path.Combine(projectRoot, ".gemini", "settings.json"),
        ("gemini", true) => Path.Combine(home, ".gemini", "settings.json"),
        ("codex", false) => Path.Combine(projectRoot, ".codex", "hooks.json"),
        ("codex", true) => Path.Combine(home, ".codex", "hooks.json"),
        _ => throw new UsageException($"unknown agent '{agent}' (expected claude, cursor, gemini or codex)"),
    };

    /// <summary>The configuration text after installing (or uninstalling) the hook into <paramref name="current"/>.</summary>
    public static string Apply(string agent, string? current, bool install)
    {
        JsonObject root;
        try
        {
            root = string.IsNullOrWhiteSpace(current)
                ? new JsonObject()
                : JsonNode.Parse(current!, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                  ?? throw new UsageException("the existing configuration is not a JSON object; fix it first");
        }
        catch (JsonException ex)
        {
            throw new UsageException("the existing configuration is not JSON (" + ex.Message.Split('\n')[0] + "); fix it first");
        }
        string command = "firebreak guard --agent " + agent;
        if (agent == "cursor" && !root.ContainsKey("version")) root["version"] = 1;
        var hooks = root["hooks"] as JsonObject;
        if (hooks is null)
        {
            if (!install) return Serialize(root);
            root["hooks"] = hooks = new JsonObject();
        }
        foreach (var (evt, matcher) in Events(agent))
        {
            var list = hooks[evt] as JsonArray;
            if (list is null)
            {
                if (!install) continue;
                hooks[evt] = list = new JsonArray();
            }
            // Remove ours first (uninstall, or reinstall with the current settings), keeping everything else.
            for (int i = list.Count - 1; i >= 0; i--)
            {
                if (agent == "cursor")
                {
                    if (list[i] is JsonObject entry && entry["command"]?.GetValueKind() == JsonValueKind.String && entry["command"]!.GetValue<string>().StartsWith(Marker, StringComparison.Ordinal))
                        list.RemoveAt(i);
                    continue;
                }
                if (list[i] is JsonObject group && group["hooks"] is JsonArray inner)
                {
                    for (int k = inner.Count - 1; k >= 0; k--)
                        if (inner[k] is JsonObject h && h["command"]?.GetValueKind() == JsonValueKind.String && h["command"]!.GetValue<string>().StartsWith(Marker, StringComparison.Ordinal))
                            inner.RemoveAt(k);
                    if (inner.Count == 0) list.RemoveAt(i);
                }
            }
            if (install)
            {
                if (agent == "cursor")
                {
                    var entry = new JsonObject { ["command"] = command, ["failClosed"] = true };
                    if (matcher is not null) entry["matcher"] = matcher;
                    list.Add((JsonNode)entry);
                }
                else
                {
                    list.Add((JsonNode)new JsonObject
                    {
                        ["matcher"] = matcher,
                        ["hooks"] = new JsonArray(new JsonObject { ["type"] = "command", ["command"] = command }),
                    });
                }
            }
            if (list.Count == 0) hooks.Remove(evt);
        }
        if (!install && hooks.Count == 0) root.Remove("hooks");
        return Serialize(root);
    }

    private static (string Event, string? Matcher)[] Events(string agent) => agent switch
    {
        "claude" => new[] { ("PreToolUse", (string?)"Bash|Write|Edit|MultiEdit|mcp__.*") },
        "cursor" => new[] { ("beforeShellExecution", (string?)null), ("beforeMCPExecution", null), ("preToolUse", "Write|Edit|StrReplace") },
        "gemini" => new[] { ("BeforeTool", (string?)"run_shell_command|write_file|replace|mcp_.*") },
        "codex" => new[] { ("PreToolUse", (string?)"Bash|apply_patch|mcp__.*") },
        _ => throw new UsageException($"unknown agent '{agent}'"),
    };

    private static string Serialize(JsonObject root)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            root.WriteTo(json);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static int Run(CliContext context, string agent, bool user, bool dryRun, bool install)
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string path = ConfigPath(agent, user, context.WorkingDirectory, home);
        string? current = File.Exists(path) ? File.ReadAllText(path) : null;
        string updated = Apply(agent, current, install);
        if (current is not null && current.Replace("\r\n", "\n") == updated)
        {
            context.Stdout.WriteLine($"{path}: already {(install ? "installed" : "absent")}, nothing to change");
            return Program.Clean;
        }
        if (dryRun)
        {
            context.Stdout.WriteLine($"would write {path}:");
            context.Stdout.Write(updated);
            return Program.Clean;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, updated);
        context.Stdout.WriteLine($"{(install ? "installed in" : "removed from")} {path}");
        return Program.Clean;
    }
}
