using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Firebreak.Cli.Tests;

/// <summary>`guard:` in firebreak.yml: deny and allow lists of command prefixes, ask-as-deny, the decision log.</summary>
public sealed class GuardPolicyTests
{
    private static (int Code, string Decision, string Reason) Guard(TempRepo repo, string command, string agent = "claude")
    {
        var payload = JsonSerializer.Serialize(new { hook_event_name = "PreToolUse", cwd = repo.Root, tool_name = "Bash", tool_input = new { command } });
        var stdout = new StringWriter();
        int code = Program.Run(new[] { "guard", "--agent", agent }, new StringReader(payload), stdout, new StringWriter(), repo.Root);
        if (stdout.ToString().Trim().Length == 0) return (code, "none", string.Empty);
        var output = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("hookSpecificOutput");
        return (code, output.GetProperty("permissionDecision").GetString()!, output.GetProperty("permissionDecisionReason").GetString()!);
    }

    [Fact]
    public void A_deny_list_entry_denies_the_command_wherever_the_shell_runs_it()
    {
        using var repo = new TempRepo().Write("firebreak.yml", "guard:\n  deny: ['git push', 'npm publish']\n");
        Assert.Equal("deny", Guard(repo, "git push origin feature").Decision);
        Assert.Equal("deny", Guard(repo, "cd web && sudo bash -c 'npm publish --access public'").Decision);
        Assert.Contains("deny list", Guard(repo, "git push").Reason, StringComparison.Ordinal);
        Assert.Equal("none", Guard(repo, "git pull").Decision);
        Assert.Equal("none", Guard(repo, "echo git push").Decision); // an argument of echo is not a command
    }

    [Fact]
    public void An_allow_list_entry_allows_only_when_every_command_is_on_it()
    {
        using var repo = new TempRepo().Write("firebreak.yml", "guard:\n  allow: ['terraform destroy -target=module.preview']\n");
        Assert.Equal("none", Guard(repo, "terraform destroy -target=module.preview -auto-approve").Decision);
        Assert.Equal("deny", Guard(repo, "terraform destroy -target=module.preview -auto-approve && terraform destroy -auto-approve").Decision);
        Assert.Equal("deny", Guard(repo, "terraform destroy -auto-approve").Decision);
    }

    [Fact]
    public void Ask_as_deny_turns_questions_into_denials()
    {
        using var plain = new TempRepo();
        Assert.Equal("ask", Guard(plain, "git reset --hard HEAD~3").Decision);
        using var strict = new TempRepo().Write("firebreak.yml", "guard:\n  ask-as-deny: true\n");
        var (_, decision, reason) = Guard(strict, "git reset --hard HEAD~3");
        Assert.Equal("deny", decision);
        Assert.Contains("ask-as-deny", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_decision_log_records_each_decision_without_the_command()
    {
        using var repo = new TempRepo().Write("firebreak.yml", "guard:\n  log: .firebreak/guard.jsonl\n");
        Guard(repo, "terraform destroy -auto-approve");
        Guard(repo, "ls");
        var lines = File.ReadAllLines(Path.Combine(repo.Root, ".firebreak/guard.jsonl"));
        Assert.Equal(2, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("claude", first.GetProperty("agent").GetString());
        Assert.Equal("deny", first.GetProperty("decision").GetString());
        Assert.Equal("FB1001", first.GetProperty("rules").GetString());
        Assert.Equal(64, first.GetProperty("sha256").GetString()!.Length);
        Assert.DoesNotContain("terraform", lines[0], StringComparison.Ordinal);
        Assert.Equal("none", JsonDocument.Parse(lines[1]).RootElement.GetProperty("decision").GetString());
    }

    [Fact]
    public void A_guard_section_the_guard_cannot_read_blocks_the_call()
    {
        using var repo = new TempRepo().Write("firebreak.yml", "guard:\n  ask-as-deny: maybe\n");
        Assert.Equal(2, Guard(repo, "ls").Code);
        using var outside = new TempRepo().Write("firebreak.yml", "guard:\n  log: ../../guard.jsonl\n");
        Assert.Equal(2, Guard(outside, "ls").Code);
    }
}
