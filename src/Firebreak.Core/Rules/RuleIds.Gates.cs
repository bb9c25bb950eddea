namespace Firebreak.Core.Rules;

/// <summary>Gates, GitLab CI, co-located backups outside Terraform, and the compound finding.</summary>
public static partial class RuleIds
{
    public const string DestructiveStepWithoutGate = "FB1010";
    public const string ComposeBackupOnDatabaseVolume = "FB3101";
    public const string BackupJobOnDatabaseClaim = "FB3102";
    public const string SnapshotClassDeletes = "FB3103";
    public const string DumpIntoDataDirectory = "FB3104";
    public const string DataLossPath = "FB9001";
}
