using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Shell;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands;

/// <summary>
/// Walks a parsed script and yields every simple command it executes — in lists, pipelines, compound commands,
/// command substitutions, and in code handed to another shell (<c>sh -c</c>, <c>eval</c>, <c>ssh host '…'</c>,
/// <c>bash &lt;&lt;EOF</c>) — with wrappers such as <c>sudo</c>, <c>env</c>, <c>xargs</c>, <c>timeout</c> unwrapped to the real program.
/// Arguments of <c>echo</c>, heredocs fed to <c>cat</c>, and comments are data, never commands.
/// </summary>
public sealed class CommandExtractor
{
    /// <summary>How many wrappers and nested shells deep we follow; beyond it the command is reported as it is.</summary>
    public const int MaxNesting = 16;

    private static readonly string[] None = Array.Empty<string>();
    private readonly List<ShellCommand> _commands = new();
    private readonly ShellVariables _variables = new();
    private int _order;

    private readonly WrapperCatalog _wrappers;

    private CommandExtractor(WrapperCatalog wrappers) => _wrappers = wrappers;

    public static IReadOnlyList<ShellCommand> Extract(ShellScript script) => Extract(script, null);

    /// <summary>Extracts from a script parsed from <paramref name="host"/>.Value; spans are mapped to the host.</summary>
    /// <param name="wrappers">The wrapper catalogue (the built-in one when null).</param>
    public static IReadOnlyList<ShellCommand> Extract(ShellScript script, EmbeddedText? host, WrapperCatalog? wrappers = null)
    {
        var extractor = new CommandExtractor(wrappers ?? WrapperCatalog.Default);
        extractor.WalkStatements(script.Statements, new Scope(script.Text, host, CommandContext.None, null, null, 0));
        return extractor._commands;
    }

    private readonly struct Scope
    {
        public Scope(string text, EmbeddedText? map, CommandContext context, string? function, ShellCommand? wrapper, int depth)
        {
            Text = text;
            Map = map;
            Context = context;
            Function = function;
            Wrapper = wrapper;
            Depth = depth;
        }

        public string Text { get; }
        public EmbeddedText? Map { get; }
        public CommandContext Context { get; }
        public string? Function { get; }
        public ShellCommand? Wrapper { get; }
        public int Depth { get; }

        public Scope Add(CommandContext context) => new(Text, Map, Context | context, Function, Wrapper, Depth);
        public Scope InFunction(string name) => new(Text, Map, Context | CommandContext.FunctionBody, name, Wrapper, Depth);
        public Scope Unwrapped(ShellCommand wrapper, CommandContext add) => new(Text, Map, Context | add, Function, wrapper, Depth + 1);
        public Scope Nested(string text, EmbeddedText map, ShellCommand wrapper, CommandContext add) =>
            new(text, map, Context | add | CommandContext.NestedShell, Function, wrapper, Depth + 1);

        public Scope Reparsed(string text, EmbeddedText map) => new(text, map, Context, Function, Wrapper, Depth + 1);

        public int MapOffset(int offset) => Map == null ? offset : Map.MapToHost(offset);
        public TextSpan MapSpan(TextSpan span) => CommandWord.MapSpan(Map, span);
    }

    // ---- tree walk -----------------------------------------------------------------------------------------

    private void WalkStatements(IReadOnlyList<ShellStatement> statements, Scope scope, CommandInput? stdin = null)
    {
        foreach (var statement in statements)
            WalkNode(statement.Command, statement.IsBackground ? scope.Add(CommandContext.Background) : scope, stdin);
    }

    private void WalkNode(ShellCommandNode node, Scope scope, CommandInput? pipedInput)
    {
        switch (node)
        {
            case ShellSimpleCommand simple:
                WalkSimple(simple, scope, pipedInput);
                return;
            case ShellPipeline pipeline:
                WalkPipeline(pipeline, scope, pipedInput);
                break;
            case ShellAndOrList list:
                WalkNode(list.First, scope, pipedInput);
                foreach (var item in list.Rest)
                    WalkNode(item.Command, scope.Add(item.Operator == ShellListOperator.Or ? CommandContext.AfterOr : CommandContext.AfterAnd), null);
                break;
            case ShellSubshell subshell:
                WalkStatements(subshell.Body, scope.Add(CommandContext.Subshell));
                break;
            case ShellBraceGroup group:
                WalkStatements(group.Body, scope);
                break;
            case ShellIfCommand ifCommand:
                foreach (var clause in ifCommand.Clauses)
                {
                    WalkStatements(clause.Condition, scope.Add(CommandContext.Condition));
                    WalkStatements(clause.Body, scope);
                }
                if (ifCommand.ElseBody != null) WalkStatements(ifCommand.ElseBody, scope);
                break;
            case ShellForCommand forCommand:
                if (forCommand.Words != null)
                    foreach (var word in forCommand.Words) WalkParts(word.Parts, scope);
                WalkStatements(forCommand.Body, scope.Add(CommandContext.Loop));
                break;
            case ShellArithmeticForCommand arithmeticFor:
                WalkStatements(arithmeticFor.Body, scope.Add(CommandContext.Loop));
                break;
            case ShellLoopCommand loop:
                WalkStatements(loop.Condition, scope.Add(CommandContext.Condition | CommandContext.Loop));
                WalkStatements(loop.Body, scope.Add(CommandContext.Loop));
                break;
            case ShellCaseCommand caseCommand:
                if (caseCommand.Subject != null) WalkParts(caseCommand.Subject.Parts, scope);
                foreach (var item in caseCommand.Items)
                {
                    foreach (var pattern in item.Patterns) WalkParts(pattern.Parts, scope);
                    WalkStatements(item.Body, scope.Add(CommandContext.CaseItem));
                }
                break;
            case ShellFunctionDefinition function:
                if (function.Body != null) WalkNode(function.Body, scope.InFunction(function.Name), null);
                break;
            case ShellTestCommand test:
                foreach (var word in test.Words) WalkParts(word.Parts, scope.Add(CommandContext.Condition));
                break;
            case ShellArithmeticCommand arithmetic:
                WalkParts(arithmetic.Parts, scope);
                break;
        }
        foreach (var redirection in node.Redirections) WalkRedirection(redirection, scope);
    }

