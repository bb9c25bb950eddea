using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;

namespace Firebreak.Core.Platforms.Pulumi;

/// <summary>
/// A Pulumi YAML program: its resources (type token normalised to <c>provider:module:Type</c>, properties and
/// <c>options</c>), with values read through <c>config:</c> defaults and literal <c>variables:</c>. A <c>${…}</c> that
/// is not one of those (an output, a function call, <c>pulumi.stack</c>) stays unknown.
/// </summary>
public sealed class PulumiYamlProgram
{
    private static readonly Regex WholeReference = new(@"^\$\{([A-Za-z_][A-Za-z0-9_.:-]*)\}$", RegexOptions.CultureInvariant);

    private readonly Dictionary<string, YamlNode> _values;

    private PulumiYamlProgram(string? name, IReadOnlyList<PulumiResource> resources, Dictionary<string, YamlNode> values)
    {
        Name = name;
        Resources = resources;
        _values = values;
    }

    /// <summary>The project's <c>name:</c>.</summary>
    public string? Name { get; }

    public IReadOnlyList<PulumiResource> Resources { get; }

    private static readonly ModelKey<PulumiYamlProgram> Key = new("pulumi-yaml", static doc => Build(doc));

    public static PulumiYamlProgram Of(DocumentContext document) => document.Get(Key);

    private static PulumiYamlProgram Build(DocumentContext document)
    {
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var resources = new List<PulumiResource>();
        if (document.Yaml.RootMapping is not { } root) return new PulumiYamlProgram(null, resources, values);
        if (root.Mapping("configuration") is { } legacy) AddConfig(legacy, values);
        if (root.Mapping("config") is { } config) AddConfig(config, values);
        if (root.Mapping("variables") is { } variables)
            foreach (var pair in variables.Pairs)
                if (pair.KeyText is { } key && pair.Value.Resolve() is YamlScalar scalar) values[key] = scalar;
        if (root.Mapping("resources") is { } declared)
            foreach (var pair in declared.Pairs)
            {
                if (pair.KeyText is not { } logicalName || pair.Value.Resolve() is not YamlMapping body || body.ScalarValue("type") is not { } type) continue;
                resources.Add(new PulumiResource(logicalName, pair.Key.Span, Normalize(type), body));
            }
        return new PulumiYamlProgram(root.ScalarValue("name"), resources, values);
    }

    /// <summary><c>key: value</c>, <c>key: {default: v}</c> or <c>key: {value: v}</c>; a namespaced <c>aws:region</c> too.</summary>
    private static void AddConfig(YamlMapping config, Dictionary<string, YamlNode> values)
    {
        foreach (var pair in config.Pairs)
        {
            if (pair.KeyText is not { } key) continue;
            var value = pair.Value.Resolve() switch
            {
                YamlScalar scalar => scalar,
                YamlMapping mapping => mapping["default"] ?? mapping["value"],
                _ => null,
            };
            if (value is not null) values[key] = value;
        }
    }

    /// <summary><c>aws:rds/instance:Instance</c> → <c>aws:rds:Instance</c>.</summary>
    public static string Normalize(string type)
    {
        var parts = type.Split(':');
        if (parts.Length != 3) return type;
        int slash = parts[1].IndexOf('/');
        return parts[0] + ":" + (slash >= 0 ? parts[1].Substring(0, slash) : parts[1]) + ":" + parts[2];
    }

    /// <summary>The scalar's value when the program alone decides it: a literal, or <c>${name}</c> of a config default or a literal variable.</summary>
    public string? Evaluate(YamlNode? node, int depth = 0)
    {
        if (node?.Resolve() is not YamlScalar scalar || scalar.IsNull || depth > 8) return null;
        string value = scalar.Value;
        if (value.IndexOf("${", StringComparison.Ordinal) < 0) return value;
        var match = WholeReference.Match(value.Trim());
        return match.Success && _values.TryGetValue(match.Groups[1].Value, out var target) ? Evaluate(target, depth + 1) : null;
    }

    public bool? EvaluateBool(YamlNode? node) => Evaluate(node)?.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}

/// <summary>One resource of a Pulumi YAML program.</summary>
public sealed class PulumiResource
{
    public PulumiResource(string logicalName, Text.TextSpan nameSpan, string type, YamlMapping body)
    {
        LogicalName = logicalName;
        NameSpan = nameSpan;
        Type = type;
        Body = body;
    }

    public string LogicalName { get; }
    public Text.TextSpan NameSpan { get; }

    /// <summary>The normalised type token (<c>aws:rds:Instance</c>).</summary>
    public string Type { get; }

    public YamlMapping Body { get; }
    public YamlMapping? Properties => Body.Mapping("properties");
    public YamlMapping? Options => Body.Mapping("options");

    /// <summary>A property by dotted path (<c>settings.backupConfiguration.enabled</c>).</summary>
    public YamlNode? Property(string path)
    {
        YamlNode? node = Properties;
        foreach (var part in path.Split('.'))
        {
            if (node is not YamlMapping mapping) return null;
            node = mapping[part];
        }
        return node;
    }
}
