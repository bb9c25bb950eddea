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
}
