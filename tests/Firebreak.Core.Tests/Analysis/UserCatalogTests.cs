using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;
using Firebreak.Core.Documents;
using Firebreak.Core.Commands;

namespace Firebreak.Core.Tests.Analysis;

/// <summary>
/// A user catalog (firebreak.yml <c>catalogs:</c>) reaches the models rules share through
/// <see cref="DocumentContext.Catalogs"/> — the gate rule and the compound finding — not only the rules built with it.
/// </summary>
public sealed class UserCatalogTests
{
    private const string Catalog = """
        commands:
          - id: acme-wipe
            program: acme
            path: [db, wipe]
            destroys: the Acme database and its snapshots
            backups_die: true
            must_match: ['acme db wipe']
        tokens:
          - id: acme-org-token
            platform: Acme
            name: Acme organization token
            scope: account-wide
            blanket: true
            keywords: [acme_]
            format: 'acme_[a-z0-9]{32}'
            variables: [ACME_ORG_TOKEN]
            alternative: Use an Acme deploy token made for one environment.
        """;

    private const string Workflow = """
        on: push
        jobs:
          reset:
            runs-on: ubuntu-latest
            env:
              ACME_ORG_TOKEN: ${{ secrets.ACME_ORG_TOKEN }}
            steps:
              - run: acme db wipe --now
        """;

    [Fact]
    public void A_user_catalog_reaches_the_gate_rule_the_blanket_token_model_and_the_compound_finding()
    {
        var files = new[] { new SourceFile(".github/workflows/reset.yml", Workflow) };
        var options = new AnalysisOptions { Today = RuleHarness.Today }.WithCatalogs(CatalogSet.WithUserCatalogs(new[] { ("acme.yml", Catalog) }));
        var ids = new AnalysisEngine(options).Analyze(files).Findings.Select(f => f.RuleId).ToArray();
        Assert.Contains(RuleIds.DestructiveStepWithoutGate, ids);
        Assert.Contains(RuleIds.BlanketPlatformToken, ids);
        Assert.Contains(RuleIds.DataLossPath, ids);

        var builtIn = new AnalysisEngine(new AnalysisOptions { Today = RuleHarness.Today }).Analyze(files).Findings.Select(f => f.RuleId).ToArray();
        Assert.DoesNotContain(RuleIds.DestructiveStepWithoutGate, builtIn);
        Assert.DoesNotContain(RuleIds.BlanketPlatformToken, builtIn);
        Assert.DoesNotContain(RuleIds.DataLossPath, builtIn);
    }

    [Theory]
    [InlineData("id: wipe-everything\n    platform: Acme", true)] // the platform said by the entry, whatever its ID
    [InlineData("id: wipe-everything", false)] // the ID's first word, `wipe`, names no platform with a token
    [InlineData("id: acme-wipe", true)] // the ID's first word is the platform
    public void The_platform_key_links_a_users_command_to_the_users_token_kind(string identity, bool linked)
    {
        var catalog = Catalog.Replace("id: acme-wipe", identity);
        var files = new[] { new SourceFile(".github/workflows/reset.yml", Workflow) };
        var options = new AnalysisOptions { Today = RuleHarness.Today }.WithCatalogs(CatalogSet.WithUserCatalogs(new[] { ("acme.yml", catalog) }));
        var ids = new AnalysisEngine(options).Analyze(files).Findings.Select(f => f.RuleId).ToArray();
        Assert.Contains(RuleIds.DestructiveStepWithoutGate, ids);
        Assert.Equal(linked, ids.Contains(RuleIds.DataLossPath));
    }
}
