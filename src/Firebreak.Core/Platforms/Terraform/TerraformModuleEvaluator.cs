using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Hcl;
using Firebreak.Core.Languages.Json;
using Firebreak.Core.Text;

namespace Firebreak.Core.Platforms.Terraform;

/// <summary>
/// Evaluates expressions of one module instance to a <see cref="TerraformValue"/>, or Unknown when the value is decided
/// at plan/apply time or evaluation would cost too much. Bounded: cycle detection on locals and resources, a depth limit,
/// a step budget and size limits on collections and strings. Reads nothing but the module's parsed files.
/// </summary>
public sealed class TerraformModuleEvaluator
{
    private const int MaxDepth = 64;
    private const int MaxSteps = 200_000;
    private const int MaxItems = 10_000;
    /// <summary>A computed string longer than this is unknown: no rule reads a megabyte value, and building one is how
    /// nested <c>format</c>/<c>join</c>/<c>replace</c> calls turn a 1 KB file into gigabytes.</summary>
    internal const int MaxStringLength = 1_000_000;

    private readonly Dictionary<string, TerraformValue> _locals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TerraformValue> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TerraformValue> _resources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, Func<TerraformValue>> _inputs;
    private readonly Dictionary<string, TerraformModuleEvaluator> _children = new(StringComparer.Ordinal);
    private int _steps;
    private int _depth;

    internal TerraformModuleEvaluator(TerraformModule module, IReadOnlyDictionary<string, Func<TerraformValue>>? inputs)
    {
        Module = module;
        _inputs = inputs ?? new Dictionary<string, Func<TerraformValue>>();
        _isRoot = inputs is null;
    }

    private readonly bool _isRoot;

    public TerraformModule Module { get; }

    /// <summary>The root module's directory of this instance: <c>path.module</c> is relative to it, as in Terraform.</summary>
    internal string RootDirectory { get; set; } = "";

    /// <summary>Reads another file of the scan by its scan-relative path (for <c>file</c>/<c>templatefile</c>); null outside it.</summary>
    internal Func<string, string?> ReadScanFile { get; set; } = _ => null;

    /// <summary>The text of a file named relative to the root module's directory, when it is part of the scan.</summary>
    internal string? ReadFile(string path)
    {
        if (path.StartsWith("/", StringComparison.Ordinal) || path.IndexOf(':') >= 0) return null; // absolute: outside the scanned tree
        var resolved = TerraformProject.Resolve(RootDirectory, path);
        return resolved is null ? null : ReadScanFile(resolved);
    }

    /// <summary>Evaluates a template file's text with <paramref name="variables"/> as its only names.</summary>
    internal TerraformValue RenderTemplate(string text, TerraformValue variables)
    {
        if (text.Length > MaxStringLength || variables.Kind != TerraformValueKind.Object) return TerraformValue.Unknown;
        var diagnostics = new List<Firebreak.Core.Text.SyntaxDiagnostic>();
        var template = HclParser.ParseTemplateFragment(text, 0, new Firebreak.Core.Text.TextSpan(0, text.Length), diagnostics);
        if (diagnostics.Count > 0) return TerraformValue.Unknown;
        var scope = new Scope(null);
        foreach (var kv in variables.Attributes) scope.Set(kv.Key, kv.Value);
        scope.Set("var", TerraformValue.Object(new Dictionary<string, TerraformValue>()));
        return Template(template.Parts, scope, singleInterpolation: false);
    }

    internal void AddChild(string callName, TerraformModuleEvaluator child) => _children[callName] = child;

    /// <summary>The value, with evaluation errors reported as Unknown.</summary>
    public TerraformValue Evaluate(HclExpression? expression)
    {
        if (expression is null) return TerraformValue.Unknown;
        // The step budget bounds one top-level evaluation, not the instance: a big module still gets every attribute.
        if (_depth == 0) _steps = 0;
        var v = Eval(expression, null);
        return ReferenceEquals(v, TerraformValue.Error) ? TerraformValue.Unknown : v;
    }

