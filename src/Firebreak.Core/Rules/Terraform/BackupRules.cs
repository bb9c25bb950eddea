using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Languages.Hcl;
using Firebreak.Core.Languages.Json;
using Firebreak.Core.Platforms.Terraform;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Terraform;

/// <summary>FB3001: RDS automated backups deleted with the instance, and no independent copy in the module.</summary>
public sealed class AutomatedBackupsDeletedWithInstanceRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.AutomatedBackupsDeletedWithInstance;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        var module = instance.Module;
        // Any independent copy mechanism in the module (linked or not) keeps this quiet: we do not guess what it covers.
        if (instance.ManagedResources("aws_db_instance_automated_backups_replication").Any() || instance.ManagedResources("aws_backup_selection").Any()) return;
        foreach (var resource in instance.ManagedResources("aws_db_instance"))
        {
            if (IsDependentDbInstance(instance, resource)) continue;
            if (instance.Evaluator.Evaluate(resource.Body, "backup_retention_period", TerraformValue.Unknown).AsNumber() == 0) continue; // FB3004
            var attribute = resource.Body.Attribute("delete_automated_backups");
            if (attribute is null || AnyInstance(instance, resource, attribute.Value, v => v.AsBool() == true))
                reporter.Report(Rule, resource.Document, SpanOf(resource, attribute), Rule.FormatMessage(resource.Address, attribute is null ? "no `delete_automated_backups = false`" : "`delete_automated_backups = true`"), attribute, resource);
        }
    }
}

/// <summary>
/// FB3009 for Terraform: an RDS instance none of whose described backups survives its deletion. The copies the module
/// describes are its automated backups (an explicit <c>backup_retention_period</c> above zero), deleted with it unless
/// <c>delete_automated_backups = false</c>, and the <c>aws_db_snapshot</c>s of it that the same configuration manages, which
/// the same <c>terraform destroy</c> deletes. A final snapshot (<c>skip_final_snapshot</c> not true), cross-region
/// replication or an AWS Backup selection in the module is a copy that survives: quiet, as is a module that describes none.
/// </summary>
public sealed class EveryBackupDiesWithInstanceRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.EveryBackupDiesWithDataStore;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        if (instance.ManagedResources("aws_db_instance_automated_backups_replication").Any() || instance.ManagedResources("aws_backup_selection").Any()) return;
        foreach (var resource in instance.ManagedResources("aws_db_instance"))
        {
            if (IsDependentDbInstance(instance, resource)) continue;
            // A final snapshot outlives the instance, unless it is skipped in every instance of the resource.
            if (resource.Body.Attribute("skip_final_snapshot") is not { } skip || !AllInstances(instance, resource, skip.Value, v => v.AsBool() == true)) continue;
            var copies = new List<RelatedLocation>();
            var names = new List<string>();
            if (resource.Body.Attribute("backup_retention_period") is { } retention && instance.Evaluator.Evaluate(retention.Value).AsNumber() is > 0 and var days)
            {
                var keep = resource.Body.Attribute("delete_automated_backups");
                if (keep is not null && !AnyInstance(instance, resource, keep.Value, v => v.AsBool() == true)) continue; // kept after the delete: a survivor
                copies.Add(new RelatedLocation(SourceLocation.Create(resource.Document.Text, retention.Span),
                    $"automated backups ({days} day{(days == 1 ? string.Empty : "s")}) are deleted with the instance: {(keep is null ? "no `delete_automated_backups = false`" : "`delete_automated_backups = true`")}"));
                names.Add("its automated backups");
            }
            foreach (var snapshot in instance.ManagedResources("aws_db_snapshot"))
            {
                if (ResourceReference(snapshot.Body.Attribute("db_instance_identifier")?.Value, instance.Module) != resource.Address) continue;
                copies.Add(new RelatedLocation(SourceLocation.Create(snapshot.Document.Text, snapshot.HeaderSpan),
                    $"`{snapshot.Address}` is a snapshot this configuration manages: the `terraform destroy` that deletes the instance deletes it too"));
                names.Add($"`{snapshot.Address}`");
            }
            if (copies.Count == 0) continue; // no backup described: the platform's default, which the module does not show
            string which = copies.Count > 1 ? $"all {copies.Count} of its backups ({string.Join(", ", names)}) go"
                : names[0] == "its automated backups" ? "the only backups it has, its automated backups, go" : $"its only backup, {names[0]}, goes";
            reporter.Report(Rule, resource.Document, resource.HeaderSpan,
                $"Data store `{resource.Address}` (RDS instance) has no copy that survives its deletion: `skip_final_snapshot = true` leaves no final snapshot, and {which} with it, so deleting it leaves nothing to restore from. Keep a final snapshot (`skip_final_snapshot = false`), set `delete_automated_backups = false`, or copy backups to another region or account (`aws_db_instance_automated_backups_replication`, an AWS Backup plan with a `copy_action`).",
                related: copies);
        }
    }
}

