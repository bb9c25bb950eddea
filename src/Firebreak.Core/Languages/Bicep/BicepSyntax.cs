using System;
using System.Collections.Generic;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Bicep;

/// <summary>A parsed Bicep file: its top-level statements, its comments and what the parser recovered from.</summary>
public sealed class BicepFile
{
    internal BicepFile(string text, IReadOnlyList<BicepStatement> statements, IReadOnlyList<CommentTrivia> comments, IReadOnlyList<SyntaxDiagnostic> diagnostics)
    {
        Text = text;
        Statements = statements;
        Comments = comments;
        Diagnostics = diagnostics;
    }

    public string Text { get; }
    public IReadOnlyList<BicepStatement> Statements { get; }
    public IReadOnlyList<CommentTrivia> Comments { get; }
    public IReadOnlyList<SyntaxDiagnostic> Diagnostics { get; }
}

/// <summary>
/// One declaration: <c>param</c>, <c>var</c>, <c>resource</c>, <c>module</c>, <c>output</c>, <c>targetScope</c>, or
/// another keyword whose statement is kept only by its span (<c>import</c>, <c>type</c>, <c>func</c>, <c>metadata</c>…).
/// A resource declared inside another resource's body is a statement of that body's object.
/// </summary>
public sealed class BicepStatement
{
    internal BicepStatement(TextSpan span, string keyword, TextSpan keywordSpan, string? name, TextSpan nameSpan, BicepString? typeString,
        BicepExpression? declaredType, bool existing, BicepExpression? value, IReadOnlyList<BicepExpression> decorators)
    {
        Span = span;
        Keyword = keyword;
        KeywordSpan = keywordSpan;
        Name = name;
        NameSpan = nameSpan;
        TypeString = typeString;
        DeclaredType = declaredType;
        Existing = existing;
        Value = value;
        Decorators = decorators;
    }

    public TextSpan Span { get; }
    public string Keyword { get; }
    public TextSpan KeywordSpan { get; }

    /// <summary>The symbol declared (null for <c>targetScope</c> and statements without one).</summary>
    public string? Name { get; }
    public TextSpan NameSpan { get; }

    /// <summary>A resource's <c>'type@version'</c> or a module's path.</summary>
    public BicepString? TypeString { get; }

    /// <summary>A <c>param</c>'s or <c>output</c>'s type (<c>string</c>, <c>bool</c>, <c>object</c>…).</summary>
    public BicepExpression? DeclaredType { get; }

    /// <summary>A resource declared with <c>existing</c>: a reference, not something this file deploys.</summary>
    public bool Existing { get; }

    /// <summary>What follows <c>=</c>: a param's default, a var's value, a resource's body (possibly under <c>if</c>/<c>for</c>).</summary>
    public BicepExpression? Value { get; }

    /// <summary>The expressions after each <c>@</c> above the statement.</summary>
    public IReadOnlyList<BicepExpression> Decorators { get; }

    /// <summary>The body object under any <c>if (…)</c> condition and <c>[for … : …]</c> loop.</summary>
    public BicepObject? Body => BicepExpression.BodyOf(Value);
}

public abstract class BicepExpression
{
    private protected BicepExpression(TextSpan span) => Span = span;

    public TextSpan Span { get; }

    /// <summary>The object under any condition and loop (<c>if (c) {…}</c>, <c>[for x in xs: {…}]</c>, <c>[for x in xs: if (c) {…}]</c>).</summary>
    public static BicepObject? BodyOf(BicepExpression? value)
    {
        for (int guard = 0; guard < 8 && value is not null; guard++)
        {
            switch (value)
            {
                case BicepObject o: return o;
                case BicepCondition c: value = c.Body; break;
                case BicepForExpression f: value = f.Body; break;
                case BicepParenthesized p: value = p.Inner; break;
                default: return null;
            }
        }
        return null;
    }
}

public sealed class BicepObject : BicepExpression
{
    internal BicepObject(TextSpan span, IReadOnlyList<BicepProperty> properties, IReadOnlyList<BicepStatement> resources) : base(span)
    {
        Properties = properties;
        Resources = resources;
    }

    /// <summary>Properties in source order; duplicates are kept.</summary>
    public IReadOnlyList<BicepProperty> Properties { get; }

    /// <summary>Child resources declared inside a resource's body.</summary>
    public IReadOnlyList<BicepStatement> Resources { get; }

    /// <summary>The first property of that name (Bicep property names are case-insensitive), or null.</summary>
    public BicepProperty? Property(string name)
    {
        foreach (var p in Properties)
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p;
        return null;
    }

    public BicepExpression? this[string name] => Property(name)?.Value;
}

/// <summary><c>name: value</c>; the key may be an identifier or a quoted string.</summary>
public sealed class BicepProperty
{
    internal BicepProperty(TextSpan span, string name, TextSpan nameSpan, BicepExpression value)
    {
        Span = span;
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public TextSpan Span { get; }
    public string Name { get; }
    public TextSpan NameSpan { get; }
    public BicepExpression Value { get; }
}

public sealed class BicepArray : BicepExpression
{
    internal BicepArray(TextSpan span, IReadOnlyList<BicepExpression> items) : base(span) => Items = items;

    public IReadOnlyList<BicepExpression> Items { get; }
}

/// <summary>
/// A string, <c>'…'</c> with <c>${…}</c> interpolations or <c>'''…'''</c> verbatim. The span includes the quotes;
/// <see cref="Parts"/> holds the unescaped text between interpolations (one more than <see cref="Interpolations"/>).
/// </summary>
public sealed class BicepString : BicepExpression
{
    internal BicepString(TextSpan span, IReadOnlyList<string> parts, IReadOnlyList<BicepExpression> interpolations, bool multiline) : base(span)
    {
        Parts = parts;
        Interpolations = interpolations;
        Multiline = multiline;
    }

