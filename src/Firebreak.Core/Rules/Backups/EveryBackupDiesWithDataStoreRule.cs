using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Backups;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Backups;

/// <summary>
/// FB3009: a data store none of whose described backups survives it. Reads <see cref="DataStoreBackups"/>; reports at
/// the data store with each backup as a related location. Compose files are judged one at a time (a compose project
/// is one file); Kubernetes manifests across the files of a scan, by <see cref="EveryKubernetesBackupDiesWithDataStoreRule"/>.
/// </summary>
public sealed class EveryBackupDiesWithDataStoreRule : Rule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.EveryBackupDiesWithDataStore };

    public override bool AppliesTo(FileKind kind) => kind == FileKind.Compose;

    public override bool MightMatch(string text) =>
        text.IndexOf("volumes", StringComparison.Ordinal) >= 0 && text.IndexOf("image", StringComparison.Ordinal) >= 0;

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        foreach (var store in DataStoreBackups.Of(document)) ReportIfNoneSurvives(store, document, sink);
    }

    internal static void ReportIfNoneSurvives(DataStore store, DocumentContext document, FindingSink sink)
    {
        // No backup described: the platform's default applies, which the repository does not show. One survivor: recoverable.
        if (store.Backups.Count == 0 || store.Backups.Any(b => !b.DiesWithData)) return;
        var related = store.Backups.Select(b => new RelatedLocation(SourceLocation.Create((b.Document ?? document).Text, b.Span),
            $"{b.What} '{b.Name}' writes to {b.Where}, the data store's own storage")).ToArray();
        string names = string.Join(", ", store.Backups.Select(b => $"'{b.Name}'"));
        string count = store.Backups.Count == 1 ? "its only backup" : $"all {store.Backups.Count} of its backups";
        string verb = store.Backups.Count == 1 ? "writes" : "write";
        string what = store.What is { } kind ? kind + ", " : string.Empty;
        sink.Report(RuleCatalog.EveryBackupDiesWithDataStore, document, store.Span,
            $"Data store '{store.Name}' ({what}data in {store.Storage}) has no copy that survives it: {count} ({names}) {verb} to the same storage, so deleting or losing it leaves nothing to restore from. Send at least one backup to storage that the same delete cannot reach (another volume on another host, object storage in another account or region).",
            fingerprintText: "data-store:" + (store.Scope is { } scope ? scope + "/" : string.Empty) + store.Name, related: related);
    }
}

/// <summary>FB3009 for Kubernetes: a database workload whose every backup CronJob or Job writes only to its own claim.</summary>
public sealed class EveryKubernetesBackupDiesWithDataStoreRule : ProjectRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.EveryBackupDiesWithDataStore };

    public override void Analyze(ProjectContext project, FindingSink sink)
    {
        foreach (var store in DataStoreBackups.InKubernetes(project))
            EveryBackupDiesWithDataStoreRule.ReportIfNoneSurvives(store, store.Document!, sink);
    }
}
