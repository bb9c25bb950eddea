using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Infrastructure;

/// <summary>Runs the real engine (all built-in rules) over marked-up files and compares findings with the marks.</summary>
public static class RuleHarness
{
    public static readonly DateTime Today = new(2026, 6, 1);

    /// <summary>Every rule, including those off by default outside the guard (FB1020, FB1021).</summary>
    public static AnalysisResult Analyze(params (string Path, string Text)[] files) =>
        new AnalysisEngine(new AnalysisOptions { Today = Today, EnableOptInRules = true }).Analyze(files.Select(f => new SourceFile(f.Path, f.Text)).ToArray());

    /// <summary>
    /// Asserts that the findings of <paramref name="ruleIds"/> (default: the IDs marked) are exactly the marked spans.
    /// </summary>
    public static IReadOnlyList<Finding> Verify(string path, string markup, params string[] ruleIds) =>
        VerifyProject(new[] { (path, markup) }, ruleIds);

    public static IReadOnlyList<Finding> VerifyProject((string Path, string Markup)[] files, params string[] ruleIds)
    {
        var parsed = files.Select(f => (f.Path, Parsed: Markup.Parse(f.Markup))).ToArray();
        var result = Analyze(parsed.Select(p => (p.Path, p.Parsed.Text)).ToArray());
        var checkedIds = new HashSet<string>(ruleIds.Concat(parsed.SelectMany(p => p.Parsed.Expected.Select(e => e.RuleId))), StringComparer.Ordinal);
        var expected = parsed
            .SelectMany(p => p.Parsed.Expected.Select(e => Describe(p.Path, p.Parsed.Text, e.RuleId, e.Span)))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
        var actual = result.Findings
            .Where(f => checkedIds.Contains(f.RuleId))
            .Select(f => Describe(f.Location.Path, parsed.First(p => p.Path == f.Location.Path).Parsed.Text, f.RuleId, f.Location.Span))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected, actual);
        return result.Findings.Where(f => checkedIds.Contains(f.RuleId)).ToArray();
    }

    private static string Describe(string path, string text, string ruleId, TextSpan span) =>
        $"{ruleId} {path} «{text.Substring(span.Start, Math.Min(span.Length, text.Length - span.Start))}» @{span.Start}";
}
