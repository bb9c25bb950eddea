using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Output;

/// <summary>
/// Reports name files relative to the scan root; CI wants them relative to the repository root, whatever folder was
/// scanned (code scanning, annotations and GitLab place results by that path). This re-roots every location.
/// </summary>
public static class ReportRoot
{
    /// <param name="prefix">The scan root relative to the repository root, with a trailing slash ("" for the same folder).</param>
    public static AnalysisResult Prefix(AnalysisResult result, string prefix)
    {
        if (prefix.Length == 0) return result;
        var findings = result.Findings.Select(f => new Finding(f.Rule, f.Level, f.Message, Move(f.Location, prefix), f.Fingerprint,
            f.RelatedLocations.Select(r => new RelatedLocation(Move(r.Location, prefix), r.Message)).ToArray())).ToArray();
        return new AnalysisResult(findings, result.FileCount, result.SuppressedCount, result.BaselinedCount);
    }

    private static SourceLocation Move(SourceLocation location, string prefix) =>
        new(prefix + location.Path, location.Span, location.Start, location.End, location.Snippet);
}
