using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;
using static Firebreak.Core.Tests.Rules.Credentials.PipelineRuleRunner;

namespace Firebreak.Core.Tests.Rules.Credentials;

/// <summary>
/// The credential and agent rules read the shared command model, so a wrapper (<c>sudo</c>, <c>env</c>, <c>nohup</c>,
/// <c>bash -c</c>) no longer hides the command it runs; and a run block is parsed once.
/// </summary>
public class WrappedCommandTests
{
    [Fact]
    public void A_bearer_token_sent_through_sudo_is_reported()
    {
        const string text = """
            #!/bin/sh
            sudo -E curl -sS https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer $DEPLOY_KEY" -d '{"query":"{ me { id } }"}'
            """;
        var findings = Run(RuleIds.BlanketPlatformToken, "scripts/reset.sh", text);
        Assert.Equal(new[] { "\"Authorization: Bearer $DEPLOY_KEY\"" }, findings.Texts(text));
    }

    [Fact]
    public void A_bearer_token_sent_from_bash_c_in_a_workflow_is_reported()
    {
        const string text = """
            on: push
            jobs:
              reset:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      bash -c 'curl https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer $KEY"'
            """;
        var findings = Run(RuleIds.BlanketPlatformToken, ".github/workflows/reset.yml", text);
        Assert.Equal(new[] { "\"Authorization: Bearer $KEY\"" }, findings.Texts(text));
    }

    [Theory]
    [InlineData("env FOO=1 claude -p \"fix it\" --dangerously-skip-permissions", "--dangerously-skip-permissions")]
    [InlineData("bash -c \"codex exec --dangerously-bypass-approvals-and-sandbox 'clean up'\"", "--dangerously-bypass-approvals-and-sandbox")]
    [InlineData("nohup gemini --yolo -p 'clean up' &", "--yolo")]
    [InlineData("timeout 600 sudo -E claude --dangerously-skip-permissions", "--dangerously-skip-permissions")]
    public void An_agent_started_through_a_wrapper_is_reported(string line, string flag)
    {
        string text = "#!/usr/bin/env bash\n" + line + "\n";
        var findings = Run(RuleIds.AgentPermissionsUnbounded, "scripts/agent.sh", text);
        Assert.Equal(new[] { flag }, findings.Texts(text));
    }

    [Fact]
    public void An_agent_started_in_a_gitlab_job_is_reported()
    {
        const string text = """
            fix:
              script:
                - npx -y @anthropic-ai/claude-code -p "fix the build" --dangerously-skip-permissions
            """;
        var findings = Run(RuleIds.AgentPermissionsUnbounded, ".gitlab-ci.yml", text);
        Assert.Equal(new[] { "--dangerously-skip-permissions" }, findings.Texts(text));
    }

    [Fact]
    public void An_environment_named_inside_bash_c_tells_the_job_target()
    {
        const string text = """
            on: push
            jobs:
              one:
                runs-on: ubuntu-latest
                steps:
                  - run: bash -c "railway up --environment staging"
                    env:
                      RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}
              two:
                runs-on: ubuntu-latest
                steps:
                  - run: sudo -E sh -c "railway up --environment production"
                    env:
                      RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}
            """;
        var findings = Run(RuleIds.CredentialSharedAcrossEnvironments, ".github/workflows/deploy.yml", text);
        Assert.Equal(new[] { "secrets.RAILWAY_TOKEN" }, findings.Texts(text));
        Assert.Contains("staging and production", findings[0].Message);
    }

    [Fact]
    public void An_invalid_suppression_inside_a_run_block_is_reported_once()
    {
        // Every rule that looks inside run blocks reads the one parse of ShellSources; its comments are registered once.
        var result = RuleHarness.Analyze((".github/workflows/ci.yml", """
            on: push
            permissions: {}
            env:
              RAILWAY_API_TOKEN: ${{ secrets.RAILWAY_API_TOKEN }}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      # firebreak:ignore FB9999 -- typo
                      railway up --environment "$TARGET" --detach
            """));
        var invalid = Assert.Single(result.Findings, f => f.RuleId == RuleIds.InvalidSuppression);
        Assert.Contains("'FB9999' is not a Firebreak rule ID", invalid.Message, System.StringComparison.Ordinal);
    }
}
