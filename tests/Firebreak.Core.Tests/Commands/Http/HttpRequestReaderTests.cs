using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Commands;
using Firebreak.Core.Commands.Http;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Commands.Http;

public sealed class HttpRequestReaderTests
{
    private static HttpRequest Read(string script) =>
        ShellCommands.FromText(script).Select(c => HttpRequestReader.Read(c)).Single(r => r != null)!;

    private static string At(string text, Firebreak.Core.Text.TextSpan span) => text.Substring(span.Start, span.Length);

    [Theory]
    [InlineData("curl https://api.example.com/x", "GET")]
    [InlineData("curl -X DELETE https://api.example.com/x", "DELETE")]
    [InlineData("curl -sSXdelete https://api.example.com/x", "DELETE")]
    [InlineData("curl --request=PATCH https://api.example.com/x", "PATCH")]
    [InlineData("curl -d a=b https://api.example.com/x", "POST")]
    [InlineData("curl --data-raw '{}' https://api.example.com/x", "POST")]
    [InlineData("curl --json '{}' https://api.example.com/x", "POST")]
    [InlineData("curl -F file=@a.txt https://api.example.com/x", "POST")]
    [InlineData("curl -G -d a=b https://api.example.com/x", "GET")]
    [InlineData("curl -I https://api.example.com/x", "HEAD")]
    [InlineData("wget --method=DELETE https://api.example.com/x", "DELETE")]
    [InlineData("wget --post-data='a=b' https://api.example.com/x", "POST")]
    [InlineData("http DELETE https://api.example.com/x", "DELETE")]
    [InlineData("http https://api.example.com/x name=v", "POST")]
    [InlineData("Invoke-RestMethod -Method Delete -Uri https://api.example.com/x", "DELETE")]
    public void Method_is_given_or_implied(string script, string method)
    {
        var request = Read(script);
        Assert.Equal(method, request.Method);
        Assert.Equal("api.example.com", request.Host);
        Assert.Equal("/x", request.Path);
    }

    [Fact]
    public void Url_keeps_parameters_and_splits_host_path_query()
    {
        const string script = """curl -X DELETE "https://api.machines.dev/v1/apps/$APP/volumes/${VOL}?force=true" """;
        var request = Read(script);
        Assert.Equal("api.machines.dev", request.Host);
        Assert.Equal("/v1/apps/$APP/volumes/${VOL}", request.Path);
        Assert.Equal("force=true", request.Query);
        Assert.Equal("https://api.machines.dev/v1/apps/$APP/volumes/${VOL}?force=true", At(script, request.UrlSpan));
        Assert.Equal("DELETE", At(script, request.MethodSpan!.Value));
    }

    [Fact]
    public void Dynamic_host_is_unknown()
    {
        Assert.Null(Read("curl -X DELETE \"$API/v1/apps/x\"").Host);
    }

    [Fact]
    public void Headers_are_named_and_mapped_to_the_file()
    {
        const string script = "curl -H 'Content-Type: application/json' --header=\"Authorization: Bearer $RAILWAY_TOKEN\" https://a.example.com";
        var request = Read(script);
        var auth = request.FindHeader("authorization")!;
        Assert.Equal("Bearer $RAILWAY_TOKEN", auth.Value);
        Assert.Equal("Authorization: Bearer $RAILWAY_TOKEN", At(script, auth.Span));
        Assert.Equal("application/json", request.FindHeader("Content-Type")!.Value);
    }

    [Fact]
    public void Json_body_in_shell_quotes_maps_back_to_the_file()
    {
        const string script = """curl https://a.example.com -d "{\"query\": \"mutation { volumeDelete(volumeId: \\\"$ID\\\") }\"}" """;
        var request = Read(script);
        var body = Assert.Single(request.Bodies);
        Assert.Equal(HttpBodyKind.Inline, body.Kind);
        Assert.Equal("""{"query": "mutation { volumeDelete(volumeId: \"$ID\") }"}""", body.Text!.Value);
        var document = Assert.Single(GraphQLRequestBody.Documents(request));
        Assert.Equal("mutation { volumeDelete(volumeId: \"$ID\") }", document.Value);
        int at = document.Value.IndexOf("volumeDelete", System.StringComparison.Ordinal);
        Assert.Equal("volumeDelete", At(script, document.MapToHost(new Firebreak.Core.Text.TextSpan(at, 12))));
    }

    [Fact]
    public void Body_from_a_file_is_noted_as_unknown_and_stdin_from_a_heredoc_is_read()
    {
        var fromFile = Read("curl --data @body.json https://a.example.com");
        var body = Assert.Single(fromFile.Bodies);
        Assert.Equal(HttpBodyKind.External, body.Kind);
        Assert.Equal("body.json", body.FieldName);
        Assert.Null(body.Text);

        var fromHeredoc = Read("curl --data-binary @- https://a.example.com <<'EOF'\n{\"query\":\"mutation { x }\"}\nEOF\n");
        Assert.Contains("mutation { x }", Assert.Single(fromHeredoc.Bodies).Text!.Value);
    }

    [Fact]
    public void Httpie_items_are_headers_and_fields()
    {
        var request = Read("http POST https://a.example.com/graphql 'Authorization:Bearer x' query='mutation { a }'");
        Assert.Equal("Bearer x", request.FindHeader("Authorization")!.Value);
        var field = Assert.Single(request.Bodies);
        Assert.Equal("query", field.FieldName);
        Assert.Equal("mutation { a }", field.Text!.Value);
    }

    [Fact]
    public void Other_programs_are_not_requests()
    {
        Assert.All(ShellCommands.FromText("echo curl -X DELETE https://api.machines.dev/v1/apps/x; grep curl f"),
            c => Assert.Null(HttpRequestReader.Read(c)));
    }
}
