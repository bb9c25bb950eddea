using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Commands;
using Firebreak.Core.Commands.Http;

namespace Firebreak.Core.Tests.Commands.Http;

public sealed class PlatformApiCatalogTests
{
    private static readonly PlatformApiCatalog Catalog = PlatformApiCatalog.Default;

    public static IEnumerable<object[]> Operations() =>
        Catalog.Operations.Select(o => new object[] { o.Api.Id, o.DisplayName });

    private static PlatformApiOperation Find(string api, string name) =>
        Catalog.Operations.Single(o => o.Api.Id == api && o.DisplayName == name);

    private static IReadOnlyList<ApiCallMatch> Match(string script) =>
        ShellCommands.FromText(script).SelectMany(c => Catalog.Match(c)).ToArray();

    [Fact]
    public void The_built_in_catalogue_known_by_its_host_and_cli_lines_is_the_catalogue_read_whole()
    {
        // Default is read when a text first names one of its hosts or CLIs, which come from a scan of those lines.
        string text = System.IO.File.ReadAllText(Infrastructure.Repository.PathOf("rules", "catalogs", "platform-apis.yaml"));
        var whole = PlatformApiCatalog.Parse(text);
        var names = PlatformApiCatalog.ScanNames(text);
        Assert.NotNull(names);
        Assert.Equal(whole.Apis.SelectMany(a => a.Hosts).Distinct(StringComparer.OrdinalIgnoreCase), names!.Value.Hosts);
        Assert.Equal(whole.Apis.Where(a => a.Cli != null).Select(a => a.Cli!.Split(' ')[0]).Distinct(), names.Value.CliNames);
        Assert.Equal(whole.Keywords, Catalog.Keywords);
        Assert.Equal(whole.Apis.Select(a => a.Id), Catalog.Apis.Select(a => a.Id));
        // A layout the scan does not know is read whole.
        Assert.Null(PlatformApiCatalog.ScanNames("apis:\n  - id: x\n    hosts:\n      - a.example\n"));
        Assert.Null(PlatformApiCatalog.ScanNames("apis:\n  - id: x\n    hosts: [\"a.example\"]\n"));
    }

    [Fact]
    public void Catalogue_covers_the_required_platforms()
    {
        var platforms = Catalog.Apis.Select(a => a.Platform).ToHashSet();
        foreach (var p in new[] { "Railway", "Fly.io", "Heroku", "Render", "Neon", "Supabase", "Vercel", "DigitalOcean", "Cloudflare", "GitHub" })
            Assert.Contains(p, platforms);
        Assert.True(Catalog.Operations.Count() >= 45, $"only {Catalog.Operations.Count()} operations");
        var railway = Catalog.Apis.Single(a => a.Id == "railway-graphql");
        foreach (var m in new[] { "volumeDelete", "volumeInstanceBackupDelete", "volumeInstanceBackupScheduleUpdate", "environmentDelete", "serviceDelete", "projectDelete", "deploymentRemove", "pluginDelete", "customDomainDelete" })
            Assert.Contains(railway.Operations, o => o.Mutation == m);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Every_operation_matches_its_examples_and_none_of_its_counter_examples(string api, string name)
    {
        var operation = Find(api, name);
        Assert.NotEmpty(operation.MustMatch);
        foreach (var example in operation.MustMatch)
            Assert.True(Match(example).Any(m => m.Operation == operation), $"{operation} does not match: {example}");
        foreach (var example in operation.MustNotMatch)
            Assert.False(Match(example).Any(m => m.Operation == operation), $"{operation} matches: {example}");
    }

    [Fact]
    public void Graphql_span_is_the_mutation_field_name()
    {
        const string script = """curl -X POST https://backboard.railway.app/graphql/v2 -d '{"query":"mutation { volumeDelete(volumeId: \"v\") }"}'""";
        var match = Assert.Single(Match(script));
        Assert.Equal("volumeDelete", script.Substring(match.Span.Start, match.Span.Length));
    }

    [Fact]
    public void Rest_span_is_the_url()
    {
        const string script = "curl -X DELETE https://api.heroku.com/apps/app1";
        var match = Assert.Single(Match(script));
        Assert.Equal("https://api.heroku.com/apps/app1", script.Substring(match.Span.Start, match.Span.Length));
    }

    [Fact]
    public void A_dynamic_segment_stands_for_placeholders_but_never_for_a_literal()
    {
        Assert.Single(Match("gh api -X DELETE \"repos/$GITHUB_REPOSITORY\""));
        Assert.Empty(Match("curl -X DELETE \"https://api.machines.dev/v1/$APP_PATH/volumes/v1\""));
        Assert.Equal("DELETE /v1/apps/{app}/volumes/{volume}",
            Assert.Single(Match("curl -X DELETE https://api.machines.dev/v1/apps/$APP/volumes/$VOLUME")).Operation.DisplayName);
    }

    [Theory]
    [InlineData("curl -X DELETE https://api.example.com/v1/apps/x")]
    [InlineData("curl -X DELETE https://evil-heroku.com/apps/x")]
    [InlineData("curl -X DELETE \"$HEROKU_API/apps/x\"")]
    [InlineData("echo curl -X DELETE https://api.heroku.com/apps/x")]
    [InlineData("echo '{\"query\":\"mutation { volumeDelete(volumeId: 1) }\"}' > body.json")]
    [InlineData("curl -X POST https://backboard.railway.app/graphql/v2 --data @delete-volume.json")]
    [InlineData("curl -X POST https://backboard.railway.app/graphql/v2 -d '{\"query\":\"query { volumeDelete }\"}'")]
    [InlineData("curl -X POST https://backboard.railway.app/graphql/v2 -d '{\"query\":\"mutation { volumeDelete(\"}'")]
    public void Look_alikes_are_not_matches(string script)
    {
        Assert.Empty(Match(script));
    }

    [Fact]
    public void Broken_catalogue_entries_are_rejected_with_their_location()
    {
        var e = Assert.Throws<FormatException>(() => PlatformApiCatalog.Parse("apis:\n  - id: x\n    platform: X\n    kind: rest\n    hosts: [a.b]\n    operations:\n      - method: DELETE\n        path: v1/x\n        destroys: x\n        impact: data\n"));
        Assert.Contains("(x)", e.Message);
    }
}
