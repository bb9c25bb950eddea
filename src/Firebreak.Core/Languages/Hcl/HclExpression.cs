using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Hcl;

/// <summary>
/// An HCL expression. The subclasses are sealed so rules can pattern-match them; <see cref="Children"/> and
/// <see cref="DescendantsAndSelf"/> walk the tree without a visitor.
/// </summary>
public abstract class HclExpression : HclNode
{
    private protected HclExpression(TextSpan span) : base(span) { }

    /// <summary>Direct sub-expressions in source order (template parts' expressions included).</summary>
    public abstract IEnumerable<HclExpression> Children { get; }

    public IEnumerable<HclExpression> DescendantsAndSelf()
    {
        var stack = new Stack<HclExpression>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            var children = new List<HclExpression>(e.Children);
            for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
    }

    /// <summary>
    /// The value when the expression is a plain literal, a template with only literal parts (<c>"a"</c>, a heredoc
    /// without interpolation) or a parenthesized one; null otherwise. A negated number literal counts too.
    /// </summary>
    public HclValue? AsLiteral()
    {
        switch (this)
        {
            case HclLiteralExpression lit:
                return lit.Value;
            case HclTemplateExpression t:
                var sb = new StringBuilder();
                foreach (var part in t.Parts)
                {
                    if (part is HclTemplateLiteral l) sb.Append(l.Value);
                    else return null;
                }
                return HclValue.String(sb.ToString());
            case HclParenthesizedExpression p:
                return p.Inner.AsLiteral();
            case HclUnaryExpression { Operator: HclUnaryOperator.Negate, Operand: HclLiteralExpression { Value.Kind: HclValueKind.Number } n }:
                return HclValue.Number(-n.Value.NumberValue, "-" + n.Value.Text);
            default:
                return null;
        }
    }

    /// <summary>The string when <see cref="AsLiteral"/> is a string, else null.</summary>
    public string? AsString() => AsLiteral() is { Kind: HclValueKind.String } v ? v.StringValue : null;

    /// <summary>
    /// The steps of a static traversal such as <c>aws_backup_vault.main.name</c>, <c>var.list[0]</c> or
    /// <c>aws_instance.web[*].id</c>: a root variable, then attribute names, literal indexes and splats.
    /// A template that only wraps one traversal (<c>"${var.x}"</c>) is unwrapped. Null for anything else.
    /// </summary>
    public IReadOnlyList<HclTraversalStep>? AsTraversal()
    {
        var steps = new List<HclTraversalStep>();
        return AppendTraversal(Unwrap(), steps) ? steps : null;
    }

    /// <summary>The expression a template like <c>"${x}"</c> or parentheses only wrap; this one otherwise.</summary>
    public HclExpression Unwrap()
    {
        var e = this;
        while (true)
        {
            if (e is HclParenthesizedExpression p) e = p.Inner;
            else if (e is HclTemplateExpression { Parts.Count: 1 } t && t.Parts[0] is HclTemplateInterpolation i) e = i.Expression;
            else return e;
        }
    }

    private static bool AppendTraversal(HclExpression e, List<HclTraversalStep> steps)
    {
        switch (e)
        {
            case HclVariableExpression v:
                steps.Add(new HclTraversalStep(HclTraversalStepKind.Root, v.Name, null, v.Span));
                return true;
            case HclGetAttrExpression g:
                if (!AppendTraversal(g.Source, steps)) return false;
                steps.Add(new HclTraversalStep(HclTraversalStepKind.Attribute, g.Name, null, g.NameSpan));
                return true;
            case HclIndexExpression ix:
                if (!AppendTraversal(ix.Source, steps)) return false;
                var key = ix.Key.AsLiteral();
                if (key is null) return false;
                steps.Add(new HclTraversalStep(HclTraversalStepKind.Index, key.Text, key, ix.KeySpan));
                return true;
            case HclSplatExpression s:
                if (!AppendTraversal(s.Source, steps)) return false;
                steps.Add(new HclTraversalStep(HclTraversalStepKind.Splat, s.IsFullSplat ? "[*]" : ".*", null, s.SplatSpan));
                foreach (var step in s.Each) steps.Add(step);
                return true;
            default:
                return false;
        }
    }
}

