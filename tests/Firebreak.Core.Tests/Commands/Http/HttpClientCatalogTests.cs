using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Commands;
using Firebreak.Core.Commands.Http;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Commands.Http;

/// <summary>
/// rules/catalogs/http-clients.yaml: every entry's examples read through the real reader (the request the API rules
/// match), a user's client reaches the rules in every face, and what the reader rejects is an error naming the entry.
/// </summary>
public sealed class HttpClientCatalogTests
{
    public static IEnumerable<object[]> Ids() => HttpClientCatalog.Default.Clients.Select(c => new object[] { c.Id });

    private static IReadOnlyList<string> Requests(string line, HttpClientCatalog? clients = null) =>
        ShellCommands.FromText(line).Select(c => HttpRequestReader.Read(c, clients)).Where(r => r != null).Select(r => r!.Method + " " + r.Url).ToArray();

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_entry_reads_its_examples_as_the_request_they_make(string id)
    {
        var client = HttpClientCatalog.Default.Clients.Single(c => c.Id == id);
        Assert.NotEmpty(client.MustRead);
        foreach (var example in client.MustRead)
        {
            var parts = example.Split(new[] { " => " }, StringSplitOptions.None);
            Assert.Equal(new[] { parts[1] }, Requests(parts[0]));
        }
        foreach (var example in client.MustNotRead)
            Assert.Empty(Requests(example));
    }

    [Fact]
    public void PowerShell_names_are_read_whatever_their_case_and_others_are_not()
    {
        Assert.Equal(new[] { "DELETE https://api.example.com/x" }, Requests("invoke-restmethod -METHOD delete -uri https://api.example.com/x"));
        Assert.Empty(Requests("CURL -X DELETE https://api.example.com/x"));
    }

    [Fact]
    public void A_users_client_comes_first_and_reaches_the_rules()
    {
        const string yaml = """
            http_clients:
              - id: acme-http
                program: [acmehttp]
                style: options
                options_with_value: [--verb, --payload]
                method: [--verb]
                data_raw: [--payload]
                must_read: ['acmehttp --verb DELETE https://api.example.com/x => DELETE https://api.example.com/x']
            """;
        var set = CatalogSet.WithUserCatalogs(new[] { ("acme.yaml", yaml) });
        Assert.Equal("acme-http", set.HttpClients.Clients[0].Id);
        const string script = "acmehttp --payload '{\"query\":\"mutation { volumeDelete(volumeId: \\\"v\\\") }\"}' https://backboard.railway.app/graphql/v2\n";
        Assert.Empty(Requests(script));
        Assert.Equal(new[] { "POST https://backboard.railway.app/graphql/v2" }, Requests(script, set.HttpClients));

        var plain = new AnalysisEngine().Analyze(new[] { new SourceFile("reset.sh", script, FileKind.Shell) }).Findings;
        Assert.DoesNotContain(plain, f => f.RuleId == "FB1002");
        var withCatalogue = new AnalysisEngine(new AnalysisOptions().WithCatalogs(set)).Analyze(new[] { new SourceFile("reset.sh", script, FileKind.Shell) }).Findings;
        var finding = Assert.Single(withCatalogue, f => f.RuleId == "FB1002");
        Assert.Contains("volumeDelete", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http_clients:\n  - id: x\n    program: [x]\n    style: options\n    must_read: ['x u => GET u']\n    verb: [-v]\n", "unknown key 'verb'")]
    [InlineData("http_clients:\n  - id: x\n    program: [x]\n    style: grpc\n    must_read: ['x u => GET u']\n", "'style' is options, httpie or powershell")]
    [InlineData("http_clients:\n  - id: x\n    program: [x]\n    style: options\n", "must_read examples")]
    [InlineData("http_clients:\n  - id: x\n    style: options\n    must_read: ['x u => GET u']\n", "'program' is required")]
    public void A_catalogue_the_reader_cannot_use_is_an_error_naming_the_entry(string yaml, string expected)
    {
        var error = Assert.Throws<FormatException>(() => HttpClientCatalog.Parse(yaml, "mine.yaml"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("mine.yaml:", error.Message, StringComparison.Ordinal);
    }
}