    private void WalkPipeline(ShellPipeline pipeline, Scope scope, CommandInput? pipedInput)
    {
        if (pipeline.IsNegated) scope = scope.Add(CommandContext.Negated);
        ShellCommand? previous = null;
        ShellCommandNode? previousNode = null;
        for (int i = 0; i < pipeline.Commands.Count; i++)
        {
            var node = pipeline.Commands[i];
            var input = previousNode == null ? pipedInput : InputFromPipe(previous, previousNode, scope);
            previous = node is ShellSimpleCommand simple ? WalkSimple(simple, scope, input) : null;
            if (node is not ShellSimpleCommand) WalkNode(node, scope, input);
            previousNode = node;
        }
    }

    private void WalkRedirection(ShellRedirection redirection, Scope scope)
    {
        if (redirection.Target != null) WalkParts(redirection.Target.Parts, scope);
        if (redirection.Heredoc != null) WalkParts(redirection.Heredoc.Parts, scope);
    }

    /// <summary>Commands inside a word: <c>$(…)</c>, backticks, <c>&lt;(…)</c>, and those nested in quotes or <c>${x:-…}</c>.</summary>
    private void WalkParts(IReadOnlyList<ShellWordPart> parts, Scope scope)
    {
        // Indexed, not foreach: a list behind the interface would box its enumerator for every word of every script.
        for (int i = 0; i < parts.Count; i++)
        {
            switch (parts[i])
            {
                case ShellCommandSubstitutionPart substitution:
                    if (substitution.IsBacktick && HasBacktickEscapes(scope.Text, substitution.Span))
                        WalkUnescapedBacktick(substitution.Span, scope.Add(CommandContext.CommandSubstitution));
                    else
                        WalkStatements(substitution.Body, scope.Add(CommandContext.CommandSubstitution));
                    break;
                case ShellProcessSubstitutionPart process:
                    WalkStatements(process.Body, scope.Add(CommandContext.CommandSubstitution));
                    break;
                case ShellDoubleQuotedPart quoted:
                    WalkParts(quoted.Parts, scope);
                    break;
                case ShellParameterPart parameter when parameter.Argument != null:
                    WalkParts(parameter.Argument.Parts, scope);
                    break;
                case ShellArrayPart array:
                    for (int e = 0; e < array.Elements.Count; e++) WalkParts(array.Elements[e].Parts, scope);
                    break;
                case ShellArithmeticPart arithmetic:
                    WalkParts(arithmetic.Parts, scope);
                    break;
            }
        }
    }

    /// <summary>Inside backticks, <c>\`</c>, <c>\$</c> and <c>\\</c> lose their backslash before the shell parses the body.</summary>
    private static bool HasBacktickEscapes(string text, TextSpan span)
    {
        for (int i = span.Start + 1; i < span.End - 1; i++)
        {
            if (text[i] != '\\') continue;
            if (text[i + 1] is '`' or '$' or '\\') return true;
            i++;
        }
        return false;
    }

    /// <summary>
    /// The parser keeps a backtick body in place (exact spans); when it has escapes (<c>`echo \`date\``</c>) the
    /// shell sees different text, so that text is rebuilt with its map and parsed again.
    /// </summary>
    private void WalkUnescapedBacktick(TextSpan span, Scope scope)
    {
        if (scope.Depth >= MaxNesting) return;
        var builder = new EmbeddedText.Builder();
        int end = span.End - (span.Length > 1 && scope.Text[span.End - 1] == '`' ? 1 : 0);
        for (int i = span.Start + 1; i < end; i++)
        {
            char c = scope.Text[i];
            if (c == '\\' && i + 1 < end && scope.Text[i + 1] is '`' or '$' or '\\') c = scope.Text[++i];
            builder.Append(c, scope.MapOffset(i));
        }
        var code = builder.Build(scope.MapOffset(end));
        var script = ShellParser.Parse(code.Value);
        WalkStatements(script.Statements, scope.Reparsed(code.Value, code));
    }

