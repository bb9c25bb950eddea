using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Shell;

/// <summary>Any node of a parsed shell script; the span is in the text given to <see cref="ShellParser"/>.</summary>
public abstract class ShellNode
{
    protected ShellNode(TextSpan span) => Span = span;

    public TextSpan Span { get; internal set; }
}

/// <summary>A piece of a word: a literal run, a quoted string, an expansion.</summary>
public abstract class ShellWordPart : ShellNode
{
    protected ShellWordPart(TextSpan span) : base(span) { }
}

/// <summary>How a literal run treats backslashes (POSIX 2.2.1-2.2.3; heredoc bodies keep <c>\"</c>).</summary>
public enum ShellLiteralQuoting
{
    Unquoted,
    DoubleQuoted,
    HeredocBody,
}

/// <summary>Unquoted or double-quoted text without expansions, escapes still in place (see <see cref="ShellWord.StaticValue"/>).</summary>
public sealed class ShellLiteralPart : ShellWordPart
{
    internal ShellLiteralPart(TextSpan span, ShellLiteralQuoting quoting) : base(span) => Quoting = quoting;

    public ShellLiteralQuoting Quoting { get; }
}

/// <summary><c>'…'</c>: no escapes, no expansions.</summary>
public sealed class ShellSingleQuotedPart : ShellWordPart
{
    internal ShellSingleQuotedPart(TextSpan span, TextSpan contentSpan, bool isTerminated) : base(span)
    {
        ContentSpan = contentSpan;
        IsTerminated = isTerminated;
    }

    public TextSpan ContentSpan { get; }
    public bool IsTerminated { get; }
}

/// <summary><c>$'…'</c>: C-style escapes, no expansions.</summary>
public sealed class ShellAnsiCQuotedPart : ShellWordPart
{
    internal ShellAnsiCQuotedPart(TextSpan span, TextSpan contentSpan, bool isTerminated) : base(span)
    {
        ContentSpan = contentSpan;
        IsTerminated = isTerminated;
    }

    public TextSpan ContentSpan { get; }
    public bool IsTerminated { get; }
}

/// <summary><c>"…"</c> (and <c>$"…"</c>) with its nested literal and expansion parts.</summary>
public sealed class ShellDoubleQuotedPart : ShellWordPart
{
    internal ShellDoubleQuotedPart(TextSpan span, IReadOnlyList<ShellWordPart> parts, bool isTerminated) : base(span)
    {
        Parts = parts;
        IsTerminated = isTerminated;
    }

    public IReadOnlyList<ShellWordPart> Parts { get; }
    public bool IsTerminated { get; }
}

/// <summary><c>$x</c>, <c>${x}</c>, <c>${x:-default}</c>, <c>${#x}</c>, <c>${x[i]}</c>…</summary>
public sealed class ShellParameterPart : ShellWordPart
{
    internal ShellParameterPart(TextSpan span, string name, bool isBraced, string? prefix, string? subscript, string? @operator, ShellWord? argument)
        : base(span)
    {
        Name = name;
        IsBraced = isBraced;
        Prefix = prefix;
        Subscript = subscript;
        Operator = @operator;
        Argument = argument;
    }

    public string Name { get; }
    public bool IsBraced { get; }

    /// <summary><c>#</c> (length) or <c>!</c> (indirection), when present.</summary>
    public string? Prefix { get; }

    public string? Subscript { get; }

    /// <summary><c>:-</c>, <c>=</c>, <c>##</c>, <c>//</c>, <c>:</c> (substring)…; null for a plain reference.</summary>
    public string? Operator { get; }

    public ShellWord? Argument { get; }
}

/// <summary><c>$(…)</c> or <c>`…`</c>, parsed: the commands inside are executed.</summary>
public sealed class ShellCommandSubstitutionPart : ShellWordPart
{
    internal ShellCommandSubstitutionPart(TextSpan span, IReadOnlyList<ShellStatement> body, bool isBacktick, bool isParsed) : base(span)
    {
        Body = body;
        IsBacktick = isBacktick;
        IsParsed = isParsed;
    }

    public IReadOnlyList<ShellStatement> Body { get; }
    public bool IsBacktick { get; }

    /// <summary>False when the body was skipped (nesting too deep); it is then opaque.</summary>
    public bool IsParsed { get; }
}

/// <summary><c>&lt;(…)</c> or <c>&gt;(…)</c>.</summary>
public sealed class ShellProcessSubstitutionPart : ShellWordPart
{
    internal ShellProcessSubstitutionPart(TextSpan span, IReadOnlyList<ShellStatement> body, bool isInput) : base(span)
    {
        Body = body;
        IsInput = isInput;
    }

    public IReadOnlyList<ShellStatement> Body { get; }
    public bool IsInput { get; }
}

/// <summary><c>$((…))</c> (or legacy <c>$[…]</c>); the expression is kept as text.</summary>
public sealed class ShellArithmeticPart : ShellWordPart
{
    internal ShellArithmeticPart(TextSpan span, TextSpan expressionSpan, IReadOnlyList<ShellWordPart> parts) : base(span)
    {
        ExpressionSpan = expressionSpan;
        Parts = parts;
    }

    public TextSpan ExpressionSpan { get; }

    /// <summary>The expression as literal runs and the expansions in it (<c>$x</c>, <c>$(wc -l &lt; f)</c>).</summary>
    public IReadOnlyList<ShellWordPart> Parts { get; }
}

/// <summary><c>(a b c)</c> after <c>name=</c> in a word such as <c>local x=(1 2)</c>.</summary>
public sealed class ShellArrayPart : ShellWordPart
{
    internal ShellArrayPart(TextSpan span, IReadOnlyList<ShellWord> elements) : base(span) => Elements = elements;

    public IReadOnlyList<ShellWord> Elements { get; }
}
