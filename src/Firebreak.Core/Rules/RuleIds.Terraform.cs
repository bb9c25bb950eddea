namespace Firebreak.Core.Rules;

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