    /// <summary>Returns the last command this simple command resolved to (what writes into a following pipe).</summary>
    private ShellCommand? WalkSimple(ShellSimpleCommand simple, Scope scope, CommandInput? pipedInput)
    {
        var words = simple.Words;
        for (int i = 0; i < simple.Assignments.Count; i++)
        {
            var assignment = simple.Assignments[i];
            if (assignment.Value != null) WalkParts(assignment.Value.Parts, scope);
            if (assignment.ArrayElements != null)
                for (int e = 0; e < assignment.ArrayElements.Count; e++) WalkParts(assignment.ArrayElements[e].Parts, scope);
        }
        for (int i = 0; i < words.Count; i++) WalkParts(words[i].Parts, scope);
        for (int i = 0; i < simple.Redirections.Count; i++) WalkRedirection(simple.Redirections[i], scope);
        _order++;
        if (simple.Words.Count == 0)
        {
            // `NAME=value` on its own sets a shell variable for the commands after it.
            foreach (var assignment in simple.Assignments)
            {
                bool readable = assignment.Value != null && !assignment.IsAppend && assignment.Name.IndexOf('[') < 0;
                _variables.Assign(assignment.Name, _order, readable ? CommandWord.From(assignment.Value!, scope.Map) : null);
            }
            return null;
        }

        var arguments = new List<CommandWord>(words.Count);
        for (int i = 0; i < words.Count; i++)
        {
            var argument = CommandWord.From(words[i], scope.Map);
            var expanded = argument.ExpandBraces();
            if (expanded == null) arguments.Add(argument);
            else arguments.AddRange(expanded);
        }
        if (arguments.Count == 0) return null;
        List<CommandAssignment>? assignments = null;
        for (int i = 0; i < simple.Assignments.Count; i++)
        {
            var a = simple.Assignments[i];
            (assignments ??= new List<CommandAssignment>()).Add(new CommandAssignment(a.Name, scope.MapSpan(a.NameSpan),
                a.Value?.StaticValue, scope.MapSpan(a.Value?.Span ?? a.Span)));
        }
        List<CommandRedirection>? redirections = null;
        for (int i = 0; i < simple.Redirections.Count; i++)
        {
            var r = simple.Redirections[i];
            (redirections ??= new List<CommandRedirection>()).Add(new CommandRedirection(scope.MapSpan(r.Span), r.FileDescriptor, r.Operator,
                r.Target == null ? null : CommandWord.From(r.Target, scope.Map)));
        }
        var input = InputFromRedirections(simple.Redirections, scope) ?? pipedInput;
        int before = _commands.Count;
        WorkBudget.Charge(Budget.Commands);
        Resolve(new ShellCommand(arguments, assignments, redirections, input, scope.Wrapper, scope.Context, scope.Function), scope);
        return _commands.Count > before ? _commands[_commands.Count - 1] : null;
    }

    // ---- standard input ------------------------------------------------------------------------------------

    private static CommandInput? InputFromRedirections(IReadOnlyList<ShellRedirection> redirections, Scope scope)
    {
        CommandInput? input = null;
        foreach (var r in redirections)
        {
            if (!r.IsInput) continue;
            if (r.Heredoc != null)
            {
                var heredoc = r.Heredoc;
                var bodyScope = scope;
                input = new CommandInput(CommandInputKind.Heredoc, scope.MapSpan(heredoc.BodySpan),
                    () => EmbedRange(bodyScope, heredoc.BodySpan, heredoc.StripsTabs), heredoc.IsExpanded, null, null);
            }
            else if (r.Operator == "<<<" && r.Target != null)
            {
                var target = r.Target;
                var map = scope.Map;
                input = new CommandInput(CommandInputKind.HereString, scope.MapSpan(target.Span), () => EmbedWords(new[] { target }, map, false), true, null, null);
            }
            else if (r.Operator == "<" && r.Target != null)
            {
                input = new CommandInput(CommandInputKind.File, scope.MapSpan(r.Target.Span), null, false, CommandWord.From(r.Target, scope.Map), null);
            }
        }
        return input;
    }

    private static CommandInput InputFromPipe(ShellCommand? previous, ShellCommandNode previousNode, Scope scope)
    {
        if (previous == null) return new CommandInput(CommandInputKind.Pipe, scope.MapSpan(previousNode.Span), null, false, null, null);
        var args = previous.Arguments;
        if (previous.Is("echo"))
        {
            int i = 1;
            while (i < args.Count && IsEchoOption(args[i].Value)) i++;
            var words = Slice(args, i);
            var span = words.Count == 0 ? previous.Span : TextSpan.FromBounds(words[0].Span.Start, Math.Max(words[0].Span.Start, words[words.Count - 1].Span.End));
            return new CommandInput(CommandInputKind.EchoPipe, span, () => EmbedCommandWords(words, appendNewline: true), true, null, previous);
        }
        if (previous.Is("printf") && args.Count > 1)
        {
            int i = args[1].Value == "--" ? 2 : 1;
            if (i < args.Count && args[i].Value != "-v")
            {
                var span = TextSpan.FromBounds(args[i].Span.Start, Math.Max(args[i].Span.Start, args[args.Count - 1].Span.End));
                int format = i;
                return new CommandInput(CommandInputKind.PrintfPipe, span, () => EmbedPrintf(args, format), true, null, previous);
            }
        }
        if (previous.Is("cat") && previous.Input != null && previous.Input.Kind is CommandInputKind.Heredoc or CommandInputKind.HereString
            && previous.ParsedArguments.Positionals.Count == 0)
            return previous.Input;
        return new CommandInput(CommandInputKind.Pipe, previous.Span, null, false, null, previous);
    }

    private static bool IsEchoOption(string? value)
    {
        if (value == null || value.Length < 2 || value[0] != '-') return false;
        for (int i = 1; i < value.Length; i++)
            if (value[i] is not ('n' or 'e' or 'E')) return false;
        return true;
    }

