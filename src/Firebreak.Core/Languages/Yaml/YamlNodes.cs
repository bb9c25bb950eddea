using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Yaml;

/// <summary>
/// Our own YAML node tree, built from YamlDotNet's parser events so that every node keeps its exact span and
/// aliases stay aliases: nothing walks into an alias unless it asks to, so an alias bomb costs nothing.
/// </summary>
public abstract class YamlNode
{
    protected YamlNode(TextSpan span, string? anchor, string? tag)
    {
        Span = span;
        Anchor = anchor;
        Tag = tag;
    }

    public TextSpan Span { get; }
    public string? Anchor { get; }
    public string? Tag { get; }

    /// <summary>The node an alias stands for (one step, never recursive); the node itself otherwise. Following an alias
    /// is charged to the file's <see cref="Budget.AliasExpansions"/> budget: a model that walks a billion-laughs
    /// document follows one alias per leaf, and stops at the budget instead of expanding a million nodes.</summary>
    public YamlNode Resolve()
    {
        if (this is not YamlAlias { Target: { } target }) return this;
        WorkBudget.Charge(Budget.AliasExpansions);
        return target;
    }
}

public enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

public sealed class YamlScalar : YamlNode
{
    public YamlScalar(TextSpan span, string value, YamlScalarStyle style, string? anchor, string? tag)
        : base(span, anchor, tag)
    {
        Value = value;
        Style = style;
    }

    public string Value { get; }
    public YamlScalarStyle Style { get; }

    /// <summary>A plain scalar that YAML reads as null (<c>~</c>, <c>null</c> or nothing).</summary>
    public bool IsNull => Style == YamlScalarStyle.Plain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public override string ToString() => Value;
}

public sealed class YamlPair
{
    public YamlPair(YamlNode key, YamlNode value)
    {
        Key = key;
        Value = value;
    }

    public YamlNode Key { get; }
    public YamlNode Value { get; }

    /// <summary>The key's text when it is a scalar; null for complex keys.</summary>
    public string? KeyText => (Key as YamlScalar)?.Value;
}

public sealed class YamlMapping : YamlNode
{
    public YamlMapping(TextSpan span, IReadOnlyList<YamlPair> pairs, string? anchor, string? tag)
        : base(span, anchor, tag) => Pairs = pairs;

    public IReadOnlyList<YamlPair> Pairs { get; }

    public YamlPair? FindPair(string key)
    {
        var pairs = Pairs;
        for (int i = 0; i < pairs.Count; i++)
        {
            if (string.Equals(pairs[i].KeyText, key, StringComparison.Ordinal)) return pairs[i];
        }
        return null;
    }

    /// <summary>The value under <paramref name="key"/>, aliases resolved one step; null when absent.</summary>
    public YamlNode? this[string key] => FindPair(key)?.Value.Resolve();

    public YamlMapping? Mapping(string key) => this[key] as YamlMapping;
    public YamlSequence? Sequence(string key) => this[key] as YamlSequence;
    public YamlScalar? Scalar(string key) => this[key] as YamlScalar;
    public string? ScalarValue(string key) => Scalar(key)?.Value;
}

public sealed class YamlSequence : YamlNode
{
    public YamlSequence(TextSpan span, IReadOnlyList<YamlNode> items, string? anchor, string? tag)
        : base(span, anchor, tag) => Items = items;

    public IReadOnlyList<YamlNode> Items { get; }
}

public sealed class YamlAlias : YamlNode
{
    public YamlAlias(TextSpan span, string name, YamlNode? target)
        : base(span, null, null)
    {
        Name = name;
        Target = target;
    }

    public string Name { get; }
    public YamlNode? Target { get; }
}

public sealed class YamlDocument
{
    public YamlDocument(YamlNode? root) => Root = root;

    public YamlNode? Root { get; }
}

public sealed class YamlComment
{
    public YamlComment(TextSpan span, string text)
    {
        Span = span;
        Text = text;
    }

    /// <summary>The span of the whole comment, <c>#</c> included.</summary>
    public TextSpan Span { get; }

    /// <summary>The comment's text without the <c>#</c>.</summary>
    public string Text { get; }
}

public sealed class YamlFile
{
    public YamlFile(IReadOnlyList<YamlDocument> documents, IReadOnlyList<YamlComment> comments, IReadOnlyList<SyntaxDiagnostic> diagnostics)
    {
        Documents = documents;
        Comments = comments;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<YamlDocument> Documents { get; }
    public IReadOnlyList<YamlComment> Comments { get; }
    public IReadOnlyList<SyntaxDiagnostic> Diagnostics { get; }

    /// <summary>The root mapping of the first document, the shape of workflows, compose and CI files.</summary>
    public YamlMapping? RootMapping => Documents.Count > 0 ? Documents[0].Root as YamlMapping : null;
}
