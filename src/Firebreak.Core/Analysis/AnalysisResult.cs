using System.Collections.Generic;

namespace Firebreak.Core.Analysis;

public sealed class AnalysisResult
{
    public AnalysisResult(IReadOnlyList<Finding> findings, int fileCount, int suppressedCount)
    {
        Findings = findings;
        FileCount = fileCount;
        SuppressedCount = suppressedCount;
    }

    /// <summary>Sorted by path, line, column, rule; the same input gives the same list whatever the thread count.</summary>
    public IReadOnlyList<Finding> Findings { get; }
    public int FileCount { get; }
    public int SuppressedCount { get; }
}
