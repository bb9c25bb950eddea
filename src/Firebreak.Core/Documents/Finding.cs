using System;
using System.Collections.Generic;
using Firebreak.Core.Rules;

namespace Firebreak.Core.Documents;

/// <summary>One result: a rule, where, what it means, and how sure and how serious.</summary>
public sealed class Finding
{
    public Finding(
        RuleDescriptor rule,
        FindingLevel level,
        string message,
        SourceLocation location,
        string fingerprint,
        IReadOnlyList<RelatedLocation>? relatedLocations = null)
    {
        Rule = rule;
        Level = level;
        Message = message;
        Location = location;
        Fingerprint = fingerprint;
        RelatedLocations = relatedLocations ?? Array.Empty<RelatedLocation>();
    }

    public RuleDescriptor Rule { get; }
    public string RuleId => Rule.Id;
    public FindingLevel Level { get; }
    public string Message { get; }
    public SourceLocation Location { get; }

    /// <summary>Line-independent: rule, path and the normalized text of the node, with an occurrence counter.</summary>
    public string Fingerprint { get; }
    public IReadOnlyList<RelatedLocation> RelatedLocations { get; }

    public Finding WithLevel(FindingLevel level) => new(Rule, level, Message, Location, Fingerprint, RelatedLocations);

    public override string ToString() => $"{Location.Path}:{Location.Start}: {Level.ToSarifName()} {RuleId}: {Message}";
}

public sealed class RelatedLocation
{
    public RelatedLocation(SourceLocation location, string message)
    {
        Location = location;
        Message = message;
    }

    public SourceLocation Location { get; }
    public string Message { get; }
}
