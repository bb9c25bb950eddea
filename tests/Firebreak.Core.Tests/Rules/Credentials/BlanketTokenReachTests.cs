using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using static Firebreak.Core.Tests.Rules.Credentials.PipelineRuleRunner;

namespace Firebreak.Core.Tests.Rules.Credentials;

/// <summary>FB2003 where the pipelines corpus found it silent: Makefiles, GitLab scripts, Codex MCP servers, URLs in variables.</summary>
public class BlanketTokenReachTests
{
    [Fact]
    public void A_makefile_recipe_sending_an_account_token_is_reported()
    {
        const string text = "nuke:\n\tcurl -fsS https://backboard.railway.com/graphql/v2 -H \"Authorization: Bearer $$TOKEN\" -d '{}'\n";
        var findings = Run(RuleIds.BlanketPlatformToken, "Makefile", text);
        Assert.Equal(new[] { "\"Authorization: Bearer $$TOKEN\"" }, findings.Texts(text));
    }

    [Fact]
    public void A_gitlab_script_sending_an_account_token_is_reported_once_where_the_variable_is_defined()
    {
        const string sending = """
            reset:
              script:
                - |
                  curl https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer $RAILWAY_API_TOKEN" -d '{}'
            """;
        Assert.Equal(new[] { "\"Authorization: Bearer $RAILWAY_API_TOKEN\"" }, Run(RuleIds.BlanketPlatformToken, ".gitlab-ci.yml", sending).Texts(sending));

        string defined = "variables:\n  RAILWAY_API_TOKEN: $RAILWAY_API_TOKEN\n" + sending;
        Assert.Equal(new[] { "RAILWAY_API_TOKEN" }, Run(RuleIds.BlanketPlatformToken, ".gitlab-ci.yml", defined).Texts(defined));
    }

    [Fact]
    public void A_url_held_in_a_variable_takes_its_host_from_the_script()
    {
        const string text = """
            API="https://backboard.railway.com/graphql/v2"
            curl -fsS "$API" -H "Authorization: Bearer $TOKEN" -d "$1"
            """;
        var findings = Run(RuleIds.BlanketPlatformToken, "scripts/gql.sh", text);
        Assert.Equal(new[] { "\"Authorization: Bearer $TOKEN\"" }, findings.Texts(text));
        Assert.Empty(Run(RuleIds.BlanketPlatformToken, "scripts/gql.sh", text.Replace("backboard.railway.com", "api.example.com")));
    }

    [Fact]
    public void A_codex_mcp_server_given_an_account_token_is_reported()
    {
        const string text = """
            [mcp_servers.railway]
            command = "npx"

            [mcp_servers.railway.env]
            RAILWAY_API_TOKEN = "${RAILWAY_API_TOKEN}"
            RAILWAY_TOKEN = "${RAILWAY_STAGING_TOKEN}"
            """;
        var findings = Run(RuleIds.BlanketPlatformToken, ".codex/config.toml", text);
        Assert.Equal(new[] { "RAILWAY_API_TOKEN" }, findings.Texts(text));
        Assert.Contains("MCP server 'railway'", findings[0].Message);
    }
}

public sealed class CarrierVariableTests
{
    private const string Path = ".github/workflows/nightly.yml";

    [Fact]
    public void A_variable_the_cli_reads_for_any_token_is_blanket_only_when_its_secret_says_so()
    {
        Firebreak.Core.Tests.Infrastructure.RuleHarness.Verify(Path, """
            on: push
            permissions: {}
            jobs:
              cleanup:
                permissions: {}
                runs-on: ubuntu-latest
                steps:
                  - run: heroku ps:scale web=0 --app shop-staging
                    env:
                      HEROKU_API_KEY: ${{ secrets.HEROKU_STAGING_OAUTH_TOKEN }}
                  - run: heroku ps:scale web=0 --app shop
                    env:
                      {|FB2003:HEROKU_API_KEY|}: ${{ secrets.HEROKU_API_KEY }}
            """, Firebreak.Core.Rules.RuleIds.BlanketPlatformToken);
    }
}
