using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Hcl;

public abstract class HclNode
{
    private protected HclNode(TextSpan span) => Span = span;

    public TextSpan Span { get; }
}

/// <summary>A sequence of attributes and blocks: the file itself or the inside of a block's braces.</summary>
public sealed class HclBody : HclNode
{
    internal HclBody(TextSpan span, IReadOnlyList<HclBodyItem> items) : base(span) => Items = items;

    /// <summary>Attributes and blocks in source order.</summary>
    public IReadOnlyList<HclBodyItem> Items { get; }

    public IEnumerable<HclAttribute> Attributes
    {
        get
        {
            foreach (var item in Items)
                if (item is HclAttribute a) yield return a;
        }
    }

    public IEnumerable<HclBlock> AllBlocks
    {
        get
        {
            foreach (var item in Items)
                if (item is HclBlock b) yield return b;
        }
    }

    /// <summary>The blocks of one type, e.g. <c>Blocks("resource")</c>.</summary>
    public IEnumerable<HclBlock> Blocks(string type)
    {
        foreach (var item in Items)
            if (item is HclBlock b && string.Equals(b.Type, type, StringComparison.Ordinal)) yield return b;
    }

    /// <summary>The first attribute of this name, or null.</summary>
    public HclAttribute? Attribute(string name)
    {
        // By index: a foreach over the interface allocates an enumerator per call, and this is asked of every block.
        var items = Items;
        for (int i = 0; i < items.Count; i++)
            if (items[i] is HclAttribute a && string.Equals(a.Name, name, StringComparison.Ordinal)) return a;
        return null;
    }

    /// <summary>The first block of this type, or null.</summary>
    public HclBlock? Block(string type)
    {
        var items = Items;
        for (int i = 0; i < items.Count; i++)
            if (items[i] is HclBlock b && string.Equals(b.Type, type, StringComparison.Ordinal)) return b;
        return null;
    }
}

public abstract class HclBodyItem : HclNode
{
    private protected HclBodyItem(TextSpan span) : base(span) { }
}

/// <summary><c>name = expression</c>; the span runs from the name to the end of the expression.</summary>
public sealed class HclAttribute : HclBodyItem
{
    internal HclAttribute(TextSpan span, string name, TextSpan nameSpan, HclExpression value) : base(span)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }
    public TextSpan NameSpan { get; }
    public HclExpression Value { get; }

    public override string ToString() => Name + " = …";
}

/// <summary><c>type "label" label { body }</c>; the span runs from the type to the closing brace.</summary>
public sealed class HclBlock : HclBodyItem
{
    internal HclBlock(TextSpan span, string type, TextSpan typeSpan, IReadOnlyList<HclBlockLabel> labels, HclBody body) : base(span)
    {
        Type = type;
        TypeSpan = typeSpan;
        Labels = labels;
        Body = body;
    }

    public string Type { get; }
    public TextSpan TypeSpan { get; }
    public IReadOnlyList<HclBlockLabel> Labels { get; }
    public HclBody Body { get; }

    /// <summary>The label at this position, or null: <c>Label(0)</c> is a resource's type, <c>Label(1)</c> its name.</summary>
    public string? Label(int index) => index >= 0 && index < Labels.Count ? Labels[index].Value : null;

    public override string ToString() => Labels.Count == 0 ? Type : Type + " " + string.Join(" ", Labels);
}

/// <summary>A block label: an identifier or a quoted string (the span includes the quotes; Value is unescaped).</summary>
public sealed class HclBlockLabel : HclNode
{
    internal HclBlockLabel(TextSpan span, string value, bool isQuoted) : base(span)
    {
        Value = value;
        IsQuoted = isQuoted;
    }

    public string Value { get; }
    public bool IsQuoted { get; }

    public override string ToString() => IsQuoted ? "\"" + Value + "\"" : Value;
}
