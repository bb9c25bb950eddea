using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using static Firebreak.Core.Tests.Rules.Credentials.PipelineRuleRunner;

namespace Firebreak.Core.Tests.Rules.Credentials;

public class CredentialSharedAcrossEnvironmentsRuleTests
{
    private const string Path = ".github/workflows/deploy.yml";

    [Fact]
    public void SameRepositorySecretForStagingAndProductionIsReported()
    {
        const string text = """
            on: push
            jobs:
              deploy-staging:
                runs-on: ubuntu-latest
                steps:
                  - run: railway up --environment staging
                    env:
                      RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}
              deploy-production:
                runs-on: ubuntu-latest
                environment: production
                steps:
                  - run: railway up --environment production
                    env:
                      RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}
            """;
        var findings = Run(RuleIds.CredentialSharedAcrossEnvironments, Path, text);
        Assert.Equal(new[] { "secrets.RAILWAY_TOKEN" }, findings.Texts(text));
        Assert.Equal(text.IndexOf("secrets.RAILWAY_TOKEN"), findings[0].Location.Span.Start);
        Assert.Contains("staging and production", findings[0].Message);
        var related = Assert.Single(findings[0].RelatedLocations);
        Assert.Equal("secrets.RAILWAY_TOKEN", related.Location.Snippet);
        Assert.Equal(text.LastIndexOf("secrets.RAILWAY_TOKEN"), related.Location.Span.Start);
    }

    [Fact]
    public void EnvironmentSecretsPerDeclaredEnvironmentAreQuiet()
    {
        const string text = """
            on: push
            jobs:
              deploy-staging:
                runs-on: ubuntu-latest
                environment: staging
                steps:
                  - run: railway up
                    env:
                      RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}
              deploy-production:
                runs-on: ubuntu-latest
                environment: production
                steps:
                  - run: railway up
                    env:
                      RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}
            """;
        Assert.Empty(Run(RuleIds.CredentialSharedAcrossEnvironments, Path, text));
    }

    [Fact]
    public void AnAccountTokenIsSharedEvenWhenEveryJobDeclaresItsEnvironment()
    {
        // An environment secret per environment scopes a project token; an account token reaches both wherever it is stored.
        const string text = """
            on: push
            env:
              RAILWAY_API_TOKEN: ${{ secrets.RAILWAY_API_TOKEN }}
            jobs:
              deploy-staging:
                runs-on: ubuntu-latest
                environment: staging
                steps:
                  - run: railway up --environment staging
              deploy-production:
                runs-on: ubuntu-latest
                environment: production
                steps:
                  - run: railway up --environment production
            """;
        var findings = Run(RuleIds.CredentialSharedAcrossEnvironments, Path, text);
        Assert.Equal(new[] { "secrets.RAILWAY_API_TOKEN" }, findings.Texts(text));
        Assert.Contains("staging and production", findings[0].Message);
        Assert.Empty(Run(RuleIds.CredentialSharedAcrossEnvironments, Path, text.Replace("RAILWAY_API_TOKEN", "RAILWAY_TOKEN")));
    }

    [Fact]
    public void IncidentSampleSharesTheWorkflowLevelTokenBetweenStagingAndProduction()
    {
        string text = System.IO.File.ReadAllText(System.IO.Path.Combine(BlanketPlatformTokenRuleTests.RepoRoot(), "samples/incident/.github/workflows/deploy.yml"));
        var findings = Run(RuleIds.CredentialSharedAcrossEnvironments, Path, text);
        Assert.Equal(new[] { "secrets.RAILWAY_API_TOKEN" }, findings.Texts(text));
        Assert.Equal("production:", findings[0].RelatedLocations.Single().Location.Snippet + ":");
    }

    [Fact]
    public void ProductionSecretInAJobWithoutEnvironmentIsReported()
    {
        const string text = """
            on: push
            jobs:
              migrate:
                runs-on: ubuntu-latest
                steps:
                  - run: ./migrate.sh
                    env:
                      DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}
                      SENTRY_DSN: ${{ secrets.SENTRY_DSN }}
            """;
        var findings = Run(RuleIds.CredentialSharedAcrossEnvironments, Path, text);
        Assert.Equal(new[] { "secrets.PROD_DATABASE_URL" }, findings.Texts(text));
    }

    [Fact]
    public void ProductionSecretInAJobWithEnvironmentIsQuiet()
    {
        const string text = """
            on: push
            jobs:
              migrate:
                runs-on: ubuntu-latest
                environment: production
                steps:
                  - run: ./migrate.sh
                    env:
                      DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}
            """;
        Assert.Empty(Run(RuleIds.CredentialSharedAcrossEnvironments, Path, text));
    }

    [Fact]
    public void SecretUsedByBuildAndTestJobsIsQuiet()
    {
        const string text = """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: npm ci
                    env:
                      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
              lint:
                runs-on: ubuntu-latest
                steps:
                  - run: npm ci
                    env:
                      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
            """;
        Assert.Empty(Run(RuleIds.CredentialSharedAcrossEnvironments, Path, text));
    }
}
