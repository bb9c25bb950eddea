using System.Linq;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Backups;

/// <summary>FB3009: a data store is reported once when every backup of it dies with it, never otherwise.</summary>
public sealed class EveryBackupDiesWithDataStoreRuleTests
{
    [Fact]
    public void Two_backups_on_the_database_volume_are_reported_once_at_the_data_store_with_both_related()
    {
        var findings = RuleHarness.Verify("docker-compose.yml", """
            services:
              {|FB3009:db|}:
                image: postgres:16
                volumes:
                  - pgdata:/var/lib/postgresql/data
              nightly:
                image: prodrigestivill/postgres-backup-local:16
                volumes:
                  - pgdata:/var/lib/postgresql/data
              hourly:
                image: alpine
                command: sh -c "pg_dump -h db app > /var/lib/postgresql/data/hourly.sql"
                depends_on: [db]
                volumes:
                  - pgdata:/var/lib/postgresql/data
            volumes:
              pgdata:
            """, "FB3009");
        var finding = Assert.Single(findings);
        Assert.Contains("all 2 of its backups ('nightly', 'hourly') write", finding.Message);
        Assert.Equal(new[] { "nightly", "hourly" }, finding.RelatedLocations.Select(r => r.Message.Split('\'')[1]).ToArray());
        Assert.All(finding.RelatedLocations, r => Assert.Equal("pgdata:/var/lib/postgresql/data", r.Location.Snippet));
    }

    [Fact]
    public void One_backup_on_separate_storage_is_a_surviving_copy()
    {
        RuleHarness.Verify("docker-compose.yml", """
            services:
              db:
                image: mysql:8
                volumes:
                  - ./data/mysql:/var/lib/mysql
              dumps:
                image: databack/mysql-backup
                volumes:
                  - ./data/mysql/backups:/backups
              offsite:
                image: restic/restic
                depends_on:
                  db:
                    condition: service_healthy
                volumes:
                  - /mnt/nas/mysql:/repo
            """, "FB3009");
    }

    [Fact]
    public void A_backup_sent_off_the_host_survives_even_from_the_database_volume()
    {
        RuleHarness.Verify("docker-compose.yml", """
            services:
              db:
                image: postgres:16
                volumes:
                  - pgdata:/var/lib/postgresql/data
              backup:
                image: eeshugerman/postgres-backup-s3:16
                environment:
                  POSTGRES_HOST: db
                  S3_BUCKET: acme-backups
                volumes:
                  - pgdata:/var/lib/postgresql/data
            volumes:
              pgdata:
            """, "FB3009");
    }

    [Fact]
    public void No_backup_described_and_a_backup_of_another_database_are_quiet()
    {
        RuleHarness.Verify("docker-compose.yml", """
            services:
              db:
                image: postgres:16
                volumes:
                  - pgdata:/var/lib/postgresql/data
              cache:
                image: redis:7
                volumes:
                  - redisdata:/data
              backup:
                image: prodrigestivill/postgres-backup-local:16
                environment:
                  POSTGRES_HOST: db
                volumes:
                  - /srv/backups:/backups
            volumes:
              pgdata:
              redisdata:
            """, "FB3009");
    }

