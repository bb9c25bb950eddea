using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Json;

/// <summary>A parsed JSON text: the root value (null when there is none) and what the parser recovered from.</summary>
public sealed class JsonDocument
{
    internal JsonDocument(string text, JsonValue? root, IReadOnlyList<SyntaxDiagnostic> diagnostics)
    {
        Text = text;
        Root = root;
        Diagnostics = diagnostics;
    }

    public string Text { get; }
    public JsonValue? Root { get; }
    public IReadOnlyList<SyntaxDiagnostic> Diagnostics { get; }

    /// <summary>The comments of a JSON-with-comments text (empty for strict JSON).</summary>
    public IReadOnlyList<CommentTrivia> Comments { get; init; } = System.Array.Empty<CommentTrivia>();
}

public abstract class JsonValue
{
    private protected JsonValue(TextSpan span) => Span = span;

    public TextSpan Span { get; }
}

public sealed class JsonObject : JsonValue
{
    internal JsonObject(TextSpan span, IReadOnlyList<JsonMember> members) : base(span) => Members = members;

    /// <summary>Members in source order; duplicates are kept.</summary>
    public IReadOnlyList<JsonMember> Members { get; }

    /// <summary>The value of the first member with this name, or null.</summary>
    public JsonValue? Get(string name)
    {
        foreach (var m in Members)
            if (m.Name == name) return m.Value;
        return null;
    }
}

/// <summary><c>"name": value</c>; <see cref="NameSpan"/> includes the quotes.</summary>
public sealed class JsonMember
{
    internal JsonMember(TextSpan span, string name, TextSpan nameSpan, JsonValue value)
    {
        Span = span;
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public TextSpan Span { get; }
    public string Name { get; }
    public TextSpan NameSpan { get; }
    public JsonValue Value { get; }
}

public sealed class JsonArray : JsonValue
{
    internal JsonArray(TextSpan span, IReadOnlyList<JsonValue> items) : base(span) => Items = items;

    public IReadOnlyList<JsonValue> Items { get; }
}

/// <summary>A string; the span includes the quotes, <see cref="Value"/> is unescaped.</summary>
public sealed class JsonString : JsonValue
{
    internal JsonString(TextSpan span, string value, bool hasEscapes) : base(span)
    {
        Value = value;
        HasEscapes = hasEscapes;
    }

    public string Value { get; }
    /// <summary>False when offsets inside <see cref="Value"/> map one-to-one onto the text after the opening quote.</summary>
    public bool HasEscapes { get; }
}

public sealed class JsonNumber : JsonValue
{
    internal JsonNumber(TextSpan span, string text, double value) : base(span)
    {
        Text = text;
        Value = value;
    }

    /// <summary>The number as written.</summary>
    public string Text { get; }
    public double Value { get; }
}

public sealed class JsonBoolean : JsonValue
{
    internal JsonBoolean(TextSpan span, bool value) : base(span) => Value = value;

    public bool Value { get; }
}

public sealed class JsonNull : JsonValue
{
    internal JsonNull(TextSpan span) : base(span) { }
}

/// <summary>Where no valid value was found; a diagnostic explains it.</summary>
public sealed class JsonError : JsonValue
{
    internal JsonError(TextSpan span) : base(span) { }
}
