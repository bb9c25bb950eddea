using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Firebreak.Cli.Tests;

/// <summary>`firebreak guard install|uninstall --agent X`: the agent's hook configuration, merged, reversible.</summary>
public sealed class GuardInstallTests
{
    [Theory]
    [InlineData("claude", ".claude/settings.json", "PreToolUse")]
    [InlineData("cursor", ".cursor/hooks.json", "beforeShellExecution")]
    [InlineData("gemini", ".gemini/settings.json", "BeforeTool")]
    [InlineData("codex", ".codex/hooks.json", "PreToolUse")]
    public void Install_writes_the_agents_hook_and_uninstall_removes_only_it(string agent, string file, string evt)
    {
        using var repo = new TempRepo();
        string theirs = agent == "cursor"
            ? "{\"version\": 1, \"hooks\": {\"" + evt + "\": [{\"command\": \"./audit.sh\"}]}}"
            : "{\"model\": \"x\", \"hooks\": {\"" + evt + "\": [{\"matcher\": \"Bash\", \"hooks\": [{\"type\": \"command\", \"command\": \"./audit.sh\"}]}]}}";
        repo.Write(file, theirs);
        Assert.Equal(0, repo.Run("guard", "install", "--agent", agent).ExitCode);
        Assert.Equal(0, repo.Run("guard", "install", "--agent", agent).ExitCode); // twice adds nothing
        string installed = File.ReadAllText(Path.Combine(repo.Root, file));
        int events = agent == "cursor" ? 3 : 1; // Cursor: shell, MCP and file-writing tools are three events
        Assert.Equal(events, installed.Split("\"firebreak guard --agent " + agent + "\"").Length - 1);
        Assert.True(JsonDocument.Parse(installed).RootElement.GetProperty("hooks").TryGetProperty(evt, out _));
        Assert.Contains("./audit.sh", installed, StringComparison.Ordinal);
        if (agent == "cursor") Assert.Contains("\"failClosed\": true", installed, StringComparison.Ordinal);
        else Assert.Contains("\"x\"", installed, StringComparison.Ordinal);

        Assert.Equal(0, repo.Run("guard", "uninstall", "--agent", agent).ExitCode);
        string removed = File.ReadAllText(Path.Combine(repo.Root, file));
        Assert.DoesNotContain("firebreak guard", removed, StringComparison.Ordinal);
        Assert.Contains("./audit.sh", removed, StringComparison.Ordinal);
    }

    [Fact]
    public void Dry_run_prints_the_change_and_writes_nothing()
    {
        using var repo = new TempRepo();
        var (code, stdout, _) = repo.Run("guard", "install", "--agent", "claude", "--dry-run");
        Assert.Equal(0, code);
        Assert.Contains("firebreak guard --agent claude", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repo.Root, ".claude/settings.json")));
    }

    [Fact]
    public void The_installed_hook_runs_the_guard_for_the_calls_the_agent_sends()
    {
        using var repo = new TempRepo();
        repo.Run("guard", "install", "--agent", "claude");
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(repo.Root, ".claude/settings.json"))).RootElement;
        var entry = settings.GetProperty("hooks").GetProperty("PreToolUse")[0];
        var matcher = new System.Text.RegularExpressions.Regex("^(" + entry.GetProperty("matcher").GetString() + ")$");
        foreach (var tool in new[] { "Bash", "Write", "Edit", "MultiEdit", "mcp__neon__delete_project" }) Assert.Matches(matcher, tool);
        Assert.DoesNotMatch(matcher, "Read");
        string command = entry.GetProperty("hooks")[0].GetProperty("command").GetString()!;
        Assert.Equal(new[] { "firebreak", "guard", "--agent", "claude" }, command.Split(' '));
    }
}
