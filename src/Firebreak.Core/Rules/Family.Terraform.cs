using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules.Terraform;

namespace Firebreak.Core.Rules;

// Terraform (FB1100-FB1105, FB2101-FB2105, FB3001-FB3008).

public static partial class RuleIds
{
    public const string PlanDeletesStatefulResource = "FB1100";
    public const string DatabaseDeletionProtectionOff = "FB1101";
    public const string SkipFinalSnapshot = "FB1102";
    public const string BucketForceDestroy = "FB1103";
    public const string ProductionResourceWithoutPreventDestroy = "FB1104";
    public const string AzureDatabaseWithoutDeleteLock = "FB1105";
    public const string IamPolicyWildcard = "FB2101";
    public const string AdministratorAccessAttached = "FB2102";
    public const string GoogleBasicRoleGranted = "FB2103";
    public const string AzureSubscriptionRoleAssignment = "FB2104";
    public const string AutomatedBackupsDeletedWithInstance = "FB3001";
    public const string BackupPlanWithoutCopyAction = "FB3002";
    public const string BackupVaultWithoutLock = "FB3003";
    public const string BackupsDisabled = "FB3004";
    public const string DynamoDbWithoutPointInTimeRecovery = "FB3005";
    public const string CiOidcTrustUnscoped = "FB2105";
    public const string S3ReplicationColocated = "FB3006";
    public const string AzureBackupVaultColocated = "FB3007";
    public const string CloudSqlBackupsDeletedWithInstance = "FB3008";
}

public static partial class RuleCatalog
{
    public static readonly RuleDescriptor PlanDeletesStatefulResource = new(
        RuleIds.PlanDeletesStatefulResource,
        "PlanDeletesStatefulResource",
        RuleFamily.DestructiveOperation,
        @"Terraform plan deletes a stateful resource",
        @"The plan {1} `{0}`: applying it destroys the data it holds; review the change, or add `prevent_destroy` and move the resource instead",
        @"A `terraform show -json` plan whose resource_changes delete or replace (delete, then create) a database, volume, bucket, backup vault, recovery point or KMS key. Applying it destroys the data; caught here, it is a review comment instead of an incident.",
        FindingLevel.Error,
        9.0,
        RulePrecision.High,
        "terraform");

    public static readonly RuleDescriptor DatabaseDeletionProtectionOff = new(
        RuleIds.DatabaseDeletionProtectionOff,
        "DatabaseDeletionProtectionOff",
        RuleFamily.DestructiveOperation,
        @"Database deletion protection is off",
        @"`{0}` {1}: {2}; set deletion protection on",
        @"Deletion protection off or absent on RDS instances and clusters, DocumentDB/Neptune clusters and DynamoDB tables (`deletion_protection_enabled`), or explicitly false on Cloud SQL (`deletion_protection`, `settings.deletion_protection_enabled`), Spanner, Bigtable, AlloyDB and BigQuery tables.",
        FindingLevel.Warning,
        7.5,
        RulePrecision.High,
        "terraform");

    public static readonly RuleDescriptor SkipFinalSnapshot = new(
        RuleIds.SkipFinalSnapshot,
        "SkipFinalSnapshot",
        RuleFamily.DestructiveOperation,
        @"Database is deleted without a final snapshot",
        @"`{0}` sets `skip_final_snapshot = true`: deleting it keeps no final snapshot, so the last state of the data is lost; set it to false with a `final_snapshot_identifier`",
        @"`skip_final_snapshot = true` on RDS, DocumentDB, Neptune or Redshift: a destroy keeps no final snapshot.",
        FindingLevel.Warning,
        7.0,
        RulePrecision.VeryHigh,
        "terraform");

    public static readonly RuleDescriptor BucketForceDestroy = new(
        RuleIds.BucketForceDestroy,
        "BucketForceDestroy",
        RuleFamily.DestructiveOperation,
        @"Bucket or dataset can be destroyed with its contents",
        @"`{0}` sets `{1} = true`: destroying it deletes {2} in it instead of failing; remove it",
        @"`force_destroy = true` on `aws_s3_bucket`, `google_storage_bucket` or `google_vertex_ai_featurestore`, and `delete_contents_on_destroy = true` on `google_bigquery_dataset`, let Terraform delete a non-empty store with everything in it.",
        FindingLevel.Warning,
        7.0,
        RulePrecision.VeryHigh,
        "terraform");