public enum HclValueKind { String, Number, Bool, Null }

/// <summary>A literal value: a string, number, bool or null.</summary>
public sealed class HclValue
{
    private HclValue(HclValueKind kind, string text, string? s, double n, bool b)
    {
        Kind = kind;
        Text = text;
        StringValue = s;
        NumberValue = n;
        BoolValue = b;
    }

    public static readonly HclValue True = new(HclValueKind.Bool, "true", null, 0, true);
    public static readonly HclValue False = new(HclValueKind.Bool, "false", null, 0, false);
    public static readonly HclValue Null = new(HclValueKind.Null, "null", null, 0, false);

    public static HclValue String(string value) => new(HclValueKind.String, value, value, 0, false);

    public static HclValue Number(double value, string text) => new(HclValueKind.Number, text, null, value, false);

    public static HclValue Number(string text) =>
        Number(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN, text);

    public HclValueKind Kind { get; }
    /// <summary>The value as text: the string itself, the number as written, <c>true</c>/<c>false</c>/<c>null</c>.</summary>
    public string Text { get; }
    public string? StringValue { get; }
    public double NumberValue { get; }
    public bool BoolValue { get; }

    /// <summary>True for the bool <c>true</c> and for the string <c>"true"</c>, which Terraform converts.</summary>
    public bool IsTrue => Kind == HclValueKind.Bool ? BoolValue : Kind == HclValueKind.String && StringValue == "true";
    public bool IsFalse => Kind == HclValueKind.Bool ? !BoolValue : Kind == HclValueKind.String && StringValue == "false";

    public override string ToString() => Text;
}

public enum HclTraversalStepKind { Root, Attribute, Index, Splat }

/// <summary>One step of a traversal: the root name, <c>.name</c>, <c>[literal]</c> (or legacy <c>.0</c>), <c>.*</c> / <c>[*]</c>.</summary>
public sealed class HclTraversalStep
{
    internal HclTraversalStep(HclTraversalStepKind kind, string name, HclValue? key, TextSpan span)
    {
        Kind = kind;
        Name = name;
        Key = key;
        Span = span;
    }

    public HclTraversalStepKind Kind { get; }
    /// <summary>The root or attribute name; for an index, the key as text.</summary>
    public string Name { get; }
    /// <summary>The index key for <see cref="HclTraversalStepKind.Index"/>.</summary>
    public HclValue? Key { get; }
    public TextSpan Span { get; }

    public override string ToString() => Kind switch
    {
        HclTraversalStepKind.Root => Name,
        HclTraversalStepKind.Attribute => "." + Name,
        HclTraversalStepKind.Index => "[" + Name + "]",
        _ => Name,
    };
}

/// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
public sealed class HclLiteralExpression : HclExpression
{
    internal HclLiteralExpression(TextSpan span, HclValue value) : base(span) => Value = value;

    public HclValue Value { get; }
    public override IEnumerable<HclExpression> Children => Array.Empty<HclExpression>();
}

/// <summary>A quoted string or heredoc: literal text, interpolations and directives.</summary>
public sealed class HclTemplateExpression : HclExpression
{
    internal HclTemplateExpression(TextSpan span, IReadOnlyList<HclTemplatePart> parts, bool isHeredoc, bool isFlushHeredoc) : base(span)
    {
        Parts = parts;
        IsHeredoc = isHeredoc;
        IsFlushHeredoc = isFlushHeredoc;
    }

    public IReadOnlyList<HclTemplatePart> Parts { get; }
    public bool IsHeredoc { get; }
    /// <summary>A <c>&lt;&lt;-</c> heredoc; its literal parts already have the common indentation removed.</summary>
    public bool IsFlushHeredoc { get; }

    public override IEnumerable<HclExpression> Children
    {
        get
        {
            foreach (var part in Parts)
                foreach (var e in part.Expressions) yield return e;
        }
    }
}

