using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Commands;
using Firebreak.Core.Commands.Http;
using Firebreak.Core.Languages.GraphQL;
using Firebreak.Core.Languages.Sql;
using Firebreak.Core.Text;

namespace Firebreak.Core.Tests.Commands.Http;

/// <summary>Truncated and hostile input: the HTTP, GraphQL and SQL readers never throw, whatever prefix they get.</summary>
public sealed class RobustnessTests
{
    private const string Script = """
        curl -sSX POST "https://backboard.railway.app/graphql/v2" -H "Authorization: Bearer ${T}" \
          --json "{\"query\":\"mutation(\$id: String!) { volumeDelete(volumeId: \$id) }\",\"variables\":{\"id\":\"$(cat id)\"}}"
        http DELETE https://api.heroku.com/apps/x 'X-Key:abc' a:='[1,' @body.json
        psql -c "DROP TABLE \"a;b\"; DELETE FROM t WHERE x = 'y'" <<'SQL'
        SELECT $$ ; $$, E'\'' /* /* */ TRUNCATE t
        SQL
        railway api 'mutation { projectDelete(id: "p") '
        Invoke-RestMethod -Method Delete -Uri https://api.digitalocean.com/v2/volumes/$V -Body
        """;

    [Fact]
    public void Every_prefix_of_a_script_is_read_without_throwing()
    {
        var catalog = PlatformApiCatalog.Default;
        for (int length = 0; length <= Script.Length; length++)
        {
            foreach (var command in ShellCommands.FromText(Script.Substring(0, length)))
            {
                _ = catalog.Match(command);
                foreach (var input in SqlClientInput.Of(command)) _ = SqlDestruction.Find(input.Text.Value);
            }
        }
    }

    [Fact]
    public void Deep_or_broken_graphql_is_no_document()
    {
        string deep = "mutation " + new string('{', 5000) + new string('}', 5000);
        Assert.Empty(GraphQLRootFields.Read(EmbeddedText.Contiguous(deep, 0)));
        Assert.Empty(GraphQLRootFields.Read(EmbeddedText.Contiguous("mutation { volumeDelete(", 0)));
        Assert.Empty(GraphQLRootFields.Read(EmbeddedText.Contiguous("\"\"\"", 0)));
    }

    [Fact]
    public void Shell_parameters_in_graphql_keep_their_length()
    {
        var fields = GraphQLRootFields.Read(EmbeddedText.Contiguous("mutation { volumeDelete(volumeId: ${VOLUME_ID:-x}) }", 0));
        var field = Assert.Single(fields);
        Assert.Equal(new TextSpan(11, 12), field.NameSpan);
        Assert.True(field.Arguments["volumeId"].IsVariable);
    }

    [Fact]
    public void Every_prefix_of_hostile_sql_lexes()
    {
        const string sql = "DROP TABLE \"x\"\"y\"; $a$ $ab$ $a$; E'\\\\'; [a]]b]; /* /* */ ; `q``r` -- ;\n GO\n DELETE FROM t";
        for (int length = 0; length <= sql.Length; length++) _ = SqlDestruction.Find(sql.Substring(0, length)).ToArray();
    }
}

public sealed class GraphQLLibraryFailureTests
{
    [Fact]
    public void A_body_that_makes_the_graphql_library_overrun_is_just_not_graphql()
    {
        // GraphQL-Parser throws IndexOutOfRangeException while describing this syntax error (a lone \r in a name).
        var text = Firebreak.Core.Text.EmbeddedText.Contiguous("mutation { volumeDelete(vol\rumeId: \"v\") }", 0);
        Assert.Empty(Firebreak.Core.Languages.GraphQL.GraphQLRootFields.Read(text));
    }
}
