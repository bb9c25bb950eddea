using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Shell;

/// <summary>A command of any shape; compound commands can carry redirections too (<c>{ …; } &gt; log</c>).</summary>
public abstract class ShellCommandNode : ShellNode
{
    private static readonly IReadOnlyList<ShellRedirection> NoRedirections = Array.Empty<ShellRedirection>();

    protected ShellCommandNode(TextSpan span) : base(span) { }

    public IReadOnlyList<ShellRedirection> Redirections { get; internal set; } = NoRedirections;
}

/// <summary>One entry of a command list, ended by <c>;</c>, <c>&amp;</c> or a newline.</summary>
public sealed class ShellStatement : ShellNode
{
    internal ShellStatement(TextSpan span, ShellCommandNode command, bool isBackground) : base(span)
    {
        Command = command;
        IsBackground = isBackground;
    }

    public ShellCommandNode Command { get; }
    public bool IsBackground { get; }
}

/// <summary><c>VAR=x cmd arg… &gt;file</c>.</summary>
public sealed class ShellSimpleCommand : ShellCommandNode
{
    internal ShellSimpleCommand(TextSpan span, IReadOnlyList<ShellAssignment> assignments, IReadOnlyList<ShellWord> words) : base(span)
    {
        Assignments = assignments;
        Words = words;
    }

    public IReadOnlyList<ShellAssignment> Assignments { get; }

    /// <summary>The command name and its arguments, as written.</summary>
    public IReadOnlyList<ShellWord> Words { get; }
}

/// <summary><c>NAME=value</c>, <c>NAME+=value</c>, <c>NAME=(a b)</c>.</summary>
public sealed class ShellAssignment : ShellNode
{
    internal ShellAssignment(TextSpan span, string name, TextSpan nameSpan, bool isAppend, ShellWord? value, IReadOnlyList<ShellWord>? arrayElements)
        : base(span)
    {
        Name = name;
        NameSpan = nameSpan;
        IsAppend = isAppend;
        Value = value;
        ArrayElements = arrayElements;
    }

    /// <summary>The variable name, with its subscript when written (<c>a[1]</c>).</summary>
    public string Name { get; }
    public TextSpan NameSpan { get; }
    public bool IsAppend { get; }

    /// <summary>The scalar value; null for an array assignment. An empty word for <c>X=</c>.</summary>
    public ShellWord? Value { get; }
    public IReadOnlyList<ShellWord>? ArrayElements { get; }
}

/// <summary><c>[!] a | b |&amp; c</c>.</summary>
public sealed class ShellPipeline : ShellCommandNode
{
    internal ShellPipeline(TextSpan span, bool isNegated, IReadOnlyList<ShellCommandNode> commands, IReadOnlyList<bool> pipesStderr) : base(span)
    {
        IsNegated = isNegated;
        Commands = commands;
        PipesStderr = pipesStderr;
    }

    public bool IsNegated { get; }
    public IReadOnlyList<ShellCommandNode> Commands { get; }

    /// <summary>For each pipe (Commands.Count - 1 of them): true when it is <c>|&amp;</c>.</summary>
    public IReadOnlyList<bool> PipesStderr { get; }
}

public enum ShellListOperator
{
    And,
    Or,
}

/// <summary><c>a &amp;&amp; b || c</c>, flat and left to right so a long chain never nests deeply.</summary>
public sealed class ShellAndOrList : ShellCommandNode
{
    internal ShellAndOrList(TextSpan span, ShellCommandNode first, IReadOnlyList<ShellAndOrItem> rest) : base(span)
    {
        First = first;
        Rest = rest;
    }

    public ShellCommandNode First { get; }
    public IReadOnlyList<ShellAndOrItem> Rest { get; }
}

public sealed class ShellAndOrItem
{
    internal ShellAndOrItem(ShellListOperator @operator, TextSpan operatorSpan, ShellCommandNode command)
    {
        Operator = @operator;
        OperatorSpan = operatorSpan;
        Command = command;
    }

    public ShellListOperator Operator { get; }
    public TextSpan OperatorSpan { get; }
    public ShellCommandNode Command { get; }
}

