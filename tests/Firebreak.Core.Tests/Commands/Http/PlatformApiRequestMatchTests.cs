using System.Linq;
using Firebreak.Core.Commands.Http;

namespace Firebreak.Core.Tests.Commands.Http;

/// <summary>The catalogue matched against a request that program code builds (method, URL, body), as the C# rules use it.</summary>
public sealed class PlatformApiRequestMatchTests
{
    [Fact]
    public void A_JSON_body_with_a_catalogued_mutation_matches_and_points_at_the_field()
    {
        const string body = "{\"query\":\"mutation { volumeDelete(volumeId: \\\"${id}\\\") }\"}";
        var match = Assert.Single(PlatformApiCatalog.Default.MatchRequest("POST", "https://backboard.railway.app/graphql/v2", body));
        Assert.Equal("volumeDelete", match.Operation.Mutation);
        Assert.Equal("volumeDelete", body.Substring(match.Field!.NameSpan.Start, match.Field.NameSpan.Length));
    }

    [Theory]
    [InlineData("DELETE", "https://api.machines.dev/v1/apps/${app}", null, true)]
    [InlineData("GET", "https://api.machines.dev/v1/apps/${app}", null, false)]
    [InlineData("DELETE", "${baseUrl}/v1/apps/shop", null, false)]
    [InlineData("POST", "https://backboard.railway.app/graphql/v2", "{\"query\":\"query { me { id } }\"}", false)]
    [InlineData("POST", "https://example.com/graphql/v2", "mutation { volumeDelete(volumeId: \"v\") }", false)]
    public void Rest_deletes_match_by_method_and_path_and_nothing_else_does(string method, string url, string? body, bool matches)
    {
        Assert.Equal(matches, PlatformApiCatalog.Default.MatchRequest(method, url, body).Any());
    }
}