    /// <summary>The attribute's value when present; <paramref name="absent"/> when the body has no such attribute.</summary>
    public TerraformValue Evaluate(HclBody body, string attribute, TerraformValue absent) =>
        body.Attribute(attribute) is { } a ? Evaluate(a.Value) : absent;

    public TerraformValue Variable(string name)
    {
        if (_variables.TryGetValue(name, out var cached)) return cached;
        if (!_inProgress.Add("var." + name)) return TerraformValue.Unknown;
        TerraformValue v;
        try
        {
            if (_inputs.TryGetValue(name, out var input)) v = input();
            else if (Module.VariableFileValues.TryGetValue(name, out var assigned)) v = Evaluate(assigned.Expression);
            else if (Module.Variables.TryGetValue(name, out var variable) && variable.Default is not null) v = Evaluate(variable.Default);
            else v = TerraformValue.Unknown;
        }
        finally { _inProgress.Remove("var." + name); }
        return _variables[name] = v;
    }

    public TerraformValue Local(string name)
    {
        if (_locals.TryGetValue(name, out var cached)) return cached;
        if (!Module.Locals.TryGetValue(name, out var local)) return TerraformValue.Error;
        if (!_inProgress.Add("local." + name)) return TerraformValue.Unknown;
        TerraformValue v;
        try { v = Evaluate(local.Expression); }
        finally { _inProgress.Remove("local." + name); }
        return _locals[name] = v;
    }

    /// <summary>A resource as an object of its configured attributes; what it does not configure is Unknown.</summary>
    public TerraformValue Resource(TerraformResource resource)
    {
        if (resource.IsRepeated) return TerraformValue.Unknown;
        if (_resources.TryGetValue(resource.Address, out var cached)) return cached;
        if (!_inProgress.Add(resource.Address)) return TerraformValue.Unknown;
        try
        {
            var attributes = new Dictionary<string, TerraformValue>(StringComparer.Ordinal);
            foreach (var a in resource.Body.Attributes) attributes[a.Name] = Evaluate(a.Value);
            return _resources[resource.Address] = TerraformValue.Object(attributes).AsOpen();
        }
        finally { _inProgress.Remove(resource.Address); }
    }

    /// <summary>
    /// False when the resource is known not to be created: <c>count</c> known to be 0 or <c>for_each</c> known to be
    /// empty (<c>count = var.enable_lock ? 1 : 0</c> with the lock off).
    /// </summary>
    public bool Exists(TerraformResource resource)
    {
        if (resource.Body.Attribute("count") is { } count) return Evaluate(count.Value).AsNumber() is not 0;
        if (resource.Body.Attribute("for_each") is { } forEach)
        {
            // for_each = var.databases with `default = {}` in a root module: the default is a placeholder the user
            // fills (-var-file, TF_VAR_), so the resource is still configured as written.
            if (_isRoot && forEach.Value.AsTraversal() is { Count: 2 } steps && steps[0].Name == "var" &&
                !Module.VariableFileValues.ContainsKey(steps[1].Name))
                return true;
            var collection = Evaluate(forEach.Value);
            return collection.Kind is not (TerraformValueKind.List or TerraformValueKind.Object) || Pairs(collection) is not { Count: 0 };
        }
        return true;
    }