    public IReadOnlyList<string> Parts { get; }
    public IReadOnlyList<BicepExpression> Interpolations { get; }
    public bool Multiline { get; }

    /// <summary>The text when the string has no interpolation; null otherwise.</summary>
    public string? Value => Interpolations.Count == 0 ? Parts[0] : null;
}

public sealed class BicepNumber : BicepExpression
{
    internal BicepNumber(TextSpan span, string text) : base(span) => Text = text;

    public string Text { get; }
}

public sealed class BicepBoolean : BicepExpression
{
    internal BicepBoolean(TextSpan span, bool value) : base(span) => Value = value;

    public bool Value { get; }
}

public sealed class BicepNull : BicepExpression
{
    internal BicepNull(TextSpan span) : base(span) { }
}

/// <summary>A name: a parameter, variable, resource, module, loop variable or function.</summary>
public sealed class BicepIdentifier : BicepExpression
{
    internal BicepIdentifier(TextSpan span, string name) : base(span) => Name = name;

    public string Name { get; }
}

/// <summary><c>target.name</c> (or <c>target.?name</c>, <c>target::child</c>).</summary>
public sealed class BicepPropertyAccess : BicepExpression
{
    internal BicepPropertyAccess(TextSpan span, BicepExpression target, string name, TextSpan nameSpan) : base(span)
    {
        Target = target;
        Name = name;
        NameSpan = nameSpan;
    }

    public BicepExpression Target { get; }
    public string Name { get; }
    public TextSpan NameSpan { get; }
}

/// <summary><c>target[index]</c>.</summary>
public sealed class BicepIndexAccess : BicepExpression
{
    internal BicepIndexAccess(TextSpan span, BicepExpression target, BicepExpression index) : base(span)
    {
        Target = target;
        Index = index;
    }

    public BicepExpression Target { get; }
    public BicepExpression Index { get; }
}

/// <summary><c>name(args)</c> or <c>namespace.name(args)</c> (<c>az.resourceId(…)</c>, <c>sys.concat(…)</c>).</summary>
public sealed class BicepCall : BicepExpression
{
    internal BicepCall(TextSpan span, string name, TextSpan nameSpan, BicepExpression? receiver, IReadOnlyList<BicepExpression> arguments) : base(span)
    {
        Name = name;
        NameSpan = nameSpan;
        Receiver = receiver;
        Arguments = arguments;
    }

    public string Name { get; }
    public TextSpan NameSpan { get; }

    /// <summary>What the function is called on: a namespace (<c>az</c>, <c>sys</c>) or a resource (<c>kv.getSecret(…)</c>).</summary>
    public BicepExpression? Receiver { get; }
    public IReadOnlyList<BicepExpression> Arguments { get; }
}

public sealed class BicepTernary : BicepExpression
{
    internal BicepTernary(TextSpan span, BicepExpression condition, BicepExpression whenTrue, BicepExpression whenFalse) : base(span)
    {
        Condition = condition;
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
    }

    public BicepExpression Condition { get; }
    public BicepExpression WhenTrue { get; }
    public BicepExpression WhenFalse { get; }
}

public sealed class BicepBinary : BicepExpression
{
    internal BicepBinary(TextSpan span, string op, BicepExpression left, BicepExpression right) : base(span)
    {
        Operator = op;
        Left = left;
        Right = right;
    }

    public string Operator { get; }
    public BicepExpression Left { get; }
    public BicepExpression Right { get; }
}

public sealed class BicepUnary : BicepExpression
{
    internal BicepUnary(TextSpan span, string op, BicepExpression operand) : base(span)
    {
        Operator = op;
        Operand = operand;
    }

    public string Operator { get; }
    public BicepExpression Operand { get; }
}

public sealed class BicepParenthesized : BicepExpression
{
    internal BicepParenthesized(TextSpan span, BicepExpression inner) : base(span) => Inner = inner;

    public BicepExpression Inner { get; }
}

/// <summary><c>if (condition) body</c>: a resource or module deployed only when the condition holds.</summary>
public sealed class BicepCondition : BicepExpression
{
    internal BicepCondition(TextSpan span, BicepExpression condition, BicepExpression body) : base(span)
    {
        Condition = condition;
        Body = body;
    }

    public BicepExpression Condition { get; }
    public BicepExpression Body { get; }
}

/// <summary><c>[for item in source: body]</c> or <c>[for (item, index) in source: body]</c>.</summary>
public sealed class BicepForExpression : BicepExpression
{
    internal BicepForExpression(TextSpan span, IReadOnlyList<string> variables, BicepExpression source, BicepExpression body) : base(span)
    {
        Variables = variables;
        Source = source;
        Body = body;
    }

    public IReadOnlyList<string> Variables { get; }
    public BicepExpression Source { get; }
    public BicepExpression Body { get; }
}

/// <summary><c>x => expr</c> or <c>(x, y) => expr</c>, as passed to <c>filter</c>, <c>map</c>, <c>reduce</c>…</summary>
public sealed class BicepLambda : BicepExpression
{
    internal BicepLambda(TextSpan span, IReadOnlyList<string> parameters, BicepExpression body) : base(span)
    {
        Parameters = parameters;
        Body = body;
    }

    public IReadOnlyList<string> Parameters { get; }
    public BicepExpression Body { get; }
}

/// <summary>Where no valid expression was found; a diagnostic explains it.</summary>
public sealed class BicepError : BicepExpression
{
    internal BicepError(TextSpan span) : base(span) { }
}
