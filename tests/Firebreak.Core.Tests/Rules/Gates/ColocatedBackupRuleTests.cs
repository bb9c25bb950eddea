using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Gates;

public sealed class ColocatedBackupRuleTests
{
    [Fact]
    public void The_incident_compose_file_reports_the_backup_volume_with_the_database_volume_related()
    {
        var findings = RuleHarness.Verify("docker-compose.yml", """
            services:
              db:
                image: postgres:16
                volumes:
                  - pgdata:/var/lib/postgresql/data
              backup:
                image: prodrigestivill/postgres-backup-local:16
                environment:
                  POSTGRES_HOST: db
                  BACKUP_DIR: /var/lib/postgresql/data/backups
                volumes:
                  - {|FB3101:pgdata:/var/lib/postgresql/data|}
            volumes:
              pgdata:
            """);
        var finding = Assert.Single(findings);
        Assert.Contains("'backup'", finding.Message);
        Assert.Contains("'db'", finding.Message);
        var related = Assert.Single(finding.RelatedLocations);
        Assert.Equal("pgdata:/var/lib/postgresql/data", related.Location.Snippet);
        Assert.True(related.Location.Span.Start < finding.Location.Span.Start);
    }

    [Fact]
    public void Backup_commands_host_paths_and_long_syntax()
    {
        RuleHarness.Verify("compose.yaml", """
            services:
              mysql:
                image: mysql:8
                volumes:
                  - type: bind
                    source: ./data/mysql
                    target: /var/lib/mysql
              dumper:
                image: alpine
                command: sh -c "mysqldump --all-databases > /out/all.sql"
                volumes:
                  - {|FB3101:./data/mysql/dumps:/out|}
              restic:
                image: restic/restic
                volumes:
                  - /srv/offsite:/repo
            """, RuleIds.ComposeBackupOnDatabaseVolume);
    }

    [Fact]
    public void A_backup_on_separate_storage_or_a_service_that_is_no_backup_is_quiet()
    {
        RuleHarness.Verify("docker-compose.yml", """
            services:
              db:
                image: postgres:16
                volumes:
                  - pgdata:/var/lib/postgresql/data
              backup:
                image: prodrigestivill/postgres-backup-local:16
                volumes:
                  - backups:/backups
              app:
                image: example/app
                volumes:
                  - pgdata:/var/lib/postgresql/data:ro
            volumes:
              pgdata:
              backups:
            """, RuleIds.ComposeBackupOnDatabaseVolume);
    }

    [Fact]
    public void Dumps_written_under_the_data_directory()
    {
        RuleHarness.Verify("scripts/backup.sh", """
            #!/bin/sh
            pg_dump -U app app > {|FB3104:/var/lib/postgresql/data/backups/app.sql|}
            pg_dump -U app -f {|FB3104:"$PGDATA/dump.sql"|} app
            mongodump {|FB3104:--archive=/data/db/backup.gz|}
            pg_dump -U app app > /backups/app.sql
            echo "pg_dump > /var/lib/postgresql/data/x.sql"
            cat /var/lib/postgresql/data/PG_VERSION > /var/lib/postgresql/data/copy
            """, RuleIds.DumpIntoDataDirectory);
    }
}
