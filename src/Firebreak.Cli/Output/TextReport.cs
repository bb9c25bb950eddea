using System.Globalization;
using System.Linq;
using System.Text;
using Firebreak.Core.Analysis;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Output;

/// <summary><c>path:line:col: level FBnnnn: message</c>, clickable in terminals and editors; the summary line apart.</summary>
public static class TextReport
{
    /// <param name="PathPrefix">Put before each path so that it is relative to the working directory.</param>
    /// <param name="Colour">ANSI colour on the level (only ever on a terminal).</param>
    public sealed record Style(string PathPrefix, bool Colour)
    {
        public static readonly Style Plain = new(string.Empty, false);
    }

    /// <summary>The findings, then the summary line (the whole report as one text).</summary>
    public static string Write(AnalysisResult result) => Findings(result, Style.Plain) + Summary(result);

    public static string Findings(AnalysisResult result, Style style)
    {
        var builder = new StringBuilder();
        foreach (var finding in result.Findings)
        {
            string level = finding.Level.ToSarifName();
            builder.Append(Escape(style.PathPrefix + finding.Location.Path)).Append(':')
                .Append((finding.Location.Start.Line + 1).ToString(CultureInfo.InvariantCulture)).Append(':')
                .Append((finding.Location.Start.Character + 1).ToString(CultureInfo.InvariantCulture)).Append(": ")
                .Append(style.Colour ? Colourise(level, finding.Level) : level).Append(' ')
                .Append(finding.RuleId).Append(": ")
                .Append(Escape(finding.Message)).Append('\n');
        }
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

    /// <summary>
    /// One finding is one line: a path or message can never start another line (a file name holding a newline could
    /// otherwise forge a finding, or a workflow command such as <c>::error</c>, in a CI log), nor carry terminal escapes.
    /// </summary>
    public static string Escape(string text)
    {
        bool clean = true;
        foreach (char c in text)
        {
            if (c < ' ' || c == '\u007f' || c == '\u2028' || c == '\u2029') { clean = false; break; }
        }
        if (clean) return text;
        var builder = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || c == '\u007f' || c == '\u2028' || c == '\u2029') builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    private static string Colourise(string text, FindingLevel level) => level switch
    {
        FindingLevel.Error => "\u001b[1;31m" + text + "\u001b[0m",
        FindingLevel.Warning => "\u001b[1;33m" + text + "\u001b[0m",
        _ => "\u001b[1;36m" + text + "\u001b[0m",
    };

    private static string? Plural(int n, string noun) => n == 0 ? null : n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
