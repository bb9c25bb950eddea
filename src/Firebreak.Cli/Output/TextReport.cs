using System.Globalization;
using System.Linq;
using System.Text;
using Firebreak.Core.Analysis;

namespace Firebreak.Cli.Output;

/// <summary><c>path:line:col: level FBnnnn: message</c>, clickable in terminals and editors, then a summary line.</summary>
public static class TextReport
{
    public static string Write(AnalysisResult result)
    {
        var builder = new StringBuilder();
        foreach (var finding in result.Findings)
        {
            builder.Append(finding.Location.Path).Append(':')
                .Append((finding.Location.Start.Line + 1).ToString(CultureInfo.InvariantCulture)).Append(':')
                .Append((finding.Location.Start.Character + 1).ToString(CultureInfo.InvariantCulture)).Append(": ")
                .Append(finding.Level.ToSarifName()).Append(' ')
                .Append(finding.RuleId).Append(": ")
                .Append(finding.Message).Append('\n');
        }
        builder.Append(Summary(result));
        return builder.ToString();
    }

    public static string Summary(AnalysisResult result)
    {
        int count = result.Findings.Count;
        int errors = result.Findings.Count(f => f.Level == FindingLevel.Error);
        int warnings = result.Findings.Count(f => f.Level == FindingLevel.Warning);
        int notes = result.Findings.Count(f => f.Level == FindingLevel.Note);
        var parts = new[] { Plural(errors, "error"), Plural(warnings, "warning"), Plural(notes, "note") }.Where(p => p is not null);
        string breakdown = count == 0 ? string.Empty : " (" + string.Join(", ", parts) + ")";
        string suppressed = result.SuppressedCount == 0 ? string.Empty : $", {result.SuppressedCount} suppressed";
        string baselined = result.BaselinedCount == 0 ? string.Empty : $", {result.BaselinedCount} in the baseline";
        return $"{Plural(count, "finding") ?? "0 findings"}{breakdown} in {Plural(result.FileCount, "file") ?? "0 files"}{suppressed}{baselined}\n";
    }

    private static string? Plural(int n, string noun) => n == 0 ? null : n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
