using System.Linq;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Credentials;
using Firebreak.Core.Documents;
using static Firebreak.Core.Tests.Rules.Credentials.PipelineRuleRunner;

namespace Firebreak.Core.Tests.Rules.Credentials;

public class CommittedCredentialRuleTests
{
    [Fact]
    public void IncidentRailwayTokenInDotEnvIsReportedAtTheValue()
    {
        string text = System.IO.File.ReadAllText(System.IO.Path.Combine(BlanketPlatformTokenRuleTests.RepoRoot(), "samples/incident/.env.railway"));
        var findings = Run(RuleIds.CommittedCredential, ".env.railway", text);
        var finding = Assert.Single(findings);
        Assert.Equal("3b1f6c0e-7d2a-4c5e-9f80-1a2b3c4d5e6f", findings.Texts(text)[0]);
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Contains("Railway account token", finding.Message);
        Assert.DoesNotContain("3b1f6c0e", finding.Message);
    }

    [Fact]
    public void ClassicPatInAgentInstructionsIsReportedWithoutPrintingIt()
    {
        string token = "ghp_" + Fake.Alnum(36);
        string text = "# Agents\n\nUse `GH_TOKEN=" + token + "` to open pull requests.\n";
        var findings = Run(RuleIds.CommittedCredential, "AGENTS.md", text);
        Assert.Equal(new[] { token }, findings.Texts(text));
        Assert.DoesNotContain(token.Substring(0, 5), findings[0].Message);
        Assert.Contains("ghp_\u2026", findings[0].Message);
    }

    [Fact]
    public void PlaceholdersAndSecretReferencesAreQuiet()
    {
        const string text = """
            RAILWAY_API_TOKEN=<token>
            GH_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            STRIPE_SECRET_KEY=changeme
            """;
        Assert.Empty(Run(RuleIds.CommittedCredential, ".env.example", text));
        const string workflow = """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: railway up
                    env:
                      RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}
            """;
        Assert.Empty(Run(RuleIds.CommittedCredential, ".github/workflows/deploy.yml", workflow));
    }

    [Fact]
    public void ScopedTokenIsAWarning()
    {
        string text = "RAILWAY_TOKEN=" + Fake.Uuid + "\n";
        var finding = Assert.Single(Run(RuleIds.CommittedCredential, ".env", text));
        Assert.Equal(FindingLevel.Warning, finding.Level);
        Assert.Contains("Railway project token", finding.Message);
    }
}
