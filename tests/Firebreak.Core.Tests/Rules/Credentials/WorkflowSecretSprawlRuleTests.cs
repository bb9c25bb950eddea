using Firebreak.Core.Rules;
using Firebreak.Core.Documents;
using static Firebreak.Core.Tests.Rules.Credentials.PipelineRuleRunner;

namespace Firebreak.Core.Tests.Rules.Credentials;

public class WorkflowSecretSprawlRuleTests
{
    private const string Path = ".github/workflows/ci.yml";

    [Fact]
    public void SecretsInheritIsReportedAtInherit()
    {
        const string text = """
            on: push
            jobs:
              deploy:
                uses: ./.github/workflows/deploy.yml
                secrets: inherit
            """;
        var findings = Run(RuleIds.WorkflowSecretSprawl, Path, text);
        Assert.Equal(new[] { "inherit" }, findings.Texts(text));
        Assert.Contains("pass only the secrets it uses by name", findings[0].Message);
    }

    [Fact]
    public void NamedSecretsPassedToACalledWorkflowAreQuiet()
    {
        const string text = """
            on: push
            jobs:
              deploy:
                uses: ./.github/workflows/deploy.yml
                secrets:
                  RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}
            """;
        Assert.Empty(Run(RuleIds.WorkflowSecretSprawl, Path, text));
    }

    [Fact]
    public void ToJsonOfAllSecretsIsReported()
    {
        const string text = """
            on: push
            jobs:
              dump:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "$ALL" > secrets.json
                    env:
                      ALL: ${{ toJSON(secrets) }}
                  - run: echo '${{ toJSON(github) }}'
            """;
        var findings = Run(RuleIds.WorkflowSecretSprawl, Path, text);
        Assert.Equal(new[] { "toJSON(secrets)" }, findings.Texts(text));
    }

    [Fact]
    public void SecretInWorkflowLevelEnvIsReportedAtTheReference()
    {
        const string text = """
            on: push
            env:
              NODE_ENV: production
              DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: make
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: ./deploy.sh
            """;
        var findings = Run(RuleIds.WorkflowSecretSprawl, Path, text);
        Assert.Equal(new[] { "secrets.DEPLOY_KEY" }, findings.Texts(text));
        Assert.Contains("(build, deploy)", findings[0].Message);
    }

    [Fact]
    public void SecretInStepEnvIsQuiet()
    {
        const string text = """
            on: push
            env:
              NODE_ENV: production
              REGION: ${{ vars.REGION }}
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: ./deploy.sh
                    env:
                      DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}
            """;
        Assert.Empty(Run(RuleIds.WorkflowSecretSprawl, Path, text));
    }

    [Fact]
    public void PullRequestTargetCheckingOutTheHeadWithSecretsIsReported()
    {
        const string text = """
            on: pull_request_target
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    with:
                      ref: ${{ github.event.pull_request.head.sha }}
                  - run: npm ci && npm test
                    env:
                      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
            """;
        var findings = Run(RuleIds.WorkflowSecretSprawl, Path, text);
        Assert.Equal(new[] { "${{ github.event.pull_request.head.sha }}" }, findings.Texts(text));
        Assert.Contains("NPM_TOKEN", findings[0].Message);
        Assert.Equal(Firebreak.Core.Documents.FindingLevel.Error, findings[0].Level);
    }

    [Fact]
    public void PullRequestTargetCheckingOutTheBaseIsQuiet()
    {
        const string text = """
            on: pull_request_target
            jobs:
              label:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: ./label.sh
                    env:
                      TOKEN: ${{ secrets.LABEL_TOKEN }}
            """;
        Assert.Empty(Run(RuleIds.WorkflowSecretSprawl, Path, text));
    }

    [Fact]
    public void PullRequestCheckingOutTheHeadIsQuiet()
    {
        const string text = """
            on: pull_request
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    with:
                      ref: ${{ github.event.pull_request.head.sha }}
            """;
        Assert.Empty(Run(RuleIds.WorkflowSecretSprawl, Path, text));
    }
}
