using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules.Backups;
using Firebreak.Core.Rules.Destructive;

namespace Firebreak.Core.Rules;

// Gates, co-located backups outside Terraform, and the compound finding (FB1010, FB3101-FB3104, FB9001).

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

public static partial class RuleCatalog
{
    public static readonly RuleDescriptor DestructiveStepWithoutGate = new(
        RuleIds.DestructiveStepWithoutGate,
        "DestructiveStepWithoutGate",
        RuleFamily.DestructiveOperation,
        "Destructive pipeline step runs without a gate",
        "{0}",
        "A GitHub Actions step or GitLab CI job runs a destructive command or control-plane API call — inline, or in a repository script it calls — on `push`, `pull_request`, `pull_request_target` or `schedule`, in a job with no protected-looking `environment:` and (GitLab) no `when: manual`; or an Ansible play on production hosts runs one with no `pause` prompt, `vars_prompt`, `tags: never` or confirmation `when:` before it. Nothing a person must approve stands between a commit or a pull request and the deletion. The level is error when the trigger is a pull request or the job deploys to production.",
        FindingLevel.Warning,
        8.0,
        RulePrecision.High);

    public static readonly RuleDescriptor ComposeBackupOnDatabaseVolume = new(
        RuleIds.ComposeBackupOnDatabaseVolume,
        "ComposeBackupOnDatabaseVolume",
        RuleFamily.ColocatedBackup,
        "Backup service writes to the database's own volume",
        "{0}",
        "A docker compose service that makes backups (its image or command looks like one: `postgres-backup-local`, `pg_dump`, `mysqldump`, `mongodump`, `restic`, `borg`…) mounts the same named volume or host path as the database service it backs up. Deleting the volume (`docker compose down -v`, `docker volume rm`, a platform's volume delete) or losing the disk deletes the data and its backups at once — the incident's backups lived on the volume they protected.",
        FindingLevel.Error,
        8.5,
        RulePrecision.High);

    public static readonly RuleDescriptor BackupJobOnDatabaseClaim = new(
        RuleIds.BackupJobOnDatabaseClaim,
        "BackupJobOnDatabaseClaim",
        RuleFamily.ColocatedBackup,
        "Backup CronJob writes into the database's own PersistentVolumeClaim",
        "{0}",
        "A Kubernetes CronJob or Job that dumps a database (`pg_dump`, `mysqldump`, `mongodump`, `restic`, a backup image) mounts a PersistentVolumeClaim that the database's StatefulSet, Deployment or Pod also mounts for its data (by name, or through a StatefulSet's `volumeClaimTemplates`). Deleting the claim or its namespace deletes the data and the backups at once.",
        FindingLevel.Error,
        8.5,
        RulePrecision.High);

    public static readonly RuleDescriptor SnapshotClassDeletes = new(
        RuleIds.SnapshotClassDeletes,
        "SnapshotClassDeletes",
        RuleFamily.ColocatedBackup,
        "VolumeSnapshotClass deletes snapshots with their objects",
        "{0}",
        "A `VolumeSnapshotClass` with `deletionPolicy: Delete` deletes the snapshot on the storage system when its VolumeSnapshot object is deleted — and VolumeSnapshots are namespaced, so deleting the application's namespace deletes its data and its snapshots together. Use `deletionPolicy: Retain` for classes that hold backups.",
        FindingLevel.Warning,
        6.5,
        RulePrecision.High);

    public static readonly RuleDescriptor DumpIntoDataDirectory = new(
        RuleIds.DumpIntoDataDirectory,
        "DumpIntoDataDirectory",
        RuleFamily.ColocatedBackup,
        "Database dump written inside the data directory",
        "{0}",
        "A `pg_dump`, `pg_dumpall`, `pg_basebackup`, `mysqldump`, `mariadb-dump` or `mongodump` writes its output (a redirection, `-f`/`--file`, `--result-file`, `-o`/`--out`, `--archive=`) under the data directory of the database it dumps (`/var/lib/postgresql/data`, `$PGDATA`, `/var/lib/mysql`, `/data/db`…). The dump lives on the volume it is meant to survive.",
        FindingLevel.Warning,
        7.0,
        RulePrecision.High);

    public static readonly RuleDescriptor DataLossPath = new(
        RuleIds.DataLossPath,
        "DataLossPath",
        RuleFamily.Compound,
        "Destructive operation, blanket credential and dying backups on one platform",
        "{0}",
        "For one platform, the scan shows all three conditions of the incident at once: an operation that destroys data (a destructive command or control-plane API call, or an agent permission that admits any command), a blanket credential for that platform that can reach it (an account- or workspace-wide token handed to a pipeline, sent by a script, or committed), and backups that would die with the data (the operation deletes them too, as Railway's `volumeDelete` does, or a backup lives on the storage it protects). Any one of them can be fixed to break the path; the result points at the operation, with the credential and the backup as related locations.",
        FindingLevel.Error,
        9.8,
        RulePrecision.Medium);

    internal static IEnumerable<RuleDescriptor> GateRules() => new[]
    {
        DataLossPath,
        DestructiveStepWithoutGate,
        ComposeBackupOnDatabaseVolume,
        BackupJobOnDatabaseClaim,
        SnapshotClassDeletes,
        DumpIntoDataDirectory,
    };
}

public static partial class BuiltInRules
{
    internal static IEnumerable<Rule> GateFileRules() => new Rule[]
    {
        new ColocatedBackupRule(),
    };

    internal static IEnumerable<ProjectRule> GateProjectRules() => new ProjectRule[]
    {
        new DestructiveStepWithoutGateRule(),
        new BackupJobOnDatabaseClaimRule(),
        new Compound.DataLossPathRule(),
    };
}
