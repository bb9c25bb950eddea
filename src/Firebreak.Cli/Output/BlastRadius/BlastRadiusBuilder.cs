using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Analysis;
using Firebreak.Core.Commands;
using Firebreak.Core.Credentials;
using Firebreak.Core.Rules.Backups;
using Firebreak.Core.Backups;
using Firebreak.Core.Text;

namespace Firebreak.Cli.Output.BlastRadius;

/// <summary>
/// Builds the blast-radius picture from the models the rules report from (blanket credentials, destructive operations,
/// co-located backups) — facts, never the findings' sentences; findings are only placed on the nodes whose location
/// they share.
/// </summary>
public static class BlastRadiusBuilder
{
    public static BlastRadiusView Build(IReadOnlyList<SourceFile> files, AnalysisOptions options, AnalysisResult result)
    {
        var documents = files.Select(f => new DocumentContext(f, options)).ToArray();
        var credentials = new List<(DocumentContext Document, BlanketCredential Credential)>();
        var operations = new List<(DocumentContext Document, DestructiveOperation Operation)>();
        var colocated = new List<(DocumentContext Document, ColocatedBackup Backup)>();
        foreach (var document in documents)
        {
            foreach (var credential in BlanketCredentials.Of(document)) credentials.Add((document, credential));
            if (!ShellSources.CanHoldShell(document.Kind)) continue;
            foreach (var operation in DestructiveOperations.Of(document))
                if (operation.Platform is not null) operations.Add((document, operation));
            foreach (var backup in ColocatedBackups.Of(document)) colocated.Add((document, backup));
        }

        // Findings sit on the node whose location they share; the rest are listed by file.
        var placed = new HashSet<Finding>();
        List<Finding> At(DocumentContext document, TextSpan span) =>
            result.Findings.Where(f => f.Location.Path == document.Path && f.Location.Span.Start == span.Start).ToList();
        List<FindingRef> Place(IEnumerable<Finding> findings)
        {
            var list = findings.ToList();
            placed.UnionWith(list);
            return list.Select(Ref).ToList();
        }

        // Data stores the repository's operations destroy, per platform and per environment they run in.
        var stores = new Dictionary<(string Platform, string Environment), List<DataStoreNode>>();
        var edgeFindings = new Dictionary<(string Platform, string Environment), List<Finding>>();
        foreach (var (document, operation) in operations.OrderBy(o => o.Document.Path, StringComparer.Ordinal).ThenBy(o => o.Operation.Span.Start))
        {
            var key = (operation.Platform!, EnvironmentOf(document, operation));
            if (!stores.TryGetValue(key, out var list)) stores[key] = list = new List<DataStoreNode>();
            if (!edgeFindings.TryGetValue(key, out var findings)) edgeFindings[key] = findings = new List<Finding>();
            var at = SourceRefOf(document, operation.Span);
            var backups = operation.BackupsDie
                ? new[] { new BackupNode($"{PlatformTitle(operation.Platform!)} backups kept with it", "with the data, on the platform", Survival.DiesWithData, $"`{operation.Display}` deletes them with the data", null) }
                : Array.Empty<BackupNode>();
            list.Add(new DataStoreNode($"{operation.Destroys} (`{operation.Display}`)", PlatformTitle(operation.Platform!), at, backups));
            findings.AddRange(At(document, operation.Span));
        }

        var platforms = new List<PlatformNode>();
        foreach (var platform in credentials.GroupBy(c => c.Credential.Platform).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var nodes = new List<CredentialNode>();
            foreach (var byName in platform.GroupBy(c => c.Credential.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var first = byName.First().Credential;
                var findings = Place(byName.SelectMany(c => At(c.Document, c.Credential.Span)));
                // A blanket credential reaches every environment of its platform: each one the repository operates on.
                var reaches = stores.Where(s => s.Key.Platform == platform.Key).OrderBy(s => s.Key.Environment, StringComparer.Ordinal)
                    .Select(s => new ReachNode(s.Key.Environment, s.Value, Place(edgeFindings[s.Key]))).ToList();
                nodes.Add(new CredentialNode(first.Name, first.Kind.DisplayName, ScopeText(first.Kind.Scope),
                    byName.Select(c => SourceRefOf(c.Document, c.Credential.Span)).Distinct().ToList(), reaches, findings));
            }
            platforms.Add(new PlatformNode(PlatformTitle(platform.Key), nodes));
        }

        var dataStores = stores.OrderBy(s => s.Key.Platform, StringComparer.Ordinal).ThenBy(s => s.Key.Environment, StringComparer.Ordinal).SelectMany(s => s.Value).ToList();
        // Compose and Kubernetes databases: every backup the repository describes, and whether each survives (the FB3009 model).
        foreach (var document in documents)
        {
            foreach (var store in DataStoreBackups.Of(document)) dataStores.Add(DataStoreOf(store, document, "Docker Compose"));
        }
        foreach (var store in DataStoreBackups.InKubernetes(new ProjectContext(documents, options))) dataStores.Add(DataStoreOf(store, store.Document!, "Kubernetes"));
        foreach (var (document, backup) in colocated.Where(c => c.Backup.Kind != ColocationKind.ComposeSharedVolume))
        {
            var dataAt = backup.DataSpan is { } data ? SourceRefOf(document, data) : null;
            dataStores.Add(new DataStoreNode(backup.DataNote ?? $"the data in {document.Path}", Origin(backup.Kind), dataAt, new[]
            {
                new BackupNode($"the backup at {document.Path}:{document.Text.GetPosition(backup.Span.Start).Line + 1}", WhereOf(backup.Kind), Survival.DiesWithData, WhyOf(backup.Kind), SourceRefOf(document, backup.Span)),
            }));
        }

        var other = result.Findings.Where(f => !placed.Contains(f)).Select(Ref).ToList();
        return new BlastRadiusView(platforms, dataStores, other);
    }

    private static DataStoreNode DataStoreOf(DataStore store, DocumentContext document, string origin) =>
        new($"{(store.What is { } what ? what + " " : string.Empty)}{store.Name} ({store.Storage})", origin, SourceRefOf(document, store.Span),
            store.Backups.Select(b => new BackupNode($"{b.What} '{b.Name}'", b.Where, b.DiesWithData ? Survival.DiesWithData : Survival.Survives,
                b.DiesWithData ? "it writes to the data store's own storage" : "it writes outside the data store's storage", SourceRefOf(b.Document ?? document, b.Span))).ToList());

    private static FindingRef Ref(Finding f) => new(f.RuleId, f.Level.ToSarifName(), f.Message, new SourceRef(f.Location.Path, f.Location.Start.Line + 1));

    private static SourceRef SourceRefOf(DocumentContext document, TextSpan span) => new(document.Path, document.Text.GetPosition(span.Start).Line + 1);

    /// <summary>The environment an operation runs in: the job's declared environment, else the job (or script) itself.</summary>
    private static string EnvironmentOf(DocumentContext document, DestructiveOperation operation)
    {
        var context = operation.Context;
        if (!string.IsNullOrEmpty(context.Environment)) return context.Environment!;
        if (!string.IsNullOrEmpty(context.Name)) return $"{context.Name}: {document.Path}";
        return document.Path;
    }

    private static string ScopeText(TokenScope scope) => scope switch
    {
        TokenScope.AccountWide => "every project and environment of the account, production included",
        TokenScope.Workspace => "every project of the workspace",
        TokenScope.Project => "every environment of one project",
        TokenScope.Environment => "one environment",
        TokenScope.Repository => "the repositories chosen for it",
        TokenScope.ReadOnly => "read-only access",
        _ => "what its permissions allow (not known from its kind)",
    };

    private static string Origin(ColocationKind kind) => kind switch
    {
        ColocationKind.ComposeSharedVolume => "Docker Compose",
        ColocationKind.SnapshotClassDeletes => "Kubernetes",
        _ => "script",
    };

    private static string WhereOf(ColocationKind kind) => kind switch
    {
        ColocationKind.ComposeSharedVolume => "on the database's own volume",
        ColocationKind.SnapshotClassDeletes => "snapshots deleted with the snapshot object",
        _ => "under the data directory it dumps",
    };

    private static string WhyOf(ColocationKind kind) => kind switch
    {
        ColocationKind.ComposeSharedVolume => "deleting or losing the volume deletes the data and the backup together",
        ColocationKind.SnapshotClassDeletes => "the snapshot class deletes its snapshots with the object",
        _ => "deleting the data directory deletes the dump",
    };

    private static string PlatformTitle(string key) => PlatformKeys.Title(key);
}
