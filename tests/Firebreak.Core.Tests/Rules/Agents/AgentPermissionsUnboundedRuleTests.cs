using System;
using Firebreak.Core.Tests.Infrastructure;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Rules.Credentials;
using Firebreak.Core.Documents;
using static Firebreak.Core.Tests.Rules.Credentials.PipelineRuleRunner;

namespace Firebreak.Core.Tests.Rules.Agents;

public class AgentPermissionsUnboundedRuleTests
{
    private const string Id = RuleIds.AgentPermissionsUnbounded;

    [Fact]
    public void ClaudeBypassModeAndAllowAllBashAreReported()
    {
        const string text = """
            {
              "permissions": {
                "defaultMode": "bypassPermissions",
                "allow": ["Bash", "Bash(sh:*)", "Bash(python3 *)", "Bash(npm run test:*)", "Read"],
                "deny": ["Read(./.env)"]
              }
            }
            """;
        var findings = Run(Id, ".claude/settings.json", text);
        Assert.Equal(new[] { "\"bypassPermissions\"", "\"Bash\"", "\"Bash(sh:*)\"", "\"Bash(python3 *)\"" }, findings.Texts(text));
    }

    [Fact]
    public void ClaudeAllowingAPlatformCliOrAnHttpClientWithAnyArgumentsIsReported()
    {
        const string text = """
            { "permissions": { "allow": ["Bash(curl:*)", "Bash(railway:*)", "Bash(railway status:*)", "Bash(make:*)", "Bash(npm run test:*)"] } }
            """;
        var findings = Run(Id, ".claude/settings.local.json", text);
        Assert.Equal(new[] { "\"Bash(curl:*)\"", "\"Bash(railway:*)\"" }, findings.Texts(text));
        Assert.Contains("destructive subcommands", findings[1].Message);
    }

    [Fact]
    public void ClaudeAllowingEveryToolOfAnInfrastructureMcpServerIsReported()
    {
        const string text = """
            { "permissions": { "allow": ["mcp__railway", "mcp__supabase__*", "mcp__railway__list_services", "mcp__context7", "mcp__github__get_issue"] } }
            """;
        var findings = Run(Id, ".claude/settings.json", text);
        Assert.Equal(new[] { "\"mcp__railway\"", "\"mcp__supabase__*\"" }, findings.Texts(text));
        Assert.Contains("MCP server 'railway'", findings[0].Message);
        Assert.Empty(Run(Id, ".claude/settings.json", text.Replace("] } }", "], \"deny\": [\"mcp__railway__volume_delete\", \"mcp__supabase__delete_project\"] } }")));
    }

    [Fact]
    public void AllowingADestructiveCommandByNameIsReported()
    {
        const string text = """
            { "permissions": { "allow": ["Bash(railway volume delete:*)", "Bash(terraform destroy:*)", "Bash(railway status:*)", "Bash(terraform plan:*)"], "deny": ["Bash(rm:*)"] } }
            """;
        var findings = Run(Id, ".claude/settings.json", text);
        Assert.Equal(new[] { "\"Bash(railway volume delete:*)\"", "\"Bash(terraform destroy:*)\"" }, findings.Texts(text));
        Assert.Contains("railway volume delete", findings[0].Message);
    }

    [Fact]
    public void ClaudeCodeActionStartedWithoutPermissionsIsReported()
    {
        const string text = """
            on: issue_comment
            jobs:
              claude:
                runs-on: ubuntu-latest
                steps:
                  - uses: anthropics/claude-code-action@v1
                    with:
                      claude_args: --max-turns 20 --dangerously-skip-permissions
                  - uses: anthropics/claude-code-action@v1
                    with:
                      claude_args: --max-turns 20 --permission-mode plan
            """;
        var findings = Run(Id, ".github/workflows/claude.yml", text);
        Assert.Equal(new[] { "--dangerously-skip-permissions" }, findings.Texts(text));
    }

    [Fact]
    public void ClaudeAllowAllWithDestructiveDenyRulesIsQuiet()
    {
        const string text = """
            {
              "permissions": {
                "defaultMode": "acceptEdits",
                "allow": ["Bash(*)"],
                "deny": ["Bash(rm:*)", "Bash(railway delete:*)"]
              }
            }
            """;
        Assert.Empty(Run(Id, ".claude/settings.local.json", text));
    }

    [Fact]
    public void ClaudeNarrowAllowListIsQuiet()
    {
        const string text = """
            { "permissions": { "allow": ["Bash(npm run test:*)", "Bash(git status)", "Bash(shellcheck:*)"] } }
            """;
        Assert.Empty(Run(Id, ".claude/settings.json", text));
    }

