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
        ["google_bigquery_table"] = ("deletion_protection", false),
    };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    private const string TerraformDestroyDeletes = "one `terraform destroy` or an accidental replacement deletes the database with no safety catch";

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
            var apiLevel = resource.Type == "google_sql_database_instance" ? resource.Body.Block("settings")?.Body.Attribute("deletion_protection_enabled") : null;
            // Cloud SQL's API-level protection (settings.deletion_protection_enabled = true) makes the delete fail
            // whatever Terraform's own flag says: `deletion_protection = false` alone does not let a destroy through.
            bool apiProtected = apiLevel is not null && instance.Evaluator.EvaluateEach(resource, apiLevel.Value).All(v => v.AsBool() == true);
            if (!apiProtected && (attribute is null ? setting.AbsentIsOff : AnyInstance(instance, resource, attribute.Value, v => v.AsBool() == false)))
                reporter.Report(Rule, resource.Document, SpanOf(resource, attribute),
                    Rule.FormatMessage(resource.Address, attribute is null ? $"has no `{setting.Attribute}`" : $"sets `{setting.Attribute}` to false", TerraformDestroyDeletes), attribute, resource);

            if (apiLevel is not null && AnyInstance(instance, resource, apiLevel.Value, v => v.AsBool() == false))
            {
                // Terraform's deletion_protection defaults to true: with it on, only clients outside Terraform can delete.
                bool terraformProtected = attribute is null || instance.Evaluator.EvaluateEach(resource, attribute.Value).All(v => v.AsBool() == true);
                reporter.Report(Rule, resource.Document, apiLevel.Span,
                    Rule.FormatMessage(resource.Address, "sets `settings.deletion_protection_enabled` to false",
                        terraformProtected
                            ? "the Cloud SQL API no longer refuses the delete, so `gcloud sql instances delete`, the console or any client with the permission deletes the instance and its backups (Terraform's own `deletion_protection`, on here, still stops `terraform destroy`)"
                            : TerraformDestroyDeletes), apiLevel, resource);
            }
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
                reporter.Report(Rule, resource.Document, attribute.Span, Rule.FormatMessage(resource.Address), attribute, resource);
        }
    }
}

/// <summary>FB1103: a store that Terraform may destroy non-empty (<c>force_destroy</c>, <c>delete_contents_on_destroy</c>).</summary>
public sealed class BucketForceDestroyRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.BucketForceDestroy;

    // type → (attribute, what it holds)
    private static readonly Dictionary<string, (string Attribute, string Contents)> Settings = new(StringComparer.Ordinal)
    {
        ["aws_s3_bucket"] = ("force_destroy", "every object (and version)"),
        ["google_storage_bucket"] = ("force_destroy", "every object (and version)"),
        ["google_bigquery_dataset"] = ("delete_contents_on_destroy", "every table and its rows"),
        ["google_vertex_ai_featurestore"] = ("force_destroy", "every entity type and feature value"),
    };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        foreach (var resource in instance.Resources)
        {
            if (resource.IsData || !Settings.TryGetValue(resource.Type, out var setting)) continue;
            if (resource.Body.Attribute(setting.Attribute) is { } attribute && AnyInstance(instance, resource, attribute.Value, v => v.AsBool() == true))
                reporter.Report(Rule, resource.Document, attribute.Span, Rule.FormatMessage(resource.Address, setting.Attribute, setting.Contents), attribute, resource);
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
            // AWS refuses to delete a vault that holds recovery points, and a vault lock stops them being deleted
            // first: a locked vault is already what prevent_destroy would add.
            if (resource.Type == "aws_backup_vault" && IsLocked(instance, resource)) continue;
            var attribute = resource.PreventDestroy;
            var value = attribute is null ? TerraformValue.False : instance.Evaluator.Evaluate(attribute.Value);
            if (value.AsBool() == false)
                reporter.Report(Rule, resource.Document, SpanOf(resource, attribute), Rule.FormatMessage(resource.Address, instance.Name.Length == 0 ? "the root module" : $"`{instance.Name}`"));
        }
    }

    private static bool IsLocked(TerraformModuleInstance instance, TerraformResource vault) =>
        instance.ManagedResources("aws_backup_vault_lock_configuration").Any(l =>
            ResourceReference(l.Body.Attribute("backup_vault_name")?.Value, instance.Module) == vault.Address ||
            instance.Evaluator.Evaluate(l.Body, "backup_vault_name", TerraformValue.Unknown).AsString() is { } name &&
            name == instance.Evaluator.Evaluate(vault.Body, "name", TerraformValue.Unknown).AsString());
}

