using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Gates;

public sealed class GitLabCredentialTests
{
    [Fact]
    public void A_credential_in_top_level_variables_reaches_every_job()
    {
        var findings = RuleHarness.Verify(".gitlab-ci.yml", """
            variables:
              RAILWAY_API_TOKEN: {|FB2002:$RAILWAY_API_TOKEN|}
              DEPLOY_KEY: "{|FB2002:${SSH_DEPLOY_KEY}|}"
              NODE_ENV: production
              CI_DEBUG: $CI_COMMIT_SHA
            test:
              script: [npm test]
            deploy:
              script: [railway up]
            """, RuleIds.WorkflowSecretSprawl);
        Assert.Contains("every job of the pipeline (test, deploy)", findings[0].Message);
    }

    [Fact]
    public void Job_level_variables_are_not_sprawl()
    {
        RuleHarness.Verify(".gitlab-ci.yml", """
            deploy:
              variables:
                RAILWAY_TOKEN: $RAILWAY_STAGING_TOKEN
              script: [railway up]
            """, RuleIds.WorkflowSecretSprawl);
    }

    [Fact]
    public void One_credential_for_staging_and_production_jobs()
    {
        var findings = RuleHarness.Verify(".gitlab-ci.yml", """
            deploy-staging:
              script:
                - railway up --service api --environment staging
                - 'curl -H "Authorization: Bearer {|FB2004:$RAILWAY_API_TOKEN|}" https://backboard.railway.app/graphql/v2'
            deploy-production:
              script:
                - 'curl -H "Authorization: Bearer ${RAILWAY_API_TOKEN}" https://backboard.railway.app/graphql/v2'
            """, RuleIds.CredentialSharedAcrossEnvironments);
        var finding = Assert.Single(findings);
        Assert.Contains("staging and production", finding.Message);
        Assert.Equal("${RAILWAY_API_TOKEN}", Assert.Single(finding.RelatedLocations).Location.Snippet);
    }

    [Fact]
    public void Declared_environments_can_scope_the_variable_per_environment()
    {
        RuleHarness.Verify(".gitlab-ci.yml", """
            deploy-staging:
              environment: staging
              script: ['curl -H "Authorization: Bearer $RAILWAY_TOKEN" https://backboard.railway.app/graphql/v2']
            deploy-production:
              environment:
                name: production
              script: ['curl -H "Authorization: Bearer $RAILWAY_TOKEN" https://backboard.railway.app/graphql/v2']
            """, RuleIds.CredentialSharedAcrossEnvironments);
    }
}
