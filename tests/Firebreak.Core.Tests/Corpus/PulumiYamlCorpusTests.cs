using System;
using System.Linq;
using Firebreak.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Firebreak.Core.Tests.Corpus;

/// <summary>
/// Pulumi YAML programs, bad ones and their safe twins, one folder per case under <c>Corpus/Pulumi</c>
/// (issue 10): every FB1xxx/FB2xxx/FB3xxx finding and every FB0001 note must be marked and every mark found.
/// </summary>
public sealed class PulumiYamlCorpusTests
{
    private static readonly ExpectationCorpus Corpus = new("Pulumi", f => f.RuleId[2] is '1' or '2' or '3' || f.RuleId == "FB0001");

    private readonly ITestOutputHelper _output;

    public PulumiYamlCorpusTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Cases() => Corpus.CaseData();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_produces_exactly_the_expected_findings(string name) => Corpus.Verify(name, _output);

    [Fact]
    public void Every_bad_case_has_a_quiet_twin()
    {
        var names = Corpus.Cases();
        foreach (var bad in names.Where(n => n.StartsWith("bad-", StringComparison.Ordinal)))
        {
            Assert.NotEmpty(Corpus.Load(bad).Expected);
            string twin = "safe-" + bad.Substring(4);
            Assert.Contains(twin, names);
            Assert.Empty(Corpus.Load(twin).Expected);
        }
    }
}
