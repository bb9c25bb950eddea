using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using static Firebreak.Core.Tests.Rules.Credentials.PipelineRuleRunner;

namespace Firebreak.Core.Tests.Rules.Credentials;

public class BlanketPlatformTokenRuleTests
{
    private const string Workflow = ".github/workflows/deploy.yml";

    /// <summary>Railway's documentation example for pull-request environments, as published.</summary>
    private const string RailwayDocsExample = """
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
                run: railway environment delete pr-${{ github.event.pull_request.number }} || true
        """;

    [Fact]
    public void RailwayDocsExampleIsReportedAtTheWorkflowLevelToken()
    {
        var findings = Run(RuleIds.BlanketPlatformToken, Workflow, RailwayDocsExample);
        Assert.Equal(new[] { "RAILWAY_API_TOKEN" }, findings.Texts(RailwayDocsExample));
        Assert.Contains("Railway account token", findings[0].Message);
        Assert.Contains("every job of this workflow (pr_opened, pr_closed)", findings[0].Message);
        Assert.Contains("project token (RAILWAY_TOKEN", findings[0].Message);
        Assert.Contains("`pull_request`", findings[0].Message);
    }

    [Fact]
    public void RailwayDocsExampleAlsoSpreadsTheSecretToEveryJob()
    {
        var findings = Run(RuleIds.WorkflowSecretSprawl, Workflow, RailwayDocsExample);
        Assert.Equal(new[] { "secrets.RAILWAY_API_TOKEN" }, findings.Texts(RailwayDocsExample));
    }

    [Fact]
    public void RailwayProjectTokenInStepEnvIsQuiet()
    {
        const string text = """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                environment: staging
                steps:
                  - run: railway up --service api
                    env:
                      RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}
            """;
        Assert.Empty(Run(RuleIds.BlanketPlatformToken, Workflow, text));
    }

    [Fact]
    public void BlanketSecretUnderANeutralEnvNameIsReported()
    {
        const string text = """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                env:
                  TOKEN: ${{ secrets.DIGITALOCEAN_ACCESS_TOKEN }}
                steps:
                  - run: doctl apps create-deployment "$APP"
            """;
        var findings = Run(RuleIds.BlanketPlatformToken, Workflow, text);
        Assert.Equal(new[] { "TOKEN" }, findings.Texts(text));
        Assert.Contains("`TOKEN` (from `secrets.DIGITALOCEAN_ACCESS_TOKEN`)", findings[0].Message);
        Assert.Contains("job 'deploy'", findings[0].Message);
    }

    [Fact]
    public void BlanketSecretPassedToAnActionIsReportedAtTheReference()
    {
        const string text = """
            on: push
            jobs:
              dns:
                runs-on: ubuntu-latest
                steps:
                  - uses: example/cloudflare-dns@v1
                    with:
                      api_key: ${{ secrets.CLOUDFLARE_API_KEY }}
                      api_token: ${{ secrets.CLOUDFLARE_API_TOKEN }}
            """;
        var findings = Run(RuleIds.BlanketPlatformToken, Workflow, text);
        Assert.Equal(new[] { "secrets.CLOUDFLARE_API_KEY" }, findings.Texts(text));
    }

    [Fact]
    public void TokenSentAsBearerToRailwayIsAnAccountTokenWhateverItsName()
    {
        const string text = """
            on: push
            jobs:
              cleanup:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      curl -sS https://backboard.railway.app/graphql/v2 \
                        -H "Authorization: Bearer $RAILWAY_TOKEN" \
                        -d '{"query":"{ me { id } }"}'
                    env:
                      RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}
            """;
        var findings = Run(RuleIds.BlanketPlatformToken, Workflow, text);
        Assert.Equal(new[] { "\"Authorization: Bearer $RAILWAY_TOKEN\"" }, findings.Texts(text));
        Assert.Contains("sent as `Authorization: Bearer`", findings[0].Message);
    }

    [Fact]
    public void AccountNamedTokenSentAsProjectAccessTokenIsQuiet()
    {
        // Names lie the other way too: Railway only accepts a project token in Project-Access-Token.
        const string text = """
            on: push
            env:
              RAILWAY_API_TOKEN: ${{ secrets.RAILWAY_API_TOKEN }}
            jobs:
              status:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      curl -sS https://backboard.railway.app/graphql/v2 \
                        -H "Project-Access-Token: ${RAILWAY_API_TOKEN}" \
                        -d '{"query":"{ projectToken { projectId } }"}'
            """;
        Assert.Empty(Run(RuleIds.BlanketPlatformToken, Workflow, text));
    }

