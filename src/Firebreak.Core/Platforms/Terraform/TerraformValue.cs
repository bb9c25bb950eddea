using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Json;

namespace Firebreak.Core.Platforms.Terraform;

public enum TerraformValueKind { Unknown, Null, Bool, Number, String, List, Object }

/// <summary>
/// A value as <see cref="TerraformModuleEvaluator"/> knows it. <see cref="TerraformValueKind.Unknown"/> means "decided at
/// plan or apply time" (or too costly to work out): rules stay quiet on it. Lists and objects may hold unknown elements.
/// </summary>
public sealed class TerraformValue
{
    private TerraformValue(TerraformValueKind kind) => Kind = kind;

    // Declared before the shared values below: static fields initialize in order, and each value's Attributes start as this.
    private static readonly IReadOnlyDictionary<string, TerraformValue> Empty = new Dictionary<string, TerraformValue>();

    public static readonly TerraformValue Unknown = new(TerraformValueKind.Unknown);
    public static readonly TerraformValue Null = new(TerraformValueKind.Null);
    public static readonly TerraformValue True = new(TerraformValueKind.Bool) { BoolValue = true };
    public static readonly TerraformValue False = new(TerraformValueKind.Bool) { BoolValue = false };

    /// <summary>Evaluation failed (missing key, bad index, wrong type): only <c>try</c>/<c>can</c> see it; rules see Unknown.</summary>
    internal static readonly TerraformValue Error = new(TerraformValueKind.Unknown);

    public TerraformValueKind Kind { get; }
    public bool BoolValue { get; private set; }
    public double NumberValue { get; private set; }
    public string? StringValue { get; private set; }
    public IReadOnlyList<TerraformValue> Items { get; private set; } = Array.Empty<TerraformValue>();
    public IReadOnlyDictionary<string, TerraformValue> Attributes { get; private set; } = Empty;

    /// <summary>For the result of <c>jsonencode(x)</c>: x, so a policy with one unknown ARN still shows its wildcard action.</summary>
    public TerraformValue? EncodedFrom { get; private set; }

    /// <summary>
    /// For an unknown string built by a template: the literal text before its first unknown part and after its last
    /// (<c>"arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess"</c>). Empty when nothing
    /// is known. The value stays Unknown: only a rule that knows what the known ends mean may use them.
    /// </summary>
    public string KnownPrefix { get; private set; } = "";

    /// <inheritdoc cref="KnownPrefix"/>
    public string KnownSuffix { get; private set; } = "";

    /// <summary>An unknown string of which the start and end are known (both may be empty).</summary>
    public static TerraformValue PartialString(string prefix, string suffix) =>
        prefix.Length == 0 && suffix.Length == 0 ? Unknown : new(TerraformValueKind.Unknown) { KnownPrefix = prefix, KnownSuffix = suffix };

    /// <summary>An object whose missing attributes are Unknown rather than errors (a resource: <c>.arn</c> is computed).</summary>
    public bool IsOpen { get; private set; }

    internal TerraformValue AsOpen() => new(Kind) { Attributes = Attributes, IsOpen = true };


    public bool IsKnown => Kind != TerraformValueKind.Unknown;

    /// <summary>True when this value and everything inside it is known.</summary>
    public bool IsWhollyKnown => Kind switch
    {
        TerraformValueKind.Unknown => false,
        TerraformValueKind.List => Items.All(i => i.IsWhollyKnown),
        TerraformValueKind.Object => Attributes.Values.All(v => v.IsWhollyKnown),
        _ => true,
    };

    public static TerraformValue Bool(bool value) => value ? True : False;

    public static TerraformValue Number(double value) => new(TerraformValueKind.Number) { NumberValue = value };

    public static TerraformValue String(string value)
    {
        // Every computed string is charged by its length: eight nested format() calls turn 100 characters into 10^10.
        WorkBudget.Charge(Budget.EvaluatedCharacters, value.Length);
        return new(TerraformValueKind.String) { StringValue = value };
    }

    public static TerraformValue List(IReadOnlyList<TerraformValue> items) => new(TerraformValueKind.List) { Items = items };

    public static TerraformValue Object(IReadOnlyDictionary<string, TerraformValue> attributes) =>
        new(TerraformValueKind.Object) { Attributes = attributes };

    internal static TerraformValue Encoded(TerraformValue structure, string? json) =>
        json is null ? new TerraformValue(TerraformValueKind.Unknown) { EncodedFrom = structure }
                     : new TerraformValue(TerraformValueKind.String) { StringValue = json, EncodedFrom = structure };

    /// <summary>A bool, or a string Terraform converts to one; null when unknown or not convertible.</summary>
    public bool? AsBool() => Kind switch
    {
        TerraformValueKind.Bool => BoolValue,
        TerraformValueKind.String when StringValue == "true" => true,
        TerraformValueKind.String when StringValue == "false" => false,
        _ => null,
    };