/// <summary>FB3002: AWS Backup plan rules without a <c>copy_action</c>: recovery points live only in the source vault.</summary>
public sealed class BackupPlanWithoutCopyActionRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.BackupPlanWithoutCopyAction;

    /// <summary>
    /// The destination is a vault of this module created through the plan's own provider configuration (or one with the
    /// same known region): same account, same region, so one account compromise or region loss takes both copies.
    /// </summary>
    private static bool SameRegionVault(HclExpression destination, TerraformResource plan, TerraformModuleInstance instance)
    {
        var steps = destination.AsTraversal();
        if (steps is not { Count: >= 2 } || steps[0].Name != "aws_backup_vault" || instance.Module.FindManaged("aws_backup_vault", steps[1].Name) is not { } vault) return false;
        string planProvider = ProviderReference(plan), vaultProvider = ProviderReference(vault);
        if (planProvider == vaultProvider) return true;
        var a = Region(instance, planProvider);
        return a is not null && a == Region(instance, vaultProvider);
    }

    /// <summary>The vault a name or ARN designates: the <c>aws_backup_vault</c> it refers to, else its known name.</summary>
    private static string? VaultIdentity(HclExpression? expression, TerraformModuleInstance instance)
    {
        var steps = expression?.AsTraversal();
        if (steps is { Count: >= 2 } && steps[0].Name == "aws_backup_vault") return "resource:aws_backup_vault." + steps[1].Name;
        var known = expression is null ? null : instance.Evaluator.Evaluate(expression).AsString();
        if (known is null) return null;
        // arn:aws:backup:<region>:<account>:backup-vault:<name> names another region or account: not the same vault.
        return known.StartsWith("arn:", StringComparison.Ordinal) ? "arn:" + known : "name:" + known;
    }

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        foreach (var plan in instance.ManagedResources("aws_backup_plan"))
        {
            foreach (var rule in plan.Body.Blocks("rule"))
            {
                // A dynamic "copy_action" may add one: unknown, stay quiet.
                if (rule.Body.Blocks("dynamic").Any(d => d.Label(0) == "copy_action")) continue;
                var name = instance.Evaluator.Evaluate(rule.Body, "rule_name", TerraformValue.Unknown).AsString() ?? "a rule";
                var copies = rule.Body.Blocks("copy_action").ToList();
                if (copies.Count == 0)
                {
                    reporter.Report(Rule, plan.Document, rule.TypeSpan, Rule.FormatMessage(plan.Address, name));
                    continue;
                }
                // A copy into the vault the rule already writes to is no second copy.
                var source = VaultIdentity(rule.Body.Attribute("target_vault_name")?.Value, instance);
                var destinations = copies.Select(c => c.Body.Attribute("destination_vault_arn")).ToList();
                if (source is not null && destinations.All(d => d is not null && (VaultIdentity(d.Value, instance) == source || SameRegionVault(d.Value, plan, instance))))
                    reporter.Report(Rule, plan.Document, destinations[0]!.Span, Rule.FormatMessage(plan.Address, name));
            }
        }
    }
}

/// <summary>FB3003: an AWS Backup vault with no vault lock: whoever can delete recovery points can delete them all.</summary>
public sealed class BackupVaultWithoutLockRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.BackupVaultWithoutLock;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        var locked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vaultLock in instance.ManagedResources("aws_backup_vault_lock_configuration"))
        {
            var name = vaultLock.Body.Attribute("backup_vault_name")?.Value;
            var reference = ResourceReference(name, instance.Module);
            var known = name is null ? null : instance.Evaluator.Evaluate(name).AsString();
            if (reference is null && known is null) return;
            if (reference is not null) locked.Add(reference);
            if (known is not null) locked.Add("name:" + known);
        }
        foreach (var vault in instance.ManagedResources("aws_backup_vault"))
        {
            if (locked.Contains(vault.Address)) continue;
            var name = instance.Evaluator.Evaluate(vault.Body, "name", TerraformValue.Unknown).AsString();
            if (name is not null && locked.Contains("name:" + name)) continue;
            reporter.Report(Rule, vault.Document, vault.HeaderSpan, Rule.FormatMessage(vault.Address));
        }
    }
}

/// <summary>FB3004: backups turned off: RDS retention 0, Cloud SQL <c>backup_configuration.enabled = false</c>.</summary>
public sealed class BackupsDisabledRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.BackupsDisabled;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        foreach (var resource in instance.Resources)
        {
            if (resource.IsData) continue;
            if (resource.Type is "aws_db_instance" or "aws_rds_cluster")
            {
                if (IsDependentDbInstance(instance, resource)) continue;
                if (resource.Body.Attribute("backup_retention_period") is { } retention && AnyInstance(instance, resource, retention.Value, v => v.AsNumber() == 0))
                    reporter.Report(Rule, resource.Document, retention.Span, Rule.FormatMessage(resource.Address, "`backup_retention_period = 0` turns automated backups off"), retention, resource);
            }
            else if (resource.Type == "google_sql_database_instance")
            {
                if (IsSet(instance, resource, "master_instance_name")) continue;
                if (resource.Body.Block("settings")?.Body.Block("backup_configuration")?.Body.Attribute("enabled") is { } enabled &&
                    AnyInstance(instance, resource, enabled.Value, v => v.AsBool() == false))
                    reporter.Report(Rule, resource.Document, enabled.Span, Rule.FormatMessage(resource.Address, "`backup_configuration.enabled = false` turns automated backups off"), enabled, resource);
            }
        }
    }
}