    [Fact]
    public void GitHubTokenIsNotReportedByName()
    {
        const string text = """
            on: push
            jobs:
              release:
                runs-on: ubuntu-latest
                steps:
                  - run: gh release create v1
                    env:
                      GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}
            """;
        Assert.Empty(Run(RuleIds.BlanketPlatformToken, Workflow, text));
    }

    [Fact]
    public void IncidentSampleReportsTheSharedAccountToken()
    {
        string text = System.IO.File.ReadAllText(System.IO.Path.Combine(RepoRoot(), "samples/incident/.github/workflows/deploy.yml"));
        var findings = Run(RuleIds.BlanketPlatformToken, Workflow, text);
        Assert.Equal(new[] { "RAILWAY_API_TOKEN" }, findings.Texts(text).Distinct().ToArray());
    }

    [Fact]
    public void ScriptSendingABearerTokenToRailwayIsReported()
    {
        const string text = """
            #!/usr/bin/env bash
            curl -sS https://backboard.railway.app/graphql/v2 \
              -H "Authorization: Bearer ${RAILWAY_API_TOKEN}" \
              -d '{"query":"mutation { volumeDelete(volumeId: \"v\") }"}'
            echo "Authorization: Bearer $RAILWAY_API_TOKEN"
            """;
        var findings = Run(RuleIds.BlanketPlatformToken, "scripts/reset.sh", text);
        Assert.Equal(new[] { "\"Authorization: Bearer ${RAILWAY_API_TOKEN}\"" }, findings.Texts(text));
    }

    [Fact]
    public void ScriptSendingAProjectTokenIsQuiet()
    {
        const string text = """
            #!/usr/bin/env bash
            curl -sS https://backboard.railway.app/graphql/v2 -H "Project-Access-Token: $RAILWAY_TOKEN" -d @query.json
            """;
        Assert.Empty(Run(RuleIds.BlanketPlatformToken, "scripts/status.sh", text));
    }

    [Fact]
    public void McpServerWithAnAccountTokenInEnvIsReported()
    {
        const string text = """
            {
              "mcpServers": {
                "railway": { "command": "npx", "args": ["-y", "@railway/mcp-server"], "env": { "RAILWAY_API_TOKEN": "${RAILWAY_API_TOKEN}" } },
                "docs": { "command": "npx", "args": ["docs-mcp"], "env": { "RAILWAY_TOKEN": "${RAILWAY_TOKEN}" } }
              }
            }
            """;
        var findings = Run(RuleIds.BlanketPlatformToken, ".mcp.json", text);
        Assert.Equal(new[] { "\"RAILWAY_API_TOKEN\"" }, findings.Texts(text));
        Assert.Contains("MCP server 'railway'", findings[0].Message);
    }

    [Fact]
    public void McpServerWithAGlobalCloudflareKeyHeaderIsReported()
    {
        const string text = """
            {
              "servers": {
                "cf": { "type": "http", "url": "https://mcp.example.com", "headers": { "X-Auth-Key": "${input:cf_key}", "Accept": "application/json" } }
              }
            }
            """;
        var findings = Run(RuleIds.BlanketPlatformToken, ".vscode/mcp.json", text);
        Assert.Equal(new[] { "\"X-Auth-Key\"" }, findings.Texts(text));
    }

    [Fact]
    public void ClaudeSettingsEnvWithABlanketTokenIsReported()
    {
        const string text = """
            { "env": { "HEROKU_API_KEY": "see-vault", "NODE_ENV": "development" } }
            """;
        var findings = Run(RuleIds.BlanketPlatformToken, ".claude/settings.json", text);
        Assert.Equal(new[] { "\"HEROKU_API_KEY\"" }, findings.Texts(text));
    }

    [Fact]
    public void GitLabVariablesWithABlanketTokenAreReported()
    {
        const string text = """
            variables:
              RAILWAY_API_TOKEN: $RAILWAY_API_TOKEN
            deploy:
              script: railway up
              variables:
                NEON_API_KEY: $NEON_API_KEY
            test:
              script: make test
              variables:
                RAILWAY_TOKEN: $RAILWAY_TOKEN
            """;
        var findings = Run(RuleIds.BlanketPlatformToken, ".gitlab-ci.yml", text);
        Assert.Equal(new[] { "RAILWAY_API_TOKEN", "NEON_API_KEY" }, findings.Texts(text));
    }

    internal static string RepoRoot()
    {
        var dir = new System.IO.DirectoryInfo(System.AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Analyzers.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new System.InvalidOperationException("repository root not found");
    }
}
