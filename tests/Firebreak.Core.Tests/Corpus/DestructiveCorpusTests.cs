using System;
using System.IO;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Firebreak.Core.Tests.Corpus;

/// <summary>
/// Real-world destructive commands and their safe look-alikes, one folder per host under <c>Corpus/Destructive/</c>
/// (issue 3): every marked line must be found by FB1001/FB1002/FB1003 at its line, and no other line may be. A dry run is
/// reported at level note by design (the level "falls for --dry-run"), so such lines are marked <c>note: FB1001</c>.
/// </summary>
public sealed class DestructiveCorpusTests
{
    private static readonly ExpectationCorpus Corpus = new("Destructive", f => f.RuleId is "FB1001" or "FB1002" or "FB1003" or "FB1011");

    private readonly ITestOutputHelper _output;

    public DestructiveCorpusTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Hosts() => Corpus.CaseData();

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Every_destructive_line_is_found_and_no_look_alike_is(string host) => Corpus.Verify(host, _output);

    [Fact]
    public void The_corpus_is_large_enough_to_mean_something()
    {
        int destructive = 0, lines = 0;
        foreach (var host in Corpus.Cases())
        {
            var (files, expected) = Corpus.Load(host);
            lines += files.Sum(f => f.Text.Split('\n').Count(IsCommandLike));
            destructive += expected.Where(e => !e.EndsWith("/note", StringComparison.Ordinal))
                .Select(e => e.Substring(0, e.LastIndexOf(':'))).Distinct(StringComparer.Ordinal).Count();
        }
        int safe = lines - destructive;
        _output.WriteLine($"destructive lines: {destructive}, other non-blank, non-comment lines: {safe}");
        Assert.True(destructive >= 150, $"only {destructive} destructive lines");
        Assert.True(safe >= 150, $"only {safe} look-alike lines");
    }

    private static bool IsCommandLike(string line)
    {
        string trimmed = line.Trim();
        return trimmed.Length > 0 && !trimmed.StartsWith("#", StringComparison.Ordinal) && !trimmed.StartsWith("//", StringComparison.Ordinal);
    }
}
