using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using Firebreak.Core.Catalogs;
using YamlDotNet.RepresentationModel;

namespace Firebreak.Core.Credentials;

/// <summary>Reads token kinds from catalogue YAML (the representation model: no reflection-based binding).</summary>
internal static class TokenCatalogReader
{
    /// <param name="trusted">The embedded catalogue: its patterns are checked by the tests, not at every start.</param>
    public static List<TokenKind> Read(string yaml, string sourceName, bool trusted = false) =>
        CatalogYaml.Read(yaml, sourceName, document => Read(document, sourceName, trusted));

    private static List<TokenKind> Read(YamlNode? document, string sourceName, bool trusted)
    {
        var kinds = new List<TokenKind>();
        if (document is null) return kinds;
        if (document is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("tokens"), out var list)
            || list is not YamlSequenceNode entries)
        {
            throw new FormatException($"{sourceName}: expected a top-level 'tokens:' list");
        }

        foreach (var node in entries)
        {
            if (node is not YamlMappingNode entry)
                throw new FormatException($"{sourceName}:{node.Start.Line}: a token entry must be a mapping");
            kinds.Add(ReadKind(entry, sourceName, trusted));
        }
        return kinds;
    }

    private static TokenKind ReadKind(YamlMappingNode entry, string sourceName, bool trusted)
    {
        string where = $"{sourceName}:{entry.Start.Line}";
        string id = RequiredString(entry, "id", where);
        where += $" ({id})";
        bool requiresContext = Bool(entry, "context", false, where);
        string format = RequiredString(entry, "format", where);
        var keywords = Strings(entry, "keywords");
        if (!requiresContext && keywords.Count == 0)
            throw new FormatException($"{where}: a kind without 'context: true' needs 'keywords' for the prefilter");

        var examples = entry.Children.TryGetValue(new YamlScalarNode("examples"), out var ex) ? ex as YamlMappingNode : null;
        var kind = new TokenKind(
            id: id,
            platform: RequiredString(entry, "platform", where),
            displayName: RequiredString(entry, "name", where),
            scope: ParseScope(RequiredString(entry, "scope", where), where),
            isBlanket: Bool(entry, "blanket", false, where),
            lifetime: ParseLifetime(OptionalString(entry, "lifetime") ?? "unknown", where),
            valuePattern: format,
            requiresContext: requiresContext,
            keywords: keywords,
            variableNames: Strings(entry, "variables"),
            headers: Headers(entry, where),
            jwtRole: OptionalString(entry, "jwt_role"),
            minEntropy: Double(entry, "min_entropy", requiresContext ? 3.0 : 2.5, where),
            priority: (int)Double(entry, "priority", 0, where),
            scopedAlternative: RequiredString(entry, "alternative", where),
            docs: Strings(entry, "docs"),
            mustMatchTemplates: examples is null ? Array.Empty<string>() : Strings(examples, "match"),
            mustNotMatchTemplates: examples is null ? Array.Empty<string>() : Strings(examples, "no_match"));
        kind.CarrierVariables = Strings(entry, "carrier_variables");
        foreach (var carrier in kind.CarrierVariables)
        {
            if (!kind.VariableNames.Contains(carrier)) throw new FormatException($"{where}: carrier variable '{carrier}' is not one of its 'variables'");
        }
        kind.Trusted = trusted;
        try
        {
            if (!trusted) kind.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{where}: invalid format regex: {e.Message}", e);
        }
        return kind;
    }

    public static TokenScope ParseScope(string text, string where) => text switch
    {
        "account-wide" => TokenScope.AccountWide,
        "workspace" => TokenScope.Workspace,
        "project" => TokenScope.Project,
        "environment" => TokenScope.Environment,
        "repository" => TokenScope.Repository,
        "read-only" => TokenScope.ReadOnly,
        "unknown" => TokenScope.Unknown,
        _ => throw new FormatException($"{where}: unknown scope '{text}'"),
    };

    private static TokenLifetime ParseLifetime(string text, string where) => text switch
    {
        "long-lived" => TokenLifetime.LongLived,
        "temporary" => TokenLifetime.Temporary,
        "unknown" => TokenLifetime.Unknown,
        _ => throw new FormatException($"{where}: unknown lifetime '{text}'"),
    };

    private static IReadOnlyList<TokenHeader> Headers(YamlMappingNode entry, string where)
    {
        if (!entry.Children.TryGetValue(new YamlScalarNode("headers"), out var node)) return Array.Empty<TokenHeader>();
        if (node is not YamlSequenceNode seq) throw new FormatException($"{where}: 'headers' must be a list");
        var headers = new List<TokenHeader>();
        foreach (var item in seq)
        {
            if (item is not YamlMappingNode h) throw new FormatException($"{where}: each header must be a mapping");
            headers.Add(new TokenHeader(RequiredString(h, "name", where), OptionalString(h, "scheme"), Strings(h, "near")));
        }
        return headers;
    }

    private static string RequiredString(YamlMappingNode map, string key, string where) =>
        OptionalString(map, key) is { Length: > 0 } s ? s : throw new FormatException($"{where}: missing '{key}'");

    private static string? OptionalString(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;

    private static IReadOnlyList<string> Strings(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node)) return Array.Empty<string>();
        if (node is YamlScalarNode single) return single.Value is null ? Array.Empty<string>() : new[] { single.Value };
        if (node is not YamlSequenceNode seq) return Array.Empty<string>();
        return CatalogYaml.NonEmptyScalars(seq);
    }

    private static bool Bool(YamlMappingNode map, string key, bool fallback, string where) => OptionalString(map, key) switch
    {
        null => fallback,
        "true" => true,
        "false" => false,
        var other => throw new FormatException($"{where}: '{key}' must be true or false, not '{other}'"),
    };

    private static double Double(YamlMappingNode map, string key, double fallback, string where)
    {
        string? text = OptionalString(map, key);
        if (text is null) return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
            ? d
            : throw new FormatException($"{where}: '{key}' must be a number");
    }
}
