using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Firebreak.Core.Analysis;
using Firebreak.Core.Rules;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Output;

/// <summary>
/// A Markdown report for a job summary (<c>$GITHUB_STEP_SUMMARY</c>) or a pull request comment: counts by family and
/// level, every compound path (FB9xxx) spelled out with its parts, and the most serious findings with links.
/// </summary>
/// <remarks>
/// Everything that comes from the scanned repository (paths, names in messages) is escaped: a message's back-quoted
/// spans become <c>&lt;code&gt;</c> with HTML-escaped text (a back-quote inside a name cannot close the span), the rest
/// is HTML-escaped and has Markdown's punctuation backslash-escaped, so no file name can inject a link, an image or HTML.
/// </remarks>
public static class MarkdownReport
{
    /// <summary>GitHub caps a step summary at 1 MiB; the top of the list is what a reviewer reads.</summary>
    public const int TopFindings = 30;

    /// <param name="linkBase">Prepended to <c>path#Lline</c> for links (e.g. https://github.com/o/r/blob/SHA/); null: no links.</param>
    public static string Write(AnalysisResult result, string? linkBase = null, string? leftOut = null)
    {
        var md = new StringBuilder();
        md.Append("## Firebreak\n\n");
        var findings = result.Findings;
        md.Append(Summary(result));
        if (leftOut is not null) md.Append(' ').Append(Text(leftOut));
        md.Append("\n\n");
        if (findings.Count == 0) return md.ToString();

        md.Append("| Family | Errors | Warnings | Notes | Total |\n| --- | ---: | ---: | ---: | ---: |\n");
        foreach (var family in FamilyOrder)
        {
            var ofFamily = findings.Where(f => f.Rule.Family == family).ToList();
            if (ofFamily.Count == 0) continue;
            md.Append("| ").Append(family.Title())
                .Append(" | ").Append(Count(ofFamily, FindingLevel.Error))
                .Append(" | ").Append(Count(ofFamily, FindingLevel.Warning))
                .Append(" | ").Append(Count(ofFamily, FindingLevel.Note))
                .Append(" | ").Append(ofFamily.Count.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }
        md.Append("| **All** | ").Append(Count(findings, FindingLevel.Error))
            .Append(" | ").Append(Count(findings, FindingLevel.Warning))
            .Append(" | ").Append(Count(findings, FindingLevel.Note))
            .Append(" | ").Append(findings.Count.ToString(CultureInfo.InvariantCulture)).Append(" |\n\n");

        var compound = findings.Where(f => f.Rule.Family == RuleFamily.Compound).ToList();
        if (compound.Count > 0)
        {
            md.Append("### Paths to unrecoverable data loss\n\n");
            int n = 0;
            foreach (var finding in compound)
            {
                n++;
                md.Append(n.ToString(CultureInfo.InvariantCulture)).Append(". **").Append(finding.RuleId).Append("** at ")
                    .Append(Link(finding.Location, linkBase)).Append(": ").Append(Message(finding.Message)).Append('\n');
                foreach (var related in finding.RelatedLocations)
                {
                    md.Append("   - ").Append(Message(related.Message)).Append(": ").Append(Link(related.Location, linkBase)).Append('\n');
                }
            }
            md.Append('\n');
        }

        var top = findings
            .Select((f, i) => (Finding: f, Index: i))
            .OrderByDescending(p => p.Finding.Level)
            .ThenBy(p => p.Finding.Rule.Family == RuleFamily.Compound ? 0 : 1)
            .ThenBy(p => p.Index)
            .Take(TopFindings)
            .Select(p => p.Finding)
            .ToList();
        md.Append(top.Count == findings.Count ? "### Findings\n\n" : $"### Top {top.Count} of {findings.Count} findings\n\n");
        md.Append("| Level | Rule | Where | What |\n| --- | --- | --- | --- |\n");
        foreach (var finding in top)
        {
            md.Append("| ").Append(finding.Level.ToSarifName())
                .Append(" | [").Append(finding.RuleId).Append("](").Append(finding.Rule.HelpUri).Append(')')
                .Append(" | ").Append(Link(finding.Location, linkBase))
                .Append(" | ").Append(Message(finding.Message)).Append(" |\n");
        }
        return md.ToString();
    }

    private static readonly RuleFamily[] FamilyOrder =
    {
        RuleFamily.Compound, RuleFamily.DestructiveOperation, RuleFamily.UnscopedCredential, RuleFamily.ColocatedBackup, RuleFamily.Tool,
    };

    private static string Summary(AnalysisResult result)
    {
        string summary = TextReport.Summary(result).TrimEnd('\n');
        return "**" + Text(summary) + "**";
    }

    private static string Count(IEnumerable<Finding> findings, FindingLevel level) =>
        findings.Count(f => f.Level == level).ToString(CultureInfo.InvariantCulture);

    private static string Link(SourceLocation location, string? linkBase)
    {
        string line = (location.Start.Line + 1).ToString(CultureInfo.InvariantCulture);
        string label = Code(location.Path + ":" + line);
        if (linkBase is null) return label;
        string url = linkBase + string.Join("/", location.Path.Split('/').Select(Uri.EscapeDataString)) + "#L" + line;
        return "[" + label + "](" + url.Replace("(", "%28").Replace(")", "%29") + ")";
    }

    /// <summary>A message: its back-quoted spans as code, the rest as escaped text; one table cell (no newline, no pipe).</summary>
    internal static string Message(string message)
    {
        var parts = message.Split('`');
        var builder = new StringBuilder();
        // An even count of back-quotes pairs up; an odd last one is literal text.
        int pairs = (parts.Length - 1) / 2 * 2;
        for (int i = 0; i < parts.Length; i++)
        {
            bool code = i % 2 == 1 && i <= pairs;
            if (!code && i > 0 && i > pairs) builder.Append(Text("`"));
            builder.Append(code ? Code(parts[i]) : Text(parts[i]));
        }
        return builder.ToString();
    }

    private static string Code(string text) => "<code>" + Html(text) + "</code>";

    /// <summary>
    /// One line of plain text: Markdown punctuation backslash-escaped (no emphasis, link, image, heading or mention can
    /// start), HTML's specials and the table's pipe as entities.
    /// </summary>
    internal static string Text(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '!' or '~' or '#' or '@') builder.Append('\\').Append(c);
            else AppendHtml(builder, c);
        }
        return builder.ToString();
    }

    /// <summary>HTML-escaped for a <c>&lt;code&gt;</c> element; a pipe as an entity so a table cell stays one cell.</summary>
    private static string Html(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (char c in text) AppendHtml(builder, c);
        return builder.ToString();
    }

    private static void AppendHtml(StringBuilder builder, char c)
    {
        switch (c)
        {
            case '<': builder.Append("&lt;"); break;
            case '>': builder.Append("&gt;"); break;
            case '&': builder.Append("&amp;"); break;
            case '"': builder.Append("&quot;"); break;
            case '|': builder.Append("&#124;"); break;
            case '\r': case '\n': builder.Append(' '); break;
            default: builder.Append(c); break;
        }
    }
}
