using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Rules;

public sealed class WorkflowTokenNotScopedRuleTests
{
    private const string Path = ".github/workflows/ci.yml";
    private const string Id = RuleIds.WorkflowTokenNotScoped;

    [Fact]
    public void Each_job_without_permissions_in_a_workflow_without_permissions_is_reported_at_its_key()
    {
        RuleHarness.Verify(Path, """
            on: push
            jobs:
              {|FB2001:build|}:
                runs-on: ubuntu-latest
                steps:
                  - run: make
              {|FB2001:test|}:
                runs-on: ubuntu-latest
                steps:
                  - run: make test
            """);
    }

    [Fact]
    public void Workflow_level_read_only_permissions_cover_every_job()
    {
        RuleHarness.Verify(Path, """
            on: push
            permissions:
              contents: read
            jobs:
              build:
                runs-on: ubuntu-latest
                steps: [{ run: make }]
              test:
                runs-on: ubuntu-latest
                steps: [{ run: make test }]
            """, Id);
    }

    [Fact]
    public void Write_all_is_reported_at_its_value_at_either_level()
    {
        RuleHarness.Verify(Path, """
            on: push
            permissions: {|FB2001:write-all|}
            jobs:
              build:
                permissions: {|FB2001:write-all|}
                runs-on: ubuntu-latest
                steps: [{ run: make }]
            """);
    }

    [Fact]
    public void Workflow_level_write_scopes_inherited_by_several_jobs_are_reported_per_scope()
    {
        RuleHarness.Verify(Path, """
            on: push
            permissions:
              {|FB2001:contents: write|}
              pull-requests: read
              {|FB2001:packages: write|}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps: [{ run: make }]
              lint:
                runs-on: ubuntu-latest
                steps: [{ run: make lint }]
            """);
    }

    [Fact]
    public void Workflow_level_write_is_quiet_when_every_job_sets_its_own_or_only_one_job_inherits()
    {
        RuleHarness.Verify(Path, """
            on: push
            permissions:
              contents: write
            jobs:
              release:
                runs-on: ubuntu-latest
                steps: [{ run: make release }]
              lint:
                permissions:
                  contents: read
                runs-on: ubuntu-latest
                steps: [{ run: make lint }]
            """, Id);
    }

    [Fact]
    public void Reusable_workflows_called_only_by_others_are_left_to_the_caller()
    {
        RuleHarness.Verify(Path, """
            on:
              workflow_call:
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps: [{ run: ./deploy.sh }]
            """, Id);
    }

    [Fact]
    public void Privileged_triggers_raise_the_level_to_error_and_say_why()
    {
        var findings = RuleHarness.Verify(Path, """
            on: pull_request_target
            jobs:
              {|FB2001:label|}:
                runs-on: ubuntu-latest
                steps: [{ run: echo hi }]
            """);
        Assert.Equal(Firebreak.Core.Documents.FindingLevel.Error, findings[0].Level);
        Assert.Contains("pull_request_target", findings[0].Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Files_outside_workflows_and_yaml_without_jobs_are_not_workflows()
    {
        RuleHarness.Verify("config/ci.yml", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
            """, Id);
        RuleHarness.Verify(Path, "name: just a name\n", Id);
    }

    [Fact]
    public void A_suppression_with_a_reason_on_the_line_above_silences_the_job_finding()
    {
        var result = RuleHarness.Analyze((Path, """
            on: push
            jobs:
              # firebreak:ignore FB2001 -- the release job still needs the default token
              release:
                runs-on: ubuntu-latest
                steps: [{ run: make release }]
            """));
        Assert.Empty(result.Findings);
        Assert.Equal(1, result.SuppressedCount);
    }
}