public abstract class HclTemplatePart : HclNode
{
    private protected HclTemplatePart(TextSpan span) : base(span) { }

    internal abstract IEnumerable<HclExpression> Expressions { get; }
}

/// <summary>Literal template text; the value has escapes decoded and strip markers applied, the span is the raw text.</summary>
public sealed class HclTemplateLiteral : HclTemplatePart
{
    internal HclTemplateLiteral(TextSpan span, string value) : base(span) => Value = value;

    public string Value { get; internal set; }
    internal override IEnumerable<HclExpression> Expressions => Array.Empty<HclExpression>();
}

/// <summary><c>${ expression }</c>, with optional strip markers.</summary>
public sealed class HclTemplateInterpolation : HclTemplatePart
{
    internal HclTemplateInterpolation(TextSpan span, HclExpression expression, bool stripLeft, bool stripRight) : base(span)
    {
        Expression = expression;
        StripLeft = stripLeft;
        StripRight = stripRight;
    }

    public HclExpression Expression { get; }
    public bool StripLeft { get; }
    public bool StripRight { get; }
    internal override IEnumerable<HclExpression> Expressions { get { yield return Expression; } }
}

/// <summary><c>%{ if cond }…%{ else }…%{ endif }</c>.</summary>
public sealed class HclTemplateIf : HclTemplatePart
{
    internal HclTemplateIf(TextSpan span, HclExpression condition, IReadOnlyList<HclTemplatePart> then, IReadOnlyList<HclTemplatePart>? @else) : base(span)
    {
        Condition = condition;
        Then = then;
        Else = @else;
    }

    public HclExpression Condition { get; }
    public IReadOnlyList<HclTemplatePart> Then { get; }
    public IReadOnlyList<HclTemplatePart>? Else { get; }

    internal override IEnumerable<HclExpression> Expressions
    {
        get
        {
            yield return Condition;
            foreach (var p in Then)
                foreach (var e in p.Expressions) yield return e;
            if (Else != null)
                foreach (var p in Else)
                    foreach (var e in p.Expressions) yield return e;
        }
    }
}

/// <summary><c>%{ for k, v in coll }…%{ endfor }</c>.</summary>
public sealed class HclTemplateFor : HclTemplatePart
{
    internal HclTemplateFor(TextSpan span, string? keyVariable, string valueVariable, HclExpression collection, IReadOnlyList<HclTemplatePart> body) : base(span)
    {
        KeyVariable = keyVariable;
        ValueVariable = valueVariable;
        Collection = collection;
        Body = body;
    }

    public string? KeyVariable { get; }
    public string ValueVariable { get; }
    public HclExpression Collection { get; }
    public IReadOnlyList<HclTemplatePart> Body { get; }

    internal override IEnumerable<HclExpression> Expressions
    {
        get
        {
            yield return Collection;
            foreach (var p in Body)
                foreach (var e in p.Expressions) yield return e;
        }
    }
}

/// <summary>A bare name: the root of a traversal (<c>var</c>, <c>aws_s3_bucket</c>, <c>each</c>).</summary>
public sealed class HclVariableExpression : HclExpression
{
    internal HclVariableExpression(TextSpan span, string name) : base(span) => Name = name;

    public string Name { get; }
    public override IEnumerable<HclExpression> Children => Array.Empty<HclExpression>();
}

/// <summary><c>source.name</c>.</summary>
public sealed class HclGetAttrExpression : HclExpression
{
    internal HclGetAttrExpression(TextSpan span, HclExpression source, string name, TextSpan nameSpan) : base(span)
    {
        Source = source;
        Name = name;
        NameSpan = nameSpan;
    }

    public HclExpression Source { get; }
    public string Name { get; }
    public TextSpan NameSpan { get; }
    public override IEnumerable<HclExpression> Children { get { yield return Source; } }
}

/// <summary><c>source[key]</c>, or the legacy <c>source.0</c> (<see cref="IsLegacy"/>).</summary>
public sealed class HclIndexExpression : HclExpression
{
    internal HclIndexExpression(TextSpan span, HclExpression source, HclExpression key, TextSpan keySpan, bool isLegacy) : base(span)
    {
        Source = source;
        Key = key;
        KeySpan = keySpan;
        IsLegacy = isLegacy;
    }