    public static readonly RuleDescriptor ProductionResourceWithoutPreventDestroy = new(
        RuleIds.ProductionResourceWithoutPreventDestroy,
        "ProductionResourceWithoutPreventDestroy",
        RuleFamily.DestructiveOperation,
        @"Production stateful resource without prevent_destroy",
        @"`{0}` in a production module ({1}) has no `lifecycle {{ prevent_destroy = true }}`: one destroy or replacement deletes its data; add it",
        @"In a module whose path or call name says production (`prod`, `production`, `prd`), or whose `environment`/`env`/`stage` variable is known to be one of those, stateful resources (databases, buckets, volumes, vaults, keys) without `lifecycle { prevent_destroy = true }`.",
        FindingLevel.Warning,
        6.5,
        RulePrecision.Medium,
        "terraform");

    public static readonly RuleDescriptor AzureDatabaseWithoutDeleteLock = new(
        RuleIds.AzureDatabaseWithoutDeleteLock,
        "AzureDatabaseWithoutDeleteLock",
        RuleFamily.DestructiveOperation,
        @"Azure database server without a delete lock",
        @"`{0}` has no `azurerm_management_lock` (CanNotDelete) on it, its resource group or the subscription anywhere in the scan: one delete removes the server and its databases; add a lock",
        @"Azure SQL, PostgreSQL, MySQL, MariaDB servers and Cosmos DB accounts with no CanNotDelete/ReadOnly management lock targeting them, their resource group or the subscription in any module of the scan; in Bicep files and ARM templates, no `Microsoft.Authorization/locks` on them, or at resource-group or subscription scope, in any template of the scan.",
        FindingLevel.Warning,
        6.0,
        RulePrecision.Medium,
        "terraform");

    public static readonly RuleDescriptor IamPolicyWildcard = new(
        RuleIds.IamPolicyWildcard,
        "IamPolicyWildcard",
        RuleFamily.UnscopedCredential,
        @"IAM policy allows every action or writes to every resource",
        @"`{0}` {1}: whoever holds it can delete any database, bucket or backup in the account; list the actions and resources it needs",
        @"IAM policies (jsonencode, heredoc JSON, `aws_iam_policy_document`) with an Allow statement whose Action is `*`, or whose Resource is `*` for a write action.",
        FindingLevel.Error,
        8.5,
        RulePrecision.High,
        "terraform");

    public static readonly RuleDescriptor AdministratorAccessAttached = new(
        RuleIds.AdministratorAccessAttached,
        "AdministratorAccessAttached",
        RuleFamily.UnscopedCredential,
        @"AdministratorAccess is attached",
        @"`{0}` attaches `AdministratorAccess`: it can delete every resource and backup in the account; attach a policy scoped to the job",
        @"The AWS-managed AdministratorAccess policy attached to a role, user or group.",
        FindingLevel.Error,
        8.5,
        RulePrecision.VeryHigh,
        "terraform");

    public static readonly RuleDescriptor GoogleBasicRoleGranted = new(
        RuleIds.GoogleBasicRoleGranted,
        "GoogleBasicRoleGranted",
        RuleFamily.UnscopedCredential,
        @"Google Cloud basic role (owner/editor) granted",
        @"`{0}` grants `{1}`: the member can delete every database, bucket and backup in the project; grant predefined roles for the job",
        @"`roles/owner` or `roles/editor` granted through google_project/folder/organization IAM member or binding resources.",
        FindingLevel.Error,
        8.0,
        RulePrecision.VeryHigh,
        "terraform");

    public static readonly RuleDescriptor AzureSubscriptionRoleAssignment = new(
        RuleIds.AzureSubscriptionRoleAssignment,
        "AzureSubscriptionRoleAssignment",
        RuleFamily.UnscopedCredential,
        @"Azure Owner or Contributor at subscription scope",
        @"`{0}` assigns `{1}` on {2}: the principal can delete every resource group, database and vault in it; scope it to a resource group",
        @"`azurerm_role_assignment`, or a Bicep/ARM `Microsoft.Authorization/roleAssignments`, giving Owner, Contributor or User Access Administrator at subscription or management-group scope.",
        FindingLevel.Error,
        8.0,
        RulePrecision.High,
        "terraform");

