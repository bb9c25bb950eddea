using System.Linq;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Rules.Destructive;

public sealed class DestructiveApiCallRuleTests
{
    private const string Id = RuleIds.DestructiveApiCall;

    [Fact]
    public void The_incident_volumeDelete_in_a_script_is_an_error_on_the_mutation_name()
    {
        var findings = RuleHarness.Verify("scripts/fix-staging.sh", """
            #!/bin/bash
            set -euo pipefail
            curl -s -X POST https://backboard.railway.app/graphql/v2 \
              -H "Authorization: Bearer $RAILWAY_TOKEN" \
              -H "Content-Type: application/json" \
              -d '{"query":"mutation { {|FB1002:volumeDelete|}(volumeId: \"3f1c2b9e-0000\") }"}'
            """);
        var finding = Assert.Single(findings);
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Contains("Railway", finding.Message);
        Assert.Contains("`volumeDelete`", finding.Message);
        Assert.Contains("Nothing is left on the platform to restore from", finding.Message);
        Assert.Contains("`Authorization: Bearer` header from `$RAILWAY_TOKEN`", finding.Message);
    }

    [Fact]
    public void The_incident_inside_a_workflow_run_step_points_at_the_mutation_in_the_workflow()
    {
        var findings = RuleHarness.Verify(".github/workflows/cleanup.yml", """
            on: workflow_dispatch
            permissions: {}
            jobs:
              cleanup:
                runs-on: ubuntu-latest
                environment: production
                steps:
                  - name: Free the volume
                    run: |
                      curl -X POST https://backboard.railway.com/graphql/v2 \
                        -H "Project-Access-Token: ${{ secrets.RAILWAY_TOKEN }}" \
                        --json "{\"query\": \"mutation { {|FB1002:volumeDelete|}(volumeId: \\\"$VOLUME_ID\\\") }\"}"
            """, Id);
        var finding = Assert.Single(findings);
        Assert.Contains("environment: production", finding.Message);
        Assert.Contains("`Project-Access-Token:` header", finding.Message);
    }

    [Fact]
    public void A_job_named_production_raises_a_compute_operation_to_error()
    {
        var findings = RuleHarness.Verify(".github/workflows/deploy.yml", """
            on: push
            permissions: {}
            jobs:
              production:
                runs-on: ubuntu-latest
                steps:
                  - run: curl -X DELETE "{|FB1002:https://api.vercel.com/v13/deployments/$OLD|}"
            """, Id);
        var finding = Assert.Single(findings);
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Contains("Its workflow step belongs to 'production', production by its name.", finding.Message);
    }

    [Fact]
    public void A_literal_token_is_shown_by_at_most_four_characters()
    {
        var findings = RuleHarness.Verify("drop.sh", """
            curl https://backboard.railway.app/graphql/v2 -H 'Authorization: Bearer 7c1d5e2a-aaaa-bbbb-cccc-123456789abc' -d '{"query":"mutation { {|FB1002:projectDelete|}(id: \"p\") }"}'
            """, Id);
        var message = Assert.Single(findings).Message;
        Assert.Contains("`7c1d…`", message);
        Assert.DoesNotContain("7c1d5", message);
    }

    [Fact]
    public void Rest_deletes_on_known_platforms_are_reported_on_the_url()
    {
        RuleHarness.Verify("teardown.sh", """
            curl -X DELETE -H "Authorization: Bearer $FLY_API_TOKEN" "{|FB1002:https://api.machines.dev/v1/apps/$APP/volumes/$VOL|}"
            curl -X DELETE {|FB1002:https://console.neon.tech/api/v2/projects/$NEON_PROJECT|}
            http DELETE {|FB1002:https://api.digitalocean.com/v2/databases/$DB|}
            wget --method=DELETE {|FB1002:https://api.supabase.com/v1/projects/abc|}
            curl -X DELETE {|FB1002:https://api.cloudflare.com/client/v4/accounts/a/d1/database/d|}
            curl -X DELETE {|FB1002:https://api.github.com/repos/acme/app|}
            """, Id);
    }

    [Fact]
    public void Compute_operations_are_warnings_unless_they_target_production()
    {
        var findings = RuleHarness.Verify("deploy.sh", """
            curl -X DELETE https://api.vercel.com/v13/deployments/{|FB1002:dpl_1|}
            curl -X DELETE "https://api.machines.dev/v1/apps/api-production/machines/{|FB1002:m1|}"
            """.Replace("https://api.vercel.com/v13/deployments/{|FB1002:dpl_1|}", "{|FB1002:https://api.vercel.com/v13/deployments/dpl_1|}")
               .Replace("\"https://api.machines.dev/v1/apps/api-production/machines/{|FB1002:m1|}\"", "\"{|FB1002:https://api.machines.dev/v1/apps/api-production/machines/m1|}\""), Id);
        Assert.Equal(new[] { FindingLevel.Warning, FindingLevel.Error }, findings.OrderBy(f => f.Location.Span.Start).Select(f => f.Level));
    }

    [Fact]
    public void Look_alikes_are_quiet()
    {
        RuleHarness.Verify("ok.sh", """
            curl -H "Authorization: Bearer $RAILWAY_TOKEN" https://backboard.railway.app/graphql/v2 -d '{"query":"query { me { name } }"}'
            curl -X DELETE https://api.internal.example.com/v1/apps/x/volumes/y
            curl https://api.machines.dev/v1/apps/x/volumes/y
            echo 'curl -X POST https://backboard.railway.app/graphql/v2 -d "{\"query\":\"mutation { volumeDelete(volumeId: 1) }\"}"'
            # curl -X DELETE https://api.heroku.com/apps/x
            cat <<'EOF'
            curl -X DELETE https://api.heroku.com/apps/x
            EOF
            """, Id);
    }

    [Fact]
    public void Railway_cli_api_command_is_read_as_graphql()
    {
        RuleHarness.Verify("Makefile", "nuke:\n\trailway api 'mutation { {|FB1002:environmentDelete|}(id: \"e1\") }'\n", Id);
    }
}