/// <summary>FB3005: DynamoDB tables without point-in-time recovery.</summary>
public sealed class DynamoDbWithoutPointInTimeRecoveryRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.DynamoDbWithoutPointInTimeRecovery;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        foreach (var table in instance.ManagedResources("aws_dynamodb_table"))
        {
            var pitr = table.Body.Block("point_in_time_recovery");
            if (pitr is null)
            {
                if (table.Body.Blocks("dynamic").Any(d => d.Label(0) == "point_in_time_recovery")) continue;
                reporter.Report(Rule, table.Document, table.HeaderSpan, Rule.FormatMessage(table.Address, "has no `point_in_time_recovery` block"));
                continue;
            }
            var enabled = pitr.Body.Attribute("enabled");
            if (enabled is null || AnyInstance(instance, table, enabled.Value, v => v.AsBool() == false))
                reporter.Report(Rule, table.Document, enabled?.Span ?? pitr.TypeSpan, Rule.FormatMessage(table.Address, "does not enable point-in-time recovery"), enabled, table);
        }
    }
}

/// <summary>
/// FB3008: a Cloud SQL primary whose backups are deleted with it. Cloud SQL keeps backups inside the instance resource:
/// unless <c>settings.retain_backups_on_delete</c> or a final backup is configured, one delete loses the data and every
/// backup (https://cloud.google.com/sql/docs/mysql/backup-recovery/backups#retained-backups).
/// </summary>
public sealed class CloudSqlBackupsDeletedWithInstanceRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.CloudSqlBackupsDeletedWithInstance;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        // Backup and DR keeps its copies in a separate vault: we do not guess which instances it covers. An association
        // made elsewhere and read here through a data source (google_backup_dr_backup_plan_association, _backup,
        // _data_source) says the same.
        if (instance.Resources.Any(r => r.Type is "google_backup_dr_backup_plan_association" || r.IsData && r.Type.StartsWith("google_backup_dr_", StringComparison.Ordinal))) return;
        foreach (var resource in instance.ManagedResources("google_sql_database_instance"))
        {
            if (IsSet(instance, resource, "master_instance_name")) continue;
            if (resource.Body.Block("settings") is not { } settings) continue;
            if (settings.Body.Blocks("dynamic").Any(d => d.Label(0) is "backup_configuration" or "final_backup_config")) continue;
            // No backups (or known off, FB3004): nothing is lost with the instance that was not already missing.
            if (settings.Body.Block("backup_configuration") is not { } backups) continue;
            if (instance.Evaluator.Evaluate(backups.Body, "enabled", TerraformValue.False).AsBool() != true) continue;

            var retain = settings.Body.Attribute("retain_backups_on_delete");
            var retainValue = retain is null ? TerraformValue.False : instance.Evaluator.Evaluate(retain.Value);
            if (retainValue.AsBool() != false) continue;
            var finalBackup = settings.Body.Block("final_backup_config") ?? resource.Body.Block("final_backup_config");
            if (finalBackup is not null && instance.Evaluator.Evaluate(finalBackup.Body, "enabled", TerraformValue.False).AsBool() != false) continue;

            var span = retain?.Span ?? backups.TypeSpan;
            reporter.Report(Rule, resource.Document, span, Rule.FormatMessage(resource.Address,
                retain is null ? "keeps its backups only while it exists" : "sets `retain_backups_on_delete` to false"), retain, resource);
        }
    }
}

/// <summary>FB1100: a plan (<c>terraform show -json</c>) that deletes or replaces a stateful resource.</summary>
public sealed class PlanDeletesStatefulResourceRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.PlanDeletesStatefulResource;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) => kind == FileKind.TerraformPlanJson;

    public override bool MightMatch(string text) => text.IndexOf("\"delete\"", StringComparison.Ordinal) >= 0;

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        var json = document.Json;
        if (json.Root is not JsonObject root || root.Get("resource_changes") is not JsonArray changes) return;
        foreach (var change in changes.Items.OfType<JsonObject>())
        {
            if (change.Get("type") is not JsonString type || !StatefulResources.LooksStateful(type.Value)) continue;
            if (change.Get("mode") is JsonString { Value: "data" }) continue;
            if (change.Get("change") is not JsonObject body || body.Get("actions") is not JsonArray actions) continue;
            var names = actions.Items.OfType<JsonString>().Select(a => a.Value).ToArray();
            if (!names.Contains("delete")) continue;
            var address = change.Members.FirstOrDefault(m => m.Name == "address");
            var span = address?.Value.Span ?? change.Span;
            string what = names.Contains("create") ? "replaces (deletes, then creates again)" : "deletes";
            sink.Report(Descriptor, document, span, Descriptor.FormatMessage((address?.Value as JsonString)?.Value ?? type.Value, what));
        }
    }
}
