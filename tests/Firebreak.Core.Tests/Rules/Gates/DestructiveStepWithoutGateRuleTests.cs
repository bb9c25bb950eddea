using System.Linq;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Rules.Gates;

public sealed class DestructiveStepWithoutGateRuleTests
{
    private const string Workflow = ".github/workflows/deploy.yml";

    [Fact]
    public void Railway_docs_example_is_reported_as_an_error_at_the_delete()
    {
        var findings = RuleHarness.Verify(Workflow, """
            name: Manage PR environment

            on:
              pull_request:
                types: [opened, closed]

            env:
              RAILWAY_API_TOKEN: ${{ secrets.RAILWAY_API_TOKEN }}
              SERVICE_ID: "" # service ID to inject environment variables
              ENV_NAME: "" # environment name to copy from
              PROJECT_ID: "" # project id

            jobs:
              pr_opened:
                if: github.event.action == 'opened'
                runs-on: ubuntu-latest
                container: ghcr.io/railwayapp/cli:latest
                steps:
                  - name: Link to project
                    run: railway link --project ${{ env.PROJECT_ID }} --environment ${{ env.ENV_NAME }}
                  - name: Create Railway Environment for PR
                    run: railway environment new pr-${{ github.event.pull_request.number }} --copy ${{ env.ENV_NAME }}
              pr_closed:
                if: github.event.action == 'closed'
                runs-on: ubuntu-latest
                container: ghcr.io/railwayapp/cli:latest
                steps:
                  - name: Link to project
                    run: railway link --project ${{ env.PROJECT_ID }} --environment ${{ env.ENV_NAME }}
                  - name: Delete Railway Environment for PR
                    run: {|FB1010:railway environment delete pr-${{ github.event.pull_request.number }}|} || true
            """);
        var finding = Assert.Single(findings);
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Contains("job 'pr_closed'", finding.Message);
        Assert.Contains("`pull_request`", finding.Message);
        Assert.Contains("no `environment:`", finding.Message);
    }

    [Fact]
    public void Push_and_schedule_are_warnings_unless_the_job_deploys_to_production()
    {
        var findings = RuleHarness.Verify(Workflow, """
            on:
              push:
              schedule:
                - cron: "0 3 * * *"
            jobs:
              cleanup:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      echo "terraform destroy"
                      {|FB1010:docker volume prune -f|}
              production:
                runs-on: ubuntu-latest
                steps:
                  - run: {|FB1010:terraform destroy -auto-approve|}
            """);
        Assert.Equal(new[] { FindingLevel.Warning, FindingLevel.Error }, findings.OrderBy(f => f.Location.Span.Start).Select(f => f.Level));
        Assert.Contains("`push`", findings[0].Message);
        Assert.Contains("deploys to production", findings.Single(f => f.Level == FindingLevel.Error).Message);
    }

    [Fact]
    public void A_protected_looking_environment_or_a_manual_trigger_is_a_gate()
    {
        RuleHarness.Verify(Workflow, """
            on: push
            jobs:
              destroy:
                runs-on: ubuntu-latest
                environment: production
                steps:
                  - run: terraform destroy -auto-approve
              staging:
                runs-on: ubuntu-latest
                environment:
                  name: staging
                  url: https://staging.example.com
                steps:
                  - run: railway volume delete --volume data --yes
              plan:
                runs-on: ubuntu-latest
                steps:
                  - run: terraform plan -destroy
            """, RuleIds.DestructiveStepWithoutGate);
        RuleHarness.Verify(".github/workflows/mixed.yml", """
            on: [push, workflow_dispatch]
            jobs:
              destroy:
                if: github.event_name == 'workflow_dispatch'
                runs-on: ubuntu-latest
                steps:
                  - run: terraform destroy -auto-approve
              either:
                if: github.event_name == 'workflow_dispatch' || github.event_name == 'push'
                runs-on: ubuntu-latest
                steps:
                  - run: {|FB1010:terraform destroy -auto-approve|}
            """, RuleIds.DestructiveStepWithoutGate);
        RuleHarness.Verify(".github/workflows/manual.yml", """
            on: workflow_dispatch
            jobs:
              destroy:
                runs-on: ubuntu-latest
                steps:
                  - run: terraform destroy -auto-approve
            """, RuleIds.DestructiveStepWithoutGate);
    }

