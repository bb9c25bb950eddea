using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Json;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Text;

namespace Firebreak.Core.Platforms.CloudFormation;

/// <summary>
/// A CloudFormation or SAM template, from YAML (short-form tags such as <c>!Ref</c>, <c>!Sub</c>, <c>!If</c> read as
/// the intrinsic functions they stand for) or JSON, as one tree with spans: parameters with their defaults, and
/// resources with their type, policies and properties. Values are evaluated where they are known (literals, a
/// <c>Ref</c> to a parameter's default, an <c>Fn::If</c> whose branches agree, an <c>Fn::Sub</c> of pseudo parameters).
/// </summary>
public sealed class CloudFormationTemplate
{
    private readonly Dictionary<string, CfnNode> _parameterDefaults;

    private CloudFormationTemplate(IReadOnlyList<CfnResource> resources, Dictionary<string, CfnNode> parameterDefaults)
    {
        Resources = resources;
        _parameterDefaults = parameterDefaults;
    }

    public IReadOnlyList<CfnResource> Resources { get; }

    private static readonly ModelKey<CloudFormationTemplate> TemplateKey = new("cloudformation", static doc => Build(doc));

    public static CloudFormationTemplate Of(DocumentContext document) =>
        document.Get(TemplateKey);

    private static CloudFormationTemplate Build(DocumentContext document)
    {
        CfnNode? root = LooksLikeJson(document.Text.Text)
            ? (document.Json.Root is { } json ? CfnNode.From(json) : null)
            : (document.Yaml.RootMapping is { } yaml ? CfnNode.From(yaml) : null);
        var defaults = new Dictionary<string, CfnNode>(StringComparer.Ordinal);
        var resources = new List<CfnResource>();
        if (root is null) return new CloudFormationTemplate(resources, defaults);
        foreach (var parameter in root["Parameters"]?.Members ?? Array.Empty<CfnMember>())
            if (parameter.Value["Default"] is { } value) defaults[parameter.Key] = value;
        foreach (var member in root["Resources"]?.Members ?? Array.Empty<CfnMember>())
        {
            if (member.Value["Type"]?.Text is not { } type) continue;
            resources.Add(new CfnResource(document, member.Key, member.KeySpan, type, member.Value));
        }
        return new CloudFormationTemplate(resources, defaults);
    }

    private static bool LooksLikeJson(string text)
    {
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\uFEFF') continue;
            return c == '{';
        }
        return false;
    }

    /// <summary>The value of <paramref name="node"/> when the template alone decides it; null otherwise.</summary>
    public string? Evaluate(CfnNode? node, int depth = 0)
    {
        if (node is null || depth > 8) return null;
        switch (node.Function)
        {
            case null:
                return node.Text;
            case "Ref":
                return node.Argument?.Text is { } name && _parameterDefaults.TryGetValue(name, out var value) ? Evaluate(value, depth + 1) : null;
            case "Fn::If":
                var branches = node.Argument?.Items;
                if (branches is not { Count: 3 }) return null;
                string? a = Evaluate(branches[1], depth + 1), b = Evaluate(branches[2], depth + 1);
                return a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase) ? a : null;
            case "Fn::Sub" when node.Argument?.Text is { } template:
                string sub = template.Replace("${AWS::Partition}", "aws");
                return sub.Contains("${") ? null : sub;
            default:
                return null;
        }
    }

    public bool? EvaluateBool(CfnNode? node) => Evaluate(node) is { } text
        ? (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ? true : string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? false : null)
        : null;
}

public sealed class CfnResource
{
    internal CfnResource(DocumentContext document, string logicalId, TextSpan logicalIdSpan, string type, CfnNode node)
    {
        Document = document;
        LogicalId = logicalId;
        LogicalIdSpan = logicalIdSpan;
        Type = type;
        Node = node;
    }

    public DocumentContext Document { get; }
    public string LogicalId { get; }
    public TextSpan LogicalIdSpan { get; }
    public string Type { get; }
    public CfnNode Node { get; }
    public CfnNode? Properties => Node["Properties"];
    public CfnNode? DeletionPolicy => Node["DeletionPolicy"];
    public CfnNode? UpdateReplacePolicy => Node["UpdateReplacePolicy"];
    public CfnNode? Property(string name) => Properties?[name];
}

