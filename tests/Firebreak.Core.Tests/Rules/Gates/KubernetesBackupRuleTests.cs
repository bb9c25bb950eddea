using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Gates;

public sealed class KubernetesBackupRuleTests
{
    private const string Database = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: mysql
        spec:
          template:
            spec:
              containers:
                - name: mysql
                  image: mysql:8
              volumes:
                - name: data
                  persistentVolumeClaim:
                    claimName: mysql-data
        """;

    private static string CronJob(string claim, string command = "mysqldump --all-databases > /dump/all.sql") => $$"""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: mysql-backup
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: dump
                      image: mysql:8
                      command: ["sh", "-c", "{{command}}"]
                  volumes:
                    - name: dump
                      persistentVolumeClaim:
                        claimName: {{claim}}
        """;

    [Fact]
    public void A_backup_cronjob_on_the_database_claim_across_files()
    {
        var findings = RuleHarness.VerifyProject(new[]
        {
            ("k8s/mysql.yaml", Database),
            ("k8s/backup.yaml", CronJob("{|FB3102:mysql-data|}")),
        }, RuleIds.BackupJobOnDatabaseClaim);
        var finding = Assert.Single(findings);
        Assert.Contains("CronJob 'mysql-backup'", finding.Message);
        Assert.Equal("k8s/mysql.yaml", Assert.Single(finding.RelatedLocations).Location.Path);
    }

    [Fact]
    public void Separate_claim_other_namespace_or_no_backup_command_is_quiet()
    {
        RuleHarness.VerifyProject(new[] { ("k8s/mysql.yaml", Database), ("k8s/backup.yaml", CronJob("mysql-backups")) }, RuleIds.BackupJobOnDatabaseClaim);
        RuleHarness.VerifyProject(new[] { ("k8s/mysql.yaml", Database), ("k8s/job.yaml", CronJob("mysql-data", "mysql -e 'OPTIMIZE TABLE t'")) }, RuleIds.BackupJobOnDatabaseClaim);
        RuleHarness.VerifyProject(new[]
        {
            ("k8s/mysql.yaml", Database),
            ("k8s/backup.yaml", CronJob("mysql-data").Replace("  name: mysql-backup\n", "  name: mysql-backup\n  namespace: other\n")),
        }, RuleIds.BackupJobOnDatabaseClaim);
    }

    [Fact]
    public void StatefulSet_claim_templates_are_matched_by_their_generated_names()
    {
        RuleHarness.VerifyProject(new[]
        {
            ("k8s/pg.yaml", """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: postgres
                spec:
                  template:
                    spec:
                      containers:
                        - name: postgres
                          image: postgres:16
                  volumeClaimTemplates:
                    - metadata:
                        name: data
                """),
            ("k8s/backup.yaml", CronJob("{|FB3102:data-postgres-0|}", "pg_dump -h postgres app > /dump/app.sql")),
        }, RuleIds.BackupJobOnDatabaseClaim);
    }

    [Fact]
    public void Snapshot_classes_that_delete()
    {
        RuleHarness.Verify("k8s/snapshots.yaml", """
            apiVersion: snapshot.storage.k8s.io/v1
            kind: VolumeSnapshotClass
            metadata:
              name: deletes
            driver: ebs.csi.aws.com
            deletionPolicy: {|FB3103:Delete|}
            ---
            apiVersion: snapshot.storage.k8s.io/v1
            kind: VolumeSnapshotClass
            metadata:
              name: retains
            driver: ebs.csi.aws.com
            deletionPolicy: Retain
            """, RuleIds.SnapshotClassDeletes);
    }
}