    /// <summary>
    /// The expression's value in each instance of the resource: per element of a known <c>for_each</c> (with
    /// <c>each.key</c>/<c>each.value</c>), per index of a known <c>count</c>, else once. <c>role = each.value</c> over
    /// <c>toset(["roles/editor", …])</c> is known per instance even though it is not known for the block.
    /// </summary>
    public IReadOnlyList<TerraformValue> EvaluateEach(TerraformResource resource, HclExpression expression)
    {
        const int maxInstances = 1_000;
        if (_depth == 0) _steps = 0;
        var scopes = new List<Scope>();
        if (resource.Body.Attribute("for_each") is { } forEach && Pairs(Evaluate(forEach.Value)) is { Count: > 0 and <= maxInstances } pairs)
            foreach (var (key, value) in pairs)
            {
                var scope = new Scope(null);
                // for_each over a set: each.key is the element itself.
                var keyValue = key.Kind == TerraformValueKind.Number ? value : key;
                scope.Set("each", TerraformValue.Object(new Dictionary<string, TerraformValue>(StringComparer.Ordinal) { ["key"] = keyValue, ["value"] = value }));
                scopes.Add(scope);
            }
        else if (resource.Body.Attribute("count") is { } count && Evaluate(count.Value).AsNumber() is { } n && n >= 1 && n <= maxInstances)
            for (int i = 0; i < (int)n; i++)
            {
                var scope = new Scope(null);
                scope.Set("count", TerraformValue.Object(new Dictionary<string, TerraformValue>(StringComparer.Ordinal) { ["index"] = TerraformValue.Number(i) }));
                scopes.Add(scope);
            }
        if (scopes.Count == 0) return new[] { Evaluate(expression) };
        return scopes.Select(scope =>
        {
            _steps = 0;
            var v = Eval(expression, scope);
            return ReferenceEquals(v, TerraformValue.Error) ? TerraformValue.Unknown : v;
        }).ToArray();
    }

    private TerraformValue Eval(HclExpression e, Scope? scope)
    {
        if (++_steps > MaxSteps || _depth >= MaxDepth) return TerraformValue.Unknown;
        _depth++;
        try { return EvalCore(e, scope); }
        finally { _depth--; }
    }

    private TerraformValue EvalCore(HclExpression e, Scope? scope)
    {
        switch (e)
        {
            case HclLiteralExpression lit:
                return FromLiteral(lit.Value);
            case HclParenthesizedExpression p:
                return Eval(p.Inner, scope);
            case HclTemplateExpression t:
                return Template(t.Parts, scope, t.Parts.Count == 1 && t.Parts[0] is HclTemplateInterpolation);
            case HclVariableExpression v:
                return scope?.Find(v.Name) ?? Root(v.Name);
            case HclGetAttrExpression g:
                return GetAttr(g, scope);
            case HclIndexExpression ix:
                return Index(Eval(ix.Source, scope), Eval(ix.Key, scope));
            case HclSplatExpression s:
                return Splat(s, scope);
            case HclTupleExpression tuple:
                return Tuple(tuple, scope);
            case HclObjectExpression o:
                return Object(o, scope);
            case HclConditionalExpression c:
                return Conditional(c, scope);
            case HclUnaryExpression u:
                return Unary(u, scope);
            case HclBinaryExpression b:
                return Binary(b, scope);
            case HclForExpression f:
                return For(f, scope);
            case HclFunctionCallExpression call:
                return TerraformFunctions.Call(this, call, scope);
            default:
                return TerraformValue.Unknown;
        }
    }

    // Out of EvalCore: a lambda there capturing the scope made every evaluation allocate its closure, tuple or not.
    private TerraformValue Tuple(HclTupleExpression tuple, Scope? scope)
    {
        var items = new TerraformValue[tuple.Items.Count];
        for (int i = 0; i < items.Length; i++) items[i] = Eval(tuple.Items[i], scope);
        return Limit(items);
    }

    internal TerraformValue EvalArgument(HclExpression e, Scope? scope) => Eval(e, scope);

    private static TerraformValue FromLiteral(HclValue v) => v.Kind switch
    {
        HclValueKind.String => TerraformValue.String(v.StringValue!),
        HclValueKind.Number => TerraformValue.Number(v.NumberValue),
        HclValueKind.Bool => TerraformValue.Bool(v.BoolValue),
        _ => TerraformValue.Null,
    };

    private static TerraformValue Root(string name) => name switch
    {
        // var, local, module, data, resources are resolved by GetAttr; alone they are not values.
        _ => TerraformValue.Unknown,
    };

