using System.Collections.Generic;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Analysis;

public sealed class AnalysisResult
{
    public AnalysisResult(IReadOnlyList<Finding> findings, int fileCount, int suppressedCount, int baselinedCount = 0)
    {
        Findings = findings;
        FileCount = fileCount;
        SuppressedCount = suppressedCount;
        BaselinedCount = baselinedCount;
    }

    /// <summary>Sorted by path, line, column, rule; the same input gives the same list whatever the thread count.</summary>
    public IReadOnlyList<Finding> Findings { get; }
    public int FileCount { get; }
    public int SuppressedCount { get; }

    /// <summary>Findings left out because a baseline already knew them.</summary>
    public int BaselinedCount { get; }

    /// <summary>Per budget, the file that spent the most of it (`scan --verbose` prints these).</summary>
    public IReadOnlyList<BudgetUse> PeakBudgets { get; init; } = System.Array.Empty<BudgetUse>();
}

/// <summary>How much of <paramref name="Budget"/> the file at <paramref name="Path"/> spent, of <paramref name="Limit"/>.</summary>
public sealed record BudgetUse(Budget Budget, long Used, long Limit, string Path);
