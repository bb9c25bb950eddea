using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Infrastructure;

/// <summary>
/// A folder of realistic cases under <c>tests/Firebreak.Core.Tests/Corpus/&lt;name&gt;/&lt;case&gt;/</c>, each scanned as one
/// project through the real engine. What must be found is marked where it is: a trailing <c>expect: FB1001</c> (several
/// IDs separated by spaces or commas) in a comment of the line, <c>note: FB1001</c> for a finding expected at level note,
/// or a <c>path:line:FBnnnn[/note]</c> line in the case's <c>expected.txt</c> for lines that cannot hold a comment. Every
/// other finding of the checked rules is a false alarm. <c>known-gaps.txt</c> beside the cases lists
/// <c>case/path:line:FBnnnn</c> differences not fixed yet: reported, not failed — and a listed gap that no longer differs
/// fails the test, so the list stays true.
/// </summary>
public sealed class ExpectationCorpus
{
    private const string Sidecar = "expected.txt";
    private static readonly Regex Marker = new(@"(?<kind>expect|note):\s*(?<ids>FB\d{4}(?:[\s,]+FB\d{4})*)", RegexOptions.CultureInvariant);

    private readonly Func<string, string> _expand;
    private readonly Func<Finding, bool> _isChecked;

    /// <param name="name">The folder under Corpus/.</param>
    /// <param name="isChecked">The findings the corpus speaks for; others are ignored.</param>
    /// <param name="expand">Applied to each file's text before the scan (e.g. to assemble fake tokens).</param>
    public ExpectationCorpus(string name, Func<Finding, bool> isChecked, Func<string, string>? expand = null)
    {
        Root = Repository.PathOf("tests", "Firebreak.Core.Tests", "Corpus", name);
        _isChecked = isChecked;
        _expand = expand ?? (text => text);
    }

    public string Root { get; }

    public TheoryData<string> CaseData()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases()) data.Add(name);
        return data;
    }

    public IReadOnlyList<string> Cases() =>
        Directory.GetDirectories(Root).Select(d => Path.GetFileName(d)).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>The case's files (sidecar left out, text expanded) and its expected <c>path:line:FBnnnn[/note]</c> keys.</summary>
    public ((string Path, string Text)[] Files, SortedSet<string> Expected) Load(string name)
    {
        string folder = Path.Combine(Root, name);
        var files = new List<(string Path, string Text)>();
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var full in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(folder, full).Replace('\\', '/');
            string text = File.ReadAllText(full).Replace("\r\n", "\n");
            if (relative == Sidecar)
            {
                foreach (var entry in Entries(text)) expected.Add(entry);
                continue;
            }
            text = _expand(text);
            files.Add((relative, text));
            var lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                var match = Marker.Match(lines[i]);
                if (!match.Success) continue;
                string suffix = match.Groups["kind"].Value == "note" ? "/note" : string.Empty;
                foreach (var id in match.Groups["ids"].Value.Split(new[] { ' ', ',', '\t' }, StringSplitOptions.RemoveEmptyEntries))
                    expected.Add(Key(relative, i + 1, id + suffix));
            }
        }
        return (files.ToArray(), expected);
    }

    /// <summary>Scans the case and asserts that the checked findings are exactly the expected ones, gaps aside.</summary>
    public void Verify(string name, ITestOutputHelper? output = null)
    {
        var (files, expected) = Load(name);
        var result = RuleHarness.Analyze(files);
        var checkedFindings = result.Findings.Where(_isChecked).ToArray();
        var actual = new SortedSet<string>(checkedFindings.Select(KeyOf), StringComparer.Ordinal);
        var messages = checkedFindings.GroupBy(KeyOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Message, StringComparer.Ordinal);
        var gaps = KnownGaps(name);

        var missing = expected.Except(actual).ToArray();
        var unexpected = actual.Except(expected).ToArray();
        foreach (var gap in gaps.Where(g => missing.Contains(g) || unexpected.Contains(g))) output?.WriteLine($"known gap: {name}/{gap}");
        var failures = missing.Where(m => !gaps.Contains(m)).Select(m => "missed:      " + m + "  " + LineOf(files, m))
            .Concat(unexpected.Where(u => !gaps.Contains(u)).Select(u => "false alarm: " + u + "  " + LineOf(files, u) + " — " + messages[u]))
            .Concat(gaps.Where(g => !missing.Contains(g) && !unexpected.Contains(g)).Select(g => "gap fixed, remove it from known-gaps.txt: " + name + "/" + g))
            .ToArray();
        Assert.True(failures.Length == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    /// <summary>The gaps listed for a case, as keys relative to the case folder.</summary>
    public HashSet<string> KnownGaps(string name)
    {
        string file = Path.Combine(Root, "known-gaps.txt");
        var gaps = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(file)) return gaps;
        foreach (var entry in Entries(File.ReadAllText(file)))
        {
            if (entry.StartsWith(name + "/", StringComparison.Ordinal)) gaps.Add(entry.Substring(name.Length + 1));
        }
        return gaps;
    }

    private static string KeyOf(Finding finding) =>
        Key(finding.Location.Path, finding.Location.Start.Line + 1, finding.Level == FindingLevel.Note ? finding.RuleId + "/note" : finding.RuleId);

    private static string Key(string path, int line, string ruleId) => $"{path}:{line}:{ruleId}";

    /// <summary>Non-blank, non-comment lines; a trailing <c> # why</c> is a remark.</summary>
    private static IEnumerable<string> Entries(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
            .Select(l => l.Split(new[] { " #" }, 2, StringSplitOptions.None)[0].Trim());

    private static string LineOf((string Path, string Text)[] files, string key)
    {
        var parts = key.Split(':');
        var file = files.FirstOrDefault(f => f.Path == parts[0]);
        if (file.Text is null || parts.Length < 3 || !int.TryParse(parts[1], out int line)) return string.Empty;
        var lines = file.Text.Split('\n');
        return line >= 1 && line <= lines.Length ? "«" + lines[line - 1].Trim() + "»" : string.Empty;
    }
}