    public HclExpression Source { get; }
    public HclExpression Key { get; }
    public TextSpan KeySpan { get; }
    public bool IsLegacy { get; }
    public override IEnumerable<HclExpression> Children { get { yield return Source; yield return Key; } }
}

/// <summary>
/// <c>source.*.a.b</c> (attribute-only splat) or <c>source[*].a[0]</c> (full splat). <see cref="Each"/> holds the
/// steps applied to every element (attributes, and for a full splat also indexes); later steps apply to the result.
/// </summary>
public sealed class HclSplatExpression : HclExpression
{
    internal HclSplatExpression(TextSpan span, HclExpression source, bool isFullSplat, TextSpan splatSpan, IReadOnlyList<HclTraversalStep> each, IReadOnlyList<HclExpression> eachKeys) : base(span)
    {
        Source = source;
        IsFullSplat = isFullSplat;
        SplatSpan = splatSpan;
        Each = each;
        EachKeys = eachKeys;
    }

    public HclExpression Source { get; }
    public bool IsFullSplat { get; }
    /// <summary>The <c>.*</c> or <c>[*]</c> itself.</summary>
    public TextSpan SplatSpan { get; }
    public IReadOnlyList<HclTraversalStep> Each { get; }
    /// <summary>Index key expressions used in <see cref="Each"/> that are not literals.</summary>
    public IReadOnlyList<HclExpression> EachKeys { get; }

    public override IEnumerable<HclExpression> Children
    {
        get
        {
            yield return Source;
            foreach (var k in EachKeys) yield return k;
        }
    }
}

/// <summary><c>name(args)</c> or <c>provider::aws::arn_parse(args)</c>; <see cref="ExpandFinal"/> for a trailing <c>...</c>.</summary>
public sealed class HclFunctionCallExpression : HclExpression
{
    internal HclFunctionCallExpression(TextSpan span, string name, TextSpan nameSpan, IReadOnlyList<HclExpression> arguments, bool expandFinal) : base(span)
    {
        Name = name;
        NameSpan = nameSpan;
        Arguments = arguments;
        ExpandFinal = expandFinal;
    }

    /// <summary>The full name, with any <c>::</c> namespace.</summary>
    public string Name { get; }
    public TextSpan NameSpan { get; }
    public IReadOnlyList<HclExpression> Arguments { get; }
    public bool ExpandFinal { get; }
    public override IEnumerable<HclExpression> Children => Arguments;
}

/// <summary><c>condition ? true : false</c>.</summary>
public sealed class HclConditionalExpression : HclExpression
{
    internal HclConditionalExpression(TextSpan span, HclExpression condition, HclExpression trueResult, HclExpression falseResult) : base(span)
    {
        Condition = condition;
        TrueResult = trueResult;
        FalseResult = falseResult;
    }

    public HclExpression Condition { get; }
    public HclExpression TrueResult { get; }
    public HclExpression FalseResult { get; }
    public override IEnumerable<HclExpression> Children { get { yield return Condition; yield return TrueResult; yield return FalseResult; } }
}

public enum HclBinaryOperator
{
    Multiply, Divide, Modulo,
    Add, Subtract,
    Greater, GreaterOrEqual, Less, LessOrEqual,
    Equal, NotEqual,
    And,
    Or,
}

public sealed class HclBinaryExpression : HclExpression
{
    internal HclBinaryExpression(TextSpan span, HclBinaryOperator op, TextSpan operatorSpan, HclExpression left, HclExpression right) : base(span)
    {
        Operator = op;
        OperatorSpan = operatorSpan;
        Left = left;
        Right = right;
    }

    public HclBinaryOperator Operator { get; }
    public TextSpan OperatorSpan { get; }
    public HclExpression Left { get; }
    public HclExpression Right { get; }
    public override IEnumerable<HclExpression> Children { get { yield return Left; yield return Right; } }
}

public enum HclUnaryOperator { Not, Negate }

