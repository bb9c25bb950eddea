using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Bicep;
using Firebreak.Core.Languages.Json;
using Firebreak.Core.Text;

namespace Firebreak.Core.Platforms.Azure;

/// <summary>Where a template deploys, or where a resource's <c>scope</c> puts it.</summary>
public enum AzureScope
{
    Unknown,
    ResourceGroup,
    Subscription,
    ManagementGroup,
    Tenant,
}

/// <summary>
/// The Azure resources one Bicep file or ARM template deploys, in one shape for both: each resource with its full type
/// (a child's type joined to its parent's), the span of its type string, its body (ARM JSON read as Bicep expressions)
/// and its parent; the file's target scope; parameters' defaults and variables. Values are evaluated where the file
/// alone decides them (a literal, a parameter's default, a variable, an interpolation of known parts, a conditional
/// whose branches agree); anything else is unknown, and rules stay quiet on unknowns.
/// </summary>
public sealed class AzureTemplate
{
    private readonly Dictionary<string, BicepExpression> _parameters;
    private readonly Dictionary<string, BicepExpression> _variables;
    private readonly Dictionary<string, AzureResource> _symbols = new(StringComparer.Ordinal);

    /// <summary>Every resource of the file, nested deployments' included: one list, shared by the nested templates.</summary>
    private readonly List<AzureResource> _resources;

    /// <summary>How deep this template is nested in deployments of the file (0 for the file itself).</summary>
    private readonly int _nesting;

    private AzureTemplate(DocumentContext document)
    {
        Document = document;
        _parameters = new Dictionary<string, BicepExpression>(StringComparer.OrdinalIgnoreCase);
        _variables = new Dictionary<string, BicepExpression>(StringComparer.OrdinalIgnoreCase);
        _resources = new List<AzureResource>();
    }

    /// <summary>
    /// The inline template of a nested deployment. With ARM's default (outer) evaluation scope its expressions see the
    /// outer template's parameters and variables; with <c>"scope": "inner"</c> it has its own.
    /// </summary>
    private AzureTemplate(AzureTemplate outer, bool outerScope)
    {
        Document = outer.Document;
        _resources = outer._resources;
        _nesting = outer._nesting + 1;
        TargetScope = outer.TargetScope;
        _parameters = outerScope ? outer._parameters : new Dictionary<string, BicepExpression>(StringComparer.OrdinalIgnoreCase);
        _variables = outerScope ? outer._variables : new Dictionary<string, BicepExpression>(StringComparer.OrdinalIgnoreCase);
    }

    public DocumentContext Document { get; }
    public AzureScope TargetScope { get; private set; } = AzureScope.ResourceGroup;
    public IReadOnlyList<AzureResource> Resources => _resources;

    private static readonly ModelKey<AzureTemplate> TemplateKey = new("azure-template", static doc => Build(doc));

    public static AzureTemplate Of(DocumentContext document) => document.Get(TemplateKey);

    private static AzureTemplate Build(DocumentContext document)
    {
        var template = new AzureTemplate(document);
        if (document.Kind == FileKind.Bicep) template.ReadBicep(document.Get(BicepModels.Key));
        else if (document.Kind == FileKind.ArmTemplate && document.Json.Root is JsonObject root) template.ReadArm(root, document.Text.Text);
        return template;
    }

    private void ReadBicep(BicepFile file)
    {
        foreach (var statement in file.Statements)
        {
            switch (statement.Keyword)
            {
                case "targetScope":
                    TargetScope = ScopeNamed(EvaluateString(statement.Value));
                    break;
                case "param" when statement.Name is { } name && statement.Value is { } value:
                    _parameters[name] = value;
                    break;
                case "var" when statement.Name is { } name && statement.Value is { } value:
                    _variables[name] = value;
                    break;
                case "resource":
                    AddBicepResource(statement, null, 0);
                    break;
            }
        }
        // `parent: vault` names the parent by symbol; resolved once every symbol is known.
        foreach (var resource in _resources)
            if (resource.Parent is null && resource.Body?["parent"] is BicepIdentifier { Name: var parentName } && _symbols.TryGetValue(parentName, out var parent) && parent != resource)
                resource.Parent = parent;
    }