    private TerraformValue GetAttr(HclGetAttrExpression g, Scope? scope)
    {
        if (g.Source is HclVariableExpression root && scope?.Find(root.Name) is null)
        {
            switch (root.Name)
            {
                case "var": return Variable(g.Name);
                case "local": return Local(g.Name);
                case "path":
                    return g.Name == "module" ? TerraformValue.String(RelativeDirectory(RootDirectory, Module.Directory)) : g.Name is "root" or "cwd" ? TerraformValue.String(".") : TerraformValue.Unknown;
                case "each" or "count" or "self" or "terraform" or "data":
                    return TerraformValue.Unknown;
                default:
                    return Module.FindManaged(root.Name, g.Name) is { } resource ? Resource(resource) : TerraformValue.Unknown;
            }
        }
        if (g.Source is HclGetAttrExpression { Source: HclVariableExpression { Name: "module" } } call && scope?.Find("module") is null)
            return _children.TryGetValue(call.Name, out var child) ? child.Output(g.Name) : TerraformValue.Unknown;
        return GetAttr(Eval(g.Source, scope), g.Name);
    }

    private TerraformValue Output(string name) =>
        Module.Outputs.TryGetValue(name, out var output) ? Evaluate(output.Expression) : TerraformValue.Unknown;

    internal static TerraformValue GetAttr(TerraformValue source, string name)
    {
        if (source.Kind == TerraformValueKind.Object)
            return source.Attributes.TryGetValue(name, out var v) ? v : (source.IsOpen ? TerraformValue.Unknown : TerraformValue.Error);
        if (!source.IsKnown) return source;
        return TerraformValue.Error;
    }

    internal static TerraformValue Index(TerraformValue source, TerraformValue key)
    {
        if (ReferenceEquals(source, TerraformValue.Error) || ReferenceEquals(key, TerraformValue.Error)) return TerraformValue.Error;
        if (!source.IsKnown || !key.IsKnown) return TerraformValue.Unknown;
        if (source.Kind == TerraformValueKind.List)
        {
            var n = key.AsNumber();
            if (n is null) return TerraformValue.Error;
            int i = (int)n.Value;
            return i >= 0 && i < source.Items.Count ? source.Items[i] : TerraformValue.Error;
        }
        if (source.Kind == TerraformValueKind.Object && key.AsString() is { } k) return GetAttr(source, k);
        return TerraformValue.Error;
    }

    private TerraformValue Splat(HclSplatExpression s, Scope? scope)
    {
        var source = Eval(s.Source, scope);
        if (!source.IsKnown) return TerraformValue.Unknown;
        var items = source.Kind == TerraformValueKind.List ? source.Items : source.Kind == TerraformValueKind.Null ? Array.Empty<TerraformValue>() : new[] { source };
        var result = new List<TerraformValue>(items.Count);
        foreach (var item in items)
        {
            var v = item;
            foreach (var step in s.Each)
            {
                v = step.Kind switch
                {
                    HclTraversalStepKind.Attribute => GetAttr(v, step.Name),
                    HclTraversalStepKind.Index when step.Key is not null => Index(v, FromLiteral(step.Key)),
                    _ => TerraformValue.Unknown,
                };
            }
            result.Add(v);
        }
        return Limit(result);
    }

    private TerraformValue Object(HclObjectExpression o, Scope? scope)
    {
        var d = new Dictionary<string, TerraformValue>(StringComparer.Ordinal);
        foreach (var item in o.Items)
        {
            string? key = item.Key is HclVariableExpression v ? v.Name : Eval(item.Key, scope).AsString();
            if (key is null) return TerraformValue.Unknown;
            d[key] = Eval(item.Value, scope);
        }
        return TerraformValue.Object(d);
    }

    private TerraformValue Conditional(HclConditionalExpression c, Scope? scope)
    {
        var condition = Eval(c.Condition, scope).AsBool();
        if (condition == true) return Eval(c.TrueResult, scope);
        if (condition == false) return Eval(c.FalseResult, scope);
        // Unknown condition: the result is known only when both branches agree.
        var a = Eval(c.TrueResult, scope);
        var b = Eval(c.FalseResult, scope);
        return TerraformValue.KnownEquals(a, b) == true ? a : TerraformValue.Unknown;
    }

