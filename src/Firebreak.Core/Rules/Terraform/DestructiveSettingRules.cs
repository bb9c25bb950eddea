using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Languages.Hcl;
using Firebreak.Core.Platforms.Terraform;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Terraform;

/// <summary>FB1101: databases whose deletion protection is off (or, where the provider defaults it off, absent).</summary>
public sealed class DatabaseDeletionProtectionOffRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.DatabaseDeletionProtectionOff;

    // type → (attribute, reported when absent)
    private static readonly Dictionary<string, (string Attribute, bool AbsentIsOff)> Settings = new(StringComparer.Ordinal)
    {
        ["aws_db_instance"] = ("deletion_protection", true),
        ["aws_rds_cluster"] = ("deletion_protection", true),
        ["aws_docdb_cluster"] = ("deletion_protection", true),
        ["aws_neptune_cluster"] = ("deletion_protection", true),
        ["aws_dynamodb_table"] = ("deletion_protection_enabled", true),
        ["google_sql_database_instance"] = ("deletion_protection", false),
        ["google_spanner_database"] = ("deletion_protection", false),
        ["google_spanner_instance"] = ("deletion_protection", false),
        ["google_bigtable_instance"] = ("deletion_protection", false),
        ["google_alloydb_cluster"] = ("deletion_protection", false),
    };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        foreach (var resource in instance.Resources)
        {
            if (resource.IsData || !Settings.TryGetValue(resource.Type, out var setting)) continue;
            // An Aurora member instance is protected (or not) by its cluster.
            if (IsDependentDbInstance(instance, resource)) continue;
            // A Cloud SQL read replica holds no data of its own: the primary's protection is what matters.
            if (resource.Type == "google_sql_database_instance" && IsSet(instance, resource, "master_instance_name")) continue;
            var attribute = resource.Body.Attribute(setting.Attribute);
            if (attribute is null ? setting.AbsentIsOff : AnyInstance(instance, resource, attribute.Value, v => v.AsBool() == false))
                reporter.Report(Rule, resource.Document, SpanOf(resource, attribute),
                    Rule.FormatMessage(resource.Address, attribute is null ? $"has no `{setting.Attribute}`" : $"sets `{setting.Attribute}` to false"));

            if (resource.Type == "google_sql_database_instance" &&
                resource.Body.Block("settings")?.Body.Attribute("deletion_protection_enabled") is { } apiLevel &&
                AnyInstance(instance, resource, apiLevel.Value, v => v.AsBool() == false))
                reporter.Report(Rule, resource.Document, apiLevel.Span,
                    Rule.FormatMessage(resource.Address, "sets `settings.deletion_protection_enabled` to false"));
        }
    }
}

/// <summary>FB1102: <c>skip_final_snapshot = true</c>.</summary>
public sealed class SkipFinalSnapshotRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.SkipFinalSnapshot;
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster", "aws_redshift_cluster",
    };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        foreach (var resource in instance.Resources)
        {
            if (resource.IsData || !Types.Contains(resource.Type)) continue;
            // A read replica's final snapshot would hold nothing its source does not: terraform-aws-modules skips it.
            if (IsDependentDbInstance(instance, resource)) continue;
            if (resource.Body.Attribute("skip_final_snapshot") is { } attribute && AnyInstance(instance, resource, attribute.Value, v => v.AsBool() == true))
                reporter.Report(Rule, resource.Document, attribute.Span, Rule.FormatMessage(resource.Address));
        }
    }
}

/// <summary>FB1103: <c>force_destroy = true</c> on a bucket.</summary>
public sealed class BucketForceDestroyRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.BucketForceDestroy;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        foreach (var resource in instance.Resources)
        {
            if (resource.IsData || resource.Type is not ("aws_s3_bucket" or "google_storage_bucket")) continue;
            if (resource.Body.Attribute("force_destroy") is { } attribute && AnyInstance(instance, resource, attribute.Value, v => v.AsBool() == true))
                reporter.Report(Rule, resource.Document, attribute.Span, Rule.FormatMessage(resource.Address));
        }
    }
}

/// <summary>FB1104: stateful resources of a production-looking module without <c>lifecycle { prevent_destroy = true }</c>.</summary>
public sealed class ProductionResourceWithoutPreventDestroyRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.ProductionResourceWithoutPreventDestroy;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        // A plan's planned values carry no lifecycle settings, so absence there says nothing.
        if (!instance.LooksLikeProduction || instance.Module.IsPlan) return;
        foreach (var resource in instance.Resources)
        {
            if (resource.IsData || !StatefulResources.IsStateful(resource.Type)) continue;
            if (resource.Type == "aws_db_instance" && IsSet(instance, resource, "cluster_identifier")) continue;
            var attribute = resource.PreventDestroy;
            var value = attribute is null ? TerraformValue.False : instance.Evaluator.Evaluate(attribute.Value);
            if (value.AsBool() == false)
                reporter.Report(Rule, resource.Document, SpanOf(resource, attribute), Rule.FormatMessage(resource.Address, instance.Name));
        }
    }
}

