using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Json;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Hcl;

/// <summary>
/// Maps a <c>.tf.json</c> document onto the <see cref="HclFile"/> model, per HCL's JSON syntax
/// (https://github.com/hashicorp/hcl/blob/main/json/spec.md). JSON cannot say whether an object is a block or a map
/// attribute without the provider schema, so this uses Terraform's own top-level layout (resource → type → name, …)
/// and, inside bodies, treats objects and arrays of objects as nested blocks except for the names in
/// <see cref="MapAttributes"/>. Strings containing <c>${</c> or <c>%{</c> are parsed as templates; their inner spans
/// are exact when the JSON string has no escapes and approximate otherwise.
/// </summary>
internal sealed class HclJsonConverter
{
    private static readonly Dictionary<string, int> TopLevelLabels = new(StringComparer.Ordinal)
    {
        ["resource"] = 2, ["data"] = 2, ["ephemeral"] = 2,
        ["provider"] = 1, ["variable"] = 1, ["output"] = 1, ["module"] = 1, ["check"] = 1,
        ["terraform"] = 0, ["locals"] = 0, ["moved"] = 0, ["import"] = 0, ["removed"] = 0,
    };

    /// <summary>Nested block types that take one label; <c>backend</c> and <c>provider_meta</c> only inside <c>terraform</c>.</summary>
    private static int NestedLabelCount(string? parentType, string name) => name switch
    {
        "dynamic" or "provisioner" => 1,
        "backend" or "provider_meta" when parentType == "terraform" => 1,
        _ => 0,
    };

    /// <summary>Bodies whose members are all attributes.</summary>
    private static readonly HashSet<string> AttributeOnlyBodies = new(StringComparer.Ordinal) { "locals", "output", "module", "required_providers" };

    /// <summary>Names that hold a map (or list of maps) attribute rather than nested blocks.</summary>
    internal static readonly HashSet<string> MapAttributes = new(StringComparer.Ordinal)
    {
        "tags", "tags_all", "labels", "default", "value", "variables", "triggers", "metadata", "annotations",
        "parameters", "providers", "environment", "inputs", "for_each", "depends_on", "policy", "config", "settings",
        "body", "keepers", "environment_variables", "secure_environment_variables", "app_settings", "data", "binary_data",
        "string_data", "node_selector", "match_labels", "resource_tags", "headers", "outputs", "values", "limits",
        "requests", "user_labels", "input", "triggers_replace", "common_environment_properties",
    };

    private readonly List<SyntaxDiagnostic> _diagnostics;
    private readonly List<HclComment> _comments = new();

    private HclJsonConverter(List<SyntaxDiagnostic> diagnostics) => _diagnostics = diagnostics;

    /// <summary>
    /// True for plan JSON values, where the shape is not guessed: nested blocks are always arrays of objects, a lone
    /// object is a map, and strings are values, never templates.
    /// </summary>
    private bool _plannedValues;

    /// <summary>
    /// The planned values of a Terraform plan (<c>terraform show -json</c>) as a body of <c>resource "type" "name"</c>
    /// blocks, one per managed resource of the root and child modules, with spans on the plan's own JSON. The same
    /// resource rules then read a plan as they read a module; the values are what will be applied.
    /// </summary>
    internal static HclFile ConvertPlannedValues(string text)
    {
        var doc = JsonParser.Parse(text);
        var diagnostics = new List<SyntaxDiagnostic>(doc.Diagnostics);
        var converter = new HclJsonConverter(diagnostics) { _plannedValues = true };
        var items = new List<HclBodyItem>();
        if (doc.Root is JsonObject root && root.Get("planned_values") is JsonObject planned && planned.Get("root_module") is JsonObject module)
            converter.AddPlannedModule(items, module, 0);
        return new HclFile(text, new HclBody(new TextSpan(0, text.Length), items), Array.Empty<HclComment>(), diagnostics);
    }

    private void AddPlannedModule(List<HclBodyItem> items, JsonObject module, int depth)
    {
        if (depth > HclParser.MaxDepth) return;
        if (module.Get("resources") is JsonArray resources)
        {
            foreach (var item in resources.Items)
            {
                if (item is not JsonObject resource || (resource.Get("mode") as JsonString)?.Value != "managed") continue;
                if (resource.Get("type") is not JsonString type || resource.Get("name") is not JsonString name || resource.Get("values") is not JsonObject values) continue;
                var at = (resource.Get("address") ?? type).Span;
                var labels = new List<HclBlockLabel> { new(type.Span, type.Value, isQuoted: true), new(name.Span, name.Value, isQuoted: true) };
                items.Add(new HclBlock(resource.Span, "resource", at, labels, Body(values, type.Value, topLevel: false)));
            }
        }
        if (module.Get("child_modules") is JsonArray children)
        {
            foreach (var child in children.Items)
            {
                if (child is JsonObject childModule) AddPlannedModule(items, childModule, depth + 1);
            }
        }
    }

    public static HclFile Convert(string text)
    {
        var doc = JsonParser.Parse(text);
        var diagnostics = new List<SyntaxDiagnostic>(doc.Diagnostics);
        var converter = new HclJsonConverter(diagnostics);
        HclBody body;
        if (doc.Root is JsonObject root) body = converter.Body(root, null, topLevel: true);
        else
        {
            if (doc.Root != null) diagnostics.Add(new SyntaxDiagnostic(doc.Root.Span, "The root of a .tf.json file must be an object."));
            body = new HclBody(new TextSpan(0, text.Length), Array.Empty<HclBodyItem>());
        }
        converter._comments.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new HclFile(text, body, converter._comments, diagnostics);
    }

