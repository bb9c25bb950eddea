using System.Collections.Generic;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Agents;

/// <summary>An agent permission that admits any command (what FB2005 reports).</summary>
public sealed class UnboundedAgentPermission
{
    internal UnboundedAgentPermission(TextSpan span, string message, FindingLevel? level, string? fingerprint)
    {
        Span = span;
        Message = message;
        Level = level;
        Fingerprint = fingerprint;
    }

    public TextSpan Span { get; }
    public string Message { get; }
    public FindingLevel? Level { get; }
    public string? Fingerprint { get; }
}

/// <summary>The unbounded agent permissions of a document, found once: FB2005 reports them, the compound rule reads them.</summary>
public static class UnboundedAgentPermissions
{
    private static readonly AgentPermissionsUnboundedRule Rule = new();

    private static readonly ModelKey<Collector> PermissionsKey = new("unbounded-agent-permissions", static doc =>
    {
        var collector = new Collector();
        if (Rule.AppliesTo(doc.Kind) && Rule.MightMatch(doc.Text.Text)) AgentPermissionsUnboundedRule.Find(doc, collector);
        return collector;
    });

    public static IReadOnlyList<UnboundedAgentPermission> Of(DocumentContext document) => document.Get(PermissionsKey).Found;

    /// <summary>Takes what the rule's finders report, in the shape of <see cref="FindingSink.Report"/>.</summary>
    public sealed class Collector
    {
        public List<UnboundedAgentPermission> Found { get; } = new();

        public void Report(RuleDescriptor rule, DocumentContext document, TextSpan span, string message, FindingLevel? level = null, string? fingerprintText = null) =>
            Found.Add(new UnboundedAgentPermission(span, message, level, fingerprintText));
    }
}
