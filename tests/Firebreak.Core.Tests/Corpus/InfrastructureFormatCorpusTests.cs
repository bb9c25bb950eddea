using System;
using System.Linq;
using Firebreak.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Firebreak.Core.Tests.Corpus;

/// <summary>
/// The infrastructure formats of issue 10, one expectation corpus each, one folder per case under <c>Corpus/&lt;format&gt;</c>:
/// Kubernetes manifests and Helm charts (a chart that stops parsing fails here), CloudFormation/SAM templates, Bicep
/// files and ARM templates (which take their marks in comments, as Azure accepts), Ansible playbooks and role task files,
/// Pulumi YAML programs. Every FB1xxx/FB2xxx/FB3xxx finding
/// and every FB0001 note must be marked and every mark found; every bad case has a safe twin that stays quiet.
/// </summary>
public sealed class InfrastructureFormatCorpusTests
{
    private static readonly string[] Formats = { "Kubernetes", "CloudFormation", "Bicep", "Ansible", "Pulumi" };

    private static ExpectationCorpus CorpusOf(string format) =>
        new(format, f => f.RuleId[2] is '1' or '2' or '3' || f.RuleId == "FB0001");

    private readonly ITestOutputHelper _output;

    public InfrastructureFormatCorpusTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in Formats)
            foreach (var name in CorpusOf(format).Cases()) data.Add(format, name);
        return data;
    }

    public static TheoryData<string> FormatData()
    {
        var data = new TheoryData<string>();
        foreach (var format in Formats) data.Add(format);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_produces_exactly_the_expected_findings(string format, string name) => CorpusOf(format).Verify(name, _output);

    [Theory]
    [MemberData(nameof(FormatData))]
    public void Every_bad_case_has_a_quiet_twin(string format)
    {
        var corpus = CorpusOf(format);
        var names = corpus.Cases();
        Assert.NotEmpty(names);
        foreach (var bad in names.Where(n => n.StartsWith("bad-", StringComparison.Ordinal)))
        {
            Assert.NotEmpty(corpus.Load(bad).Expected);
            string twin = "safe-" + bad.Substring(4);
            Assert.Contains(twin, names);
            Assert.Empty(corpus.Load(twin).Expected);
        }
    }
}
