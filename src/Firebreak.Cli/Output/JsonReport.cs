using System.IO;
using System.Text;
using System.Text.Json;
using Firebreak.Core.Documents;
using Firebreak.Core.Analysis;
using Firebreak.Core.Rules;

namespace Firebreak.Cli.Output;

/// <summary>A flat JSON report for scripts: one object per finding, one-based lines and columns.</summary>
public static class JsonReport
{
    public static string Write(AnalysisResult result)
    {
        using var stream = new MemoryStream();
        Write(result, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>
    /// Writes the report (and its final newline) to <paramref name="stream"/> as it goes, in pieces of a few kilobytes:
    /// a large report never exists whole in memory, where its buffers and string would be large objects, each one
    /// bringing the collector's full collection nearer at the end of a scan.
    /// </summary>
    public static void Write(AnalysisResult result, Stream stream)
    {
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "firebreak");
            json.WriteString("version", ToolInfo.Version);
            json.WriteNumber("files", result.FileCount);
            json.WriteNumber("suppressed", result.SuppressedCount);
            json.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                json.WriteString("level", finding.Level.ToSarifName());
                json.WriteString("family", finding.Rule.Family.Tag());
                json.WriteString("message", finding.Message);
                json.WriteString("path", finding.Location.Path);
                json.WriteNumber("startLine", finding.Location.Start.Line + 1);
                json.WriteNumber("startColumn", finding.Location.Start.Character + 1);
                json.WriteNumber("endLine", finding.Location.End.Line + 1);
                json.WriteNumber("endColumn", finding.Location.End.Character + 1);
                json.WriteString("fingerprint", finding.Fingerprint);
                json.WriteString("helpUri", finding.Rule.HelpUri);
                json.WriteEndObject();
                if (json.BytesPending > 16 * 1024) json.Flush();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }
}
