using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Hcl;

namespace Firebreak.Core.Platforms.Terraform;

/// <summary>
/// The built-in functions the evaluator knows (https://developer.hashicorp.com/terraform/language/functions). Any other
/// function, and any of these given an unknown argument, yields Unknown.
/// </summary>
internal static class TerraformFunctions
{
    public static TerraformValue Call(TerraformModuleEvaluator evaluator, HclFunctionCallExpression call, TerraformModuleEvaluator.Scope? scope)
    {
        string name = call.Name.StartsWith("provider::", StringComparison.Ordinal) ? "" : call.Name.Replace("core::", "");

        // try and can look at errors, so they evaluate their own arguments.
        if (name == "try")
        {
            foreach (var argument in call.Arguments)
            {
                var v = evaluator.EvalArgument(argument, scope);
                if (ReferenceEquals(v, TerraformValue.Error)) continue;
                return v.IsWhollyKnown ? v : TerraformValue.Unknown;
            }
            return TerraformValue.Error;
        }
        if (name == "can")
        {
            if (call.Arguments.Count != 1) return TerraformValue.Error;
            var v = evaluator.EvalArgument(call.Arguments[0], scope);
            return ReferenceEquals(v, TerraformValue.Error) ? TerraformValue.False : v.IsWhollyKnown ? TerraformValue.True : TerraformValue.Unknown;
        }

        var args = new List<TerraformValue>(call.Arguments.Count);
        foreach (var argument in call.Arguments) args.Add(evaluator.EvalArgument(argument, scope));
        if (call.ExpandFinal && args.Count > 0)
        {
            var last = args[args.Count - 1];
            if (last.Kind != TerraformValueKind.List) return TerraformValue.Unknown;
            args.RemoveAt(args.Count - 1);
            args.AddRange(last.Items);
        }
        if (args.Any(a => ReferenceEquals(a, TerraformValue.Error))) return TerraformValue.Error;

        switch (name)
        {
            case "jsonencode" when args.Count == 1:
                // Keep the structure even when a part is unknown: a wildcard action next to an unknown ARN still counts.
                return TerraformValue.Encoded(args[0], args[0].ToJson());
            case "file" when args.Count == 1:
                return args[0].AsString() is { } filePath && evaluator.ReadFile(filePath) is { } content ? TerraformValue.String(content) : TerraformValue.Unknown;
            case "templatefile" when args.Count == 2:
                return args[0].AsString() is { } templatePath && evaluator.ReadFile(templatePath) is { } template
                    ? evaluator.RenderTemplate(template, args[1]) : TerraformValue.Unknown;
            case "jsondecode" when args.Count == 1:
                if (args[0].EncodedFrom is { } structure) return structure;
                return args[0].Kind == TerraformValueKind.String ? TerraformModuleEvaluator.JsonDecode(args[0].StringValue!) : TerraformValue.Unknown;
            case "merge":
                return Merge(args);
            case "concat":
                if (args.Any(a => !a.IsKnown)) return TerraformValue.Unknown;
                if (args.Any(a => a.Kind != TerraformValueKind.List)) return TerraformValue.Error;
                return TerraformModuleEvaluator.Limit(args.SelectMany(a => a.Items).ToArray());
            case "lookup" when args.Count is 2 or 3:
                if (!args[0].IsKnown || args[1].AsString() is not { } key) return TerraformValue.Unknown;
                if (args[0].Kind != TerraformValueKind.Object) return TerraformValue.Error;
                if (args[0].Attributes.TryGetValue(key, out var found)) return found;
                return args.Count == 3 ? args[2] : args[0].IsOpen ? TerraformValue.Unknown : TerraformValue.Error;
            case "format" when args.Count >= 1:
                return Format(args);
            case "lower" when args.Count == 1:
                return args[0].AsString() is { } lower ? TerraformValue.String(lower.ToLowerInvariant()) : Unknown(args[0]);
            case "upper" when args.Count == 1:
                return args[0].AsString() is { } upper ? TerraformValue.String(upper.ToUpperInvariant()) : Unknown(args[0]);
            case "replace" when args.Count == 3:
                return Replace(args[0], args[1], args[2]);
            case "coalesce":
                foreach (var a in args)
                {
                    if (!a.IsKnown) return TerraformValue.Unknown;
                    if (a.Kind != TerraformValueKind.Null && !(a.Kind == TerraformValueKind.String && a.StringValue!.Length == 0)) return a;
                }
                return TerraformValue.Error;
            case "tostring" when args.Count == 1:
                if (args[0].Kind == TerraformValueKind.Null) return args[0];
                return args[0].AsString() is { } s ? TerraformValue.String(s) : Unknown(args[0]);
            case "tonumber" when args.Count == 1:
                return args[0].AsNumber() is { } n ? TerraformValue.Number(n) : Unknown(args[0]);
            case "tobool" when args.Count == 1:
                return args[0].AsBool() is { } b ? TerraformValue.Bool(b) : Unknown(args[0]);
            case "tolist" or "toset" when args.Count == 1:
                if (args[0].Kind == TerraformValueKind.List) return name == "toset" ? Distinct(args[0]) : args[0];
                return Unknown(args[0]);
            case "tomap" when args.Count == 1:
                return args[0].Kind == TerraformValueKind.Object ? args[0] : Unknown(args[0]);
            case "length" when args.Count == 1:
                return args[0].Kind switch
                {
                    TerraformValueKind.List => TerraformValue.Number(args[0].Items.Count),
                    TerraformValueKind.Object when !args[0].IsOpen => TerraformValue.Number(args[0].Attributes.Count),
                    TerraformValueKind.String => TerraformValue.Number(args[0].StringValue!.Length),
                    _ => Unknown(args[0]),
                };
            case "contains" when args.Count == 2:
                if (args[0].Kind != TerraformValueKind.List) return Unknown(args[0]);
                bool unknown = false;
                foreach (var item in args[0].Items)
                {
                    var eq = TerraformValue.KnownEquals(item, args[1]);
                    if (eq == true) return TerraformValue.True;
                    if (eq is null) unknown = true;
                }
                return unknown ? TerraformValue.Unknown : TerraformValue.False;
            case "element" when args.Count == 2:
                if (args[0].Kind != TerraformValueKind.List || args[1].AsNumber() is not { } index) return TerraformValue.Unknown;
                if (args[0].Items.Count == 0) return TerraformValue.Error;
                return args[0].Items[(int)(Math.Abs((long)index) % args[0].Items.Count)];
            case "flatten" when args.Count == 1:
                var flat = new List<TerraformValue>();
                return Flatten(args[0], flat, 0) ? TerraformModuleEvaluator.Limit(flat) : TerraformValue.Unknown;
            case "keys" when args.Count == 1:
                return args[0].Kind == TerraformValueKind.Object && !args[0].IsOpen
                    ? TerraformValue.List(args[0].Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(TerraformValue.String).ToArray())
                    : TerraformValue.Unknown;
            case "values" when args.Count == 1:
                return args[0].Kind == TerraformValueKind.Object && !args[0].IsOpen
                    ? TerraformValue.List(args[0].Attributes.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Value).ToArray())
                    : TerraformValue.Unknown;
            case "join" when args.Count == 2:
                if (args[0].AsString() is not { } separator || args[1].Kind != TerraformValueKind.List) return TerraformValue.Unknown;
                var parts = args[1].Items.Select(i => i.AsString()).ToArray();
                if (parts.Any(p => p is null)) return TerraformValue.Unknown;
                long joined = (long)separator.Length * Math.Max(0, parts.Length - 1) + parts.Sum(p => (long)p!.Length);
                return joined > TerraformModuleEvaluator.MaxStringLength ? TerraformValue.Unknown : TerraformValue.String(string.Join(separator, parts));
            case "trimspace" when args.Count == 1:
                return args[0].AsString() is { } trim ? TerraformValue.String(trim.Trim()) : Unknown(args[0]);
            default:
                return TerraformValue.Unknown;
        }
    }

    private static TerraformValue Unknown(TerraformValue argument) => argument.IsKnown && argument.Kind != TerraformValueKind.Null ? TerraformValue.Error : TerraformValue.Unknown;

    private static TerraformValue Merge(List<TerraformValue> args)
    {
        var d = new Dictionary<string, TerraformValue>(StringComparer.Ordinal);
        foreach (var a in args)
        {
            if (a.Kind == TerraformValueKind.Null) continue;
            if (a.Kind != TerraformValueKind.Object || a.IsOpen) return a.IsKnown && !a.IsOpen ? TerraformValue.Error : TerraformValue.Unknown;
            foreach (var kv in a.Attributes) d[kv.Key] = kv.Value;
        }
        return TerraformValue.Object(d);
    }

    private static TerraformValue Distinct(TerraformValue list)
    {
        var result = new List<TerraformValue>();
        foreach (var item in list.Items)
        {
            if (!item.IsWhollyKnown) return TerraformValue.Unknown;
            if (!result.Any(r => TerraformValue.KnownEquals(r, item) == true)) result.Add(item);
        }
        return TerraformValue.List(result);
    }

    private static bool Flatten(TerraformValue v, List<TerraformValue> into, int depth)
    {
        if (depth > 32 || into.Count > 10_000) return false;
        if (v.Kind != TerraformValueKind.List) return false;
        foreach (var item in v.Items)
        {
            if (item.Kind == TerraformValueKind.List)
            {
                if (!Flatten(item, into, depth + 1)) return false;
            }
            else if (!item.IsKnown) return false;
            else into.Add(item);
        }
        return true;
    }

    private static TerraformValue Replace(TerraformValue s, TerraformValue search, TerraformValue replacement)
    {
        if (s.AsString() is not { } text || search.AsString() is not { } find || replacement.AsString() is not { } with) return TerraformValue.Unknown;
        if (find.Length > 2 && find[0] == '/' && find[find.Length - 1] == '/')
        {
            try
            {
                // Linear time whatever the pattern: `/(a+)+$/` gives the same value on every run, never a timeout.
                if (Firebreak.Core.Text.LinearRegex.TryCreate(find.Substring(1, find.Length - 2)) is not { } regex) return TerraformValue.Unknown;
                var replaced = regex.Replace(text, with.Replace("$", "$$").Replace("$${", "${"));
                return replaced.Length > TerraformModuleEvaluator.MaxStringLength ? TerraformValue.Unknown : TerraformValue.String(replaced);
            }
            catch (ArgumentException) { return TerraformValue.Unknown; }
        }
        if (find.Length == 0) return TerraformValue.Unknown;
        if (with.Length > find.Length)
        {
            long count = 0;
            for (int at = text.IndexOf(find, StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at + find.Length, StringComparison.Ordinal)) count++;
            if (text.Length + count * (with.Length - find.Length) > TerraformModuleEvaluator.MaxStringLength) return TerraformValue.Unknown;
        }
        return TerraformValue.String(text.Replace(find, with));
    }

    private static TerraformValue Format(List<TerraformValue> args)
    {
        if (args[0].AsString() is not { } spec) return TerraformValue.Unknown;
        var sb = new System.Text.StringBuilder();
        int next = 1;
        for (int i = 0; i < spec.Length; i++)
        {
            char c = spec[i];
            if (c != '%') { sb.Append(c); continue; }
            if (i + 1 < spec.Length && spec[i + 1] == '%') { sb.Append('%'); i++; continue; }
            int j = i + 1;
            while (j < spec.Length && !char.IsLetter(spec[j])) j++;
            if (j >= spec.Length || next >= args.Count) return TerraformValue.Unknown;
            char verb = spec[j];
            var arg = args[next++];
            string? text = verb switch
            {
                's' or 'v' => arg.AsString() ?? (arg.IsWhollyKnown && arg.Kind != TerraformValueKind.Null ? arg.ToJson() : null),
                'd' => arg.AsNumber() is { } n ? ((long)n).ToString(CultureInfo.InvariantCulture) : null,
                'q' => arg.AsString() is { } q ? TerraformValue.String(q).ToJson() : null,
                't' => arg.AsBool() is { } b ? (b ? "true" : "false") : null,
                _ => null,
            };
            if (text is null || sb.Length + text.Length > TerraformModuleEvaluator.MaxStringLength) return TerraformValue.Unknown;
            sb.Append(text);
            i = j;
        }
        return TerraformValue.String(sb.ToString());
    }
}
