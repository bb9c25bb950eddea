using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Firebreak.Core.Analysis;
using Firebreak.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Firebreak.Core.Tests.Corpus;

/// <summary>
/// Real-world destructive commands and their safe look-alikes, one folder per host under
/// <c>Corpus/Destructive/</c>. A line that must be found carries a trailing <c>expect: FB1001</c> marker (in a
/// comment of its host); hosts without comments list <c>path:line:ruleId</c> in a sidecar <c>expected.txt</c>. Every
/// other line is a look-alike that must stay quiet. A dry run (<c>--dry-run</c>) is reported at level note by design
/// (the issue: the level "falls for --dry-run"); such lines carry <c>note: FB1001</c> (<c>FB1001/note</c> in a sidecar). Each folder is scanned as one project through the real engine and
/// the (file, line, rule) set of FB1001/FB1002/FB1003 must equal the expected set — except the entries of
/// <c>known-gaps.txt</c> (same format, prefixed with the host folder), which are reported, and which fail the test
/// once they are fixed so the list cannot go stale.
/// </summary>
public sealed class DestructiveCorpusTests
{
    private static readonly string[] CheckedRules = { "FB1001", "FB1002", "FB1003" };
    private static readonly Regex Marker = new(@"(?<kind>expect|note):\s*(?<ids>FB\d{4}(?:\s*,\s*FB\d{4})*)", RegexOptions.CultureInvariant);
    private static readonly string Root = Repository.PathOf("tests", "Firebreak.Core.Tests", "Corpus", "Destructive");

    private readonly ITestOutputHelper _output;

    public DestructiveCorpusTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Hosts()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Root).OrderBy(d => d, StringComparer.Ordinal)) data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Every_destructive_line_is_found_and_no_look_alike_is(string host)
    {
        var (files, expected) = Load(host);
        var result = RuleHarness.Analyze(files);
        var actual = new SortedSet<string>(
            result.Findings.Where(f => CheckedRules.Contains(f.RuleId)).Select(f => Key(f.Location.Path, f.Location.Start.Line + 1, f.Level == FindingLevel.Note ? f.RuleId + "/note" : f.RuleId)),
            StringComparer.Ordinal);
        var gaps = KnownGaps(host);

        var missing = expected.Except(actual).ToArray();
        var unexpected = actual.Except(expected).ToArray();
        foreach (var gap in gaps.Where(g => missing.Contains(g) || unexpected.Contains(g)))
            _output.WriteLine($"known gap: {host}/{gap}");

        var failures = missing.Where(m => !gaps.Contains(m)).Select(m => "missed:     " + Describe(files, m))
            .Concat(unexpected.Where(u => !gaps.Contains(u)).Select(u => "false alarm: " + Describe(files, u)))
            .Concat(gaps.Where(g => !missing.Contains(g) && !unexpected.Contains(g)).Select(g => "gap fixed, remove from known-gaps.txt: " + g))
            .ToArray();
        Assert.True(failures.Length == 0, $"{host}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void The_corpus_is_large_enough_to_mean_something()
    {
        int destructive = 0, safe = 0;
        foreach (var host in Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>())
        {
            var (files, expected) = Load(host);
            int lines = files.Where(f => !f.Path.EndsWith("expected.txt", StringComparison.Ordinal))
                .Sum(f => f.Text.Split('\n').Count(IsCommandLike));
            destructive += expected.Where(e => !e.EndsWith("/note", StringComparison.Ordinal)).Select(e => e.Substring(0, e.LastIndexOf(':'))).Distinct(StringComparer.Ordinal).Count();
            safe += lines;
        }
        safe -= destructive;
        _output.WriteLine($"destructive lines: {destructive}, other non-blank, non-comment lines: {safe}");
        Assert.True(destructive >= 150, $"only {destructive} destructive lines");
        Assert.True(safe >= 150, $"only {safe} look-alike lines");
    }

    private static bool IsCommandLike(string line)
    {
        string trimmed = line.Trim();
        return trimmed.Length > 0 && !trimmed.StartsWith("#", StringComparison.Ordinal) && !trimmed.StartsWith("//", StringComparison.Ordinal);
    }

    private static ((string Path, string Text)[] Files, SortedSet<string> Expected) Load(string host)
    {
        string folder = Path.Combine(Root, host);
        var files = new List<(string Path, string Text)>();
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var full in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(folder, full).Replace('\\', '/');
            string text = File.ReadAllText(full).Replace("\r\n", "\n");
            if (relative is "expected.txt" or "known-gaps.txt")
            {
                if (relative == "expected.txt") foreach (var entry in Entries(text)) expected.Add(entry);
                continue;
            }
            files.Add((relative, text));
            var lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                var match = Marker.Match(lines[i]);
                if (!match.Success) continue;
                foreach (var id in match.Groups["ids"].Value.Split(',')) expected.Add(Key(relative, i + 1, id.Trim() + (match.Groups["kind"].Value == "note" ? "/note" : "")));
            }
        }
        return (files.ToArray(), expected);
    }

    private static HashSet<string> KnownGaps(string host)
    {
        string file = Path.Combine(Root, "known-gaps.txt");
        var gaps = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(file)) return gaps;
        foreach (var entry in Entries(File.ReadAllText(file)))
        {
            if (entry.StartsWith(host + "/", StringComparison.Ordinal)) gaps.Add(entry.Substring(host.Length + 1));
        }
        return gaps;
    }

    private static IEnumerable<string> Entries(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
            .Select(l => l.Split(new[] { " #" }, 2, StringSplitOptions.None)[0].Trim());

    private static string Key(string path, int line, string ruleId) => $"{path}:{line}:{ruleId}";

    private static string Describe((string Path, string Text)[] files, string key)
    {
        var parts = key.Split(':');
        var file = files.FirstOrDefault(f => f.Path == parts[0]);
        int line = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        string text = file.Text is null ? "" : file.Text.Split('\n')[line - 1].Trim();
        return $"{key}  {text}";
    }
}
