using System;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Firebreak.Core.Tests.Corpus;

/// <summary>
/// Realistic Terraform modules (AWS, Google Cloud, Azure), bad ones and their safe twins, one folder per case under
/// <c>Corpus/Terraform</c> (issue 4): every FB1xxx/FB2xxx/FB3xxx finding must be marked (<c># expect: FB1101 FB3001</c>
/// on the line where it starts) and every mark found; values reach the rules through variables, tfvars, locals,
/// <c>jsonencode</c> and module calls.
/// </summary>
public sealed class TerraformCorpusTests
{
    private static readonly ExpectationCorpus Corpus = new("Terraform", f => f.RuleId[2] is '1' or '2' or '3');

    private readonly ITestOutputHelper _output;

    public TerraformCorpusTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Cases() => Corpus.CaseData();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_produces_exactly_the_expected_findings(string name) => Corpus.Verify(name, _output);

    [Fact]
    public void Corpus_has_bad_and_safe_cases_for_every_cloud()
    {
        var names = Corpus.Cases();
        foreach (var cloud in new[] { "aws", "gcp", "azure" })
        {
            Assert.True(names.Count(n => n.StartsWith(cloud + "-bad-", StringComparison.Ordinal)) >= 5, cloud);
            Assert.True(names.Count(n => n.StartsWith(cloud + "-safe-", StringComparison.Ordinal)) >= 5, cloud);
        }
        foreach (var name in names.Where(n => n.Contains("-safe-", StringComparison.Ordinal)))
            Assert.Empty(Corpus.Load(name).Expected);
        foreach (var name in names.Where(n => n.Contains("-bad-", StringComparison.Ordinal)))
            Assert.NotEmpty(Corpus.Load(name).Expected);
    }
}
