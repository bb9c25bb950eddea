using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands;

/// <summary>Where an executed command sits; rules use it to judge reachability and intent.</summary>
[Flags]
public enum CommandContext
{
    None = 0,

    /// <summary>In the condition of <c>if</c>, <c>elif</c>, <c>while</c> or <c>until</c>.</summary>
    Condition = 1 << 0,

    /// <summary>Runs only when the command before <c>||</c> failed.</summary>
    AfterOr = 1 << 1,

    /// <summary>Runs only when the command before <c>&amp;&amp;</c> succeeded.</summary>
    AfterAnd = 1 << 2,

    /// <summary>In the body of a function definition (runs when the function is called).</summary>
    FunctionBody = 1 << 3,

    /// <summary>In a pipeline negated with <c>!</c>.</summary>
    Negated = 1 << 4,

    /// <summary>In a statement ended with <c>&amp;</c>.</summary>
    Background = 1 << 5,

    /// <summary>Inside <c>$(…)</c>, backticks or a process substitution.</summary>
    CommandSubstitution = 1 << 6,

    /// <summary>Inside <c>( … )</c>.</summary>
    Subshell = 1 << 7,

    /// <summary>In the body or condition of a loop.</summary>
    Loop = 1 << 8,

    /// <summary>Parsed from a string or stream given to another shell: <c>sh -c</c>, <c>eval</c>, <c>bash &lt;&lt;EOF</c>, <c>trap</c>.</summary>
    NestedShell = 1 << 9,

    /// <summary>Runs on another machine or container: <c>ssh host cmd</c>, <c>docker exec</c>, <c>kubectl exec</c>.</summary>
    Remote = 1 << 10,

    /// <summary>In a <c>case</c> item.</summary>
    CaseItem = 1 << 11,

    /// <summary>A shell whose code is the list <c>xargs</c> or <c>parallel</c> reads (<c>… | xargs bash -c</c>).</summary>
    CodeFromInput = 1 << 12,
}

/// <summary>Where the standard input of a command comes from.</summary>
public enum CommandInputKind
{
    /// <summary><c>&lt;&lt;EOF</c> / <c>&lt;&lt;-EOF</c>.</summary>
    Heredoc,

    /// <summary><c>&lt;&lt;&lt; word</c>.</summary>
    HereString,

    /// <summary><c>echo X |</c>.</summary>
    EchoPipe,

    /// <summary><c>printf X |</c>.</summary>
    PrintfPipe,

    /// <summary><c>&lt; file</c>.</summary>
    File,

    /// <summary>Piped from another command whose output is unknown (<c>curl … | sh</c>).</summary>
    Pipe,
}

/// <summary>The text fed to a command's standard input, when it is known.</summary>
public sealed class CommandInput
{
    private Func<EmbeddedText?>? _textFactory;
    private EmbeddedText? _text;

    internal CommandInput(CommandInputKind kind, TextSpan span, Func<EmbeddedText?>? text, bool isExpanded, CommandWord? file, ShellCommand? source)
    {
        Kind = kind;
        Span = span;
        _textFactory = text;
        IsExpanded = isExpanded;
        File = file;
        Source = source;
    }

    public CommandInputKind Kind { get; }

    /// <summary>The heredoc body, here-string word, echoed words, file name or piping command, in the original text.</summary>
    public TextSpan Span { get; }

    /// <summary>The text (mapped back to the original), or null when it is unknown (a file, a dynamic word, another command).</summary>
    public EmbeddedText? Embedded
    {
        get
        {
            // Built on first use: most inputs (heredocs fed to cat) are never read by a rule.
            if (_textFactory != null)
            {
                _text = _textFactory();
                _textFactory = null;
            }
            return _text;
        }
    }

    public string? Text => Embedded?.Value;

    /// <summary>For a heredoc: whether <c>$…</c> in it is expanded (delimiter unquoted); parameters then stay as written.</summary>
    public bool IsExpanded { get; }

    /// <summary>For <c>&lt; file</c>: the file word.</summary>
    public CommandWord? File { get; }

    /// <summary>For pipes: the command writing into this one.</summary>
    public ShellCommand? Source { get; }
}

/// <summary><c>VAR=value</c> given to a command, as a prefix or through <c>env</c> / <c>sudo</c>.</summary>
public sealed class CommandAssignment
{
    internal CommandAssignment(string name, TextSpan nameSpan, string? value, TextSpan valueSpan)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
        ValueSpan = valueSpan;
    }

    public string Name { get; }
    public TextSpan NameSpan { get; }

    /// <summary>The static value, or null when it is dynamic or an array.</summary>
    public string? Value { get; }
    public TextSpan ValueSpan { get; }
}

