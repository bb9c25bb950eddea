using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Commands;

namespace Firebreak.Core.Tests.Commands;

/// <summary>The MCP tool catalogue carries its own self-tests ('server tool' examples); every entry's are run here.</summary>
public class McpToolCatalogTests
{
    private static readonly McpToolCatalog Catalog = McpToolCatalog.Default;

    public static IEnumerable<object[]> Ids() => Catalog.Entries.Select(e => new object[] { e.Id });

    private static McpToolEntry Entry(string id) => Catalog.Entries.Single(e => e.Id == id);

    private static (string Server, string Tool) Split(string example)
    {
        int space = example.LastIndexOf(' ');
        return (example.Substring(0, space), example.Substring(space + 1));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_entry_has_examples_and_its_must_match_examples_match_it(string id)
    {
        var entry = Entry(id);
        Assert.NotEmpty(entry.MustMatch);
        Assert.NotEmpty(entry.MustNotMatch);
        foreach (var (server, tool) in entry.MustMatch.Select(Split))
            Assert.True(entry.RecognisesServer(server) && entry.ListsTool(tool), $"{id}: `{server} {tool}` does not match");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Must_not_match_examples_match_no_entry(string id)
    {
        foreach (var (server, tool) in Entry(id).MustNotMatch.Select(Split))
            Assert.Null(Catalog.Match(server, null, null, tool));
    }

    [Theory]
    [InlineData("my-db", "npx -y @neondatabase/mcp-server-neon start", null, "delete_project", "neon")]
    [InlineData("prod", null, "https://mcp.supabase.com/mcp?project_ref=abc", "delete_branch", "supabase")]
    [InlineData("k", "npx mcp-server-kubernetes", null, "kubectl_delete", "kubernetes")]
    public void A_server_is_recognised_by_its_launch_command_or_url_whatever_its_name(string name, string? command, string? url, string tool, string id) =>
        Assert.Equal(id, Catalog.Match(name, command, url, tool)?.Id);

    [Fact]
    public void An_unknown_server_and_a_reading_tool_are_not_matched()
    {
        Assert.Null(Catalog.Match("notes", "npx some-notes-server", null, "delete_note"));
        Assert.Null(Catalog.Match("neon", null, null, "list_projects"));
    }
}
