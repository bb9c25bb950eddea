using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using Firebreak.Core.Catalogs;
using YamlDotNet.RepresentationModel;

namespace Firebreak.Core.Commands.Http;

/// <summary>Reads <c>platform-apis.yaml</c> (the representation model: no reflection-based binding).</summary>
internal static class PlatformApiCatalogReader
{
    public static List<PlatformApi> Read(string yaml, string sourceName) =>
        CatalogYaml.Read(yaml, sourceName, document => Read(document, sourceName));

    private static List<PlatformApi> Read(YamlNode? document, string sourceName)
    {
        var apis = new List<PlatformApi>();
        if (document is null) return apis;
        if (document is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("apis"), out var list)
            || list is not YamlSequenceNode entries)
        {
            throw new FormatException($"{sourceName}: expected a top-level 'apis:' list");
        }
        foreach (var node in entries)
        {
            if (node is not YamlMappingNode entry) throw new FormatException($"{sourceName}:{node.Start.Line}: an API entry must be a mapping");
            apis.Add(ReadApi(entry, sourceName));
        }
        return apis;
    }

    private static PlatformApi ReadApi(YamlMappingNode entry, string sourceName)
    {
        string id = Required(entry, "id", $"{sourceName}:{entry.Start.Line}");
        string where = $"{sourceName}:{entry.Start.Line} ({id})";
        var kind = Required(entry, "kind", where) switch
        {
            "rest" => PlatformApiKind.Rest,
            "graphql" => PlatformApiKind.GraphQL,
            var other => throw new FormatException($"{where}: kind must be rest or graphql, not '{other}'"),
        };
        var hosts = Strings(entry, "hosts").Select(h => h.ToLowerInvariant()).ToArray();
        if (hosts.Length == 0) throw new FormatException($"{where}: 'hosts' is required");
        var paths = Strings(entry, "paths");
        if (kind == PlatformApiKind.GraphQL && paths.Count == 0) throw new FormatException($"{where}: a graphql API needs 'paths'");
        var api = new PlatformApi(id, Required(entry, "platform", where), kind, hosts, paths, Optional(entry, "cli"), Strings(entry, "docs"));

        if (!entry.Children.TryGetValue(new YamlScalarNode("operations"), out var ops) || ops is not YamlSequenceNode opList || opList.Children.Count == 0)
            throw new FormatException($"{where}: 'operations' must be a non-empty list");
        var operations = new List<PlatformApiOperation>();
        foreach (var node in opList)
        {
            if (node is not YamlMappingNode op) throw new FormatException($"{where}: each operation must be a mapping");
            string opWhere = $"{sourceName}:{op.Start.Line} ({id})";
            string? mutation = Optional(op, "mutation");
            string? method = Optional(op, "method")?.ToUpperInvariant();
            string? path = Optional(op, "path");
            if (kind == PlatformApiKind.GraphQL && mutation == null) throw new FormatException($"{opWhere}: a graphql operation needs 'mutation'");
            if (kind == PlatformApiKind.Rest && (method == null || path == null || path[0] != '/'))
                throw new FormatException($"{opWhere}: a rest operation needs 'method' and a 'path' starting with /");
            var impact = Required(op, "impact", opWhere) switch
            {
                "data" => ApiImpact.Data,
                "compute" => ApiImpact.Compute,
                "config" => ApiImpact.Config,
                var other => throw new FormatException($"{opWhere}: impact must be data, compute or config, not '{other}'"),
            };
            bool backups = Optional(op, "backups") switch
            {
                null or "false" => false,
                "true" => true,
                var other => throw new FormatException($"{opWhere}: 'backups' must be true or false, not '{other}'"),
            };
            var examples = op.Children.TryGetValue(new YamlScalarNode("examples"), out var ex) ? ex as YamlMappingNode : null;
            var match = examples is null ? Array.Empty<string>() : Strings(examples, "match");
            if (match.Count == 0) throw new FormatException($"{opWhere}: every operation needs 'examples: match:'");
            operations.Add(new PlatformApiOperation(api, mutation, method, path, Required(op, "destroys", opWhere), impact, backups,
                Optional(op, "only_if_empty"), match, examples is null ? Array.Empty<string>() : Strings(examples, "no_match")));
        }
        api.Operations = operations;
        return api;
    }

    private static string Required(YamlMappingNode map, string key, string where) =>
        Optional(map, key) is { Length: > 0 } s ? s : throw new FormatException($"{where}: missing '{key}'");

    private static string? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;

    private static IReadOnlyList<string> Strings(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node)) return Array.Empty<string>();
        if (node is YamlScalarNode single) return single.Value is null ? Array.Empty<string>() : new[] { single.Value };
        if (node is not YamlSequenceNode seq) return Array.Empty<string>();
        return CatalogYaml.NonEmptyScalars(seq);
    }
}