    /// <summary>A region of the script's text, mapped to the host (tabs stripped per line for <c>&lt;&lt;-</c>).</summary>
    private static EmbeddedText EmbedRange(Scope scope, TextSpan span, bool stripTabs)
    {
        if (scope.Map == null && !stripTabs) return EmbeddedText.Contiguous(scope.Text.Substring(span.Start, span.Length), span.Start);
        var builder = new EmbeddedText.Builder();
        bool lineStart = true;
        for (int i = span.Start; i < span.End && i < scope.Text.Length; i++)
        {
            char c = scope.Text[i];
            if (stripTabs && lineStart && c == '\t') continue;
            lineStart = c == '\n';
            builder.Append(c, scope.MapOffset(i));
        }
        return builder.Build(scope.MapOffset(span.End));
    }

    /// <summary>
    /// Words joined by spaces as a nested shell would read them: static parts resolved, <c>$x</c> kept as written
    /// (so it stays dynamic there), each character mapped to the host.
    /// </summary>
    private static EmbeddedText EmbedWords(IReadOnlyList<ShellWord> words, EmbeddedText? map, bool appendNewline)
    {
        if (words.Count == 1 && map == null && !appendNewline)
        {
            // One word of the script itself (`psql -c "…"`): its text and offsets as decoded, not copied again.
            var text = words[0].GetReparseText(out var offsets);
            if (offsets.Count == text.Length) return EmbeddedText.FromOffsets(text, offsets, words[0].Span.End);
        }
        var builder = new EmbeddedText.Builder();
        int hostEnd = 0;
        for (int w = 0; w < words.Count; w++)
        {
            var word = words[w];
            if (w > 0) builder.Append(' ', hostEnd);
            var value = word.GetReparseText(out var starts);
            for (int k = 0; k < value.Length; k++) builder.Append(value[k], map == null ? starts.Start(k) : map.MapToHost(starts.Start(k)));
            hostEnd = map == null ? word.Span.End : map.MapToHost(word.Span.End);
        }
        if (appendNewline) builder.Append('\n', hostEnd);
        return builder.Build(hostEnd);
    }

    private static EmbeddedText EmbedCommandWords(IReadOnlyList<CommandWord> words, bool appendNewline)
    {
        // Words of one command share one map (they come from the same script).
        var syntax = new ShellWord[words.Count];
        for (int i = 0; i < syntax.Length; i++) syntax[i] = words[i].Syntax;
        return EmbedWords(syntax, words.Count > 0 ? words[0].Map : null, appendNewline);
    }

    /// <summary><c>printf FORMAT ARGS</c>: <c>\n</c>, <c>\t</c>, <c>\\</c> resolved, <c>%s</c>/<c>%b</c> replaced by the arguments in turn.</summary>
    private static EmbeddedText EmbedPrintf(IReadOnlyList<CommandWord> args, int formatIndex)
    {
        var format = EmbedCommandWords(new[] { args[formatIndex] }, appendNewline: false);
        var builder = new EmbeddedText.Builder();
        int next = formatIndex + 1;
        string f = format.Value;
        for (int i = 0; i < f.Length; i++)
        {
            char c = f[i];
            int host = format.MapToHost(i);
            if (c == '\\' && i + 1 < f.Length)
            {
                char e = f[i + 1];
                char? decoded = e switch { 'n' => '\n', 't' => '\t', '\\' => '\\', 'r' => '\r', _ => null };
                if (decoded != null)
                {
                    builder.Append(decoded.Value, host);
                    i++;
                    continue;
                }
            }
            if (c == '%' && i + 1 < f.Length)
            {
                char conversion = f[i + 1];
                if (conversion == '%')
                {
                    builder.Append('%', host);
                    i++;
                    continue;
                }
                if (conversion is 's' or 'b' or 'd')
                {
                    if (next < args.Count)
                    {
                        var arg = EmbedCommandWords(new[] { args[next++] }, appendNewline: false);
                        for (int k = 0; k < arg.Value.Length; k++) builder.Append(arg.Value[k], arg.MapToHost(k));
                    }
                    i++;
                    continue;
                }
            }
            builder.Append(c, host);
        }
        return builder.Build(format.HostEnd);
    }

    // ---- wrappers ------------------------------------------------------------------------------------------

    private void Emit(ShellCommand command)
    {
        command.Variables = _variables;
        command.Order = _order;
        _variables.Called(command);
        _commands.Add(command);
    }

