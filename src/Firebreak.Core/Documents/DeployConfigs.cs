using System;

namespace Firebreak.Core.Documents;

/// <summary>
/// PaaS configuration files that name commands the platform runs on deploy (Procfile <c>release:</c>, fly.toml
/// <c>release_command</c>, railway <c>preDeployCommand</c>, render.yaml, heroku.yml, app.json, vercel.json, netlify.toml,
/// nixpacks.toml), and the files coding agents read as instructions. Known by name: these names are the platform's.
/// </summary>
public static class PaasConfigs
{
    private static readonly string[] Names =
    {
        "procfile", "fly.toml", "railway.toml", "railway.json", "nixpacks.toml", "netlify.toml", "render.yaml", "heroku.yml", "app.json", "vercel.json",
    };

    /// <summary>The lower-case file name when it is a PaaS configuration; null otherwise.</summary>
    public static string? NameOf(string path)
    {
        string normalized = path.Replace('\\', '/');
        string name = normalized.Substring(normalized.LastIndexOf('/') + 1).ToLowerInvariant();
        foreach (var known in Names)
            if (name == known) return known;
        return null;
    }
}

public static class AgentInstructionFiles
{
    /// <summary>
    /// <c>AGENTS.md</c>, <c>CLAUDE.md</c>, <c>GEMINI.md</c> (any folder), <c>SKILL.md</c>, <c>.github/copilot-instructions.md</c>,
    /// <c>.cursor/rules/*.mdc</c>, <c>.claude/commands/*.md</c>, <c>.claude/agents/*.md</c>: what an agent reads as its orders.
    /// </summary>
    public static bool Is(string path)
    {
        string lower = path.Replace('\\', '/').ToLowerInvariant();
        string name = lower.Substring(lower.LastIndexOf('/') + 1);
        if (name is "agents.md" or "claude.md" or "claude.local.md" or "gemini.md" or "skill.md") return true;
        if (lower == ".github/copilot-instructions.md" || lower.EndsWith("/.github/copilot-instructions.md", StringComparison.Ordinal)) return true;
        return (Under(lower, ".cursor/rules/") && (name.EndsWith(".mdc", StringComparison.Ordinal) || name.EndsWith(".md", StringComparison.Ordinal))) ||
               ((Under(lower, ".claude/commands/") || Under(lower, ".claude/agents/")) && name.EndsWith(".md", StringComparison.Ordinal));
    }

    private static bool Under(string lowerPath, string folder) =>
        lowerPath.StartsWith(folder, StringComparison.Ordinal) || lowerPath.Contains("/" + folder);
}
