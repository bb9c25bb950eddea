using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Meta;

/// <summary>
/// Ansible playbooks and Pulumi YAML programs on the pages of the rules they share with shell, Terraform and C#: each
/// such example is run alone, its bad one fires the page's rule, its good one fires no FB1xxx/FB2xxx/FB3xxx.
/// </summary>
public sealed class AnsibleAndPulumiPageExamplesTests
{
    public static IEnumerable<object[]> PagesWithExamples() => RuleCatalog.All
        .Select(r => RulePage.Load(Repository.PathOf("rules", r.Id + ".md")))
        .Where(p => p.Bad.Concat(p.Good).Any(IsAnsibleOrPulumi))
        .Select(p => new object[] { p.Id });

    [Fact]
    public void Rules_that_read_playbooks_and_programs_have_examples()
    {
        var ids = PagesWithExamples().Select(p => (string)p[0]).ToArray();
        foreach (var id in new[] { "FB1001", "FB1101", "FB1102", "FB1103", "FB1104", "FB2102", "FB3001", "FB3004" })
            Assert.Contains(id, ids);
    }

    [Theory]
    [MemberData(nameof(PagesWithExamples))]
    public void Each_example_alone_fires_or_stays_quiet(string id)
    {
        var page = RulePage.Load(Repository.PathOf("rules", id + ".md"));
        foreach (var bad in page.Bad.Where(IsAnsibleOrPulumi))
            Assert.Contains(RuleHarness.Analyze(bad).Findings, f => f.RuleId == id);
        foreach (var good in page.Good.Where(IsAnsibleOrPulumi))
            Assert.DoesNotContain(RuleHarness.Analyze(good).Findings, f => f.RuleId is ['F', 'B', '1' or '2' or '3', ..]);
        Assert.Contains(page.Good, IsAnsibleOrPulumi);
    }

    private static bool IsAnsibleOrPulumi((string Path, string Text) example) =>
        FileKindDetector.Detect(example.Path, example.Text) is FileKind.Ansible or FileKind.PulumiYaml;
}