    [Fact]
    public void A_per_pull_request_environment_is_not_a_gate()
    {
        RuleHarness.Verify(Workflow, """
            on: pull_request_target
            jobs:
              teardown:
                runs-on: ubuntu-latest
                environment: pr-${{ github.event.number }}
                steps:
                  - run: {|FB1010:fly apps destroy my-app-pr-${{ github.event.number }} --yes|}
            """);
    }

    [Fact]
    public void A_called_script_is_followed_and_its_command_is_a_related_location()
    {
        var findings = RuleHarness.VerifyProject(new[]
        {
            (Workflow, """
                on: push
                jobs:
                  staging:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: {|FB1010:./scripts/reset.sh|}
                      - run: {|FB1010:bash -e scripts/wipe.sh --all|}
                      - run: ./scripts/harmless.sh
                      - run: ./scripts/missing.sh
                """),
            ("scripts/reset.sh", """
                #!/bin/sh
                railway volume delete --volume data --yes
                """),
            ("scripts/wipe.sh", """
                #!/bin/bash
                source ./scripts/lib/drop.sh
                """),
            ("scripts/lib/drop.sh", """
                dropdb app
                """),
            ("scripts/harmless.sh", """
                #!/bin/sh
                echo "railway volume delete"
                """),
        }, RuleIds.DestructiveStepWithoutGate);
        var reset = findings.Single(f => f.Message.Contains("scripts/reset.sh"));
        var related = Assert.Single(reset.RelatedLocations);
        Assert.Equal("scripts/reset.sh", related.Location.Path);
        Assert.Contains("railway volume delete", reset.Message);
        var wipe = findings.Single(f => f.Message.Contains("scripts/wipe.sh"));
        Assert.Equal("scripts/lib/drop.sh", Assert.Single(wipe.RelatedLocations).Location.Path);
    }

    private const string ResetAction = """
        name: reset
        runs:
          using: composite
          steps:
            - run: terraform destroy -auto-approve
              shell: bash
        """;

    [Fact]
    public void A_local_composite_action_is_followed_and_its_command_is_a_related_location()
    {
        var findings = RuleHarness.VerifyProject(new[]
        {
            (Workflow, """
                on: push
                jobs:
                  staging:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - uses: {|FB1010:./.github/actions/reset|}
                      - uses: ./.github/actions/missing
                  gated:
                    runs-on: ubuntu-latest
                    environment: production
                    steps:
                      - uses: ./.github/actions/reset
                """),
            (".github/actions/reset/action.yml", ResetAction),
        }, RuleIds.DestructiveStepWithoutGate);
        var finding = Assert.Single(findings);
        Assert.Contains("job 'staging'", finding.Message);
        Assert.Contains("`terraform destroy`", finding.Message);
        var related = Assert.Single(finding.RelatedLocations);
        Assert.Equal(".github/actions/reset/action.yml", related.Location.Path);
    }

    [Fact]
    public void An_action_that_uses_another_local_action_is_followed_and_a_cycle_ends()
    {
        var findings = RuleHarness.VerifyProject(new[]
        {
            (Workflow, """
                on: schedule
                jobs:
                  nightly:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: {|FB1010:./.github/actions/nightly|}
                      - uses: {|FB1010:./.github/actions/ping|}
                      - uses: ./.github/actions/harmless
                """),
            (".github/actions/nightly/action.yaml", """
                runs:
                  using: composite
                  steps:
                    - run: echo nightly
                      shell: bash
                    - uses: ./.github/actions/reset
                """),
            (".github/actions/reset/action.yml", ResetAction),
            (".github/actions/ping/action.yml", """
                runs:
                  using: composite
                  steps:
                    - uses: ./.github/actions/pong
                    - run: ./scripts/wipe.sh
                      shell: bash
                """),
            (".github/actions/pong/action.yml", """
                runs:
                  using: composite
                  steps:
                    - uses: ./.github/actions/ping/
                """),
            ("scripts/wipe.sh", """
                #!/bin/sh
                dropdb app
                """),
            (".github/actions/harmless/action.yml", """
                runs:
                  using: composite
                  steps:
                    - uses: ./.github/actions/harmless
                    - run: echo "terraform destroy -auto-approve"
                      shell: bash
                """),
        }, RuleIds.DestructiveStepWithoutGate);
        var nightly = findings.Single(f => f.Message.Contains(".github/actions/nightly/action.yaml"));
        Assert.Equal(".github/actions/reset/action.yml", Assert.Single(nightly.RelatedLocations).Location.Path);
        var ping = findings.Single(f => f.Message.Contains(".github/actions/ping/action.yml"));
        Assert.Equal("scripts/wipe.sh", Assert.Single(ping.RelatedLocations).Location.Path);
    }