    private void AddBicepResource(BicepStatement statement, AzureResource? parent, int depth)
    {
        if (statement.TypeString is not { } typeString || depth > 16) return;
        string written = typeString.Value ?? "";
        int at = written.IndexOf('@');
        string type = at < 0 ? written : written.Substring(0, at);
        string? apiVersion = at < 0 ? parent?.ApiVersion : written.Substring(at + 1);
        // A nested child written with its short type (`'blobServices'`) is the parent's type plus that segment.
        if (parent is not null && IsRelative(type)) type = parent.Type + "/" + type;
        var resource = new AzureResource(this, statement.Name, type, apiVersion, typeString.Span, statement.Existing, statement.Body, statement.Value is BicepCondition or BicepForExpression)
        {
            Parent = parent,
        };
        _resources.Add(resource);
        if (statement.Name is { } name) _symbols[name] = resource;
        foreach (var child in statement.Body?.Resources ?? Array.Empty<BicepStatement>()) AddBicepResource(child, resource, depth + 1);
    }

    /// <param name="passed">For a nested template evaluated in its own scope: the values its deployment passes (<c>properties.parameters</c>).</param>
    /// <param name="outerScope">For a nested template evaluated in the outer scope: its parameters and variables are the outer template's.</param>
    private void ReadArm(JsonObject root, string text, JsonObject? passed = null, bool outerScope = false)
    {
        if (root.Get("$schema") is JsonString schema)
        {
            string s = schema.Value;
            TargetScope = s.IndexOf("subscriptionDeploymentTemplate", StringComparison.OrdinalIgnoreCase) >= 0 ? AzureScope.Subscription
                : s.IndexOf("managementGroupDeploymentTemplate", StringComparison.OrdinalIgnoreCase) >= 0 ? AzureScope.ManagementGroup
                : s.IndexOf("tenantDeploymentTemplate", StringComparison.OrdinalIgnoreCase) >= 0 ? AzureScope.Tenant
                : AzureScope.ResourceGroup;
        }
        if (!outerScope && root.Get("parameters") is JsonObject parameters)
            foreach (var p in parameters.Members)
            {
                if (passed?.Get(p.Name) is JsonObject given)
                {
                    // A value the deployment passes wins over the default; only a literal is known here (an expression
                    // in it belongs to the outer template).
                    var value = given.Get("value") is { } v ? ArmExpressionParser.FromJson(v, text) : null;
                    _parameters[p.Name] = value is BicepString { Value: not null } or BicepBoolean or BicepNumber ? value : new BicepError(given.Span);
                    continue;
                }
                if (p.Value is JsonObject definition && definition.Get("defaultValue") is { } defaultValue)
                    _parameters[p.Name] = ArmExpressionParser.FromJson(defaultValue, text);
            }
        if (!outerScope && root.Get("variables") is JsonObject variables)
            foreach (var v in variables.Members)
                _variables[v.Name] = ArmExpressionParser.FromJson(v.Value, text);
        AddArmResources(root.Get("resources"), null, text, 0);
    }

    private void AddArmResources(JsonValue? resources, AzureResource? parent, string text, int depth)
    {
        if (depth > 16) return;
        // An array of resources, or (languageVersion 2.0) an object of them by symbolic name.
        var entries = new List<(string? Symbol, JsonObject Resource)>();
        if (resources is JsonArray array)
        {
            foreach (var item in array.Items)
                if (item is JsonObject o) entries.Add((null, o));
        }
        else if (resources is JsonObject byName)
        {
            foreach (var m in byName.Members)
                if (m.Value is JsonObject o) entries.Add((m.Name, o));
        }
        foreach (var (symbol, json) in entries)
        {
            if (json.Get("type") is not JsonString typeString) continue;
            string type = typeString.Value;
            if (parent is not null && IsRelative(type)) type = parent.Type + "/" + type;
            var body = ArmExpressionParser.FromJson(json, text, skip: "resources") as BicepObject;
            bool existing = json.Get("existing") is JsonBoolean { Value: true };
            var resource = new AzureResource(this, symbol, type, (json.Get("apiVersion") as JsonString)?.Value, typeString.Span, existing, body,
                json.Get("condition") is not null || json.Get("copy") is not null)
            {
                Parent = parent,
            };
            _resources.Add(resource);
            if (symbol is not null) _symbols[symbol] = resource;
            AddArmResources(json.Get("resources"), resource, text, depth + 1);
            // A nested deployment's inline template deploys resources of this file too.
            if (resource.Is("Microsoft.Resources/deployments") && _nesting < 8 && json.Get("properties") is JsonObject properties &&
                properties.Get("template") is JsonObject inner)
            {
                bool innerScope = properties.Get("expressionEvaluationOptions") is JsonObject options && options.Get("scope") is JsonString { Value: var scope } &&
                                  scope.Equals("inner", StringComparison.OrdinalIgnoreCase);
                new AzureTemplate(this, outerScope: !innerScope).ReadArm(inner, text, innerScope ? properties.Get("parameters") as JsonObject : null, outerScope: !innerScope);
            }
        }
    }

