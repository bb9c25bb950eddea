using System.Linq;
using System.Text.RegularExpressions;
using Firebreak.Core.Documents;
using Firebreak.Core.Tests.Credentials;
using Firebreak.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Firebreak.Core.Tests.Corpus;

/// <summary>
/// Repositories shaped like real ones under <c>Corpus/Pipelines/&lt;repo&gt;/</c> (issue 5): the incident and its carefully
/// scoped twin, Railway's documentation example and a fixed version, GitLab, agents, a monorepo… Every FB1xxx/FB2xxx/
/// FB3xxx/FB9xxx finding must be marked and every mark found. Token values that push protection would recognise are
/// written as <c>FAKE[template]</c> and assembled at run time (<see cref="Fake"/>); prefix-less Railway UUIDs are literal.
/// </summary>
public sealed class PipelineCorpusTests
{
    private static readonly Regex FakeToken = new(@"FAKE\[(?<template>[^\]]+)\]", RegexOptions.CultureInvariant);

    private static readonly ExpectationCorpus Corpus = new(
        "Pipelines",
        f => f.RuleId[2] is '1' or '2' or '3' or '9',
        text => FakeToken.Replace(text, m => Fake.Expand(m.Groups["template"].Value)));

    private readonly ITestOutputHelper _output;

    public PipelineCorpusTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Repositories() => Corpus.CaseData();

    [Theory]
    [MemberData(nameof(Repositories))]
    public void Every_bad_thing_is_found_at_its_line_and_the_scoped_twins_stay_quiet(string repo) => Corpus.Verify(repo, _output);

    [Fact]
    public void Every_bad_repository_has_a_quiet_twin()
    {
        var repos = Corpus.Cases();
        foreach (var repo in repos.Where(r => Corpus.Load(r).Expected.Count > 0))
        {
            var twin = repos.FirstOrDefault(r => r == repo + "-scoped" || r == repo + "-fixed");
            Assert.True(twin is not null, $"{repo} has no -scoped or -fixed twin");
            Assert.Empty(Corpus.Load(twin!).Expected);
        }
    }
}