    [Fact]
    public void A_local_reusable_workflow_runs_in_the_callers_context_and_its_jobs_own_environment_gates_it()
    {
        var findings = RuleHarness.VerifyProject(new[]
        {
            (".github/workflows/pr.yml", """
                on: pull_request
                jobs:
                  teardown:
                    uses: {|FB1010:./.github/workflows/teardown.yml|}
                    secrets: inherit
                  release:
                    uses: ./.github/workflows/release.yml
                """),
            (".github/workflows/teardown.yml", """
                on: workflow_call
                jobs:
                  destroy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: ./.github/actions/reset
                """),
            (".github/actions/reset/action.yml", ResetAction),
            (".github/workflows/release.yml", """
                on: workflow_call
                jobs:
                  destroy:
                    runs-on: ubuntu-latest
                    environment: production
                    steps:
                      - run: terraform destroy -auto-approve
                """),
        }, RuleIds.DestructiveStepWithoutGate);
        var finding = Assert.Single(findings);
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Contains("`pull_request`", finding.Message);
        Assert.Contains(".github/workflows/teardown.yml", finding.Message);
        Assert.Equal(".github/actions/reset/action.yml", Assert.Single(finding.RelatedLocations).Location.Path);
    }

    [Fact]
    public void GitLab_jobs_are_gated_by_when_manual_rules_or_a_protected_environment()
    {
        var findings = RuleHarness.Verify(".gitlab-ci.yml", """
            stages: [deploy]
            variables:
              RAILWAY_API_TOKEN: $RAILWAY_API_TOKEN
            .template:
              script:
                - terraform destroy -auto-approve
            reset:
              script:
                - {|FB1010:railway volume delete --volume data --yes|}
            review-stop:
              environment:
                name: review/$CI_COMMIT_REF_SLUG
                action: stop
              rules:
                - if: $CI_PIPELINE_SOURCE == "merge_request_event"
              script:
                - {|FB1010:helm uninstall review-$CI_COMMIT_REF_SLUG|}
            manual:
              when: manual
              script:
                - terraform destroy -auto-approve
            manual-by-rules:
              rules:
                - if: $CI_COMMIT_BRANCH == "main"
                  when: manual
                - when: never
              script:
                - terraform destroy -auto-approve
            production:
              environment: production
              script:
                - terraform destroy -auto-approve
            """, RuleIds.DestructiveStepWithoutGate);
        Assert.Equal(FindingLevel.Warning, findings.Single(f => f.Message.Contains("'reset'")).Level);
        var review = findings.Single(f => f.Message.Contains("'review-stop'"));
        Assert.Equal(FindingLevel.Error, review.Level);
        Assert.Contains("merge_request_event", review.Message);
    }

    [Fact]
    public void A_control_plane_api_call_is_a_destructive_step_too()
    {
        var findings = RuleHarness.Verify(Workflow, """
            on: push
            jobs:
              cleanup:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      {|FB1010:curl -sS https://backboard.railway.app/graphql/v2 \
                        -H "Authorization: Bearer $RAILWAY_API_TOKEN" \
                        -d '{"query":"mutation { volumeDelete(volumeId: \"vol_1\") }"}'|}
                      curl -sS https://backboard.railway.app/graphql/v2 -d '{"query":"query { me { id } }"}'
            """, RuleIds.DestructiveStepWithoutGate);
        Assert.Contains("`volumeDelete`", Assert.Single(findings).Message);
    }

    [Fact]
    public void GitLab_local_includes_are_read_as_pipeline_files()
    {
        RuleHarness.VerifyProject(new[]
        {
            (".gitlab-ci.yml", """
                include:
                  - local: ci/cleanup.yml
                  - remote: https://example.com/ci.yml
                stages: [cleanup]
                """),
            ("ci/cleanup.yml", """
                include: ci/more.yml
                nightly-cleanup:
                  stage: cleanup
                  script:
                    - {|FB1010:kubectl delete namespace staging --wait=false|}
                """),
            ("ci/more.yml", """
                wipe:
                  when: manual
                  script:
                    - kubectl delete namespace staging
                reset:
                  script:
                    - {|FB1010:dropdb app|}
                """),
            ("ci/not-included.yml", """
                other:
                  script:
                    - dropdb app
                """),
        }, RuleIds.DestructiveStepWithoutGate);
    }
}