    /// <summary>A child's type written relative to its parent (<c>blobServices</c>, <c>providers/locks</c>): no provider namespace first.</summary>
    private static bool IsRelative(string type)
    {
        int slash = type.IndexOf('/');
        string first = slash < 0 ? type : type.Substring(0, slash);
        return first.IndexOf('.') < 0;
    }

    private static AzureScope ScopeNamed(string? name) => name switch
    {
        "subscription" => AzureScope.Subscription,
        "managementGroup" => AzureScope.ManagementGroup,
        "tenant" => AzureScope.Tenant,
        _ => AzureScope.ResourceGroup,
    };

    /// <summary>The resource a Bicep symbol (or ARM 2.0 symbolic name) declares in this file.</summary>
    public AzureResource? Symbol(string name) => _symbols.TryGetValue(name, out var r) ? r : null;

    /// <summary>
    /// Follows <paramref name="expression"/> through parameters' defaults, variables (Bicep names or ARM's
    /// <c>parameters('x')</c>/<c>variables('x')</c>), parentheses, property and index accesses of known objects,
    /// and conditionals whose branches agree, to the expression that gives its value; null when the file does not say.
    /// </summary>
    public BicepExpression? Resolve(BicepExpression? expression, int depth = 0)
    {
        for (int guard = 0; expression is not null && guard < 32 && depth < 32; guard++)
        {
            switch (expression)
            {
                case BicepParenthesized p:
                    expression = p.Inner;
                    continue;
                case ArmTemplateExpression arm:
                    expression = arm.Expression;
                    continue;
                case BicepIdentifier id:
                    if (_symbols.ContainsKey(id.Name)) return expression;
                    if (_variables.TryGetValue(id.Name, out var variable)) { expression = variable; continue; }
                    if (_parameters.TryGetValue(id.Name, out var parameter)) { expression = parameter; continue; }
                    return null;
                case BicepCall { Name: "parameters" or "variables", Receiver: null, Arguments.Count: 1 } call when call.Arguments[0] is BicepString { Value: { } name }:
                    var table = call.Name == "parameters" ? _parameters : _variables;
                    if (!table.TryGetValue(name, out var value)) return null;
                    expression = value;
                    continue;
                case BicepPropertyAccess access:
                    if (Resolve(access.Target, depth + 1) is BicepObject obj && obj[access.Name] is { } member) { expression = member; continue; }
                    return expression;
                case BicepIndexAccess index:
                    var target = Resolve(index.Target, depth + 1);
                    if (target is BicepObject keyed && EvaluateString(index.Index, depth + 1) is { } key && keyed[key] is { } entry) { expression = entry; continue; }
                    if (target is BicepArray list && EvaluateString(index.Index, depth + 1) is { } position && int.TryParse(position, out int i) && i >= 0 && i < list.Items.Count) { expression = list.Items[i]; continue; }
                    return null;
                case BicepTernary ternary:
                    var a = Resolve(ternary.WhenTrue, depth + 1);
                    var b = Resolve(ternary.WhenFalse, depth + 1);
                    if (a is null || b is null) return null;
                    string? ta = Literal(a), tb = Literal(b);
                    if (ta is null || tb is null || !string.Equals(ta, tb, StringComparison.OrdinalIgnoreCase)) return null;
                    return a;
                case BicepCall { Name: "if", Receiver: null, Arguments.Count: 3 } armIf:
                    var x = Resolve(armIf.Arguments[1], depth + 1);
                    var y = Resolve(armIf.Arguments[2], depth + 1);
                    string? lx = x is null ? null : Literal(x), ly = y is null ? null : Literal(y);
                    return lx is not null && string.Equals(lx, ly, StringComparison.OrdinalIgnoreCase) ? x : null;
                default:
                    return expression;
            }
        }
        return null;
    }

