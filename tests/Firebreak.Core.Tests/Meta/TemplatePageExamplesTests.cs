using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Meta;

/// <summary>
/// Rules shared by Terraform, shell, C# and the template formats (CloudFormation/SAM, Bicep and ARM, Ansible, Pulumi
/// YAML) carry examples in each language on one page; the page test runs a section's examples together, so here each
/// template example is run alone: its bad one fires the page's rule, its good one stays free of every FB1xxx–FB3xxx
/// finding and of parse notes.
/// </summary>
public sealed class TemplatePageExamplesTests
{
    private static readonly Dictionary<string, (FileKind[] Kinds, string[] Required)> Formats = new(StringComparer.Ordinal)
    {
        ["CloudFormation"] = (new[] { FileKind.CloudFormation }, new[] { "FB1041", "FB1101", "FB1102", "FB2101", "FB2102", "FB2105", "FB3001", "FB3002", "FB3003", "FB3004", "FB3005" }),
        ["Bicep/ARM"] = (new[] { FileKind.Bicep, FileKind.ArmTemplate }, new[] { "FB1105", "FB1106", "FB2104", "FB3003", "FB3007" }),
        ["Ansible"] = (new[] { FileKind.Ansible }, new[] { "FB1001" }),
        ["Pulumi YAML"] = (new[] { FileKind.PulumiYaml }, new[] { "FB1101", "FB1102", "FB1103", "FB1104", "FB2102", "FB3001", "FB3004" }),
    };

    public static IEnumerable<object[]> PagesWithTemplates() =>
        from format in Formats.Keys
        from rule in RuleCatalog.All
        let page = RulePage.Load(Repository.PathOf("rules", rule.Id + ".md"))
        where page.Bad.Concat(page.Good).Any(e => Is(format, e))
        select new object[] { format, page.Id };

    public static TheoryData<string> FormatNames() => new(Formats.Keys);

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Rules_that_read_templates_have_template_examples(string format)
    {
        var ids = PagesWithTemplates().Where(p => (string)p[0] == format).Select(p => (string)p[1]).ToArray();
        foreach (var id in Formats[format].Required) Assert.Contains(id, ids);
    }

    [Theory]
    [MemberData(nameof(PagesWithTemplates))]
    public void Each_template_example_alone_fires_or_stays_quiet(string format, string id)
    {
        var page = RulePage.Load(Repository.PathOf("rules", id + ".md"));
        foreach (var bad in page.Bad.Where(e => Is(format, e)))
            Assert.Contains(RuleHarness.Analyze(bad).Findings, f => f.RuleId == id);
        foreach (var good in page.Good.Where(e => Is(format, e)))
        {
            var findings = RuleHarness.Analyze(good).Findings;
            Assert.DoesNotContain(findings, f => f.RuleId is ['F', 'B', '1' or '2' or '3', ..]);
            Assert.DoesNotContain(findings, f => f.RuleId == "FB0001");
        }
        Assert.Contains(page.Good, e => Is(format, e));
    }

    private static bool Is(string format, (string Path, string Text) example) =>
        Formats[format].Kinds.Contains(FileKindDetector.Detect(example.Path, example.Text));
}