    private void Resolve(ShellCommand command, Scope scope)
    {
        if (command.Name == null || scope.Depth >= MaxNesting)
        {
            Emit(command);
            return;
        }
        var args = command.Arguments;
        switch (command.Name)
        {
            case "env":
                ResolveEnv(command, scope);
                return;
            case "command":
            {
                int i = 1;
                for (; i < args.Count && args[i].Value is { Length: > 1 } v && v[0] == '-'; i++)
                {
                    if (v == "--") { i++; break; }
                    if (v.IndexOf('v') >= 0 || v.IndexOf('V') >= 0)
                    {
                        Emit(command); // `command -v x` looks x up; it runs nothing
                        return;
                    }
                }
                Unwrap(command, scope, i, null, CommandContext.None);
                return;
            }
            case "xargs":
                ResolveXargs(command, scope);
                return;
            case "parallel":
                ResolveParallel(command, scope);
                return;
            case "watch":
            {
                int i = SkipOptions(args, 1, "nq", new[] { "interval", "equexit" });
                if (HasShortOrLong(args, i, 'x', "exec")) Unwrap(command, scope, i, null, CommandContext.None);
                else RunAsShell(command, scope, i, CommandContext.None);
                return;
            }
            case "find":
                Emit(command);
                ResolveFindExec(command, scope);
                return;
            case "ssh":
            {
                int host = SkipOptions(args, 1, "BbcDEeFIiJLlmOoPpQRSWw", None);
                RunAsShell(command, scope, host + 1, CommandContext.Remote);
                return;
            }
            case "docker":
            case "podman":
            case "docker-compose":
            case "podman-compose":
                ResolveContainerExec(command, scope);
                return;
            case "runuser":
            {
                int c = IndexOfOption(args, "-c", "--command");
                if (c >= 0) RunAsShell(command, scope, c + 1, CommandContext.None, lastIndex: c + 1);
                else Unwrap(command, scope, SkipOptions(args, 1, "ugGw", new[] { "user", "group", "supp-group", "whitelist-environment" }), null, CommandContext.None);
                return;
            }
            case "kubectl":
            case "oc":
            {
                int exec = IndexOf(args, "exec", 1);
                int dashes = exec < 0 ? -1 : IndexOf(args, "--", exec + 1);
                if (dashes < 0) Emit(command);
                else Unwrap(command, scope, dashes + 1, null, CommandContext.Remote);
                return;
            }
            case "sh":
            case "bash":
            case "zsh":
            case "dash":
            case "ksh":
            case "ash":
            case "mksh":
                ResolveShell(command, scope);
                return;
            case "eval":
                RunAsShell(command, scope, 1, CommandContext.None);
                return;
            case "trap":
                Emit(command);
                if (args.Count > 2 && args[1].Value is not ("-" or "-p" or "-l" or "--"))
                    RunAsShell(command, scope, 1, CommandContext.None, lastIndex: 1, emitWhenEmpty: false);
                return;
            case "su":
            {
                int c = IndexOfOption(args, "-c", "--command");
                if (c < 0) Emit(command);
                else RunAsShell(command, scope, c + 1, CommandContext.None, lastIndex: c + 1);
                return;
            }
            default:
                // The wrappers that are data (rules/catalogs/wrappers.yaml and users' catalogues): options, operands, command.
                if (_wrappers.Find(command.Name, args) is { } wrapper)
                {
                    int start = wrapper.InnerStart(args);
                    if (start < 0)
                    {
                        Emit(command);
                        return;
                    }
                    var assignments = wrapper.Assignments ? TakeAssignments(args, ref start) : null;
                    Unwrap(command, scope, start, assignments, CommandContext.None);
                    return;
                }
                Emit(command);
                return;
        }
    }

    private void Unwrap(ShellCommand wrapper, Scope scope, int innerStart, List<CommandAssignment>? extraAssignments, CommandContext add)
    {
        var args = wrapper.Arguments;
        if (innerStart >= args.Count || innerStart <= 0)
        {
            Emit(wrapper);
            return;
        }
        var assignments = new List<CommandAssignment>(wrapper.Assignments);
        if (extraAssignments != null) assignments.AddRange(extraAssignments);
        var inner = new ShellCommand(Slice(args, innerStart), assignments, wrapper.Redirections, wrapper.Input, wrapper,
            scope.Context | add, scope.Function);
        Resolve(inner, scope.Unwrapped(wrapper, add));
    }

    /// <summary>Parses arguments [start, lastIndex] joined by spaces as shell code (what <c>eval</c>, <c>ssh</c> and <c>sh -c</c> do).</summary>
    private void RunAsShell(ShellCommand wrapper, Scope scope, int start, CommandContext add, int lastIndex = int.MaxValue, bool emitWhenEmpty = true)
    {
        var args = wrapper.Arguments;
        int end = Math.Min(lastIndex, args.Count - 1);
        if (start > end || start <= 0)
        {
            if (emitWhenEmpty) Emit(wrapper);
            return;
        }
        var words = new List<CommandWord>();
        for (int i = start; i <= end; i++) words.Add(args[i]);
        // The code's commands read the wrapper's stdin (`ssh host bash <<EOF`).
        ParseNested(EmbedCommandWords(words, appendNewline: false), wrapper, scope, add, wrapper.Input);
    }

    private void ParseNested(EmbeddedText code, ShellCommand wrapper, Scope scope, CommandContext add, CommandInput? stdin)
    {
        var script = ShellParser.Parse(code.Value);
        WalkStatements(script.Statements, scope.Nested(code.Value, code, wrapper, add), stdin);
    }

    private void ResolveShell(ShellCommand command, Scope scope)
    {
        var args = command.Arguments;
        int i = 1;
        bool hasCommandString = false, readsStdin = false;
        while (i < args.Count)
        {
            var v = args[i].Value;
            if (v == null) break;
            if (v == "--" || v == "-")
            {
                i++;
                readsStdin |= v == "-";
                break;
            }
            if (v.StartsWith("--", StringComparison.Ordinal))
            {
                i += v is "--rcfile" or "--init-file" ? 2 : 1;
                continue;
            }
            if (v.Length < 2 || (v[0] != '-' && v[0] != '+')) break;
            bool skipNext = false;
            for (int k = 1; k < v.Length; k++)
            {
                if (v[k] == 'c') hasCommandString = true;
                else if (v[k] == 's') readsStdin = true;
                else if (v[k] is 'o' or 'O') skipNext = true;
            }
            i += skipNext ? 2 : 1;
        }
        if (hasCommandString)
        {
            RunAsShell(command, scope, i, CommandContext.None, lastIndex: i);
            return;
        }
        if (i >= args.Count || readsStdin)
        {
            var code = command.Input?.Embedded;
            if (code != null && command.Input!.Kind != CommandInputKind.File)
            {
                ParseNested(code, command, scope, CommandContext.None, null);
                return;
            }
        }
        Emit(command); // runs a script file, or reads code we cannot see (`curl … | sh`)
    }

