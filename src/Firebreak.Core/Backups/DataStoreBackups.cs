using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Platforms.Compose;
using Firebreak.Core.Platforms.Kubernetes;
using Firebreak.Core.Text;

namespace Firebreak.Core.Backups;

/// <summary>One copy of a data store's data, and whether it outlives the store.</summary>
public sealed class BackupCopy
{
    internal BackupCopy(string name, TextSpan span, bool diesWithData, string where, string what = "backup service", DocumentContext? document = null)
    {
        Name = name;
        Span = span;
        DiesWithData = diesWithData;
        Where = where;
        What = what;
        Document = document;
    }

    /// <summary>The backup service's (or workload's) name.</summary>
    public string Name { get; }

    /// <summary>What the backup is: <c>backup service</c> (compose), <c>CronJob</c>, <c>Job</c>.</summary>
    public string What { get; }

    /// <summary>The file it is defined in, when not the data store's own.</summary>
    public DocumentContext? Document { get; }

    /// <summary>Where it writes (its volume entry), or the service's key when it mounts nothing.</summary>
    public TextSpan Span { get; }

    /// <summary>Every place it can write is the data store's own storage: deleting that storage deletes the copy.</summary>
    public bool DiesWithData { get; }

    /// <summary>The storage it writes to (<c>volume `pgdata`</c>, <c>host path `/mnt/backup`</c>, <c>off the host</c>).</summary>
    public string Where { get; }
}

/// <summary>A data store the repository defines, with every backup of it that the repository describes.</summary>
public sealed class DataStore
{
    internal DataStore(string name, TextSpan span, string storage, IReadOnlyList<BackupCopy> backups, DocumentContext? document = null)
    {
        Name = name;
        Span = span;
        Storage = storage;
        Backups = backups;
        Document = document;
    }

    public string Name { get; }

    /// <summary>The file it is defined in (set for stores found across the files of a scan).</summary>
    public DocumentContext? Document { get; }

    /// <summary>What defines it, when not a compose service: <c>StatefulSet</c>, <c>Deployment</c>, <c>Pod</c>.</summary>
    public string? What { get; internal init; }

    /// <summary>Where its name is unique, when not the file: a Kubernetes namespace.</summary>
    public string? Scope { get; internal init; }

    /// <summary>The service's key: where a finding about the store points.</summary>
    public TextSpan Span { get; }

    /// <summary>Where its data lives (<c>volume `pgdata`</c>).</summary>
    public string Storage { get; }

    public IReadOnlyList<BackupCopy> Backups { get; }
}

/// <summary>
/// The data stores of a document and their backups, found once: compose database services, and the backup services
/// that back each one up (they share its storage, depend on it or name it as their host). A backup dies with the store
/// when every volume or host path it mounts is the store's own storage and nothing sends it off the host.
/// </summary>
public static class DataStoreBackups
{
    // Destinations off the host: an object store or remote URL, or the usual variables that name one.
    private static Regex OffHost => BackupCatalog.Default.OffHost;

    private static readonly ModelKey<IReadOnlyList<DataStore>> Key = new("data-store-backups", Find);

    public static IReadOnlyList<DataStore> Of(DocumentContext document) => document.Get(Key);

    private static IReadOnlyList<DataStore> Find(DocumentContext document)
    {
        if (document.Kind != FileKind.Compose || ComposeFile.Of(document) is not { } compose) return Array.Empty<DataStore>();
        var backupServices = compose.Services.Where(ColocatedBackups.IsBackupService).ToArray();
        var stores = new List<DataStore>();
        foreach (var database in compose.Services)
        {
            if (ColocatedBackups.IsBackupService(database) || database.Image is not { } image || !ColocatedBackups.DatabaseImage.IsMatch(ColocatedBackups.ImageName(image))) continue;
            if (database.Volumes.Count == 0) continue;
            var copies = new List<BackupCopy>();
            foreach (var backup in backupServices)
            {
                if (!BacksUp(backup, database)) continue;
                bool offHost = backup.Texts().Any(t => OffHost.IsMatch(t));
                var separate = backup.Volumes.FirstOrDefault(m => !database.Volumes.Any(d => ColocatedBackups.SameStorage(m, d)));
                var own = backup.Volumes.FirstOrDefault(m => database.Volumes.Any(d => ColocatedBackups.SameStorage(m, d)));
                if (offHost) copies.Add(new BackupCopy(backup.Name, backup.Pair.Key.Span, false, "off the host"));
                else if (separate is not null) copies.Add(new BackupCopy(backup.Name, separate.Span, false, Describe(separate)));
                else if (own is not null) copies.Add(new BackupCopy(backup.Name, own.Span, true, Describe(own)));
                // A backup service that mounts nothing and sends nothing off the host keeps its dumps in its container:
                // where they live is not described, so it is neither a surviving copy nor a dying one.
            }
            stores.Add(new DataStore(database.Name, database.Pair.Key.Span, Describe(database.Volumes[0]), copies));
        }
        return stores;
    }