    [Fact]
    public void CursorShellStarStarIsReported()
    {
        const string text = """
            { "permissions": { "allow": ["Shell(**)", "Shell(ls)"], "deny": [] } }
            """;
        var findings = Run(Id, ".cursor/cli.json", text);
        Assert.Equal(new[] { "\"Shell(**)\"" }, findings.Texts(text));
    }

    [Fact]
    public void CodexFullAccessWithoutApprovalIsReported()
    {
        const string text = """
            model = "gpt-5-codex"
            # sandbox_mode = "danger-full-access"
            sandbox_mode = "danger-full-access"
            approval_policy = "never"

            [profiles.safe]
            sandbox_mode = "workspace-write"
            approval_policy = "on-request"
            """;
        var findings = Run(Id, ".codex/config.toml", text);
        Assert.Equal(new[] { "\"danger-full-access\"", "\"never\"" }, findings.Texts(text));
        Assert.Equal(text.IndexOf("\nsandbox_mode = \"danger") + "\nsandbox_mode = ".Length, findings[0].Location.Span.Start);
        Assert.Equal(FindingLevel.Error, findings[1].Level);
    }

    [Fact]
    public void CodexNeverInAReadOnlySandboxIsQuiet()
    {
        const string text = """
            sandbox_mode = "read-only"

            [profiles.ci]
            approval_policy = "never"

            [profiles.fix]
            sandbox_mode = "workspace-write"
            approval_policy = "never"
            """;
        var findings = Run(Id, ".codex/config.toml", text);
        Assert.Equal(new[] { "\"never\"" }, findings.Texts(text));
        Assert.Equal(text.LastIndexOf("\"never\""), findings[0].Location.Span.Start);
    }

    [Fact]
    public void CodexWorkspaceWriteIsQuiet()
    {
        const string text = """
            sandbox_mode = "workspace-write"
            approval_policy = "on-request"
            notes = '''
            sandbox_mode = "danger-full-access"
            '''
            """;
        Assert.Empty(Run(Id, ".codex/config.toml", text));
    }

    [Fact]
    public void CodexPrefixRuleWithoutDecisionIsReported()
    {
        const string text = """
            # prefix_rule(pattern = ["rm"])
            prefix_rule(
                pattern = ["railway", ["up", "down"]],
                match = ["railway up"],
            )
            prefix_rule(pattern = ["git", "status"], decision = "allow")
            prefix_rule(pattern = ["rm"], decision = "forbidden", justification = "no decision here")
            """;
        var findings = Run(Id, ".codex/rules/default.rules", text);
        Assert.Equal(new[] { "prefix_rule" }, findings.Texts(text));
        Assert.Equal(text.IndexOf("prefix_rule(\n"), findings[0].Location.Span.Start);
    }

    [Fact]
    public void CodexRulesAreReadAsStarlark()
    {
        const string text = """
            note = "prefix_rule(pattern = ['rm']) # not a call"  # prefix_rule(pattern = ["x"])
            doc = '''
            prefix_rule(pattern = ["in", "a", "triple-quoted", "string"])
            '''
            prefix_rule(pattern = ["git", "push"], justification = "decision = 'prompt' is only text here")
            prefix_rule(pattern = [r"kubectl", b"get"], decision = "prompt")
            """;
        var findings = Run(Id, ".codex/rules/default.rules", text);
        var finding = Assert.Single(findings);
        Assert.Equal(text.IndexOf("prefix_rule(pattern = [\"git\"", StringComparison.Ordinal), finding.Location.Span.Start);
    }

    [Fact]
    public void An_unclosed_codex_rule_is_a_parse_note_not_a_crash()
    {
        var result = RuleHarness.Analyze((".codex/rules/default.rules", "prefix_rule(pattern = [\"rm\", \n"));
        Assert.Contains(result.Findings, f => f.RuleId == "FB0001" && f.Message.Contains("starlark", StringComparison.Ordinal));
    }

    [Fact]
    public void ScriptStartingClaudeWithoutPermissionsIsReported()
    {
        const string text = """
            #!/usr/bin/env bash
            echo "never run claude --dangerously-skip-permissions"
            claude -p "fix the staging deploy" --dangerously-skip-permissions
            npx -y @google/gemini-cli@latest --yolo -p "clean up"
            claude -p "review" --permission-mode plan
            """;
        var findings = Run(Id, "scripts/agent.sh", text);
        Assert.Equal(new[] { "--dangerously-skip-permissions", "--yolo" }, findings.Texts(text));
    }

    [Fact]
    public void WorkflowStepStartingCodexWithBypassIsReported()
    {
        const string text = """
            on: workflow_dispatch
            jobs:
              agent:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      codex exec --dangerously-bypass-approvals-and-sandbox "fix tests"
                      codex exec --full-auto "fix lint"
            """;
        var findings = Run(Id, ".github/workflows/agent.yml", text);
        Assert.Equal(new[] { "--dangerously-bypass-approvals-and-sandbox" }, findings.Texts(text));
    }
}