    private void ResolveEnv(ShellCommand command, Scope scope)
    {
        var args = command.Arguments;
        int i = 1;
        while (i < args.Count)
        {
            var v = args[i].Value;
            if (v == null || v.Length == 0) break;
            if (v == "--")
            {
                i++;
                break;
            }
            if (v is "-S" or "--split-string")
            {
                // env -S 'cmd args': the string is split into a command line
                RunAsShell(command, scope, i + 1, CommandContext.None);
                return;
            }
            if (v is "-u" or "--unset" or "-C" or "--chdir" or "-P")
            {
                // -P: BSD env's search path for the utility.
                i += 2;
                continue;
            }
            if (v[0] != '-') break;
            i++;
        }
        var assignments = TakeAssignments(args, ref i);
        Unwrap(command, scope, i, assignments, CommandContext.None);
    }

    private void ResolveFindExec(ShellCommand find, Scope scope)
    {
        var args = find.Arguments;
        for (int i = 1; i < args.Count; i++)
        {
            if (args[i].Value is not ("-exec" or "-execdir" or "-ok" or "-okdir")) continue;
            int j = i + 1;
            while (j < args.Count && args[j].Value != ";" && !(args[j].Value == "+" && args[j - 1].Value == "{}")) j++;
            if (j > i + 1)
            {
                var inner = new ShellCommand(Slice(args, i + 1, j), null, null, null, find, scope.Context, scope.Function);
                Resolve(inner, scope.Unwrapped(find, CommandContext.None));
            }
            i = j;
        }
    }

    // ---- xargs, parallel ------------------------------------------------------------------------------------

    /// <summary>Most argument lists a command line spells out; beyond it the command is judged with its placeholders.</summary>
    private const int MaxSubstitutions = 16;

    /// <summary>Longest piped list read for its items: a longer one (a heredoc of a million lines) is not split up.</summary>
    private const int MaxListedInput = 4096;

