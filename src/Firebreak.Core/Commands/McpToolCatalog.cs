using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using Firebreak.Core.Catalogs;
using YamlDotNet.RepresentationModel;

namespace Firebreak.Core.Commands;

/// <summary>One server (or family) of the MCP tool catalogue and its destructive tools.</summary>
public sealed class McpToolEntry
{
    internal McpToolEntry(string id, IReadOnlyList<string> servers, IReadOnlyList<string> tools, string destroys, IReadOnlyList<string> mustMatch, IReadOnlyList<string> mustNotMatch)
    {
        Id = id;
        Servers = servers;
        Tools = tools;
        Destroys = destroys;
        MustMatch = mustMatch;
        MustNotMatch = mustNotMatch;
    }

    public string Id { get; }

    /// <summary>Lower-case fragments of a server's name, launch command or URL.</summary>
    public IReadOnlyList<string> Servers { get; }

    /// <summary>Tool names; <c>*</c> matches any run of characters.</summary>
    public IReadOnlyList<string> Tools { get; }

    public string Destroys { get; }
    public IReadOnlyList<string> MustMatch { get; }
    public IReadOnlyList<string> MustNotMatch { get; }

    public bool RecognisesServer(params string?[] identities) =>
        identities.Any(identity => identity is { Length: > 0 } && Servers.Any(s => identity.IndexOf(s, StringComparison.OrdinalIgnoreCase) >= 0));

    public bool ListsTool(string tool) => Tools.Any(pattern => Glob(pattern, tool.ToLowerInvariant()));

    /// <summary><c>*</c> globs by a linear two-pointer walk (no regex, no backtracking blow-up).</summary>
    private static bool Glob(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == text[t]) { p++; t++; }
            else if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = t; }
            else if (star >= 0) { p = star + 1; t = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}

/// <summary>rules/catalogs/mcp-tools.yaml: destructive tools of infrastructure MCP servers (data, with self-tests).</summary>
public sealed class McpToolCatalog
{
    private const string ResourceName = "catalogs/mcp-tools.yaml";
    private static readonly Lazy<McpToolCatalog> s_default = new(LoadEmbedded);

    private McpToolCatalog(IReadOnlyList<McpToolEntry> entries) => Entries = entries;

    public static McpToolCatalog Default => s_default.Value;

    public IReadOnlyList<McpToolEntry> Entries { get; }

    /// <summary>The entry that names this server (by name, launch command or URL) and lists this tool, or null.</summary>
    public McpToolEntry? Match(string? server, string? command, string? url, string tool) =>
        Entries.FirstOrDefault(e => e.RecognisesServer(server, command, url) && e.ListsTool(tool));

    public static McpToolCatalog Parse(string yaml, string sourceName = "mcp-tools.yaml") =>
        CatalogYaml.Read(yaml, sourceName, document => Parse(document, sourceName));

    private static McpToolCatalog Parse(YamlNode? document, string sourceName)
    {
        if (document is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("tools"), out var list) || list is not YamlSequenceNode items)
            throw new FormatException($"{sourceName}: expected a top-level 'tools:' list");
        var entries = new List<McpToolEntry>();
        foreach (var node in items)
        {
            if (node is not YamlMappingNode entry) throw new FormatException($"{sourceName}:{node.Start.Line}: an entry must be a mapping");
            string where = $"{sourceName}:{entry.Start.Line}";
            string id = CatalogYaml.Scalar(entry, "id") ?? throw new FormatException($"{where}: 'id' is required");
            var servers = CatalogYaml.Strings(entry, "servers").Select(s => s.ToLowerInvariant()).ToArray();
            var tools = CatalogYaml.Strings(entry, "tools").Select(s => s.ToLowerInvariant()).ToArray();
            if (servers.Length == 0 || tools.Length == 0) throw new FormatException($"{where} ({id}): 'servers' and 'tools' are required");
            entries.Add(new McpToolEntry(id, servers, tools, CatalogYaml.Scalar(entry, "destroys") ?? throw new FormatException($"{where} ({id}): 'destroys' is required"),
                CatalogYaml.Strings(entry, "must_match"), CatalogYaml.Strings(entry, "must_not_match")));
        }
        return new McpToolCatalog(entries);
    }

    private static McpToolCatalog LoadEmbedded()
    {
        return Parse(Catalogs.EmbeddedCatalog.Text(ResourceName));
    }
}
