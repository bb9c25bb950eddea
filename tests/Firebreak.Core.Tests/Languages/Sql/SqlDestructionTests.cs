using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Sql;

namespace Firebreak.Core.Tests.Languages.Sql;

public sealed class SqlDestructionTests
{
    [Theory]
    [InlineData("DROP DATABASE app;", SqlDestructionKind.DropDatabase, "DROP DATABASE app", "app")]
    [InlineData("drop database if exists \"app-prod\"", SqlDestructionKind.DropDatabase, "drop database if exists \"app-prod\"", "\"app-prod\"")]
    [InlineData("DROP SCHEMA public CASCADE;", SqlDestructionKind.DropSchema, "DROP SCHEMA public", "public")]
    [InlineData("DROP TABLE IF EXISTS billing.invoices, x;", SqlDestructionKind.DropTable, "DROP TABLE IF EXISTS billing.invoices", "billing.invoices")]
    [InlineData("TRUNCATE TABLE ONLY orders RESTART IDENTITY", SqlDestructionKind.Truncate, "TRUNCATE TABLE ONLY orders", "orders")]
    [InlineData("truncate [dbo].[Orders]", SqlDestructionKind.Truncate, "truncate [dbo].[Orders]", "[dbo].[Orders]")]
    [InlineData("DELETE FROM users", SqlDestructionKind.DeleteWithoutWhere, "DELETE FROM users", "users")]
    [InlineData("WITH old AS (SELECT id FROM a WHERE x) DELETE FROM users", SqlDestructionKind.DeleteWithoutWhere, "DELETE FROM users", "users")]
    [InlineData("UPDATE accounts SET balance = 0", SqlDestructionKind.UpdateWithoutWhere, "UPDATE accounts", "accounts")]
    [InlineData("UPDATE accounts SET balance = (SELECT 0 FROM t WHERE t.id = 1)", SqlDestructionKind.UpdateWithoutWhere, "UPDATE accounts", "accounts")]
    public void Destructive_statements_are_found_with_the_verb_and_target(string sql, SqlDestructionKind kind, string span, string target)
    {
        var found = Assert.Single(SqlDestruction.Find(sql));
        Assert.Equal(kind, found.Kind);
        Assert.Equal(span, sql.Substring(found.Span.Start, found.Span.Length));
        Assert.Equal(target, found.Target);
    }

    [Theory]
    [InlineData("DELETE FROM users WHERE id = 1")]
    [InlineData("UPDATE users SET name = 'x' WHERE id = 1")]
    [InlineData("DELETE FROM sessions LIMIT 100")]
    [InlineData("DELETE TOP (100) FROM sessions")]
    [InlineData("CREATE TABLE a (b int REFERENCES c ON DELETE CASCADE ON UPDATE CASCADE)")]
    [InlineData("SELECT * FROM jobs FOR UPDATE SKIP LOCKED")]
    [InlineData("DROP TEMPORARY TABLE tmp")]
    [InlineData("DROP INDEX users_email")]
    [InlineData("ALTER TABLE users DROP COLUMN legacy")]
    [InlineData("SELECT 'DROP TABLE users'")]
    [InlineData("-- DROP TABLE users\nSELECT 1")]
    [InlineData("CREATE FUNCTION f() RETURNS void AS $$ DELETE FROM t $$ LANGUAGE sql")]
    [InlineData("INSERT INTO audit (action) VALUES ('TRUNCATE')")]
    public void Look_alikes_are_not_destructive(string sql)
    {
        Assert.Empty(SqlDestruction.Find(sql));
    }

    [Fact]
    public void Down_sections_keep_their_step_on_the_finding()
    {
        var found = SqlDestruction.Find("-- +goose Up\nDROP TABLE a;\n-- +goose Down\nDROP TABLE b;");
        Assert.Equal(new[] { MigrationStep.Up, MigrationStep.Down }, found.Select(f => f.Statement.Step));
    }
}