    private static string? Literal(BicepExpression expression) => expression switch
    {
        BicepString { Value: { } v } => v,
        BicepBoolean b => b.Value ? "true" : "false",
        BicepNumber n => n.Text,
        _ => null,
    };

    /// <summary>The string value when the file decides it (interpolations and <c>concat</c> of known parts included).</summary>
    public string? EvaluateString(BicepExpression? expression, int depth = 0)
    {
        if (depth > 16) return null;
        var resolved = Resolve(expression, depth);
        switch (resolved)
        {
            case BicepString { Value: { } v }:
                return v;
            case BicepString interpolated:
                var sb = new System.Text.StringBuilder(interpolated.Parts[0]);
                for (int i = 0; i < interpolated.Interpolations.Count; i++)
                {
                    if (EvaluateString(interpolated.Interpolations[i], depth + 1) is not { } part) return null;
                    sb.Append(part).Append(interpolated.Parts[i + 1]);
                }
                return sb.ToString();
            case BicepCall { Name: "concat", Receiver: null } concat:
                var joined = new System.Text.StringBuilder();
                foreach (var argument in concat.Arguments)
                {
                    if (EvaluateString(argument, depth + 1) is not { } part) return null;
                    joined.Append(part);
                }
                return joined.ToString();
            case BicepNumber n:
                return n.Text;
            case BicepBoolean b:
                return b.Value ? "true" : "false";
            default:
                return null;
        }
    }

    /// <summary>true or false when the file decides it (<c>!x</c> and ARM's <c>not(x)</c>/<c>bool('false')</c> included); null otherwise.</summary>
    public bool? EvaluateBool(BicepExpression? expression, int depth = 0)
    {
        if (depth > 16) return null;
        switch (Resolve(expression, depth))
        {
            case BicepBoolean b:
                return b.Value;
            case BicepUnary { Operator: "!" } not:
                return EvaluateBool(not.Operand, depth + 1) is { } inner ? !inner : null;
            case BicepCall { Name: "not", Receiver: null, Arguments.Count: 1 } armNot:
                return EvaluateBool(armNot.Arguments[0], depth + 1) is { } armInner ? !armInner : null;
            case BicepCall { Name: "bool", Receiver: null, Arguments.Count: 1 } armBool:
                return EvaluateBool(armBool.Arguments[0], depth + 1);
            case BicepString { Value: { } text }:
                return string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ? true : string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? false : null;
            default:
                return null;
        }
    }

    /// <summary>The resource an expression refers to: <c>vm</c>, <c>vm.id</c>, <c>vm.name</c> for a symbol declared in this file.</summary>
    public AzureResource? ResourceOf(BicepExpression? expression)
    {
        for (int guard = 0; guard < 8 && expression is not null; guard++)
        {
            switch (expression)
            {
                case BicepIdentifier id when _symbols.TryGetValue(id.Name, out var resource):
                    return resource;
                case BicepPropertyAccess { Name: "id" or "name" } access:
                    expression = access.Target;
                    continue;
                case BicepIndexAccess index:
                    expression = index.Target;
                    continue;
                case BicepParenthesized p:
                    expression = p.Inner;
                    continue;
                case ArmTemplateExpression arm:
                    expression = arm.Expression;
                    continue;
                case BicepCall { Name: "resourceId" or "reference", Receiver: null, Arguments.Count: 1 } armCall
                    when armCall.Arguments[0] is BicepString { Value: { } symbolic } && _symbols.TryGetValue(symbolic, out var armSymbol):
                    return armSymbol;
                default:
                    return null;
            }
        }
        return null;
    }