    /// <summary>
    /// The Kubernetes data stores of a scan: each database StatefulSet, Deployment or Pod that keeps its data on a
    /// PersistentVolumeClaim, with the backup CronJobs and Jobs of its namespace that back it up (they mount its claim or
    /// name it as their host). A backup survives when it sends its copies off the cluster or writes to a claim of its
    /// own; it dies with the store when the only storage it writes to is the store's claim.
    /// </summary>
    public static IReadOnlyList<DataStore> InKubernetes(ProjectContext project)
    {
        var workloads = KubernetesWorkloads.InProject(project).ToList();
        var backups = workloads.Where(w => w.Workload.Kind is "CronJob" or "Job" && ColocatedBackups.IsBackupWorkload(w.Workload)).ToList();
        var stores = new List<DataStore>();
        if (backups.Count == 0) return stores;
        foreach (var (document, database) in workloads)
        {
            if (!ColocatedBackups.IsDatabaseWorkload(database)) continue;
            var storage = database.Claims.Count > 0 ? $"PersistentVolumeClaim `{database.Claims[0].Value}`"
                : database.ClaimTemplates.Count > 0 ? $"claim template `{database.ClaimTemplates[0].Value}`" : null;
            if (storage is null || database.NameScalar is not { } nameScalar) continue;
            var host = ColocatedBackups.HostReference(database.Name, domain: true);
            var copies = new List<BackupCopy>();
            foreach (var (backupDocument, backup) in backups)
            {
                if (backup.Namespace != database.Namespace) continue;
                var own = backup.Claims.FirstOrDefault(c => database.MountsClaim(c.Value, out _));
                var texts = backup.CommandLines.Concat(backup.Environment);
                if (own is null && !texts.Any(t => host.IsMatch(t))) continue;
                var span = backup.NameScalar?.Span ?? own?.Span ?? nameScalar.Span;
                var separate = backup.Claims.FirstOrDefault(c => !database.MountsClaim(c.Value, out _));
                if (texts.Any(t => OffHost.IsMatch(t))) copies.Add(new BackupCopy(backup.Name, span, false, "off the cluster", backup.Kind, backupDocument));
                else if (separate is not null) copies.Add(new BackupCopy(backup.Name, separate.Span, false, $"PersistentVolumeClaim `{separate.Value}`", backup.Kind, backupDocument));
                else if (own is not null) copies.Add(new BackupCopy(backup.Name, own.Span, true, $"PersistentVolumeClaim `{own.Value}`", backup.Kind, backupDocument));
                // A backup that mounts no claim and sends nothing off the cluster keeps its dumps in its pod: where they
                // live is not described, so it is neither a surviving copy nor a dying one.
            }
            stores.Add(new DataStore(database.Name, nameScalar.Span, storage, copies, document) { What = database.Kind, Scope = database.Namespace });
        }
        return stores;
    }

    private static string Describe(ComposeVolumeMount mount) => mount.IsHostPath ? $"host path `{mount.Source}`" : $"volume `{mount.Source}`";

    /// <summary>A backup service is the database's when it shares its storage, depends on it, or names it as a host.</summary>
    private static bool BacksUp(ComposeService backup, ComposeService database)
    {
        if (backup.Volumes.Any(m => database.Volumes.Any(d => ColocatedBackups.SameStorage(m, d)))) return true;
        foreach (var key in new[] { "depends_on", "links" })
        {
            switch (backup.Body[key]?.Resolve())
            {
                case YamlSequence sequence when sequence.Items.Any(i => i.Resolve() is YamlScalar s && (s.Value == database.Name || s.Value.StartsWith(database.Name + ":", StringComparison.Ordinal))):
                    return true;
                case YamlMapping mapping when mapping.Pairs.Any(p => p.KeyText == database.Name):
                    return true;
            }
        }
        var name = ColocatedBackups.HostReference(database.Name, domain: false);
        return backup.Texts().Any(t => name.IsMatch(t));
    }
}
