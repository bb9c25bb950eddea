using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Corpus;

/// <summary>
/// Realistic Terraform modules (AWS, Google Cloud, Azure), bad ones and their safe twins, one folder per case under
/// <c>Corpus/Terraform</c>. A finding is expected where a line ends in <c># expect: FB1101 FB3001</c> (or, in JSON,
/// where <c>expect.txt</c> says <c>file:line FB…</c>); every FB1xxx/FB2xxx/FB3xxx finding of the scan must be expected and
/// every expectation found. Cases listed in <c>known-gaps.txt</c> must still fail, so a fixed gap is noticed.
/// </summary>
public sealed partial class TerraformCorpusTests
{
    private static readonly string Root = Path.Combine(SourceDirectory(), "Terraform");

    public static TheoryData<string> Cases() => new(CaseNames());

    private static string[] CaseNames() =>
        Directory.GetDirectories(Root).Select(d => Path.GetFileName(d)).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_produces_exactly_the_expected_findings(string name)
    {
        var (expected, actual) = Run(name);
        if (KnownGaps().ContainsKey(name))
        {
            Assert.False(expected.SequenceEqual(actual), $"{name} is listed in known-gaps.txt but passes now: remove it from the list");
            return;
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Corpus_has_bad_and_safe_cases_for_every_cloud()
    {
        var names = CaseNames();
        foreach (var cloud in new[] { "aws", "gcp", "azure" })
        {
            Assert.True(names.Count(n => n.StartsWith(cloud + "-bad-", StringComparison.Ordinal)) >= 5, cloud);
            Assert.True(names.Count(n => n.StartsWith(cloud + "-safe-", StringComparison.Ordinal)) >= 5, cloud);
        }
        foreach (var name in names.Where(n => n.Contains("-safe-", StringComparison.Ordinal)))
            Assert.Empty(Run(name).Expected);
        foreach (var name in names.Where(n => n.Contains("-bad-", StringComparison.Ordinal)))
            Assert.NotEmpty(Run(name).Expected);
        Assert.All(KnownGaps().Keys, gap => Assert.Contains(gap, names));
    }

    private static (string[] Expected, string[] Actual) Run(string name)
    {
        string directory = Path.Combine(Root, name);
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "expect.txt")
            .Select(f => (Path: Path.GetRelativePath(directory, f).Replace('\\', '/'), Text: File.ReadAllText(f).Replace("\r\n", "\n")))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToArray();
        var expected = new List<string>();
        foreach (var file in files)
        {
            var lines = file.Text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
                if (ExpectMarker().Match(lines[i]) is { Success: true } m)
                    foreach (var id in m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        expected.Add($"{file.Path}:{i + 1} {id}");
        }
        string expectFile = Path.Combine(directory, "expect.txt");
        if (File.Exists(expectFile))
            expected.AddRange(File.ReadAllLines(expectFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')));

        var result = RuleHarness.Analyze(files);
        var actual = result.Findings
            .Where(f => f.RuleId.Length == 6 && f.RuleId[2] is '1' or '2' or '3')
            .Select(f =>
            {
                var text = files.First(x => x.Path == f.Location.Path).Text;
                int line = 1 + text.Take(f.Location.Span.Start).Count(c => c == '\n');
                return $"{f.Location.Path}:{line} {f.RuleId}";
            })
            .Distinct()
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
        return (expected.Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray(), actual);
    }

    private static Dictionary<string, string> KnownGaps()
    {
        string path = Path.Combine(Root, "..", "known-gaps.txt");
        if (!File.Exists(path)) return new Dictionary<string, string>();
        return File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    [GeneratedRegex(@"(?:#|//)\s*expect:\s*((?:FB\d{4}\s*)+)$")]
    private static partial Regex ExpectMarker();
}