    private TerraformValue Unary(HclUnaryExpression u, Scope? scope)
    {
        var v = Eval(u.Operand, scope);
        if (u.Operator == HclUnaryOperator.Not) return v.AsBool() is { } b ? TerraformValue.Bool(!b) : Unknownish(v);
        return v.AsNumber() is { } n ? TerraformValue.Number(-n) : Unknownish(v);
    }

    private static TerraformValue Unknownish(TerraformValue v) => v.IsKnown ? TerraformValue.Error : TerraformValue.Unknown;

    private TerraformValue Binary(HclBinaryExpression b, Scope? scope)
    {
        var left = Eval(b.Left, scope);
        if (b.Operator == HclBinaryOperator.And && left.AsBool() == false) return TerraformValue.False;
        if (b.Operator == HclBinaryOperator.Or && left.AsBool() == true) return TerraformValue.True;
        var right = Eval(b.Right, scope);
        switch (b.Operator)
        {
            case HclBinaryOperator.And:
                if (right.AsBool() == false) return TerraformValue.False;
                return left.AsBool() == true && right.AsBool() == true ? TerraformValue.True : TerraformValue.Unknown;
            case HclBinaryOperator.Or:
                if (right.AsBool() == true) return TerraformValue.True;
                return left.AsBool() == false && right.AsBool() == false ? TerraformValue.False : TerraformValue.Unknown;
            case HclBinaryOperator.Equal:
            case HclBinaryOperator.NotEqual:
                var eq = TerraformValue.KnownEquals(left, right);
                if (eq is null) return TerraformValue.Unknown;
                return TerraformValue.Bool(b.Operator == HclBinaryOperator.Equal ? eq.Value : !eq.Value);
        }
        var l = left.AsNumber();
        var r = right.AsNumber();
        if (l is null || r is null) return left.IsKnown && right.IsKnown ? TerraformValue.Error : TerraformValue.Unknown;
        return b.Operator switch
        {
            HclBinaryOperator.Add => TerraformValue.Number(l.Value + r.Value),
            HclBinaryOperator.Subtract => TerraformValue.Number(l.Value - r.Value),
            HclBinaryOperator.Multiply => TerraformValue.Number(l.Value * r.Value),
            HclBinaryOperator.Divide => r.Value == 0 ? TerraformValue.Error : TerraformValue.Number(l.Value / r.Value),
            HclBinaryOperator.Modulo => r.Value == 0 ? TerraformValue.Error : TerraformValue.Number(l.Value % r.Value),
            HclBinaryOperator.Greater => TerraformValue.Bool(l > r),
            HclBinaryOperator.GreaterOrEqual => TerraformValue.Bool(l >= r),
            HclBinaryOperator.Less => TerraformValue.Bool(l < r),
            HclBinaryOperator.LessOrEqual => TerraformValue.Bool(l <= r),
            _ => TerraformValue.Unknown,
        };
    }

