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
        string id = CatalogYaml.Required(entry, "id", $"{sourceName}:{entry.Start.Line}");
        string where = $"{sourceName}:{entry.Start.Line} ({id})";
        var kind = CatalogYaml.Required(entry, "kind", where) switch
        {
            "rest" => PlatformApiKind.Rest,
            "graphql" => PlatformApiKind.GraphQL,
            var other => throw new FormatException($"{where}: kind must be rest or graphql, not '{other}'"),
        };
        var hosts = CatalogYaml.Strings(entry, "hosts").Select(h => h.ToLowerInvariant()).ToArray();
        if (hosts.Length == 0) throw new FormatException($"{where}: 'hosts' is required");
        var paths = CatalogYaml.Strings(entry, "paths");
        if (kind == PlatformApiKind.GraphQL && paths.Count == 0) throw new FormatException($"{where}: a graphql API needs 'paths'");
        var api = new PlatformApi(id, CatalogYaml.Required(entry, "platform", where), kind, hosts, paths, CatalogYaml.Scalar(entry, "cli"), CatalogYaml.Strings(entry, "docs"));

        if (!entry.Children.TryGetValue(new YamlScalarNode("operations"), out var ops) || ops is not YamlSequenceNode opList || opList.Children.Count == 0)
            throw new FormatException($"{where}: 'operations' must be a non-empty list");
        var operations = new List<PlatformApiOperation>();
        foreach (var node in opList)
        {
            if (node is not YamlMappingNode op) throw new FormatException($"{where}: each operation must be a mapping");
            string opWhere = $"{sourceName}:{op.Start.Line} ({id})";
            string? mutation = CatalogYaml.Scalar(op, "mutation");
            string? method = CatalogYaml.Scalar(op, "method")?.ToUpperInvariant();
            string? path = CatalogYaml.Scalar(op, "path");
            if (kind == PlatformApiKind.GraphQL && mutation == null) throw new FormatException($"{opWhere}: a graphql operation needs 'mutation'");
            if (kind == PlatformApiKind.Rest && (method == null || path == null || path[0] != '/'))
                throw new FormatException($"{opWhere}: a rest operation needs 'method' and a 'path' starting with /");
            var impact = CatalogYaml.Required(op, "impact", opWhere) switch
            {
                "data" => ApiImpact.Data,
                "compute" => ApiImpact.Compute,
                "config" => ApiImpact.Config,
                var other => throw new FormatException($"{opWhere}: impact must be data, compute or config, not '{other}'"),
            };
            bool backups = CatalogYaml.Scalar(op, "backups") switch
            {
                null or "false" => false,
                "true" => true,
                var other => throw new FormatException($"{opWhere}: 'backups' must be true or false, not '{other}'"),
            };
            var examples = op.Children.TryGetValue(new YamlScalarNode("examples"), out var ex) ? ex as YamlMappingNode : null;
            var match = examples is null ? Array.Empty<string>() : CatalogYaml.Strings(examples, "match");
            if (match.Count == 0) throw new FormatException($"{opWhere}: every operation needs 'examples: match:'");
            operations.Add(new PlatformApiOperation(api, mutation, method, path, CatalogYaml.Required(op, "destroys", opWhere), impact, backups,
                CatalogYaml.Scalar(op, "only_if_empty"), match, examples is null ? Array.Empty<string>() : CatalogYaml.Strings(examples, "no_match")));
        }
        api.Operations = operations;
        return api;
    }
}