/// <summary>
/// FB1105: Azure database servers with no <c>CanNotDelete</c>/<c>ReadOnly</c> management lock on them, their resource
/// group or the subscription, looked for in every module of the scan (locks usually sit with whoever owns the group
/// or subscription, not beside the server).
/// </summary>
public sealed class AzureDatabaseWithoutDeleteLockRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.AzureDatabaseWithoutDeleteLock;
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "azurerm_mssql_server", "azurerm_sql_server", "azurerm_postgresql_server", "azurerm_postgresql_flexible_server",
        "azurerm_mysql_server", "azurerm_mysql_flexible_server", "azurerm_mariadb_server", "azurerm_cosmosdb_account",
        "azurerm_mssql_managed_instance",
    };

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TerraformProject, Locks> s_locks = new();

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    /// <summary>What the locks of one component hold.</summary>
    private sealed class Locks
    {
        public bool Subscription;
        /// <summary>Per instance: locks whose scope we cannot place (the instance stays quiet) and locked resource addresses.</summary>
        public readonly Dictionary<TerraformModuleInstance, HashSet<string>> Addresses = new();
        public readonly HashSet<TerraformModuleInstance> Unplaceable = new();
        /// <summary>Known scope IDs (lower case) and locked resource group names (lower case).</summary>
        public readonly HashSet<string> Ids = new(StringComparer.Ordinal);
        public readonly HashSet<string> GroupNames = new(StringComparer.Ordinal);
    }

    private static Locks Collect(TerraformProject project)
    {
        var locks = new Locks();
        foreach (var instance in project.Instances)
            foreach (var lockResource in instance.ManagedResources("azurerm_management_lock"))
            {
                var level = instance.Evaluator.Evaluate(lockResource.Body, "lock_level", TerraformValue.Unknown).AsString();
                if (level is not null && level != "CanNotDelete" && level != "ReadOnly") continue;
                var scope = lockResource.Body.Attribute("scope")?.Value;
                // A lock on the subscription holds every resource group and server in it.
                if (scope?.AsTraversal() is { Count: >= 3 } steps && steps[0].Name == "data" && steps[1].Name == "azurerm_subscription") { locks.Subscription = true; continue; }
                var reference = ResourceReference(scope, instance.Module);
                var evaluated = scope is null ? TerraformValue.Unknown : instance.Evaluator.Evaluate(scope);
                var known = evaluated.AsString();
                var parts = (known ?? evaluated.KnownPrefix).Trim('/').Split('/');
                if (parts is { Length: 2 } && parts[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase) &&
                    (known is not null || evaluated.KnownSuffix.Trim('/').Length == 0))
                {
                    locks.Subscription = true;
                    continue;
                }
                if (reference is null && known is null) { locks.Unplaceable.Add(instance); continue; } // a lock we cannot place: stay quiet
                if (reference is not null)
                {
                    if (!locks.Addresses.TryGetValue(instance, out var addresses)) locks.Addresses[instance] = addresses = new HashSet<string>(StringComparer.Ordinal);
                    addresses.Add(reference);
                    if (instance.Module.FindManaged("azurerm_resource_group", reference.Split('.').Last()) is { Type: "azurerm_resource_group" } group &&
                        reference == group.Address &&
                        instance.Evaluator.Evaluate(group.Body, "name", TerraformValue.Unknown).AsString() is { } groupName)
                        locks.GroupNames.Add(groupName.ToLowerInvariant());
                }
                if (known is not null)
                {
                    locks.Ids.Add(known.ToLowerInvariant());
                    if (parts is { Length: 4 } && parts[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)) locks.GroupNames.Add(parts[3].ToLowerInvariant());
                }
            }
        return locks;
    }

    /// <summary>The component's locks on subscriptions and resource groups count for servers anywhere in the scan.</summary>
    internal override void Begin(TerraformProject component, Reporter reporter)
    {
        var locks = s_locks.GetValue(component, Collect);
        reporter.Facts.SubscriptionLocked |= locks.Subscription;
        reporter.Facts.LockedGroupNames.UnionWith(locks.GroupNames);
    }

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        var servers = instance.Resources.Where(r => !r.IsData && Types.Contains(r.Type)).ToList();
        if (servers.Count == 0 || reporter.Project is not { } project) return;
        if (IsSampleOrNonProduction(instance)) return;
        var locks = s_locks.GetValue(project, Collect);
        if (locks.Subscription || locks.Unplaceable.Contains(instance)) return;
        locks.Addresses.TryGetValue(instance, out var lockedHere);
        foreach (var server in servers)
        {
            if (lockedHere?.Contains(server.Address) == true) continue;
            var group = server.Body.Attribute("resource_group_name")?.Value;
            var groupReference = ResourceReference(group, instance.Module);
            if (groupReference is not null && lockedHere?.Contains(groupReference) == true) continue;
            var groupName = group is null ? null : instance.Evaluator.Evaluate(group).AsString()?.ToLowerInvariant();
            if (groupName is not null && locks.GroupNames.Contains(groupName)) continue;
            // A lock in another stack of the scan (on the subscription, or on this group by name) may still hold it.
            reporter.ReportUnless(Rule, server.Document, server.HeaderSpan, Rule.FormatMessage(server.Address),
                facts => !facts.SubscriptionLocked && (groupName is null || !facts.LockedGroupNames.Contains(groupName)));
        }
    }

    /// <summary>A sample or non-production module (see <see cref="EnvironmentClassifier.IsSampleOrNonProduction"/>), unless its variables say production.</summary>
    private static bool IsSampleOrNonProduction(TerraformModuleInstance instance) =>
        !instance.LooksLikeProduction && EnvironmentClassifier.IsSampleOrNonProduction(instance.Name);
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