public sealed record CfnMember(string Key, TextSpan KeySpan, CfnNode Value);

/// <summary>One node of a template, the same whether it was written in YAML or JSON.</summary>
public sealed class CfnNode
{
    private CfnNode(TextSpan span, string? text, IReadOnlyList<CfnMember>? members, IReadOnlyList<CfnNode>? items, string? function, CfnNode? argument)
    {
        Span = span;
        Text = text;
        Members = members;
        Items = items;
        Function = function;
        Argument = argument;
    }

    public TextSpan Span { get; }

    /// <summary>A scalar's text; null for mappings, sequences and functions.</summary>
    public string? Text { get; }
    public IReadOnlyList<CfnMember>? Members { get; }
    public IReadOnlyList<CfnNode>? Items { get; }

    /// <summary><c>Ref</c>, <c>Fn::If</c>, <c>Fn::Sub</c>… for an intrinsic function (long or short form); null otherwise.</summary>
    public string? Function { get; }
    public CfnNode? Argument { get; }

    public CfnNode? this[string key] => Members?.FirstOrDefault(m => m.Key == key)?.Value;

    /// <summary>The node itself when it is a list, a one-item list when it is a single value (IAM's string-or-list).</summary>
    public IReadOnlyList<CfnNode> AsList() => Items ?? new[] { this };

    internal static CfnNode From(YamlNode node, int depth = 0)
    {
        node = node.Resolve();
        if (depth > 100) return new CfnNode(node.Span, null, null, null, null, null);
        if (node.Tag is { } tag && tag.StartsWith("!", StringComparison.Ordinal) && !tag.StartsWith("!!", StringComparison.Ordinal))
        {
            string name = tag.Substring(1);
            string function = name == "Ref" || name == "Condition" ? name : "Fn::" + name;
            return new CfnNode(node.Span, null, null, null, function, Untagged(node, depth));
        }
        return Untagged(node, depth);
    }

    private static CfnNode Untagged(YamlNode node, int depth)
    {
        switch (node)
        {
            case YamlScalar scalar:
                return new CfnNode(scalar.Span, scalar.IsNull ? null : scalar.Value, null, null, null, null);
            case YamlSequence sequence:
                return new CfnNode(sequence.Span, null, null, sequence.Items.Select(i => From(i, depth + 1)).ToArray(), null, null);
            case YamlMapping mapping:
                var members = mapping.Pairs.Where(p => p.KeyText is not null).Select(p => new CfnMember(p.KeyText!, p.Key.Span, From(p.Value, depth + 1))).ToArray();
                return LongForm(mapping.Span, members);
            default:
                return new CfnNode(node.Span, null, null, null, null, null);
        }
    }

    internal static CfnNode From(JsonValue value, int depth = 0)
    {
        if (depth > 100) return new CfnNode(value.Span, null, null, null, null, null);
        switch (value)
        {
            case JsonString s: return new CfnNode(s.Span, s.Value, null, null, null, null);
            case JsonNumber n: return new CfnNode(n.Span, n.Text, null, null, null, null);
            case JsonBoolean b: return new CfnNode(b.Span, b.Value ? "true" : "false", null, null, null, null);
            case JsonArray a: return new CfnNode(a.Span, null, null, a.Items.Select(i => From(i, depth + 1)).ToArray(), null, null);
            case JsonObject o: return LongForm(o.Span, o.Members.Select(m => new CfnMember(m.Name, m.NameSpan, From(m.Value, depth + 1))).ToArray());
            default: return new CfnNode(value.Span, null, null, null, null, null);
        }
    }

    /// <summary>A one-key mapping <c>{"Ref": …}</c> or <c>{"Fn::…": …}</c> is the function's long form.</summary>
    private static CfnNode LongForm(TextSpan span, CfnMember[] members) =>
        members.Length == 1 && (members[0].Key is "Ref" or "Condition" || members[0].Key.StartsWith("Fn::", StringComparison.Ordinal))
            ? new CfnNode(span, null, null, null, members[0].Key, members[0].Value)
            : new CfnNode(span, null, members, null, null, null);
}
