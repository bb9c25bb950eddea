using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Firebreak.Core.Tests.Credentials;
using Firebreak.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Firebreak.Core.Tests.Corpus;

/// <summary>
/// Repositories shaped like real ones under <c>Corpus/Pipelines/&lt;repo&gt;/</c> (issue 5): the incident and its
/// carefully scoped twin, Railway's documentation example and a fixed version, a GitLab pipeline and its twin, an
/// agents-only repository and its twin. Each repository is scanned as one project through the real engine and the
/// (file, line, rule) set of FB1xxx/FB2xxx/FB3xxx/FB9xxx must equal the expected set: trailing <c>expect: FB2003</c>
/// markers, plus <c>path:line:ruleId</c> lines in the repository's <c>expected.txt</c> for lines that cannot hold a
/// comment (JSON, continued shell lines, .env). Token values that push protection would recognise are written as
/// <c>FAKE[template]</c> and assembled at run time (<see cref="Fake"/>); prefix-less Railway UUIDs are literal.
/// <c>known-gaps.txt</c> (<c>repo/path:line:ruleId</c>) lists differences not fixed yet; the test fails once one is
/// fixed, so the list stays true.
/// </summary>
public sealed class PipelineCorpusTests
{
    private static readonly Regex CheckedRule = new(@"^FB[1239]\d{3}$", RegexOptions.CultureInvariant);
    private static readonly Regex Marker = new(@"expect:\s*(?<ids>FB\d{4}(?:\s*,\s*FB\d{4})*)", RegexOptions.CultureInvariant);
    private static readonly Regex FakeToken = new(@"FAKE\[(?<template>[^\]]+)\]", RegexOptions.CultureInvariant);
    private static readonly string Root = Repository.PathOf("tests", "Firebreak.Core.Tests", "Corpus", "Pipelines");

    private readonly ITestOutputHelper _output;

    public PipelineCorpusTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Repositories()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Root).OrderBy(d => d, StringComparer.Ordinal)) data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Repositories))]
    public void Every_bad_thing_is_found_at_its_line_and_the_scoped_twins_stay_quiet(string repo)
    {
        var (files, expected) = Load(repo);
        var result = RuleHarness.Analyze(files);
        var actual = new SortedSet<string>(
            result.Findings.Where(f => CheckedRule.IsMatch(f.RuleId)).Select(f => $"{f.Location.Path}:{f.Location.Start.Line + 1}:{f.RuleId}"),
            StringComparer.Ordinal);
        var gaps = KnownGaps(repo);

        var missing = expected.Except(actual).ToArray();
        var unexpected = actual.Except(expected).ToArray();
        foreach (var gap in gaps.Where(g => missing.Contains(g) || unexpected.Contains(g)))
            _output.WriteLine($"known gap: {repo}/{gap}");
        var messages = result.Findings.GroupBy(f => $"{f.Location.Path}:{f.Location.Start.Line + 1}:{f.RuleId}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Message, StringComparer.Ordinal);
        var failures = missing.Where(m => !gaps.Contains(m)).Select(m => "missed:      " + m)
            .Concat(unexpected.Where(u => !gaps.Contains(u)).Select(u => "false alarm: " + u + " — " + messages.GetValueOrDefault(u)))
            .Concat(gaps.Where(g => !missing.Contains(g) && !unexpected.Contains(g)).Select(g => "gap fixed, remove from known-gaps.txt: " + repo + "/" + g))
            .ToArray();
        Assert.True(failures.Length == 0, $"{repo}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Every_bad_repository_has_a_quiet_twin()
    {
        var repos = Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().ToArray();
        foreach (var repo in repos.Where(r => Load(r).Expected.Count > 0))
        {
            var twin = repos.FirstOrDefault(r => r == repo + "-scoped" || r == repo + "-fixed");
            Assert.True(twin is not null, $"{repo} has no -scoped or -fixed twin");
            Assert.Empty(Load(twin!).Expected);
        }
    }

    private static ((string Path, string Text)[] Files, SortedSet<string> Expected) Load(string repo)
    {
        string folder = Path.Combine(Root, repo);
        var files = new List<(string Path, string Text)>();
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var full in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(folder, full).Replace('\\', '/');
            string text = File.ReadAllText(full).Replace("\r\n", "\n");
            if (relative == "expected.txt")
            {
                foreach (var entry in Entries(text)) expected.Add(entry);
                continue;
            }
            text = FakeToken.Replace(text, m => Fake.Expand(m.Groups["template"].Value));
            files.Add((relative, text));
            var lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                var match = Marker.Match(lines[i]);
                if (!match.Success) continue;
                foreach (var id in match.Groups["ids"].Value.Split(',')) expected.Add($"{relative}:{i + 1}:{id.Trim()}");
            }
        }
        return (files.ToArray(), expected);
    }

    private static HashSet<string> KnownGaps(string repo)
    {
        string file = Path.Combine(Root, "known-gaps.txt");
        var gaps = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(file)) return gaps;
        foreach (var entry in Entries(File.ReadAllText(file)))
            if (entry.StartsWith(repo + "/", StringComparison.Ordinal)) gaps.Add(entry.Substring(repo.Length + 1));
        return gaps;
    }

    private static IEnumerable<string> Entries(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal));
}