    private TerraformValue For(HclForExpression f, Scope? scope)
    {
        var collection = Eval(f.Collection, scope);
        if (!collection.IsKnown) return TerraformValue.Unknown;
        var pairs = Pairs(collection);
        if (pairs is null) return TerraformValue.Error;
        var list = new List<TerraformValue>();
        var obj = new Dictionary<string, TerraformValue>(StringComparer.Ordinal);
        var groups = new Dictionary<string, List<TerraformValue>>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            var inner = new Scope(scope);
            if (f.KeyVariable is not null) inner.Set(f.KeyVariable, key);
            inner.Set(f.ValueVariable, value);
            if (f.Condition is not null)
            {
                var keep = Eval(f.Condition, inner).AsBool();
                if (keep is null) return TerraformValue.Unknown;
                if (!keep.Value) continue;
            }
            var v = Eval(f.ValueResult, inner);
            if (!f.IsObject)
            {
                list.Add(v);
                if (list.Count > MaxItems) return TerraformValue.Unknown;
                continue;
            }
            var k = f.KeyResult is null ? null : Eval(f.KeyResult, inner).AsString();
            if (k is null) return TerraformValue.Unknown;
            if (f.Grouping)
            {
                if (!groups.TryGetValue(k, out var g)) groups[k] = g = new List<TerraformValue>();
                g.Add(v);
            }
            else obj[k] = v;
            if (obj.Count + groups.Count > MaxItems) return TerraformValue.Unknown;
        }
        if (!f.IsObject) return TerraformValue.List(list);
        foreach (var g in groups) obj[g.Key] = TerraformValue.List(g.Value);
        return TerraformValue.Object(obj);
    }

    internal static List<(TerraformValue Key, TerraformValue Value)>? Pairs(TerraformValue collection)
    {
        if (collection.Kind == TerraformValueKind.List)
            return collection.Items.Select((v, i) => (TerraformValue.Number(i), v)).ToList();
        if (collection.Kind == TerraformValueKind.Object)
            return collection.Attributes.OrderBy(k => k.Key, StringComparer.Ordinal).Select(kv => (TerraformValue.String(kv.Key), kv.Value)).ToList();
        return null;
    }

    /// <summary>The path from one scan directory to another, as Terraform writes <c>path.module</c> ("." for the same).</summary>
    private static string RelativeDirectory(string from, string to)
    {
        var a = from.Length == 0 ? Array.Empty<string>() : from.Split('/');
        var b = to.Length == 0 ? Array.Empty<string>() : to.Split('/');
        int common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common]) common++;
        var parts = Enumerable.Repeat("..", a.Length - common).Concat(b.Skip(common)).ToArray();
        return parts.Length == 0 ? "." : string.Join("/", parts);
    }

    internal TerraformValue Template(IReadOnlyList<HclTemplatePart> parts, Scope? scope, bool singleInterpolation)
    {
        // "${x}" alone is x itself, not its string form (Terraform keeps the type).
        if (singleInterpolation) return Eval(((HclTemplateInterpolation)parts[0]).Expression, scope);
        var sb = new StringBuilder();
        return AppendTemplate(parts, scope, sb) ? TerraformValue.String(sb.ToString()) : PartialTemplate(parts, scope);
    }

    /// <summary>
    /// An unknown template still has known ends: the parts before the first part that cannot be rendered and after the
    /// last one (an unknown interpolation contributes its own known ends).
    /// </summary>
    private TerraformValue PartialTemplate(IReadOnlyList<HclTemplatePart> parts, Scope? scope)
    {
        var rendered = new (string? Text, TerraformValue? Value)[parts.Count];
        for (int i = 0; i < parts.Count; i++)
        {
            var sb = new StringBuilder();
            if (AppendTemplate(new[] { parts[i] }, scope, sb)) rendered[i] = (sb.ToString(), null);
            else rendered[i] = (null, parts[i] is HclTemplateInterpolation interpolation ? Eval(interpolation.Expression, scope) : null);
        }
        int first = Array.FindIndex(rendered, r => r.Text is null);
        int last = Array.FindLastIndex(rendered, r => r.Text is null);
        if (first < 0) return TerraformValue.Unknown;
        if (JsonWithUnknowns(rendered) is { } structure) return structure;
        string prefix = string.Concat(rendered.Take(first).Select(r => r.Text)) + (rendered[first].Value?.KnownPrefix ?? "");
        string suffix = (rendered[last].Value?.KnownSuffix ?? "") + string.Concat(rendered.Skip(last + 1).Select(r => r.Text));
        return TerraformValue.PartialString(prefix, suffix);
    }

    private const string UnknownMarker = "\uE000firebreak-unknown\uE000";

    /// <summary>
    /// A heredoc or template file that is JSON with unknown interpolations (<c>"Resource": "${aws_s3_bucket.x.arn}"</c>)
    /// keeps its structure, like <c>jsonencode</c> does: the unknown strings are Unknown, the rest (<c>"Action": "*"</c>) is known.
    /// </summary>
    private static TerraformValue? JsonWithUnknowns((string? Text, TerraformValue? Value)[] rendered)
    {
        var text = string.Concat(rendered.Select(r => r.Text ?? UnknownMarker));
        var trimmed = text.TrimStart();
        if (trimmed.Length == 0 || trimmed[0] is not ('{' or '[')) return null;
        var json = JsonParser.Parse(text);
        if (json.Diagnostics.Count > 0 || json.Root is null) return null;
        return TerraformValue.Encoded(ReplaceMarkers(TerraformValue.FromJson(json.Root)), null);
    }

    private static TerraformValue ReplaceMarkers(TerraformValue value) => value.Kind switch
    {
        TerraformValueKind.String when value.StringValue is { } text && text.IndexOf(UnknownMarker, StringComparison.Ordinal) >= 0 =>
            TerraformValue.PartialString(
                text.Substring(0, text.IndexOf(UnknownMarker, StringComparison.Ordinal)),
                text.Substring(text.LastIndexOf(UnknownMarker, StringComparison.Ordinal) + UnknownMarker.Length)),
        TerraformValueKind.List => TerraformValue.List(value.Items.Select(ReplaceMarkers).ToArray()),
        TerraformValueKind.Object => TerraformValue.Object(value.Attributes.ToDictionary(kv => ReplaceMarkers(TerraformValue.String(kv.Key)).AsString() ?? kv.Key, kv => ReplaceMarkers(kv.Value), StringComparer.Ordinal)),
        _ => value,
    };

    private bool AppendTemplate(IReadOnlyList<HclTemplatePart> parts, Scope? scope, StringBuilder sb)
    {
        foreach (var part in parts)
        {
            if (sb.Length > MaxStringLength) return false;
            switch (part)
            {
                case HclTemplateLiteral l:
                    sb.Append(l.Value);
                    break;
                case HclTemplateInterpolation i:
                    if (Eval(i.Expression, scope).AsString() is not { } s) return false;
                    sb.Append(s);
                    break;
                case HclTemplateIf c:
                    var cond = Eval(c.Condition, scope).AsBool();
                    if (cond is null) return false;
                    if (!AppendTemplate(cond.Value ? c.Then : (c.Else ?? Array.Empty<HclTemplatePart>()), scope, sb)) return false;
                    break;
                case HclTemplateFor f:
                    var pairs = Pairs(Eval(f.Collection, scope));
                    if (pairs is null || pairs.Count > MaxItems) return false;
                    foreach (var (key, value) in pairs)
                    {
                        var inner = new Scope(scope);
                        if (f.KeyVariable is not null) inner.Set(f.KeyVariable, key);
                        inner.Set(f.ValueVariable, value);
                        if (!AppendTemplate(f.Body, inner, sb)) return false;
                    }
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    internal static TerraformValue Limit(IReadOnlyList<TerraformValue> items) =>
        items.Count > MaxItems ? TerraformValue.Unknown : TerraformValue.List(items);

    /// <summary>Names bound by a <c>for</c> expression.</summary>
    internal sealed class Scope
    {
        private readonly Scope? _parent;
        private readonly Dictionary<string, TerraformValue> _names = new(StringComparer.Ordinal);

        public Scope(Scope? parent) => _parent = parent;

        public void Set(string name, TerraformValue value) => _names[name] = value;

        public TerraformValue? Find(string name) => _names.TryGetValue(name, out var v) ? v : _parent?.Find(name);
    }

    internal static TerraformValue JsonDecode(string text)
    {
        if (text.Length > MaxStringLength) return TerraformValue.Unknown;
        var doc = JsonParser.Parse(text);
        return doc.Diagnostics.Count > 0 ? TerraformValue.Error : TerraformValue.FromJson(doc.Root);
    }

    internal static string Format(double d) => d.ToString(CultureInfo.InvariantCulture);
}