/// <summary><c>( … )</c>.</summary>
public sealed class ShellSubshell : ShellCommandNode
{
    internal ShellSubshell(TextSpan span, IReadOnlyList<ShellStatement> body) : base(span) => Body = body;

    public IReadOnlyList<ShellStatement> Body { get; }
}

/// <summary><c>{ …; }</c>.</summary>
public sealed class ShellBraceGroup : ShellCommandNode
{
    internal ShellBraceGroup(TextSpan span, IReadOnlyList<ShellStatement> body) : base(span) => Body = body;

    public IReadOnlyList<ShellStatement> Body { get; }
}

/// <summary><c>if c; then …; elif c; then …; else …; fi</c>.</summary>
public sealed class ShellIfCommand : ShellCommandNode
{
    internal ShellIfCommand(TextSpan span, IReadOnlyList<ShellConditionalClause> clauses, IReadOnlyList<ShellStatement>? elseBody) : base(span)
    {
        Clauses = clauses;
        ElseBody = elseBody;
    }

    /// <summary>The <c>if</c> clause, then each <c>elif</c>.</summary>
    public IReadOnlyList<ShellConditionalClause> Clauses { get; }
    public IReadOnlyList<ShellStatement>? ElseBody { get; }
}

public sealed class ShellConditionalClause
{
    internal ShellConditionalClause(IReadOnlyList<ShellStatement> condition, IReadOnlyList<ShellStatement> body)
    {
        Condition = condition;
        Body = body;
    }

    public IReadOnlyList<ShellStatement> Condition { get; }
    public IReadOnlyList<ShellStatement> Body { get; }
}

/// <summary><c>for x in …; do …; done</c> and <c>select x in …</c>.</summary>
public sealed class ShellForCommand : ShellCommandNode
{
    internal ShellForCommand(TextSpan span, string variable, IReadOnlyList<ShellWord>? words, IReadOnlyList<ShellStatement> body, bool isSelect)
        : base(span)
    {
        Variable = variable;
        Words = words;
        Body = body;
        IsSelect = isSelect;
    }

    public string Variable { get; }

    /// <summary>The words after <c>in</c>; null when there is no <c>in</c> (the positional parameters).</summary>
    public IReadOnlyList<ShellWord>? Words { get; }
    public IReadOnlyList<ShellStatement> Body { get; }
    public bool IsSelect { get; }
}

/// <summary><c>for ((i=0; i&lt;n; i++)); do …; done</c>.</summary>
public sealed class ShellArithmeticForCommand : ShellCommandNode
{
    internal ShellArithmeticForCommand(TextSpan span, TextSpan headerSpan, IReadOnlyList<ShellStatement> body) : base(span)
    {
        HeaderSpan = headerSpan;
        Body = body;
    }

    public TextSpan HeaderSpan { get; }
    public IReadOnlyList<ShellStatement> Body { get; }
}

/// <summary><c>while c; do …; done</c> and <c>until c; do …; done</c>.</summary>
public sealed class ShellLoopCommand : ShellCommandNode
{
    internal ShellLoopCommand(TextSpan span, bool isUntil, IReadOnlyList<ShellStatement> condition, IReadOnlyList<ShellStatement> body) : base(span)
    {
        IsUntil = isUntil;
        Condition = condition;
        Body = body;
    }

    public bool IsUntil { get; }
    public IReadOnlyList<ShellStatement> Condition { get; }
    public IReadOnlyList<ShellStatement> Body { get; }
}

/// <summary><c>case w in p|q) …;; esac</c>.</summary>
public sealed class ShellCaseCommand : ShellCommandNode
{
    internal ShellCaseCommand(TextSpan span, ShellWord? subject, IReadOnlyList<ShellCaseItem> items) : base(span)
    {
        Subject = subject;
        Items = items;
    }

    public ShellWord? Subject { get; }
    public IReadOnlyList<ShellCaseItem> Items { get; }
}

public sealed class ShellCaseItem : ShellNode
{
    internal ShellCaseItem(TextSpan span, IReadOnlyList<ShellWord> patterns, IReadOnlyList<ShellStatement> body, string? terminator) : base(span)
    {
        Patterns = patterns;
        Body = body;
        Terminator = terminator;
    }

