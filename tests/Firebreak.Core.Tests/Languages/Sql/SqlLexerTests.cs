using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Sql;

namespace Firebreak.Core.Tests.Languages.Sql;

public sealed class SqlLexerTests
{
    [Fact]
    public void Strings_identifiers_dollar_quotes_and_comments_are_single_tokens()
    {
        const string sql = "SELECT 'it''s; DROP', E'a\\'b', \"we;ird\", `x`, [y z], $$ DROP TABLE a; $$, $fn$ ; $fn$ -- ; DROP\n/* a /* nested ; */ b */ FROM t;";
        var tokens = SqlLexer.Lex(sql);
        var texts = tokens.Select(t => sql.Substring(t.Span.Start, t.Span.Length)).ToArray();
        Assert.Contains("'it''s; DROP'", texts);
        Assert.Contains("E'a\\'b'", texts);
        Assert.Contains("\"we;ird\"", texts);
        Assert.Contains("[y z]", texts);
        Assert.Contains("$$ DROP TABLE a; $$", texts);
        Assert.Contains("$fn$ ; $fn$", texts);
        Assert.Contains("/* a /* nested ; */ b */", texts);
        Assert.Single(tokens, t => t.Kind == SqlTokenKind.Semicolon);
    }

    [Fact]
    public void Unterminated_strings_and_comments_run_to_the_end_without_throwing()
    {
        Assert.Equal(SqlTokenKind.String, SqlLexer.Lex("SELECT 'abc").Last().Kind);
        Assert.Equal(SqlTokenKind.Comment, SqlLexer.Lex("SELECT /* abc").Last().Kind);
        Assert.Equal(SqlTokenKind.String, SqlLexer.Lex("SELECT $x$ abc").Last().Kind);
        // $1 is a parameter, not the start of a dollar quote.
        Assert.Equal(new[] { SqlTokenKind.Word, SqlTokenKind.Symbol, SqlTokenKind.Number, SqlTokenKind.Semicolon }, SqlLexer.Lex("SELECT $1;").Select(t => t.Kind));
    }

    [Fact]
    public void Statements_split_at_semicolons_and_go_lines()
    {
        var statements = SqlStatements.Split("CREATE TABLE a (x int);\nGO\nDROP TABLE a\ngo\nSELECT 1");
        Assert.Equal(new[] { "CREATE TABLE a (x int)", "DROP TABLE a", "SELECT 1" }, statements.Select(s => s.ToString()));
    }

    [Theory]
    [InlineData("-- +goose Up\nCREATE TABLE a (x int);\n-- +goose Down\nDROP TABLE a;", "DROP TABLE a", MigrationStep.Down)]
    [InlineData("-- +goose Down\nDROP TABLE a;\n-- +goose Up\nDROP TABLE b;", "DROP TABLE b", MigrationStep.Up)]
    [InlineData("-- migrate:up\ncreate table a (x int);\n-- migrate:down\ndrop table a;", "drop table a", MigrationStep.Down)]
    [InlineData("-- +migrate Down\nDROP TABLE a;", "DROP TABLE a", MigrationStep.Down)]
    public void Migration_sections_set_the_step(string sql, string statement, MigrationStep step)
    {
        Assert.Equal(step, SqlStatements.Split(sql).Single(s => s.ToString() == statement).Step);
    }

    [Theory]
    [InlineData("db/migrations/000003_users.down.sql", MigrationStep.Down)]
    [InlineData("migrations/2024-01-01-000000_create_users/down.sql", MigrationStep.Down)]
    [InlineData("migrations/0003_users_down.sql", MigrationStep.Down)]
    [InlineData("db/migrations/000003_users.up.sql", MigrationStep.Up)]
    [InlineData("schema/teardown.sql", MigrationStep.None)]
    public void File_names_set_the_step(string path, MigrationStep step) => Assert.Equal(step, SqlStatements.StepOfPath(path));
}