public sealed class HclUnaryExpression : HclExpression
{
    internal HclUnaryExpression(TextSpan span, HclUnaryOperator op, HclExpression operand) : base(span)
    {
        Operator = op;
        Operand = operand;
    }

    public HclUnaryOperator Operator { get; }
    public HclExpression Operand { get; }
    public override IEnumerable<HclExpression> Children { get { yield return Operand; } }
}

/// <summary><c>[a, b, c]</c>.</summary>
public sealed class HclTupleExpression : HclExpression
{
    internal HclTupleExpression(TextSpan span, IReadOnlyList<HclExpression> items) : base(span) => Items = items;

    public IReadOnlyList<HclExpression> Items { get; }
    public override IEnumerable<HclExpression> Children => Items;
}

/// <summary><c>{ key = value, "key": value }</c>.</summary>
public sealed class HclObjectExpression : HclExpression
{
    internal HclObjectExpression(TextSpan span, IReadOnlyList<HclObjectItem> items) : base(span) => Items = items;

    public IReadOnlyList<HclObjectItem> Items { get; }

    /// <summary>The value of the first item whose key is this static name, or null.</summary>
    public HclExpression? Get(string key)
    {
        foreach (var item in Items)
            if (item.KeyName == key) return item.Value;
        return null;
    }

    public override IEnumerable<HclExpression> Children
    {
        get
        {
            foreach (var item in Items)
            {
                yield return item.Key;
                yield return item.Value;
            }
        }
    }
}

/// <summary>One <c>key = value</c> of an object; a bare identifier key is a <see cref="HclVariableExpression"/>.</summary>
public sealed class HclObjectItem : HclNode
{
    internal HclObjectItem(TextSpan span, HclExpression key, HclExpression value) : base(span)
    {
        Key = key;
        Value = value;
    }

    public HclExpression Key { get; }
    public HclExpression Value { get; }

    /// <summary>The key as a static name (a bare identifier or a literal), or null when it is computed.</summary>
    public string? KeyName => Key is HclVariableExpression v ? v.Name : Key.AsLiteral()?.Text;
}

/// <summary><c>[for k, v in coll : value if cond]</c> or <c>{for k, v in coll : key =&gt; value... if cond}</c>.</summary>
public sealed class HclForExpression : HclExpression
{
    internal HclForExpression(TextSpan span, bool isObject, string? keyVariable, string valueVariable, HclExpression collection,
        HclExpression? keyResult, HclExpression valueResult, bool grouping, HclExpression? condition) : base(span)
    {
        IsObject = isObject;
        KeyVariable = keyVariable;
        ValueVariable = valueVariable;
        Collection = collection;
        KeyResult = keyResult;
        ValueResult = valueResult;
        Grouping = grouping;
        Condition = condition;
    }

    public bool IsObject { get; }
    public string? KeyVariable { get; }
    public string ValueVariable { get; }
    public HclExpression Collection { get; }
    public HclExpression? KeyResult { get; }
    public HclExpression ValueResult { get; }
    /// <summary>The <c>...</c> grouping mode of an object <c>for</c>.</summary>
    public bool Grouping { get; }
    public HclExpression? Condition { get; }

    public override IEnumerable<HclExpression> Children
    {
        get
        {
            yield return Collection;
            if (KeyResult != null) yield return KeyResult;
            yield return ValueResult;
            if (Condition != null) yield return Condition;
        }
    }
}

/// <summary><c>( expression )</c>.</summary>
public sealed class HclParenthesizedExpression : HclExpression
{
    internal HclParenthesizedExpression(TextSpan span, HclExpression inner) : base(span) => Inner = inner;

    public HclExpression Inner { get; }
    public override IEnumerable<HclExpression> Children { get { yield return Inner; } }
}

/// <summary>What the parser put where it found no valid expression; a diagnostic explains it.</summary>
public sealed class HclErrorExpression : HclExpression
{
    internal HclErrorExpression(TextSpan span) : base(span) { }

    public override IEnumerable<HclExpression> Children => Array.Empty<HclExpression>();
}