    public double? AsNumber() => Kind switch
    {
        TerraformValueKind.Number => NumberValue,
        TerraformValueKind.String when double.TryParse(StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>A string, or a number or bool as Terraform converts them; null otherwise.</summary>
    public string? AsString() => Kind switch
    {
        TerraformValueKind.String => StringValue,
        TerraformValueKind.Number => FormatNumber(NumberValue),
        TerraformValueKind.Bool => BoolValue ? "true" : "false",
        _ => null,
    };

    /// <summary>An object's attribute, or Unknown (also when this value is not a known object).</summary>
    public TerraformValue Get(string key) =>
        Kind == TerraformValueKind.Object && Attributes.TryGetValue(key, out var v) ? v : Unknown;

    /// <summary>A list's items, or one object / scalar as a single item (JSON policies allow both); empty when unknown.</summary>
    public IEnumerable<TerraformValue> AsItems() => Kind switch
    {
        TerraformValueKind.List => Items,
        TerraformValueKind.Unknown or TerraformValueKind.Null => Array.Empty<TerraformValue>(),
        _ => new[] { this },
    };

    internal static string FormatNumber(double d) =>
        d == Math.Floor(d) && Math.Abs(d) < 1e15 ? ((long)d).ToString(CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);

    public static TerraformValue FromJson(JsonValue? json) => json switch
    {
        JsonString s => String(s.Value),
        JsonNumber n => Number(n.Value),
        JsonBoolean b => Bool(b.Value),
        JsonNull => Null,
        JsonArray a => List(a.Items.Select(FromJson).ToArray()),
        JsonObject o => Object(ObjectFromMembers(o)),
        _ => Unknown,
    };

    private static Dictionary<string, TerraformValue> ObjectFromMembers(JsonObject o)
    {
        var d = new Dictionary<string, TerraformValue>(StringComparer.Ordinal);
        foreach (var m in o.Members) d[m.Name] = FromJson(m.Value);
        return d;
    }

    /// <summary>JSON text as <c>jsonencode</c> writes it, or null when any part is unknown.</summary>
    public string? ToJson()
    {
        var sb = new StringBuilder();
        return WriteJson(this, sb, 0) ? sb.ToString() : null;
    }

    private static bool WriteJson(TerraformValue v, StringBuilder sb, int depth)
    {
        if (depth > 64 || sb.Length > 1_000_000) return false;
        switch (v.Kind)
        {
            case TerraformValueKind.Null: sb.Append("null"); return true;
            case TerraformValueKind.Bool: sb.Append(v.BoolValue ? "true" : "false"); return true;
            case TerraformValueKind.Number: sb.Append(FormatNumber(v.NumberValue)); return true;
            case TerraformValueKind.String: WriteJsonString(v.StringValue!, sb); return true;
            case TerraformValueKind.List:
                sb.Append('[');
                for (int i = 0; i < v.Items.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    if (!WriteJson(v.Items[i], sb, depth + 1)) return false;
                }
                sb.Append(']');
                return true;
            case TerraformValueKind.Object:
                sb.Append('{');
                bool first = true;
                foreach (var kv in v.Attributes.OrderBy(k => k.Key, StringComparer.Ordinal))
                {
                    if (!first) sb.Append(',');
                    first = false;
                    WriteJsonString(kv.Key, sb);
                    sb.Append(':');
                    if (!WriteJson(kv.Value, sb, depth + 1)) return false;
                }
                sb.Append('}');
                return true;
            default:
                return false;
        }
    }

    private static void WriteJsonString(string s, StringBuilder sb)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Equality of known values; null when either side (or a part) is unknown.</summary>
    public static bool? KnownEquals(TerraformValue a, TerraformValue b)
    {
        if (!a.IsKnown || !b.IsKnown) return null;
        if (a.Kind != b.Kind)
        {
            // Terraform compares by type: "1" != 1.
            return false;
        }
        switch (a.Kind)
        {
            case TerraformValueKind.Null: return true;
            case TerraformValueKind.Bool: return a.BoolValue == b.BoolValue;
            case TerraformValueKind.Number: return a.NumberValue == b.NumberValue;
            case TerraformValueKind.String: return a.StringValue == b.StringValue;
            case TerraformValueKind.List:
                if (a.Items.Count != b.Items.Count) return false;
                for (int i = 0; i < a.Items.Count; i++)
                {
                    var e = KnownEquals(a.Items[i], b.Items[i]);
                    if (e != true) return e;
                }
                return true;
            default:
                if (a.Attributes.Count != b.Attributes.Count) return false;
                foreach (var kv in a.Attributes)
                {
                    if (!b.Attributes.TryGetValue(kv.Key, out var other)) return false;
                    var e = KnownEquals(kv.Value, other);
                    if (e != true) return e;
                }
                return true;
        }
    }

    public override string ToString() => Kind switch
    {
        TerraformValueKind.Unknown => "(unknown)",
        TerraformValueKind.Null => "null",
        TerraformValueKind.String => StringValue!,
        TerraformValueKind.List or TerraformValueKind.Object => ToJson() ?? "(partly unknown)",
        _ => AsString() ?? "",
    };
}
