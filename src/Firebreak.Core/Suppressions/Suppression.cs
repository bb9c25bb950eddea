using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Suppressions;

/// <summary>One <c>firebreak:ignore</c> comment, parsed; <see cref="Problem"/> says why it does not suppress.</summary>
public sealed class Suppression
{
    public Suppression(TextSpan span, int line, IReadOnlyList<string> ruleIds, string? reason, DateTime? until, string? problem)
    {
        Span = span;
        Line = line;
        RuleIds = ruleIds;
        Reason = reason;
        Until = until;
        Problem = problem;
    }

    /// <summary>The span of the directive inside the comment.</summary>
    public TextSpan Span { get; }

    /// <summary>The zero-based line the comment is on; it covers that line and the next.</summary>
    public int Line { get; }
    public IReadOnlyList<string> RuleIds { get; }
    public string? Reason { get; }
    public DateTime? Until { get; }
    public string? Problem { get; }
    public bool IsValid => Problem is null;

    public bool Covers(string ruleId, int findingLine) =>
        IsValid && (findingLine == Line || findingLine == Line + 1) && Contains(ruleId);

    private bool Contains(string ruleId)
    {
        foreach (var id in RuleIds)
        {
            if (string.Equals(id, ruleId, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