    /// <summary>
    /// The scope a <c>scope:</c> value names: <c>subscription()</c>, <c>managementGroup(…)</c>, <c>tenant()</c> (or their
    /// <c>.id</c>), an ID string <c>/subscriptions/x</c> or <c>/providers/Microsoft.Management/managementGroups/x</c>;
    /// <see cref="AzureScope.Unknown"/> for a resource, a resource group or anything the file does not decide.
    /// </summary>
    public AzureScope ScopeOf(BicepExpression? expression)
    {
        var resolved = Resolve(expression);
        if (resolved is BicepPropertyAccess { Name: "id" } access) resolved = Resolve(access.Target);
        if (resolved is BicepCall { Receiver: null or BicepIdentifier { Name: "az" } } call)
        {
            return call.Name switch
            {
                "subscription" => AzureScope.Subscription,
                "managementGroup" => AzureScope.ManagementGroup,
                "tenant" => AzureScope.Tenant,
                "resourceGroup" => AzureScope.ResourceGroup,
                _ => AzureScope.Unknown,
            };
        }
        if (EvaluateString(resolved) is { } id)
        {
            var parts = id.Trim('/').Split('/');
            if (id.Trim('/').Length == 0) return AzureScope.Tenant;
            if (parts.Length == 2 && parts[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)) return AzureScope.Subscription;
            if (parts.Length == 4 && parts[0].Equals("providers", StringComparison.OrdinalIgnoreCase) &&
                parts[1].Equals("Microsoft.Management", StringComparison.OrdinalIgnoreCase) && parts[2].Equals("managementGroups", StringComparison.OrdinalIgnoreCase))
                return AzureScope.ManagementGroup;
            if (parts.Length == 4 && parts[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)) return AzureScope.ResourceGroup;
        }
        return AzureScope.Unknown;
    }

    /// <summary>Every string the file decides within an expression: itself, or a call's arguments (<c>subscriptionResourceId(type, guid)</c>), or an existing resource's name.</summary>
    public IEnumerable<string> KnownStrings(BicepExpression? expression, int depth = 0)
    {
        if (expression is null || depth > 8) yield break;
        if (EvaluateString(expression) is { } value)
        {
            yield return value;
            yield break;
        }
        if (ResourceOf(expression) is { } resource && resource.Body?["name"] is { } name && EvaluateString(name) is { } resourceName)
        {
            yield return resourceName;
            yield break;
        }
        if (Resolve(expression) is BicepCall call)
            foreach (var argument in call.Arguments)
                foreach (var s in KnownStrings(argument, depth + 1))
                    yield return s;
    }
}

public sealed class AzureResource
{
    internal AzureResource(AzureTemplate template, string? symbol, string type, string? apiVersion, TextSpan typeSpan, bool existing, BicepObject? body, bool conditional)
    {
        Template = template;
        Symbol = symbol;
        Type = type;
        ApiVersion = apiVersion;
        TypeSpan = typeSpan;
        Existing = existing;
        Body = body;
        Conditional = conditional;
    }

    public AzureTemplate Template { get; }
    public DocumentContext Document => Template.Document;

    /// <summary>The Bicep symbol (or ARM 2.0 symbolic name); null for an ARM resource in an array.</summary>
    public string? Symbol { get; }

    /// <summary>The full type without its API version (<c>Microsoft.Storage/storageAccounts/blobServices</c>).</summary>
    public string Type { get; }
    public string? ApiVersion { get; }

    /// <summary>The type string as written (quotes included): where a finding about a missing property points.</summary>
    public TextSpan TypeSpan { get; }

    /// <summary>A reference to a resource deployed elsewhere (<c>existing</c>).</summary>
    public bool Existing { get; }
    public BicepObject? Body { get; }

    /// <summary>Deployed under an <c>if</c> condition or in a loop.</summary>
    public bool Conditional { get; }

    /// <summary>The resource this one is nested in or names with <c>parent:</c>.</summary>
    public AzureResource? Parent { get; internal set; }

    public string Name => Symbol ?? Template.EvaluateString(Body?["name"]) ?? Type.Substring(Type.LastIndexOf('/') + 1);

    public bool Is(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>The property at a dotted path under the body (<c>properties.securitySettings.softDeleteSettings</c>), through variables.</summary>
    public BicepProperty? Property(params string[] path)
    {
        BicepObject? current = Body;
        BicepProperty? property = null;
        foreach (var segment in path)
        {
            property = current?.Property(segment);
            if (property is null) return null;
            current = Template.Resolve(property.Value) as BicepObject;
        }
        return property;
    }
}
