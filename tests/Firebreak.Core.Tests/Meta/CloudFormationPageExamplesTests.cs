using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Meta;

/// <summary>
/// The rules shared by Terraform, C# and CloudFormation carry examples in each language on one page; the page test runs
/// a section's examples together, so here each CloudFormation example is run alone: its bad one fires the page's rule,
/// its good one does not.
/// </summary>
public sealed class CloudFormationPageExamplesTests
{
    public static IEnumerable<object[]> PagesWithTemplates() => RuleCatalog.All
        .Select(r => RulePage.Load(Repository.PathOf("rules", r.Id + ".md")))
        .Where(p => p.Bad.Concat(p.Good).Any(IsTemplate))
        .Select(p => new object[] { p.Id });

    [Fact]
    public void Rules_that_read_templates_have_template_examples()
    {
        var ids = PagesWithTemplates().Select(p => (string)p[0]).ToArray();
        foreach (var id in new[] { "FB1041", "FB1101", "FB1102", "FB2101", "FB2102", "FB2105", "FB3001", "FB3002", "FB3003", "FB3004", "FB3005" })
            Assert.Contains(id, ids);
    }

    [Theory]
    [MemberData(nameof(PagesWithTemplates))]
    public void Each_template_example_alone_fires_or_stays_quiet(string id)
    {
        var page = RulePage.Load(Repository.PathOf("rules", id + ".md"));
        foreach (var bad in page.Bad.Where(IsTemplate))
            Assert.Contains(RuleHarness.Analyze(bad).Findings, f => f.RuleId == id);
        foreach (var good in page.Good.Where(IsTemplate))
            Assert.DoesNotContain(RuleHarness.Analyze(good).Findings, f => f.RuleId is ['F', 'B', '1' or '2' or '3', ..]);
        Assert.Contains(page.Good, IsTemplate);
    }

    private static bool IsTemplate((string Path, string Text) example) =>
        FileKindDetector.Detect(example.Path, example.Text) == FileKind.CloudFormation;
}
