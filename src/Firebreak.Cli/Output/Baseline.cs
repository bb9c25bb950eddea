using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Firebreak.Core.Analysis;
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
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read the baseline '{path}': {ex.Message}");
        }
        // The same reader the analyzer package uses for FirebreakBaseline: one baseline, every face.
        var (fingerprints, error) = BaselineFingerprints.Read(text);
        if (fingerprints is null) throw new UsageException($"the baseline '{path}' is {error}");
        return new Baseline(fingerprints);
    }

    /// <summary>The findings not in the baseline; the result counts those that were.</summary>
    public AnalysisResult Filter(AnalysisResult result)
    {
        var fresh = result.Findings.Where(f => !_fingerprints.Contains(f.Fingerprint)).ToArray();
        return new AnalysisResult(fresh, result.FileCount, result.SuppressedCount, result.Findings.Count - fresh.Length);
    }
}