    public IReadOnlyList<ShellWord> Patterns { get; }
    public IReadOnlyList<ShellStatement> Body { get; }

    /// <summary><c>;;</c>, <c>;&amp;</c>, <c>;;&amp;</c>, or null for the last item.</summary>
    public string? Terminator { get; }
}

/// <summary><c>f() { …; }</c> and <c>function f { …; }</c>.</summary>
public sealed class ShellFunctionDefinition : ShellCommandNode
{
    internal ShellFunctionDefinition(TextSpan span, string name, TextSpan nameSpan, ShellCommandNode? body) : base(span)
    {
        Name = name;
        NameSpan = nameSpan;
        Body = body;
    }

    public string Name { get; }
    public TextSpan NameSpan { get; }

    /// <summary>Null only when the input ends before the body.</summary>
    public ShellCommandNode? Body { get; }
}

/// <summary><c>[[ … ]]</c>; operators are kept as literal words.</summary>
public sealed class ShellTestCommand : ShellCommandNode
{
    internal ShellTestCommand(TextSpan span, IReadOnlyList<ShellWord> words) : base(span) => Words = words;

    public IReadOnlyList<ShellWord> Words { get; }
}

/// <summary><c>(( … ))</c>; the expression is kept as text.</summary>
public sealed class ShellArithmeticCommand : ShellCommandNode
{
    internal ShellArithmeticCommand(TextSpan span, TextSpan expressionSpan, IReadOnlyList<ShellWordPart> parts) : base(span)
    {
        ExpressionSpan = expressionSpan;
        Parts = parts;
    }

    public TextSpan ExpressionSpan { get; }

    /// <summary>The expression as literal runs and the expansions in it.</summary>
    public IReadOnlyList<ShellWordPart> Parts { get; }
}

/// <summary><c>[n]&gt;file</c>, <c>2&gt;&amp;1</c>, <c>&amp;&gt;</c>, <c>&lt;&lt;&lt; word</c>, <c>&lt;&lt;EOF</c>…</summary>
public sealed class ShellRedirection : ShellNode
{
    internal ShellRedirection(TextSpan span, string? fileDescriptor, string @operator, ShellWord? target, ShellHeredoc? heredoc) : base(span)
    {
        FileDescriptor = fileDescriptor;
        Operator = @operator;
        Target = target;
        Heredoc = heredoc;
    }

    /// <summary>The explicit descriptor (<c>2</c> in <c>2&gt;&amp;1</c>, <c>fd</c> in <c>{fd}&gt;x</c>), or null.</summary>
    public string? FileDescriptor { get; }

    public string Operator { get; }

    /// <summary>The file, descriptor or here-string word; for a heredoc, its delimiter word.</summary>
    public ShellWord? Target { get; }

    public ShellHeredoc? Heredoc { get; }

    /// <summary>True for redirections that feed standard input.</summary>
    public bool IsInput => (FileDescriptor == null || FileDescriptor == "0") && Operator is "<" or "<<" or "<<-" or "<<<";
}

/// <summary>The body of a heredoc: where it is, and whether the shell expands <c>$…</c> in it.</summary>
public sealed class ShellHeredoc
{
    internal ShellHeredoc(string delimiter, bool isQuoted, bool stripsTabs)
    {
        Delimiter = delimiter;
        IsExpanded = !isQuoted;
        StripsTabs = stripsTabs;
    }

    public string Delimiter { get; }

    /// <summary>False when the delimiter is quoted (<c>&lt;&lt;'EOF'</c>): the body is then literal.</summary>
    public bool IsExpanded { get; }

    /// <summary><c>&lt;&lt;-</c>: leading tabs are removed from each line.</summary>
    public bool StripsTabs { get; }

    /// <summary>The body lines, without the delimiter line.</summary>
    public TextSpan BodySpan { get; internal set; }
    public string Body { get; internal set; } = string.Empty;

    /// <summary>For an expanded body: its literal and expansion parts (command substitutions in it run).</summary>
    public IReadOnlyList<ShellWordPart> Parts { get; internal set; } = Array.Empty<ShellWordPart>();

    public bool IsTerminated { get; internal set; }
}
