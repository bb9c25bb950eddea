using System.IO;
using System.Text;
using System.Text.Json;
using Firebreak.Core.Analysis;
using Firebreak.Core.Rules;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Output;

/// <summary>
/// GitLab's Code Quality report (<c>artifacts:reports:codequality</c>): the subset of the CodeClimate issue format GitLab
/// reads — <c>description</c>, <c>check_name</c>, <c>fingerprint</c>, <c>severity</c>, <c>location.path</c> and
/// <c>location.positions</c> — plus CodeClimate's <c>type</c>, <c>categories</c> and <c>content</c> for other consumers.
/// </summary>
/// <remarks>
/// GitLab matches issues between the base and head pipelines by <c>fingerprint</c>, so it is our line-independent one:
/// a finding that only moves is not shown as fixed and new. Severity: GitLab's scale is info, minor, major, critical,
/// blocker; a compound data-loss path (FB9xxx) is a blocker, an error critical, a warning major, a note minor, a tool
/// note info.
/// </remarks>
public static class GitLabCodeQualityReport
{
    public static string Write(AnalysisResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var finding in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("type", "issue");
                json.WriteString("check_name", finding.RuleId);
                json.WriteString("description", $"{finding.RuleId}: {finding.Message}");
                json.WriteStartObject("content");
                json.WriteString("body", $"{finding.Rule.Title}. See {finding.Rule.HelpUri}");
                json.WriteEndObject();
                json.WriteStartArray("categories");
                json.WriteStringValue(finding.Rule.Family == RuleFamily.Tool ? "Bug Risk" : "Security");
                json.WriteEndArray();
                json.WriteString("severity", Severity(finding));
                json.WriteString("fingerprint", finding.Fingerprint);
                json.WriteStartObject("location");
                json.WriteString("path", finding.Location.Path);
                json.WriteStartObject("positions");
                WritePosition(json, "begin", finding.Location.Start);
                WritePosition(json, "end", finding.Location.End);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WritePosition(Utf8JsonWriter json, string name, Core.Text.LinePosition position)
    {
        json.WriteStartObject(name);
        json.WriteNumber("line", position.Line + 1);
        json.WriteNumber("column", position.Character + 1);
        json.WriteEndObject();
    }

    public static string Severity(Finding finding) => finding.Rule.Family switch
    {
        RuleFamily.Tool => "info",
        RuleFamily.Compound when finding.Level == FindingLevel.Error => "blocker",
        _ => finding.Level switch
        {
            FindingLevel.Error => "critical",
            FindingLevel.Warning => "major",
            _ => "minor",
        },
    };
}