    private const string KubernetesDatabase = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: {|FB3009:orders-db|}
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: db
                  image: docker.io/library/postgres:16
          volumeClaimTemplates:
            - metadata:
                name: data
        """;

    private static string CronJob(string name, string command, string? claim = null) => $$"""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: {{name}}
          namespace: shop
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: dump
                      image: postgres:16
                      command: ["sh", "-c", "{{command}}"]
        {{(claim is null ? "" : $"          volumes:\n            - name: out\n              persistentVolumeClaim:\n                claimName: {claim}\n")}}
        """;

    [Fact]
    public void A_kubernetes_database_whose_only_backup_job_writes_into_its_claim_is_reported_across_files()
    {
        var findings = RuleHarness.VerifyProject(new[]
        {
            ("k8s/db.yaml", KubernetesDatabase),
            ("k8s/backup.yaml", CronJob("orders-backup", "pg_dump -h orders-db app > /out/app.sql", "data-orders-db-0")),
        }, "FB3009");
        var finding = Assert.Single(findings);
        Assert.Contains("Data store 'orders-db' (StatefulSet, data in claim template `data`) has no copy that survives it: its only backup ('orders-backup') writes", finding.Message);
        var related = Assert.Single(finding.RelatedLocations);
        Assert.Equal("k8s/backup.yaml", related.Location.Path);
        Assert.Equal("data-orders-db-0", related.Location.Snippet);
        Assert.StartsWith("CronJob 'orders-backup' writes to PersistentVolumeClaim `data-orders-db-0`", related.Message);
    }

    [Theory]
    [InlineData("pg_dump -h orders-db app | aws s3 cp - s3://acme-backups/app.sql", null)]
    [InlineData("pg_dump -h orders-db app > /out/app.sql", "orders-db-dumps")]
    public void A_kubernetes_backup_off_the_cluster_or_on_a_claim_of_its_own_survives(string command, string? claim)
    {
        RuleHarness.VerifyProject(new[]
        {
            ("k8s/db.yaml", KubernetesDatabase.Replace("{|FB3009:orders-db|}", "orders-db")),
            ("k8s/colocated.yaml", CronJob("orders-backup", "pg_dump -h orders-db app > /out/app.sql", "data-orders-db-0")),
            ("k8s/second.yaml", CronJob("orders-second", command, claim)),
        }, "FB3009");
    }

    [Fact]
    public void A_kubernetes_database_with_no_backup_or_a_backup_of_another_namespace_is_quiet()
    {
        RuleHarness.VerifyProject(new[]
        {
            ("k8s/db.yaml", KubernetesDatabase.Replace("{|FB3009:orders-db|}", "orders-db")),
            ("k8s/other.yaml", CronJob("orders-backup", "pg_dump -h orders-db app > /out/app.sql", "data-orders-db-0").Replace("namespace: shop", "namespace: billing")),
        }, "FB3009");
    }

    [Fact]
    public void An_rds_instance_without_final_snapshot_whose_automated_backups_and_managed_snapshot_go_with_it_is_reported()
    {
        var findings = RuleHarness.Verify("main.tf", """
            resource {|FB3009:"aws_db_instance" "orders"|} {
              engine                  = "postgres"
              backup_retention_period = var.retention
              skip_final_snapshot     = true
            }

            resource "aws_db_snapshot" "before_upgrade" {
              db_instance_identifier = aws_db_instance.orders.identifier
              db_snapshot_identifier = "orders-before-upgrade"
            }

            variable "retention" {
              default = 7
            }
            """, "FB3009");
        var finding = Assert.Single(findings);
        Assert.Contains("all 2 of its backups (its automated backups, `aws_db_snapshot.before_upgrade`)", finding.Message);
        Assert.Equal(new[] { "backup_retention_period = var.retention", "\"aws_db_snapshot\" \"before_upgrade\"" },
            finding.RelatedLocations.Select(r => r.Location.Snippet).ToArray());
    }

    [Theory]
    [InlineData("skip_final_snapshot = false\n  final_snapshot_identifier = \"orders-final\"")]
    [InlineData("skip_final_snapshot = true\n  delete_automated_backups = false")]
    [InlineData("skip_final_snapshot = true\n}\n\nresource \"aws_db_instance_automated_backups_replication\" \"dr\" {\n  source_db_instance_arn = aws_db_instance.orders.arn")]
    [InlineData("skip_final_snapshot = var.skip")]
    public void An_rds_instance_with_a_surviving_copy_or_an_unknown_setting_is_quiet(string settings)
    {
        RuleHarness.Verify("main.tf", $$"""
            resource "aws_db_instance" "orders" {
              engine                  = "postgres"
              backup_retention_period = 7
              {{settings}}
            }

            variable "skip" {}
            """, "FB3009");
    }

    [Fact]
    public void An_rds_instance_with_no_backup_described_is_quiet()
    {
        RuleHarness.Verify("main.tf", """
            resource "aws_db_instance" "scratch" {
              engine              = "postgres"
              skip_final_snapshot = true
            }

            resource "aws_db_instance" "disabled" {
              engine                  = "postgres"
              backup_retention_period = 0
              skip_final_snapshot     = true
            }
            """, "FB3009");
    }
}
