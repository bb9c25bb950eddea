using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Platforms.Kubernetes;
using Firebreak.Core.Text;

namespace Firebreak.Core.Rules.Kubernetes;

/// <summary>
/// FB3105: backups described in Kubernetes manifests that stay in the cluster they protect — Velero writing to an
/// object store served from the cluster (MinIO behind a <c>.svc</c> URL), and database operators whose every backup
/// target is the cluster's own storage (CloudNativePG with volume snapshots only or a barman store inside the cluster,
/// Crunchy PGO with only <c>volume</c> repositories, Percona with only <c>filesystem</c> storages, the Zalando
/// postgres-operator sending WAL archives or logical backups to an object store inside a cluster). A cluster, namespace
/// or storage failure — or one <c>kubectl delete</c> — takes the data and its backups together. No backup described is
/// not reported: that is the operator's default, not something the manifest says.
/// </summary>
public sealed class InClusterBackupRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.InClusterBackup;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) => kind.IsKubernetesManifest();

    public override bool MightMatch(string text) =>
        text.IndexOf("velero.io", StringComparison.Ordinal) >= 0 || text.IndexOf("cnpg.io", StringComparison.Ordinal) >= 0
        || text.IndexOf("crunchydata.com", StringComparison.Ordinal) >= 0 || text.IndexOf("percona.com", StringComparison.Ordinal) >= 0
        || text.IndexOf("zalan.do", StringComparison.Ordinal) >= 0 || Text.IgnoreCase.Contains(text, "_S3_ENDPOINT")
        || Text.IgnoreCase.Contains(text, "aws_endpoint");

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        foreach (var root in KubernetesWorkloads.Of(document).Objects)
        {
            string apiVersion = root.ScalarValue("apiVersion") ?? string.Empty;
            string kind = root.ScalarValue("kind") ?? string.Empty;
            string name = root.Mapping("metadata")?.ScalarValue("name") ?? "(unnamed)";
            if (apiVersion.StartsWith("acid.zalan.do/", StringComparison.Ordinal) && kind == "OperatorConfiguration")
            {
                var configuration = root.Mapping("configuration");
                ReportZalando(document, sink, name, "WAL archive", configuration?.Mapping("aws_or_gcp")?.Scalar("aws_endpoint"));
                ReportZalando(document, sink, name, "logical backups", configuration?.Mapping("logical_backup")?.Scalar("logical_backup_s3_endpoint"));
                continue;
            }
            if (apiVersion == "v1" && kind == "ConfigMap" && root.Mapping("data") is { } data && IsZalandoConfig(data))
            {
                ReportZalando(document, sink, name, "WAL archive", data.Scalar("aws_endpoint") ?? data.Scalar("AWS_ENDPOINT") ?? data.Scalar("WALE_S3_ENDPOINT") ?? data.Scalar("WALG_S3_ENDPOINT"));
                ReportZalando(document, sink, name, "logical backups", data.Scalar("logical_backup_s3_endpoint") ?? data.Scalar("LOGICAL_BACKUP_S3_ENDPOINT"));
                continue;
            }
            var spec = root.Mapping("spec");
            if (spec is null) continue;
            if (apiVersion.StartsWith("velero.io/", StringComparison.Ordinal) && kind == "BackupStorageLocation")
            {
                if (spec.Mapping("config")?.Scalar("s3Url") is { } url && InCluster(url.Value))
                    sink.Report(Descriptor, document, url.Span,
                        $"Velero BackupStorageLocation '{name}' writes to `{url.Value}`, an object store served from inside a cluster: if it is the cluster Velero backs up, losing the cluster, its storage or that namespace loses the backups with it. Point it at object storage outside the cluster (another account or region).",
                        fingerprintText: "velero-in-cluster:" + name);
            }
            else if (apiVersion.StartsWith("postgresql.cnpg.io/", StringComparison.Ordinal) && kind == "Cluster")
            {
                if (spec.Mapping("backup") is not { } backup) continue;
                var store = backup.Mapping("barmanObjectStore");
                var endpoint = store?.Scalar("endpointURL");
                if (store is null && backup["volumeSnapshot"] is { } snapshots)
                    sink.Report(Descriptor, document, KeySpan(backup, "volumeSnapshot") ?? snapshots.Span,
                        $"CloudNativePG cluster '{name}' backs up with volume snapshots only: they live on the same storage system as its volumes, and deleting the cluster's namespace can delete them. Add a `barmanObjectStore` outside the cluster (or a plugin that writes off-cluster).",
                        fingerprintText: "cnpg-snapshots-only:" + name);
                else if (endpoint is not null && InCluster(endpoint.Value))
                    sink.Report(Descriptor, document, endpoint.Span,
                        $"CloudNativePG cluster '{name}' sends its base backups and WAL to `{endpoint.Value}`, an object store inside a cluster: the backups share the fate of the data they protect. Use object storage outside the cluster.",
                        fingerprintText: "cnpg-in-cluster:" + name);
            }
            else if (apiVersion.StartsWith("postgres-operator.crunchydata.com/", StringComparison.Ordinal) && kind == "PostgresCluster")
            {
                if (spec.Mapping("backups")?.Mapping("pgbackrest")?.Sequence("repos") is not { } repos) continue;
                var items = repos.Items.Select(i => i.Resolve()).OfType<YamlMapping>().ToList();
                if (items.Count > 0 && items.All(r => r["volume"] is not null && r["s3"] is null && r["gcs"] is null && r["azure"] is null))
                    sink.Report(Descriptor, document, KeySpan(items[0], "volume") ?? items[0].Span,
                        $"Crunchy PostgresCluster '{name}' keeps every pgBackRest repository on a volume of the same cluster: deleting the namespace, or losing the cluster's storage, loses the database and its backups together. Add a repository in `s3`, `gcs` or `azure`.",
                        fingerprintText: "pgo-volume-only:" + name);
            }
            else if (apiVersion.Contains("percona.com/") && kind.StartsWith("Percona", StringComparison.Ordinal))
            {
                if (spec.Mapping("backup")?.Mapping("storages") is not { } storages) continue;
                var types = storages.Pairs.Select(p => (p.Value.Resolve() as YamlMapping)?.Scalar("type")).ToList();
                if (types.Count > 0 && types.All(t => t?.Value == "filesystem"))
                    sink.Report(Descriptor, document, types[0]!.Span,
                        $"{kind} '{name}' writes every backup to a `filesystem` storage, a volume of the same cluster: deleting the namespace, or losing the cluster's storage, loses the database and its backups together. Add an `s3` or `azure` storage.",
                        fingerprintText: "percona-filesystem-only:" + name);
            }
        }
    }

    /// <summary>
    /// A ConfigMap that configures the Zalando operator (its flat <c>wal_s3_bucket</c> / <c>logical_backup_*</c> keys) or
    /// its Spilo pods' environment (<c>WAL_S3_BUCKET</c>, <c>USE_WALG_BACKUP</c>): an <c>AWS_ENDPOINT</c> alone, in any other
    /// ConfigMap, says nothing about backups.
    /// </summary>
    private static bool IsZalandoConfig(YamlMapping data) =>
        data["wal_s3_bucket"] is not null || data["logical_backup_s3_bucket"] is not null || data["WAL_S3_BUCKET"] is not null
        || data["USE_WALG_BACKUP"] is not null || data["LOGICAL_BACKUP_S3_BUCKET"] is not null;

    private static void ReportZalando(DocumentContext document, FindingSink sink, string name, string what, YamlScalar? endpoint)
    {
        if (endpoint is null || !InCluster(endpoint.Value)) return;
        sink.Report(Descriptor, document, endpoint.Span,
            $"The Zalando postgres-operator configuration '{name}' sends its {what} to `{endpoint.Value}`, an object store served from inside a cluster: losing that cluster, its storage or the namespace loses every database it manages together with their backups. Use object storage outside the cluster (another account or region).",
            fingerprintText: "zalando-in-cluster:" + name + ":" + what);
    }

    /// <summary>A URL whose host is a cluster service (<c>minio.velero.svc</c>, <c>*.svc.cluster.local</c>) or this machine.</summary>
    internal static bool InCluster(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        string host = url!.Trim();
        int scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) host = host.Substring(scheme + 3);
        int end = host.IndexOfAny(new[] { '/', ':', '?' });
        if (end >= 0) host = host.Substring(0, end);
        host = host.ToLowerInvariant();
        return host.EndsWith(".svc", StringComparison.Ordinal) || host.EndsWith(".svc.cluster.local", StringComparison.Ordinal)
            || host is "localhost" or "127.0.0.1" || (host.IndexOf('.') < 0 && host.Length > 0);
    }

    private static TextSpan? KeySpan(YamlMapping mapping, string key) => mapping.FindPair(key)?.Key.Span;
}
