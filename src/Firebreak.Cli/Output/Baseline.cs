using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Firebreak.Core.Analysis;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Output;

/// <summary>
/// Known findings from an earlier report (our SARIF or JSON), matched by their line-independent fingerprint, so a
/// team can adopt Firebreak without fixing the past first: only new findings are reported.
/// </summary>
public sealed class Baseline
{
    private readonly HashSet<string> _fingerprints;

    private Baseline(HashSet<string> fingerprints) => _fingerprints = fingerprints;

    public int Count => _fingerprints.Count;

    public static Baseline Load(string path)
    {
        JToken root;
        try
        {
            root = JToken.Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read the baseline '{path}': {ex.Message}");
        }
        catch (JsonException ex)
        {
            throw new UsageException($"the baseline '{path}' is not JSON: {ex.Message.Split('\n')[0]}");
        }
        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        // SARIF: runs[].results[].partialFingerprints["firebreak/v1"]; JSON report: findings[].fingerprint.
        foreach (var token in root.SelectTokens($"runs[*].results[*].partialFingerprints['{Fingerprints.Key}']").Concat(root.SelectTokens("findings[*].fingerprint")))
        {
            if (token.Type == JTokenType.String) fingerprints.Add((string)token!);
        }
        if (fingerprints.Count == 0 && root.SelectToken("runs") is null && root.SelectToken("findings") is null)
            throw new UsageException($"the baseline '{path}' is neither a Firebreak SARIF nor a JSON report");
        return new Baseline(fingerprints);
    }

    /// <summary>The findings not in the baseline; the result counts those that were.</summary>
    public AnalysisResult Filter(AnalysisResult result)
    {
        var fresh = result.Findings.Where(f => !_fingerprints.Contains(f.Fingerprint)).ToArray();
        return new AnalysisResult(fresh, result.FileCount, result.SuppressedCount, result.Findings.Count - fresh.Length);
    }
}