public sealed class CommandRedirection
{
    internal CommandRedirection(TextSpan span, string? fileDescriptor, string @operator, CommandWord? target)
    {
        Span = span;
        FileDescriptor = fileDescriptor;
        Operator = @operator;
        Target = target;
    }

    public TextSpan Span { get; }
    public string? FileDescriptor { get; }
    public string Operator { get; }
    public CommandWord? Target { get; }
}

/// <summary>
/// A simple command that the script executes, after unwrapping <c>sudo</c>, <c>env</c>, <c>xargs</c>, <c>sh -c</c> and the
/// like: <see cref="Arguments"/>[0] is the real program; <see cref="Wrapper"/> is the command that ran it.
/// </summary>
public sealed class ShellCommand
{
    private static readonly IReadOnlyList<CommandAssignment> NoAssignments = Array.Empty<CommandAssignment>();
    private static readonly IReadOnlyList<CommandRedirection> NoRedirections = Array.Empty<CommandRedirection>();
    private ParsedArguments? _defaultArguments;

    internal ShellCommand(IReadOnlyList<CommandWord> arguments, IReadOnlyList<CommandAssignment>? assignments,
        IReadOnlyList<CommandRedirection>? redirections, CommandInput? input, ShellCommand? wrapper, CommandContext context, string? function)
    {
        Arguments = arguments;
        Assignments = assignments ?? NoAssignments;
        Redirections = redirections ?? NoRedirections;
        Input = input;
        Wrapper = wrapper;
        Context = context;
        Function = function;
        var name = arguments.Count > 0 ? arguments[0].Value : null;
        Name = name == null ? null : ProgramName(name);
        Span = arguments.Count == 0 ? default : TextSpan.FromBounds(arguments[0].Span.Start, Math.Max(arguments[0].Span.Start, arguments[arguments.Count - 1].Span.End));
    }

    /// <summary>argv: the program (index 0) and its arguments.</summary>
    public IReadOnlyList<CommandWord> Arguments { get; }

    /// <summary>The program name without directory (<c>/usr/bin/rm</c>, <c>\rm</c> and <c>'rm'</c> are all <c>rm</c>), or null when dynamic.</summary>
    public string? Name { get; }

    public CommandWord NameWord => Arguments[0];

    /// <summary><c>VAR=x</c> given to this command (prefix, or through <c>env</c>/<c>sudo</c>).</summary>
    public IReadOnlyList<CommandAssignment> Assignments { get; }

    public IReadOnlyList<CommandRedirection> Redirections { get; }

    /// <summary>What feeds standard input, when the script shows it.</summary>
    public CommandInput? Input { get; }

    /// <summary>The command that ran this one (<c>sudo</c>, <c>xargs</c>, <c>bash -c</c>, <c>find -exec</c>…), or null.</summary>
    public ShellCommand? Wrapper { get; }

    public CommandContext Context { get; }

    /// <summary>The function whose body holds this command, if any.</summary>
    public string? Function { get; }

    /// <summary>From the program name to the last argument, in the original text.</summary>
    public TextSpan Span { get; }

    public bool Is(string name) => string.Equals(Name, name, StringComparison.Ordinal);

    /// <summary>The script's plain assignments; with <see cref="Order"/>, what a <c>$NAME</c> in this command holds.</summary>
    internal ShellVariables? Variables { get; set; }

    internal int Order { get; set; }

    /// <summary>For a command in a function's body read for one call: that call (<c>$1</c> is its first argument).</summary>
    internal ShellCommand? Call { get; private set; }

    /// <summary>This command as run by <paramref name="call"/> of its function.</summary>
    internal ShellCommand BoundTo(ShellCommand call) =>
        new(Arguments, Assignments, Redirections, Input, Wrapper, Context, Function) { Variables = Variables, Order = Order, Call = call };

    /// <summary>The word last assigned to <paramref name="name"/> before this command, or null.</summary>
    internal CommandWord? VariableBefore(string name) => Variables?.Before(name, Order);

    /// <summary>Options and positionals with the default syntax (no splitting of <c>-rf</c>).</summary>
    public ParsedArguments ParsedArguments => _defaultArguments ??= ParsedArguments.Parse(Arguments, 1, CommandOptionSyntax.Default);

    /// <summary>Options and positionals with a program-specific syntax (which options take values, whether <c>-rf</c> splits).</summary>
    public ParsedArguments ParseArguments(CommandOptionSyntax syntax) => ParsedArguments.Parse(Arguments, 1, syntax);

    internal static string ProgramName(string value)
    {
        int slash = value.LastIndexOf('/');
        return slash >= 0 && slash < value.Length - 1 ? value.Substring(slash + 1) : value;
    }

    public override string ToString()
    {
        var parts = new string[Arguments.Count];
        for (int i = 0; i < parts.Length; i++) parts[i] = Arguments[i].ToString();
        return string.Join(" ", parts);
    }
}
