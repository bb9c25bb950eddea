using System;
using System.Collections.Generic;
using Firebreak.Core.Rules;
using Firebreak.Core.Text;

namespace Firebreak.Core.Documents;

/// <summary>Where rules report. Spans are in the reporting document's own file (map embedded spans first).</summary>
public sealed class FindingSink
{
    private readonly List<PendingFinding> _findings = new();
    private readonly object _gate = new();

    internal IReadOnlyList<PendingFinding> Findings
    {
        get { lock (_gate) return _findings.ToArray(); }
    }

    /// <param name="rule">The descriptor; must be one the rule declares.</param>
    /// <param name="document">The file the finding is in.</param>
    /// <param name="span">The smallest node that explains the finding.</param>
    /// <param name="message">What will happen and what to do.</param>
    /// <param name="level">A level raised or lowered by context; the rule's default otherwise.</param>
    /// <param name="fingerprintText">What identifies the finding beyond its span's text (never a secret's value).</param>
    /// <param name="related">Other places that explain it.</param>
    public void Report(
        RuleDescriptor rule,
        DocumentContext document,
        TextSpan span,
        string message,
        FindingLevel? level = null,
        string? fingerprintText = null,
        IReadOnlyList<RelatedLocation>? related = null)
    {
        if (span.End > document.Text.Length) span = TextSpan.FromBounds(Math.Min(span.Start, document.Text.Length), document.Text.Length);
        var location = SourceLocation.Create(document.Text, span);
        lock (_gate) _findings.Add(new PendingFinding(rule, level ?? rule.DefaultLevel, message, location, fingerprintText, related));
    }

    internal void Add(PendingFinding finding)
    {
        lock (_gate) _findings.Add(finding);
    }
}

internal sealed class PendingFinding
{
    public PendingFinding(RuleDescriptor rule, FindingLevel level, string message, SourceLocation location, string? fingerprintText, IReadOnlyList<RelatedLocation>? related)
    {
        Rule = rule;
        Level = level;
        Message = message;
        Location = location;
        FingerprintText = fingerprintText;
        Related = related;
    }

    public RuleDescriptor Rule { get; }
    public FindingLevel Level { get; }
    public string Message { get; }
    public SourceLocation Location { get; }
    public string? FingerprintText { get; }
    public IReadOnlyList<RelatedLocation>? Related { get; }
}
