using System.Globalization;
using System.Text;
using Firebreak.Core.Analysis;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,endLine=…,endColumn=…,title=FBnnnn::message</c>):
/// each finding becomes an annotation on the run and on the pull request's diff, with no code scanning needed (forks,
/// private repositories without GitHub Advanced Security).
/// </summary>
/// <remarks>
/// Escaping follows the runner's parser (actions/toolkit <c>command.ts</c>): in the message <c>%</c>, CR and LF become
/// <c>%25</c>, <c>%0D</c>, <c>%0A</c>; in a property also <c>:</c> and <c>,</c> (<c>%3A</c>, <c>%2C</c>). A file name or
/// message holding a newline, <c>::</c> or a comma can then neither end the command early nor start another one.
/// </remarks>
public static class GitHubAnnotationsReport
{
    public static string Write(AnalysisResult result)
    {
        var builder = new StringBuilder();
        foreach (var finding in result.Findings)
        {
            var location = finding.Location;
            int line = location.Start.Line + 1;
            int endLine = location.End.Line + 1;
            builder.Append("::").Append(Command(finding.Level)).Append(' ')
                .Append("file=").Append(EscapeProperty(location.Path))
                .Append(",line=").Append(line.ToString(CultureInfo.InvariantCulture))
                .Append(",col=").Append((location.Start.Character + 1).ToString(CultureInfo.InvariantCulture))
                .Append(",endLine=").Append(endLine.ToString(CultureInfo.InvariantCulture));
            // GitHub reads endColumn only on a one-line annotation.
            if (endLine == line) builder.Append(",endColumn=").Append((location.End.Character + 1).ToString(CultureInfo.InvariantCulture));
            builder.Append(",title=").Append(EscapeProperty(finding.RuleId + " " + finding.Rule.Title))
                .Append("::").Append(EscapeData(finding.Message));
            foreach (var related in finding.RelatedLocations)
            {
                // Related locations are part of the message (one annotation, one line): "see path:line (why)".
                builder.Append(EscapeData($"\nsee {related.Location.Path}:{related.Location.Start.Line + 1} ({related.Message})"));
            }
            builder.Append('\n');
        }
        return builder.ToString();
    }

    private static string Command(FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        _ => "notice",
    };

    /// <summary>A command's message: <c>%</c>, CR and LF are percent-encoded.</summary>
    public static string EscapeData(string text)
    {
        text = text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        // Other control characters (an ESC in a file name would colour or rewrite the runner's log) have no escape in
        // the workflow-command syntax: they are shown as U+FFFD.
        foreach (char c in text)
        {
            if (c < ' ' || c == '\u007f')
            {
                var builder = new System.Text.StringBuilder(text.Length);
                foreach (char d in text) builder.Append(d < ' ' || d == '\u007f' ? '\uFFFD' : d);
                return builder.ToString();
            }
        }
        return text;
    }

    /// <summary>A command's property value: as data, and <c>:</c> and <c>,</c> too, which end a value.</summary>
    public static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A").Replace(",", "%2C");
}
