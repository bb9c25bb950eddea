using System.Collections.Generic;

namespace Firebreak.Cli.Output.BlastRadius;

/// <summary>Whether a backup outlives what can destroy its data.</summary>
public enum Survival
{
    Unknown,
    Survives,
    DiesWithData,
}

/// <summary>A place in a scanned file (one-based line), for links.</summary>
public sealed record SourceRef(string Path, int Line);

/// <summary>A finding placed on an edge of the graph.</summary>
public sealed record FindingRef(string RuleId, string Level, string Message, SourceRef At);

/// <summary>A backup of a data store: where it lives and whether it survives.</summary>
public sealed record BackupNode(string Name, string Where, Survival Survival, string Why, SourceRef? At);

/// <summary>A data store: something whose loss is data loss (a volume, a database service, a bucket).</summary>
public sealed record DataStoreNode(string Name, string Platform, SourceRef? At, IReadOnlyList<BackupNode> Backups);

/// <summary>What a credential reaches: an environment or resource, the data stores in it, and the findings on the edge.</summary>
public sealed record ReachNode(string Name, IReadOnlyList<DataStoreNode> DataStores, IReadOnlyList<FindingRef> Findings);

/// <summary>A credential: what it is, where it is held or handed out, what it reaches.</summary>
public sealed record CredentialNode(string Name, string Kind, string Scope, IReadOnlyList<SourceRef> HeldAt, IReadOnlyList<ReachNode> Reaches, IReadOnlyList<FindingRef> Findings);

public sealed record PlatformNode(string Name, IReadOnlyList<CredentialNode> Credentials);

/// <summary>The whole blast-radius picture of a scan: per platform, per credential, and per data store.</summary>
public sealed record BlastRadiusView(IReadOnlyList<PlatformNode> Platforms, IReadOnlyList<DataStoreNode> DataStores, IReadOnlyList<FindingRef> OtherFindings);