/// <summary>FB1105: Azure database servers with no <c>CanNotDelete</c> management lock on them or their resource group.</summary>
public sealed class AzureDatabaseWithoutDeleteLockRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.AzureDatabaseWithoutDeleteLock;
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "azurerm_mssql_server", "azurerm_sql_server", "azurerm_postgresql_server", "azurerm_postgresql_flexible_server",
        "azurerm_mysql_server", "azurerm_mysql_flexible_server", "azurerm_mariadb_server", "azurerm_cosmosdb_account",
        "azurerm_mssql_managed_instance",
    };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        var servers = instance.Resources.Where(r => !r.IsData && Types.Contains(r.Type)).ToList();
        if (servers.Count == 0) return;
        var lockedScopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lockResource in instance.ManagedResources("azurerm_management_lock"))
        {
            var level = instance.Evaluator.Evaluate(lockResource.Body, "lock_level", TerraformValue.Unknown).AsString();
            if (level is not null && level != "CanNotDelete" && level != "ReadOnly") continue;
            var scope = lockResource.Body.Attribute("scope")?.Value;
            // A lock on the subscription holds every resource group and server in it.
            if (scope?.AsTraversal() is { Count: >= 3 } steps && steps[0].Name == "data" && steps[1].Name == "azurerm_subscription") return;
            var reference = ResourceReference(scope, instance.Module);
            var evaluated = scope is null ? TerraformValue.Unknown : instance.Evaluator.Evaluate(scope);
            var known = evaluated.AsString();
            if ((known ?? evaluated.KnownPrefix).Trim('/').Split('/') is { Length: 2 } parts && parts[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase) &&
                (known is not null || evaluated.KnownSuffix.Trim('/').Length == 0))
                return;
            if (reference is null && known is null) return; // a lock we cannot place: stay quiet
            if (reference is not null) lockedScopes.Add(reference);
            if (known is not null) lockedScopes.Add("id:" + known.ToLowerInvariant());
        }
        foreach (var server in servers)
        {
            if (lockedScopes.Contains(server.Address)) continue;
            var group = server.Body.Attribute("resource_group_name")?.Value;
            var groupReference = ResourceReference(group, instance.Module);
            if (groupReference is not null && lockedScopes.Contains(groupReference)) continue;
            var groupName = group is null ? null : instance.Evaluator.Evaluate(group).AsString();
            if (groupName is not null && lockedScopes.Any(s => s.StartsWith("id:", StringComparison.Ordinal) && s.EndsWith("/resourcegroups/" + groupName.ToLowerInvariant(), StringComparison.Ordinal))) continue;
            reporter.Report(Rule, server.Document, server.HeaderSpan, Rule.FormatMessage(server.Address));
        }
    }
}

/// <summary>Resource types whose deletion loses data.</summary>
internal static class StatefulResources
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "aws_db_instance", "aws_rds_cluster", "aws_dynamodb_table", "aws_s3_bucket", "aws_ebs_volume", "aws_efs_file_system",
        "aws_backup_vault", "aws_kms_key", "aws_docdb_cluster", "aws_neptune_cluster", "aws_redshift_cluster",
        "aws_elasticache_replication_group", "aws_opensearch_domain", "aws_elasticsearch_domain", "aws_fsx_lustre_file_system",
        "aws_fsx_windows_file_system", "aws_fsx_ontap_file_system", "aws_db_snapshot", "aws_ebs_snapshot", "aws_memorydb_cluster",
        "google_sql_database_instance", "google_sql_database", "google_spanner_instance", "google_spanner_database", "google_storage_bucket",
        "google_compute_disk", "google_compute_region_disk", "google_bigtable_instance", "google_bigquery_dataset", "google_bigquery_table",
        "google_firestore_database", "google_alloydb_cluster", "google_filestore_instance", "google_kms_crypto_key", "google_redis_instance",
        "azurerm_mssql_server", "azurerm_mssql_database", "azurerm_postgresql_server", "azurerm_postgresql_flexible_server",
        "azurerm_mysql_server", "azurerm_mysql_flexible_server", "azurerm_cosmosdb_account", "azurerm_storage_account",
        "azurerm_managed_disk", "azurerm_recovery_services_vault", "azurerm_data_protection_backup_vault", "azurerm_key_vault",
        "azurerm_redis_cache", "azurerm_mariadb_server",
    };

    public static bool IsStateful(string type) => Types.Contains(type);

    /// <summary>For plan JSON, where types of other providers appear too: the list, then name patterns.</summary>
    public static bool LooksStateful(string type)
    {
        if (Types.Contains(type)) return true;
        string t = type.ToLowerInvariant();
        return new[] { "database", "db_instance", "db_cluster", "rds_cluster", "bucket", "volume", "disk", "backup_vault", "recovery_point", "kms_key", "kms_crypto_key", "key_vault", "file_system", "dynamodb_table", "snapshot" }
            .Any(p => t.Contains(p)) && !t.EndsWith("_policy", StringComparison.Ordinal) && !t.EndsWith("_attachment", StringComparison.Ordinal)
            && !t.Contains("_iam_") && !t.EndsWith("_notification", StringComparison.Ordinal) && !t.Contains("bucket_object") && !t.EndsWith("_configuration", StringComparison.Ordinal)
            && !t.EndsWith("_acl", StringComparison.Ordinal) && !t.Contains("public_access_block") && !t.EndsWith("_ownership_controls", StringComparison.Ordinal)
            && !t.EndsWith("_parameter_group", StringComparison.Ordinal) && !t.EndsWith("_subnet_group", StringComparison.Ordinal) && !t.EndsWith("_alias", StringComparison.Ordinal)
            && !NotStatefulSuffixes.Any(s => t.EndsWith(s, StringComparison.Ordinal));
    }

    // Resources named after a stateful one that hold no data of their own: an Aurora/DocumentDB member instance (the
    // cluster volume keeps the data), endpoints, associations, a disk attachment, bucket settings.
    private static readonly string[] NotStatefulSuffixes =
    {
        "_cluster_instance", "_endpoint", "_association", "_attached_disk", "_versioning", "_logging", "_metric", "_inventory",
        "_firewall_rule", "_network_rule", "_member", "_binding",
    };
}