    private HclBody Body(JsonObject obj, string? blockType, bool topLevel)
    {
        var items = new List<HclBodyItem>();
        bool attributesOnly = blockType != null && AttributeOnlyBodies.Contains(blockType);
        foreach (var m in obj.Members)
        {
            if (m.Name == "//")
            {
                _comments.Add(new HclComment(m.Span, HclCommentKind.JsonProperty));
                continue;
            }
            int labels;
            bool isBlock;
            if (topLevel)
            {
                isBlock = TopLevelLabels.TryGetValue(m.Name, out labels) || m.Value is JsonObject;
            }
            else
            {
                labels = NestedLabelCount(blockType, m.Name);
                isBlock = _plannedValues
                    ? m.Value is JsonArray { Items.Count: > 0 } nested && nested.Items.All(i => i is JsonObject)
                    : !attributesOnly && !MapAttributes.Contains(m.Name) && IsBlockShaped(m.Value, labels > 0);
                if (blockType == "terraform" && m.Name == "required_providers") isBlock = true;
            }
            if (isBlock) AddBlocks(items, m, m.Value, labels, new List<HclBlockLabel>());
            else items.Add(new HclAttribute(m.Span, m.Name, m.NameSpan, Expression(m.Value)));
        }
        return new HclBody(obj.Span, items);
    }

    /// <summary>
    /// Arrays of objects are blocks (that is how HashiCorp renders them); a lone object is a block only when its keys
    /// look like argument names (snake_case), since map attributes usually have other keys ("Name", "k8s.io/x").
    /// </summary>
    private static bool IsBlockShaped(JsonValue value, bool labelled)
    {
        if (value is JsonObject obj)
        {
            if (labelled) return true;
            foreach (var m in obj.Members)
                if (m.Name != "//" && !IsArgumentName(m.Name)) return false;
            return true;
        }
        if (value is not JsonArray { Items.Count: > 0 } array) return false;
        foreach (var item in array.Items)
            if (item is not JsonObject) return false;
        return true;
    }

    private static bool IsArgumentName(string name)
    {
        if (name.Length == 0 || name[0] < 'a' || name[0] > 'z') return false;
        foreach (char c in name)
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
        return true;
    }

    private void AddBlocks(List<HclBodyItem> items, JsonMember member, JsonValue value, int labelsLeft, List<HclBlockLabel> labels)
    {
        if (labelsLeft > 0)
        {
            if (value is JsonObject labelObject)
            {
                foreach (var m in labelObject.Members)
                {
                    if (m.Name == "//")
                    {
                        _comments.Add(new HclComment(m.Span, HclCommentKind.JsonProperty));
                        continue;
                    }
                    var next = new List<HclBlockLabel>(labels) { new HclBlockLabel(m.NameSpan, m.Name, isQuoted: true) };
                    AddBlocks(items, member, m.Value, labelsLeft - 1, next);
                }
            }
            else if (value is JsonArray array)
            {
                foreach (var item in array.Items) AddBlocks(items, member, item, labelsLeft, labels);
            }
            else _diagnostics.Add(new SyntaxDiagnostic(value.Span, "Expected an object of \"" + member.Name + "\" blocks by label."));
            return;
        }
        if (value is JsonArray blocks)
        {
            foreach (var item in blocks.Items) AddBlocks(items, member, item, 0, labels);
            return;
        }
        if (value is not JsonObject body)
        {
            _diagnostics.Add(new SyntaxDiagnostic(value.Span, "Expected an object for the body of the \"" + member.Name + "\" block."));
            return;
        }
        var span = TextSpan.FromBounds(member.NameSpan.Start, Math.Max(member.NameSpan.End, body.Span.End));
        items.Add(new HclBlock(span, member.Name, member.NameSpan, labels, Body(body, member.Name, topLevel: false)));
    }

    private HclExpression Expression(JsonValue value)
    {
        switch (value)
        {
            case JsonString s:
                if (!_plannedValues && (s.Value.IndexOf("${", StringComparison.Ordinal) >= 0 || s.Value.IndexOf("%{", StringComparison.Ordinal) >= 0))
                    return HclParser.ParseTemplateFragment(s.Value, s.Span.Start + 1, s.Span, _diagnostics);
                var inner = s.Span.Length >= 2 ? new TextSpan(s.Span.Start + 1, s.Span.Length - 2) : s.Span;
                return new HclTemplateExpression(s.Span, new HclTemplatePart[] { new HclTemplateLiteral(inner, s.Value) }, isHeredoc: false, isFlushHeredoc: false);
            case JsonNumber n:
                return new HclLiteralExpression(n.Span, HclValue.Number(n.Value, n.Text));
            case JsonBoolean b:
                return new HclLiteralExpression(b.Span, b.Value ? HclValue.True : HclValue.False);
            case JsonNull:
                return new HclLiteralExpression(value.Span, HclValue.Null);
            case JsonArray a:
            {
                var items = new List<HclExpression>(a.Items.Count);
                foreach (var item in a.Items) items.Add(Expression(item));
                return new HclTupleExpression(a.Span, items);
            }
            case JsonObject o:
            {
                var items = new List<HclObjectItem>(o.Members.Count);
                foreach (var m in o.Members)
                {
                    var keyInner = m.NameSpan.Length >= 2 ? new TextSpan(m.NameSpan.Start + 1, m.NameSpan.Length - 2) : m.NameSpan;
                    var key = new HclTemplateExpression(m.NameSpan, new HclTemplatePart[] { new HclTemplateLiteral(keyInner, m.Name) }, isHeredoc: false, isFlushHeredoc: false);
                    items.Add(new HclObjectItem(m.Span, key, Expression(m.Value)));
                }
                return new HclObjectExpression(o.Span, items);
            }
            default:
                return new HclErrorExpression(value.Span);
        }
    }
}