    public static readonly RuleDescriptor AutomatedBackupsDeletedWithInstance = new(
        RuleIds.AutomatedBackupsDeletedWithInstance,
        "AutomatedBackupsDeletedWithInstance",
        RuleFamily.ColocatedBackup,
        @"Automated backups are deleted with the database",
        @"`{0}` has {1}: deleting the instance also deletes its automated backups, and nothing copies them elsewhere; set `delete_automated_backups = false` or replicate them",
        @"`aws_db_instance` whose automated backups are deleted with it (`delete_automated_backups` absent or true), in a module with no `aws_db_instance_automated_backups_replication` and no AWS Backup selection.",
        FindingLevel.Warning,
        7.0,
        RulePrecision.High,
        "terraform");

    public static readonly RuleDescriptor BackupPlanWithoutCopyAction = new(
        RuleIds.BackupPlanWithoutCopyAction,
        "BackupPlanWithoutCopyAction",
        RuleFamily.ColocatedBackup,
        @"Backup plan keeps recovery points in one vault only",
        @"`{0}` rule `{1}` has no `copy_action`: its recovery points live only in the source vault, region and account, and go with them; copy them to another region or account",
        @"An `aws_backup_plan` rule without a `copy_action` block, or whose copies go only to its own vault or to a vault of the same provider configuration (same account and region).",
        FindingLevel.Warning,
        6.0,
        RulePrecision.High,
        "terraform");

    public static readonly RuleDescriptor BackupVaultWithoutLock = new(
        RuleIds.BackupVaultWithoutLock,
        "BackupVaultWithoutLock",
        RuleFamily.ColocatedBackup,
        @"Backup vault has no vault lock",
        @"`{0}` has no `aws_backup_vault_lock_configuration`: any credential allowed to delete recovery points can empty it; add a vault lock",
        @"An `aws_backup_vault` without an `aws_backup_vault_lock_configuration` naming it; in Bicep and ARM templates, a Recovery Services or Data Protection backup vault whose immutability is written as disabled.",
        FindingLevel.Warning,
        6.0,
        RulePrecision.High,
        "terraform");

    public static readonly RuleDescriptor BackupsDisabled = new(
        RuleIds.BackupsDisabled,
        "BackupsDisabled",
        RuleFamily.ColocatedBackup,
        @"Automated backups are disabled",
        @"`{0}`: {1}; one bad delete or write cannot be undone; enable backups with a retention period",
        @"RDS `backup_retention_period = 0` or Cloud SQL `settings.backup_configuration.enabled = false`.",
        FindingLevel.Error,
        7.5,
        RulePrecision.VeryHigh,
        "terraform");

    public static readonly RuleDescriptor DynamoDbWithoutPointInTimeRecovery = new(
        RuleIds.DynamoDbWithoutPointInTimeRecovery,
        "DynamoDbWithoutPointInTimeRecovery",
        RuleFamily.ColocatedBackup,
        @"DynamoDB table without point-in-time recovery",
        @"`{0}` {1}: a bad write or a deleted table cannot be restored to a point in time; add `point_in_time_recovery {{ enabled = true }}`",
        @"`aws_dynamodb_table` without `point_in_time_recovery { enabled = true }`.",
        FindingLevel.Warning,
        6.0,
        RulePrecision.VeryHigh,
        "terraform");

    public static readonly RuleDescriptor CloudSqlBackupsDeletedWithInstance = new(
        RuleIds.CloudSqlBackupsDeletedWithInstance,
        "CloudSqlBackupsDeletedWithInstance",
        RuleFamily.ColocatedBackup,
        @"Cloud SQL backups are deleted with the instance",
        @"`{0}` {1}: deleting the instance deletes every automated and on-demand backup with it, so the backups cannot restore it; set `settings.retain_backups_on_delete = true` or a `final_backup_config`",
        @"A Cloud SQL primary (`google_sql_database_instance` without `master_instance_name`) whose backups do not outlive it: neither `settings.retain_backups_on_delete = true` nor `final_backup_config {{ enabled = true }}`, and no Backup and DR plan association in the module. `backup_retention_settings.retained_backups` only counts backups while the instance exists.",
        FindingLevel.Warning,
        6.5,
        RulePrecision.High,
        "terraform");

