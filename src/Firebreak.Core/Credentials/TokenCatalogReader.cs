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
        string id = CatalogYaml.Required(entry, "id", where);
        where += $" ({id})";
        bool requiresContext = CatalogYaml.Bool(entry, "context", false, where);
        string format = CatalogYaml.Required(entry, "format", where);
        var keywords = CatalogYaml.Strings(entry, "keywords");
        if (!requiresContext && keywords.Count == 0)
            throw new FormatException($"{where}: a kind without 'context: true' needs 'keywords' for the prefilter");

        var examples = entry.Children.TryGetValue(new YamlScalarNode("examples"), out var ex) ? ex as YamlMappingNode : null;
        var kind = new TokenKind(
            id: id,
            platform: CatalogYaml.Required(entry, "platform", where),
            displayName: CatalogYaml.Required(entry, "name", where),
            scope: ParseScope(CatalogYaml.Required(entry, "scope", where), where),
            isBlanket: CatalogYaml.Bool(entry, "blanket", false, where),
            lifetime: ParseLifetime(CatalogYaml.Scalar(entry, "lifetime") ?? "unknown", where),
            valuePattern: format,
            requiresContext: requiresContext,
            keywords: keywords,
            variableNames: CatalogYaml.Strings(entry, "variables"),
            headers: Headers(entry, where),
            jwtRole: CatalogYaml.Scalar(entry, "jwt_role"),
            minEntropy: Double(entry, "min_entropy", requiresContext ? 3.0 : 2.5, where),
            priority: (int)Double(entry, "priority", 0, where),
            scopedAlternative: CatalogYaml.Required(entry, "alternative", where),
            docs: CatalogYaml.Strings(entry, "docs"),
            mustMatchTemplates: examples is null ? Array.Empty<string>() : CatalogYaml.Strings(examples, "match"),
            mustNotMatchTemplates: examples is null ? Array.Empty<string>() : CatalogYaml.Strings(examples, "no_match"));
        kind.CarrierVariables = CatalogYaml.Strings(entry, "carrier_variables");
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
            headers.Add(new TokenHeader(CatalogYaml.Required(h, "name", where), CatalogYaml.Scalar(h, "scheme"), CatalogYaml.Strings(h, "near")));
        }
        return headers;
    }

    private static double Double(YamlMappingNode map, string key, double fallback, string where)
    {
        string? text = CatalogYaml.Scalar(map, key);
        if (text is null) return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
            ? d
            : throw new FormatException($"{where}: '{key}' must be a number");
    }
}