    /// <summary>
    /// <c>xargs [-I R] cmd …</c>: when the list it reads is written in the line (<c>echo / | xargs rm -rf</c>), the
    /// commands it will run are built from it — one per line with a replace string, else one with every item appended —
    /// and read as shell code; otherwise the command is read with its placeholders and the pipe as its input.
    /// </summary>
    private void ResolveXargs(ShellCommand command, Scope scope)
    {
        var args = command.Arguments;
        string? replace = null;
        bool fromFile = false;
        int i = 1;
        while (i < args.Count && args[i].Value is { Length: > 1 } v && v[0] == '-')
        {
            if (v == "--") { i++; break; }
            if (v is "-I" or "-J") { replace = i + 1 < args.Count ? args[i + 1].Value : null; i += 2; continue; }
            if (v.StartsWith("-I", StringComparison.Ordinal) || v.StartsWith("-J", StringComparison.Ordinal)) { replace = v.Substring(2); i++; continue; }
            if (v is "-i" or "--replace") { replace = "{}"; i++; continue; }
            if (v.StartsWith("--replace=", StringComparison.Ordinal)) { replace = v.Length > 10 ? v.Substring(10) : "{}"; i++; continue; }
            if (v.StartsWith("-i", StringComparison.Ordinal) && v.Length > 2 && v[1] == 'i') { replace = v.Substring(2); i++; continue; }
            if (v is "-a" or "--arg-file" || v.StartsWith("--arg-file=", StringComparison.Ordinal) || (v.StartsWith("-a", StringComparison.Ordinal) && v[1] == 'a'))
            {
                fromFile = true;
                i += v is "-a" or "--arg-file" ? 2 : 1;
                continue;
            }
            i += OptionWidth(v, "EdLnPs", new[] { "delimiter", "eof", "max-lines", "max-args", "max-procs", "max-chars", "process-slot-var" });
        }
        if (i >= args.Count)
        {
            Emit(command);
            return;
        }
        IReadOnlyList<string>? items = fromFile || command.Input?.Text is not { Length: <= MaxListedInput } input ? null
            : replace is null ? input.Split(new[] { ' ', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries)
            : input.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
        bool known = items is { Count: > 0 and <= MaxSubstitutions };
        var inner = Slice(args, i);
        // `xargs bash -c` with whitespace-split items would build code fragments: the shell is judged as reading its input.
        if (ShellCodeFromInput(inner, replace ?? string.Empty) && (!known || replace is null))
        {
            EmitUnresolved(command, scope, i, args.Count);
            return;
        }
        if (!known || items is null)
        {
            Unwrap(command, scope, i, null, CommandContext.None);
            return;
        }
        var lines = replace is { Length: > 0 }
            ? items.Select(item => Render(inner, new[] { (replace, item) }, Array.Empty<string>()))
            : new[] { Render(inner, Array.Empty<(string, string)>(), items) };
        RunBuilt(command, scope, lines);
    }

    /// <summary>
    /// GNU <c>parallel [options] cmd … ::: a b ::: c</c>: the commands it runs are built from the argument groups written
    /// after <c>:::</c> (or the lines piped into it) — <c>{}</c>, <c>{1}</c>…, <c>{.}</c> replaced, else the arguments
    /// appended; with no command, each argument is a command of its own. Lists that are not written out leave the
    /// command read with its placeholders.
    /// </summary>
    private void ResolveParallel(ShellCommand command, Scope scope)
    {
        var args = command.Arguments;
        string replace = "{}";
        int i = 1;
        while (i < args.Count && args[i].Value is { Length: > 1 } v && v[0] == '-' && !v.StartsWith(":::", StringComparison.Ordinal))
        {
            if (v == "--") { i++; break; }
            if (v == "-I" && i + 1 < args.Count) { replace = args[i + 1].Value ?? replace; i += 2; continue; }
            i += OptionWidth(v, "jSIaCdEnNsLPX", new[]
            {
                "jobs", "sshlogin", "results", "res", "arg-file", "colsep", "delimiter", "eof", "max-args", "max-replace-args",
                "max-chars", "max-lines", "joblog", "tmpdir", "workdir", "wd", "timeout", "tagstring", "tag-string", "basefile",
                "return", "env", "halt", "memfree", "load", "nice", "retries", "delay", "sshloginfile", "slf", "transferfile", "tf",
            });
        }
        int separator = i;
        while (separator < args.Count && args[separator].Value is not (":::" or "::::" or ":::+" or "::::+")) separator++;
        var inner = Slice(args, i, separator);
        var groups = new List<List<string>>();
        bool unknown = false;
        for (int k = separator; k < args.Count;)
        {
            string? marker = args[k].Value;
            var group = new List<string>();
            k++;
            for (; k < args.Count && args[k].Value is not (":::" or "::::" or ":::+" or "::::+"); k++)
            {
                if (args[k].Value is { } item) group.Add(item);
                else unknown = true;
            }
            if (marker is "::::" or "::::+") unknown = true; // argument files
            groups.Add(group);
        }
        if (groups.Count == 0 && command.Input?.Text is { Length: <= MaxListedInput } input)
            groups.Add(input.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).ToList());
        var combinations = new List<string[]> { Array.Empty<string>() };
        foreach (var group in groups)
        {
            combinations = combinations.SelectMany(c => group.Select(g => c.Concat(new[] { g }).ToArray())).Take(MaxSubstitutions + 1).ToList();
        }
        if (unknown || groups.Count == 0 || combinations.Count == 0 || combinations.Count > MaxSubstitutions)
        {
            if (inner.Count == 0) Emit(command);
            else if (ShellCodeFromInput(inner, replace)) EmitUnresolved(command, scope, i, separator);
            else Unwrap(command, scope, i, null, CommandContext.None);
            return;
        }
        var lines = new List<string>();
        foreach (var values in combinations)
        {
            if (inner.Count == 0)
            {
                lines.AddRange(values);
                continue;
            }
            var replacements = new List<(string, string)> { (replace, string.Join(" ", values)), ("{.}", string.Join(" ", values)), ("{/}", string.Join(" ", values)) };
            for (int g = 0; g < values.Length; g++) replacements.Add(("{" + (g + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", values[g]));
            lines.Add(Render(inner, replacements, values));
        }
        RunBuilt(command, scope, lines);
    }

    /// <summary>
    /// <c>xargs bash -c</c>, <c>parallel sh -c {}</c>: the shell's code is what the list supplies, so it is data turned
    /// into code — left for the rules to judge as such, never rebuilt into a command that looks harmless.
    /// </summary>
    private static bool ShellCodeFromInput(IReadOnlyList<CommandWord> inner, string replace)
    {
        if (inner.Count == 0 || inner[0].Value is not ("sh" or "bash" or "zsh" or "dash" or "ksh" or "ash" or "mksh")) return false;
        int c = -1;
        for (int k = 1; k < inner.Count; k++)
        {
            if (inner[k].Value is { Length: > 1 } v && v[0] == '-' && v[1] != '-' && v.IndexOf('c') > 0) { c = k; break; }
            if (inner[k].Value is not { Length: > 0 } o || o[0] != '-') break;
        }
        if (c < 0) return false;
        return c + 1 >= inner.Count || (replace.Length > 0 && inner[c + 1].RawText.Trim('\'', '"') == replace);
    }

    /// <summary>How many words one option takes: 2 when it is a short option (last in its cluster) or a long option without <c>=</c> that takes a value.</summary>
    private static int OptionWidth(string option, string shortWithValue, string[] longWithValue)
    {
        if (option.StartsWith("--", StringComparison.Ordinal))
            return option.IndexOf('=') < 0 && Array.IndexOf(longWithValue, option.Substring(2)) >= 0 ? 2 : 1;
        for (int k = 1; k < option.Length; k++)
            if (shortWithValue.IndexOf(option[k]) >= 0) return k == option.Length - 1 ? 2 : 1;
        return 1;
    }

    /// <summary>The wrapped command as written, not resolved further: a shell whose code the list supplies stays a shell.</summary>
    private void EmitUnresolved(ShellCommand wrapper, Scope scope, int start, int end)
    {
        var inner = new ShellCommand(Slice(wrapper.Arguments, start, end), wrapper.Assignments, wrapper.Redirections, wrapper.Input, wrapper,
            scope.Context | CommandContext.CodeFromInput, scope.Function);
        Emit(inner);
    }

    /// <summary>The command line a wrapper builds: its words as written, placeholders replaced, or the items appended.</summary>
    private static string Render(IReadOnlyList<CommandWord> words, IReadOnlyList<(string Placeholder, string Value)> replacements, IReadOnlyList<string> appended)
    {
        var sb = new System.Text.StringBuilder();
        bool replaced = false;
        foreach (var word in words)
        {
            string raw = word.RawText;
            foreach (var (placeholder, value) in replacements)
            {
                if (placeholder.Length == 0 || raw.IndexOf(placeholder, StringComparison.Ordinal) < 0) continue;
                raw = raw.Replace(placeholder, Quote(value));
                replaced = true;
            }
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(raw);
        }
        if (!replaced)
            foreach (var item in appended) sb.Append(' ').Append(Quote(item));
        return sb.ToString();
    }

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '~' or '*' or '+' or '=' or ':' or ',' or '@')
            ? value
            : "'" + value.Replace("'", "'\\''") + "'";

    /// <summary>Reads built command lines as shell code, every character placed at the wrapper's name.</summary>
    private void RunBuilt(ShellCommand wrapper, Scope scope, IEnumerable<string> lines)
    {
        int at = wrapper.NameWord.Span.Start;
        var builder = new EmbeddedText.Builder();
        foreach (var line in lines)
        {
            foreach (char c in line) builder.Append(c, at);
            builder.Append('\n', at);
        }
        ParseNested(builder.Build(wrapper.NameWord.Span.End), wrapper, scope, CommandContext.None, null);
    }

    /// <summary><c>docker exec</c>, <c>docker container exec</c>, <c>docker compose exec</c>, <c>docker-compose exec</c>.</summary>
    private void ResolveContainerExec(ShellCommand command, Scope scope)
    {
        var args = command.Arguments;
        int i = 1;
        if (i < args.Count && args[i].Value is "container" or "compose") i++;
        if (i >= args.Count || args[i].Value != "exec")
        {
            Emit(command);
            return;
        }
        i = SkipOptions(args, i + 1, "euw", new[] { "env", "env-file", "user", "workdir", "detach-keys", "index" });
        Unwrap(command, scope, i + 1, null, CommandContext.Remote);
    }

    // ---- argument helpers ----------------------------------------------------------------------------------

    /// <summary>
    /// Skips a wrapper's options from <paramref name="i"/>: <c>--</c> ends them, a short option letter in
    /// <paramref name="shortWithValue"/> takes the next argument when it is last in its cluster, and so does a long option
    /// in <paramref name="longWithValue"/> written without <c>=</c>. Returns the index of the first operand.
    /// </summary>
    /// <summary>The index after the options starting at <paramref name="i"/> (a standalone <c>--</c> included).</summary>
    internal static int SkipOptions(IReadOnlyList<CommandWord> args, int i, string shortWithValue, string[] longWithValue)
    {
        while (i < args.Count)
        {
            var v = args[i].Value;
            if (v == null || v.Length < 2 || v[0] != '-') return i;
            if (v == "--") return i + 1;
            if (v[1] == '-')
            {
                i += v.IndexOf('=') < 0 && Array.IndexOf(longWithValue, v.Substring(2)) >= 0 ? 2 : 1;
                continue;
            }
            bool takesNext = false;
            for (int k = 1; k < v.Length; k++)
            {
                if (shortWithValue.IndexOf(v[k]) >= 0)
                {
                    takesNext = k == v.Length - 1;
                    break;
                }
            }
            i += takesNext ? 2 : 1;
        }
        return i;
    }

    private static List<CommandAssignment>? TakeAssignments(IReadOnlyList<CommandWord> args, ref int i)
    {
        List<CommandAssignment>? assignments = null;
        while (i < args.Count && args[i].Value is { } v)
        {
            int eq = v.IndexOf('=');
            if (eq <= 0 || !IsName(v, eq)) break;
            var word = args[i];
            (assignments ??= new List<CommandAssignment>()).Add(new CommandAssignment(v.Substring(0, eq), word.MapValueSpan(0, eq),
                v.Substring(eq + 1), word.MapValueSpan(eq + 1, v.Length - eq - 1)));
            i++;
        }
        return assignments;
    }

    private static bool IsName(string s, int length)
    {
        for (int i = 0; i < length; i++)
        {
            char c = s[i];
            bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            if (!ok) return false;
        }
        return true;
    }

    private static bool HasShortOrLong(IReadOnlyList<CommandWord> args, int end, char letter, string longName)
    {
        for (int i = 1; i < end && i < args.Count; i++)
        {
            var v = args[i].Value;
            if (v == null || v.Length < 2 || v[0] != '-') continue;
            if (v[1] == '-' ? v.Substring(2) == longName : v.IndexOf(letter) > 0) return true;
        }
        return false;
    }

    private static int IndexOf(IReadOnlyList<CommandWord> args, string value, int from)
    {
        for (int i = from; i < args.Count; i++)
            if (args[i].Value == value) return i;
        return -1;
    }

    private static int IndexOfOption(IReadOnlyList<CommandWord> args, string shortName, string longName)
    {
        for (int i = 1; i < args.Count; i++)
            if (args[i].Value == shortName || args[i].Value == longName) return i;
        return -1;
    }

    private static IReadOnlyList<CommandWord> Slice(IReadOnlyList<CommandWord> args, int start, int end = int.MaxValue)
    {
        end = Math.Min(end, args.Count);
        var slice = new CommandWord[Math.Max(0, end - start)];
        for (int i = 0; i < slice.Length; i++) slice[i] = args[start + i];
        return slice;
    }
}