    public static readonly RuleDescriptor CiOidcTrustUnscoped = new(
        RuleIds.CiOidcTrustUnscoped,
        "CiOidcTrustUnscoped",
        RuleFamily.UnscopedCredential,
        @"CI OIDC trust policy accepts any repository",
        @"`{0}` {1}; restrict `sub` to your repository (and branch or environment)",
        @"An IAM role trust policy (assume_role_policy in jsonencode or heredoc JSON, or an `aws_iam_policy_document`) that trusts the GitHub Actions or GitLab OIDC provider without a condition on the token's `sub`, or with a `sub` pattern whose repository part is a wildcard. Anyone's workflow can then assume the role. Also a Google `google_iam_workload_identity_pool_provider` for GitHub or GitLab without an `attribute_condition` that compares the repository (or `sub`) for equality.",
        FindingLevel.Error,
        9.0,
        RulePrecision.High,
        "terraform");

    public static readonly RuleDescriptor S3ReplicationColocated = new(
        RuleIds.S3ReplicationColocated,
        "S3ReplicationColocated",
        RuleFamily.ColocatedBackup,
        @"S3 replication stays in the same bucket or region",
        @"`{0}` replicates {1}: a regional outage or one bucket deletion takes the copy with the original; replicate to another region (or account)",
        @"`aws_s3_bucket_replication_configuration` whose destination is the source bucket itself, or a bucket configured through the same provider (or a provider with the same region).",
        FindingLevel.Warning,
        5.5,
        RulePrecision.Medium,
        "terraform");

    public static readonly RuleDescriptor AzureBackupVaultColocated = new(
        RuleIds.AzureBackupVaultColocated,
        "AzureBackupVaultColocated",
        RuleFamily.ColocatedBackup,
        @"Azure backup vault shares the resource group of what it protects",
        @"`{0}` is in the same resource group as `{1}`, which it backs up: deleting the resource group deletes the data and its backups together; put the vault in its own resource group",
        @"A Recovery Services vault or Data Protection backup vault whose `resource_group_name` is the same as that of a VM, disk, storage account, server or cluster it protects (through azurerm_backup_protected_* or azurerm_data_protection_backup_instance_*); in Bicep and ARM templates, a protected item or backup instance whose vault and source are both deployed to the template's resource group.",
        FindingLevel.Warning,
        6.5,
        RulePrecision.High,
        "terraform");

    internal static IEnumerable<RuleDescriptor> TerraformRules() => new[]
    {
        PlanDeletesStatefulResource,
        DatabaseDeletionProtectionOff,
        SkipFinalSnapshot,
        BucketForceDestroy,
        ProductionResourceWithoutPreventDestroy,
        AzureDatabaseWithoutDeleteLock,
        IamPolicyWildcard,
        AdministratorAccessAttached,
        GoogleBasicRoleGranted,
        AzureSubscriptionRoleAssignment,
        AutomatedBackupsDeletedWithInstance,
        BackupPlanWithoutCopyAction,
        BackupVaultWithoutLock,
        BackupsDisabled,
        DynamoDbWithoutPointInTimeRecovery,
        CiOidcTrustUnscoped,
        S3ReplicationColocated,
        AzureBackupVaultColocated,
        CloudSqlBackupsDeletedWithInstance,
    };
}

public static partial class BuiltInRules
{
    internal static IEnumerable<Rule> TerraformFileRules() => new Rule[] { new PlanDeletesStatefulResourceRule() };

    internal static IEnumerable<ProjectRule> TerraformProjectRules() => new ProjectRule[] { new TerraformRules(TerraformModuleRules()) };

    /// <summary>Run together, one component of the scan's modules at a time (<see cref="TerraformRules"/>).</summary>
    internal static IEnumerable<TerraformModuleRule> TerraformModuleRules() => new TerraformModuleRule[]
    {
        new DatabaseDeletionProtectionOffRule(),
        new SkipFinalSnapshotRule(),
        new BucketForceDestroyRule(),
        new ProductionResourceWithoutPreventDestroyRule(),
        new AzureDatabaseWithoutDeleteLockRule(),
        new IamPolicyWildcardRule(),
        new AdministratorAccessAttachedRule(),
        new GoogleBasicRoleGrantedRule(),
        new AzureSubscriptionRoleAssignmentRule(),
        new AutomatedBackupsDeletedWithInstanceRule(),
        new EveryBackupDiesWithInstanceRule(),
        new BackupPlanWithoutCopyActionRule(),
        new BackupVaultWithoutLockRule(),
        new BackupsDisabledRule(),
        new DynamoDbWithoutPointInTimeRecoveryRule(),
        new CiOidcTrustUnscopedRule(),
        new S3ReplicationColocatedRule(),
        new AzureBackupVaultColocatedRule(),
        new CloudSqlBackupsDeletedWithInstanceRule(),
    };
}
