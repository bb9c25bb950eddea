using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Json;

namespace Firebreak.Core.Analysis;

/// <summary>
/// The fingerprints of an earlier Firebreak report — SARIF (<c>runs[].results[].partialFingerprints["firebreak/v1"]</c>)
/// or the JSON report (<c>findings[].fingerprint</c>) — read by every face that takes a baseline: <c>firebreak scan
/// --baseline</c> and the analyzer package's <c>FirebreakBaseline</c>. A finding whose fingerprint is in the set is
/// known and not reported again; fingerprints hold no line number, so edits above a finding keep it known.
/// </summary>
public static class BaselineFingerprints
{
    /// <summary>The fingerprints, or an error message when the text is not JSON or not a Firebreak report.</summary>
    public static (HashSet<string>? Fingerprints, string? Error) Read(string json)
    {
        var document = JsonParser.Parse(json);
        if (document.Root is not JsonObject root)
            return (null, document.Diagnostics.Count > 0 ? "not JSON: " + document.Diagnostics[0].Message : "not JSON");
        if (document.Diagnostics.Count > 0) return (null, "not JSON: " + document.Diagnostics[0].Message);
        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        bool isReport = false;
        if (root.Get("runs") is JsonArray runs)
        {
            isReport = true;
            foreach (var run in runs.Items)
            {
                if (run is not JsonObject runObject || runObject.Get("results") is not JsonArray results) continue;
                foreach (var result in results.Items)
                    if (result is JsonObject resultObject && resultObject.Get("partialFingerprints") is JsonObject partial
                        && partial.Get(Fingerprints.Key) is JsonString fingerprint)
                        fingerprints.Add(fingerprint.Value);
            }
        }
        if (root.Get("findings") is JsonArray findings)
        {
            isReport = true;
            foreach (var finding in findings.Items)
                if (finding is JsonObject findingObject && findingObject.Get("fingerprint") is JsonString fingerprint)
                    fingerprints.Add(fingerprint.Value);
        }
        return isReport ? (fingerprints, null) : (null, "neither a Firebreak SARIF nor a JSON report");
    }
}
