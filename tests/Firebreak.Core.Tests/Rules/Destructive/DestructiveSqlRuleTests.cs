using System.Linq;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Rules.Destructive;

public sealed class DestructiveSqlRuleTests
{
    private const string Id = RuleIds.DestructiveSql;

    [Fact]
    public void Sql_files_report_each_destructive_statement()
    {
        var findings = RuleHarness.Verify("db/cleanup.sql", """
            -- DROP TABLE comments_are_not_statements;
            {|FB1003:DROP DATABASE legacy|};
            {|FB1003:TRUNCATE TABLE events|};
            {|FB1003:DELETE FROM sessions|};
            DELETE FROM sessions WHERE expires_at < now();
            {|FB1003:UPDATE users|} SET plan = 'free';
            SELECT 'DROP TABLE users';
            """);
        Assert.Equal(FindingLevel.Error, findings.First(f => f.Message.Contains("DROP DATABASE")).Level);
        Assert.Equal(FindingLevel.Warning, findings.First(f => f.Message.Contains("TRUNCATE")).Level);
        Assert.Contains("no WHERE", findings.First(f => f.Message.Contains("DELETE")).Message);
    }

    [Theory]
    [InlineData("Taskfile.yml", "version: '3'\ntasks:\n  drop:\n    cmds:\n      - cmd: psql -c \"{|FB1003:DROP DATABASE {{.DB_NAME}}|}\"\n")]
    [InlineData("scripts/drop.sh", "psql -v db=app -c '{|FB1003:DROP DATABASE :db|}'")]
    [InlineData("db/drop.sql", "{|FB1003:DROP TABLE @table|};")]
    public void A_name_filled_in_by_a_template_is_still_a_name(string path, string markup) => RuleHarness.Verify(path, markup, Id);

    [Fact]
    public void Down_migrations_are_quiet_and_up_steps_are_not()
    {
        RuleHarness.Verify("db/migrations/000003_users.down.sql", "DROP TABLE users;\n", Id);
        RuleHarness.Verify("migrations/2024-01-01-000000_users/down.sql", "DROP TABLE users;\n", Id);
        RuleHarness.Verify("db/migrations/20240101_users.sql", """
            -- +goose Up
            CREATE TABLE users (id int);
            {|FB1003:DROP TABLE legacy_users|};
            -- +goose Down
            DROP TABLE users;
            """);
        RuleHarness.Verify("db/migrations/20240101_users.sql", """
            -- migrate:up
            create table users (id int);
            -- migrate:down
            drop table users;
            """, Id);
    }

    [Fact]
    public void Sql_sent_to_clients_in_scripts_is_read_with_spans_in_the_file()
    {
        RuleHarness.Verify("scripts/reset.sh", """
            #!/bin/bash
            psql "$DATABASE_URL" -c '{|FB1003:TRUNCATE TABLE orders|}'
            psql --command="{|FB1003:DROP SCHEMA public|} CASCADE; CREATE SCHEMA public;"
            mysql -u root -e "{|FB1003:DROP DATABASE app|}"
            sqlcmd -S db -Q "{|FB1003:DELETE FROM dbo.Orders|}"
            echo '{|FB1003:DROP TABLE users|};' | psql
            psql <<SQL
            BEGIN;
            {|FB1003:DELETE FROM carts|};
            COMMIT;
            SQL
            docker exec -i db psql -U app -c "{|FB1003:DROP TABLE audit|}"
            """);
    }

    [Fact]
    public void Dropping_a_test_database_on_a_local_server_is_a_note_and_on_a_remote_one_is_not()
    {
        var findings = RuleHarness.Verify("entrypoint.sh", """
            #!/bin/bash
            /etc/init.d/mysql start
            echo "{|FB1003:DROP DATABASE test|}" | mysql --user=test --password=test
            mysql -h 127.0.0.1 -e "{|FB1003:DROP DATABASE app_test|}"
            mysql -h db.internal -e "{|FB1003:DROP DATABASE test|}"
            psql -c "{|FB1003:DROP DATABASE orders|}"
            """);
        Assert.Equal(new[] { FindingLevel.Note, FindingLevel.Note, FindingLevel.Error, FindingLevel.Error }, findings.Select(f => f.Level));
        Assert.Contains("on a local server", findings[0].Message);
    }

    [Fact]
    public void Sql_in_a_workflow_step_of_a_production_job_is_an_error()
    {
        var findings = RuleHarness.Verify(".github/workflows/db.yml", """
            on: workflow_dispatch
            permissions: {}
            jobs:
              reset:
                runs-on: ubuntu-latest
                environment: production
                steps:
                  - run: psql "$DATABASE_URL" -c "{|FB1003:TRUNCATE orders|}"
            """, Id);
        var finding = Assert.Single(findings);
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Contains("environment: production", finding.Message);
    }

    [Fact]
    public void Sql_that_is_not_executed_is_quiet()
    {
        RuleHarness.Verify("scripts/ok.sh", """
            echo "DROP TABLE users"
            grep -r 'DELETE FROM' db/
            # psql -c 'DROP DATABASE app'
            cat <<SQL > drop.sql
            DROP DATABASE app;
            SQL
            psql -c "DELETE FROM sessions WHERE expires_at < now()"
            psql -f teardown.sql
            """, Id);
    }
}
