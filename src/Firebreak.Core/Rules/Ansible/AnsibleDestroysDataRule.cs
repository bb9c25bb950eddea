using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Platforms.Ansible;
using Firebreak.Core.Text;

namespace Firebreak.Core.Rules.Ansible;

/// <summary>
/// FB1001 on Ansible: a cloud or database module told to make a stateful resource <c>absent</c> is the same operation
/// as <c>aws rds delete-db-instance</c> or <c>dropdb</c>, run unattended (a module never asks). Flags that remove a
/// safety net are read like the CLI's: <c>skip_final_snapshot: true</c>, an S3 bucket's <c>force: true</c> (without it a
/// non-empty bucket is not deleted, so the bucket is reported only with it).
/// </summary>
public sealed class AnsibleDestroysDataRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.DestructiveCommand;

    /// <summary>Module (collection removed) → what it deletes.</summary>
    private static readonly Dictionary<string, string> StatefulModules = new(StringComparer.Ordinal)
    {
        ["rds_instance"] = "the RDS instance",
        ["rds_cluster"] = "the RDS/Aurora cluster",
        ["rds_instance_snapshot"] = "the RDS snapshot (a backup)",
        ["rds_cluster_snapshot"] = "the RDS cluster snapshot (a backup)",
        ["dynamodb_table"] = "the DynamoDB table",
        ["efs"] = "the EFS file system",
        ["ec2_vol"] = "the EBS volume",
        ["ec2_snapshot"] = "the EBS snapshot (a backup)",
        ["elasticache"] = "the ElastiCache cluster",
        ["redshift"] = "the Redshift cluster",
        ["s3_bucket"] = "the S3 bucket and every object in it",
        ["postgresql_db"] = "the PostgreSQL database",
        ["mysql_db"] = "the MySQL database",
        ["azure_rm_sqlserver"] = "the Azure SQL server and its databases",
        ["azure_rm_sqldatabase"] = "the Azure SQL database",
        ["azure_rm_sqlmanagedinstance"] = "the Azure SQL managed instance",
        ["azure_rm_postgresqlserver"] = "the Azure PostgreSQL server",
        ["azure_rm_postgresqlflexibleserver"] = "the Azure PostgreSQL flexible server",
        ["azure_rm_postgresqldatabase"] = "the Azure PostgreSQL database",
        ["azure_rm_mysqlserver"] = "the Azure MySQL server",
        ["azure_rm_mysqlflexibleserver"] = "the Azure MySQL flexible server",
        ["azure_rm_mysqldatabase"] = "the Azure MySQL database",
        ["azure_rm_mariadbserver"] = "the Azure MariaDB server",
        ["azure_rm_cosmosdbaccount"] = "the Cosmos DB account",
        ["azure_rm_storageaccount"] = "the storage account and its data",
        ["azure_rm_keyvault"] = "the Key Vault and its keys and secrets",
        ["azure_rm_rediscache"] = "the Azure Cache for Redis",
        ["azure_rm_manageddisk"] = "the managed disk",
        ["gcp_sql_instance"] = "the Cloud SQL instance and its backups",
        ["gcp_sql_database"] = "the Cloud SQL database",
        ["gcp_storage_bucket"] = "the Cloud Storage bucket",
        ["gcp_compute_disk"] = "the persistent disk",
        ["gcp_spanner_instance"] = "the Spanner instance",
        ["gcp_spanner_database"] = "the Spanner database",
        ["gcp_bigquery_dataset"] = "the BigQuery dataset",
        ["gcp_redis_instance"] = "the Memorystore instance",
        ["gcp_filestore_instance"] = "the Filestore instance",
    };

    /// <summary>Kubernetes kinds whose deletion takes data with it.</summary>
    private static readonly HashSet<string> StatefulKinds = new(StringComparer.OrdinalIgnoreCase) { "Namespace", "PersistentVolumeClaim", "PersistentVolume" };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) => kind == FileKind.Ansible;

    public override bool MightMatch(string text) => text.IndexOf("absent", StringComparison.Ordinal) >= 0;

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        foreach (var task in AnsiblePlaybook.Of(document).Tasks)
        {
            if (Destroys(task) is not { } deletion) continue;
            string name = task.Body.ScalarValue("name") is { } n ? $" (`{n}`)" : "";
            string where = task.Hosts is { } hosts ? $" on hosts `{hosts.Value}`" : "";
            sink.Report(Descriptor, document, deletion.Span,
                $"Ansible task{name} runs `{task.Module}` with `state: absent`{where}: it deletes {deletion.What}, unattended (a module never asks).{deletion.Extra} Keep deletion out of automation, or gate it behind a manual, reviewed run and take a snapshot first.",
                FindingLevel.Error, fingerprintText: $"ansible:{task.Module}:{task.Body.ScalarValue("name")}");
        }
    }

    /// <summary>What the task deletes when it makes a stateful resource <c>absent</c>: the resource, the span to report and what removes the safety net; null otherwise.</summary>
    internal static AnsibleDeletion? Destroys(AnsibleTask task)
    {
        if (task.Argument("state") is not { } state || state.Value.Trim() != "absent") return null;
        string? what;
        if (task.ShortName == "k8s")
        {
            string? kind = task.Argument("kind")?.Value ?? (task.Arguments?.Mapping("definition") ?? task.Arguments?["definition"] as YamlMapping)?.ScalarValue("kind");
            if (kind is null || !StatefulKinds.Contains(kind)) return null;
            what = kind.Equals("Namespace", StringComparison.OrdinalIgnoreCase) ? "the Kubernetes namespace and every volume claim in it" : $"the {kind} and its volume's data";
        }
        else if (!StatefulModules.TryGetValue(task.ShortName, out what)) return null;

        var span = state.Span;
        string extra = "";
        if (task.ShortName == "s3_bucket")
        {
            if (task.Flag("force") != true) return null; // a non-empty bucket is refused without force
            span = task.Argument("force")!.Span;
            extra = " `force: true` deletes every object first.";
        }
        else if (task.ShortName is "rds_instance" or "rds_cluster")
        {
            if (task.Flag("skip_final_snapshot") == true)
            {
                span = task.Argument("skip_final_snapshot")!.Span;
                extra = " `skip_final_snapshot: true` removes the safety net: no final snapshot is taken.";
            }
            else if (task.Argument("final_snapshot_identifier") is null)
                extra = " No `final_snapshot_identifier` is given.";
        }
        return new AnsibleDeletion(what!, span, extra);
    }
}

/// <summary>A stateful resource an Ansible task deletes: what it is, the setting to point at, and what makes it worse.</summary>
internal sealed record AnsibleDeletion(string What, TextSpan Span, string Extra);
