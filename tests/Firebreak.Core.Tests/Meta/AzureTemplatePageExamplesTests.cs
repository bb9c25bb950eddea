using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Meta;

/// <summary>
/// The rules Bicep files and ARM templates share with Terraform carry Bicep (and ARM) examples on their pages; the page
/// test runs a section's examples together, so here each template example is run alone: its bad one fires the page's
/// rule, its good one stays free of every FB1xxx–FB3xxx finding.
/// </summary>
public sealed class AzureTemplatePageExamplesTests
{
    public static IEnumerable<object[]> PagesWithTemplates() => RuleCatalog.All
        .Select(r => RulePage.Load(Repository.PathOf("rules", r.Id + ".md")))
        .Where(p => p.Bad.Concat(p.Good).Any(IsAzureTemplate))
        .Select(p => new object[] { p.Id });

    [Fact]
    public void Rules_that_read_bicep_have_bicep_examples()
    {
        var ids = RuleCatalog.All
            .Select(r => RulePage.Load(Repository.PathOf("rules", r.Id + ".md")))
            .Where(p => p.Bad.Any(e => e.Path.EndsWith(".bicep", System.StringComparison.Ordinal)) && p.Good.Any(e => e.Path.EndsWith(".bicep", System.StringComparison.Ordinal)))
            .Select(p => p.Id)
            .ToArray();
        foreach (var id in new[] { "FB1105", "FB1106", "FB2104", "FB3003", "FB3007" })
            Assert.Contains(id, ids);
    }

    [Theory]
    [MemberData(nameof(PagesWithTemplates))]
    public void Each_template_example_alone_fires_or_stays_quiet(string id)
    {
        var page = RulePage.Load(Repository.PathOf("rules", id + ".md"));
        foreach (var bad in page.Bad.Where(IsAzureTemplate))
            Assert.Contains(RuleHarness.Analyze(bad).Findings, f => f.RuleId == id);
        foreach (var good in page.Good.Where(IsAzureTemplate))
        {
            var findings = RuleHarness.Analyze(good).Findings;
            Assert.DoesNotContain(findings, f => f.RuleId is ['F', 'B', '1' or '2' or '3', ..]);
            Assert.DoesNotContain(findings, f => f.RuleId == "FB0001");
        }
        Assert.Contains(page.Good, IsAzureTemplate);
    }

    private static bool IsAzureTemplate((string Path, string Text) example) =>
        FileKindDetector.Detect(example.Path, example.Text) is FileKind.Bicep or FileKind.ArmTemplate;
}
