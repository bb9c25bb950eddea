using System;
using System.Collections.Generic;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.PowerShell;

/// <summary>What an argument of a PowerShell command is, once read.</summary>
public enum PowerShellElementKind
{
    /// <summary>A bare word or a string whose value is known (<c>C:\data</c>, <c>'x'</c>, <c>"a`tb"</c>).</summary>
    Word,

    /// <summary>A parameter name (<c>-Recurse</c>, <c>-Confirm:$false</c> with its value glued on).</summary>
    Parameter,

    /// <summary>A value known only at run time: a variable, a subexpression, a script block, an expandable string.</summary>
    Dynamic,
}

/// <summary>One element of a command in argument mode, with its value's characters mapped to the file.</summary>
public sealed class PowerShellElement
{
    internal PowerShellElement(PowerShellElementKind kind, string? value, int[]? offsets, TextSpan span)
    {
        Kind = kind;
        Value = value;
        Offsets = offsets;
        Span = span;
    }

    public PowerShellElementKind Kind { get; }

    /// <summary>The static value (quotes removed, backtick escapes resolved); null when <see cref="Kind"/> is Dynamic.</summary>
    public string? Value { get; }

    /// <summary>Where each character of <see cref="Value"/> stands in the file.</summary>
    public IReadOnlyList<int>? Offsets { get; }

    public TextSpan Span { get; }

    public override string ToString() => Value ?? "<dynamic>";
}

/// <summary>A command invocation: a name (or what <c>&amp;</c> calls) and its arguments.</summary>
public sealed class PowerShellCommand
{
    internal PowerShellCommand(IReadOnlyList<PowerShellElement> elements) => Elements = elements;

    /// <summary>[0] is the command; the rest are its arguments, as PowerShell binds them in argument mode.</summary>
    public IReadOnlyList<PowerShellElement> Elements { get; }
}

/// <summary>Commands joined by <c>|</c>; an expression at the head of a pipeline (<c>$items | Remove-Item</c>) is not a command.</summary>
public sealed class PowerShellPipeline
{
    internal PowerShellPipeline(IReadOnlyList<PowerShellCommand> commands) => Commands = commands;

    public IReadOnlyList<PowerShellCommand> Commands { get; }
}

public sealed class PowerShellScript
{
    internal PowerShellScript(IReadOnlyList<PowerShellPipeline> pipelines, IReadOnlyList<SyntaxDiagnostic> diagnostics)
    {
        Pipelines = pipelines;
        Diagnostics = diagnostics;
    }

    /// <summary>Every pipeline that runs a command, in the order it is written, including those in blocks, script blocks and subexpressions.</summary>
    public IReadOnlyList<PowerShellPipeline> Pipelines { get; }

    public IReadOnlyList<SyntaxDiagnostic> Diagnostics { get; }
}

/// <summary>
/// Reads the commands a PowerShell script runs: statements, blocks (<c>if</c>, <c>foreach</c>, <c>try</c>, functions),
/// pipelines, script blocks and subexpressions, and each command's arguments with PowerShell's own quoting (single
/// quotes with <c>''</c>, double quotes and here-strings with backtick escapes and <c>$</c> expansion, backtick line
/// continuation, <c>#</c> and <c>&lt;# #&gt;</c> comments). Expressions are walked for the commands inside them, never
/// evaluated. Never throws on any input; charges the file's node budget per element.
/// </summary>
public static class PowerShellParser
{
    private const int MaxDepth = 200;

    public static PowerShellScript Parse(string text)
    {
        var parser = new Parser(text);
        parser.StatementList('\0');
        return new PowerShellScript(parser.Pipelines, parser.Diagnostics);
    }

    private sealed class Parser
    {
        private readonly string _s;
        private int _i;
        private int _depth;

        public Parser(string text) => _s = text;

        public List<PowerShellPipeline> Pipelines { get; } = new();
        public List<SyntaxDiagnostic> Diagnostics { get; } = new();

        private char At(int k) => k >= 0 && k < _s.Length ? _s[k] : '\0';
        private char Cur => At(_i);
        private bool End => _i >= _s.Length;

        private void Problem(int at, string message)
        {
            if (Diagnostics.Count < 100) Diagnostics.Add(new SyntaxDiagnostic(new TextSpan(Math.Min(at, _s.Length), 0), message));
        }

        /// <summary>Statements up to <paramref name="close"/> (consumed) or the end of the text.</summary>
        public void StatementList(char close)
        {
            if (++_depth > MaxDepth)
            {
                Problem(_i, "nesting is too deep; the rest of the script is not read");
                _i = _s.Length;
                _depth--;
                return;
            }
            int open = _i;
            while (true)
            {
                SkipTrivia(newlines: true);
                if (End)
                {
                    if (close != '\0') Problem(open, $"'{close}' is missing");
                    break;
                }
                char c = Cur;
                if (c == close)
                {
                    _i++;
                    break;
                }
                if (c is '}' or ')')
                {
                    // A closer that is not ours: the outer list owns it unless we are the top.
                    if (close == '\0')
                    {
                        Problem(_i, $"unexpected '{c}'");
                        _i++;
                        continue;
                    }
                    Problem(_i, $"'{close}' expected before '{c}'");
                    break;
                }
                int before = _i;
                Statement();
                if (_i == before) _i++;
            }
            _depth--;
        }

        private void SkipTrivia(bool newlines)
        {
            while (!End)
            {
                char c = Cur;
                if (c is ' ' or '\t' or '\r' or '\f' or '\v' or '\u00a0' or '\ufeff') { _i++; continue; }
                if (c == '`' && (At(_i + 1) == '\n' || (At(_i + 1) == '\r' && At(_i + 2) == '\n'))) { _i += At(_i + 1) == '\n' ? 2 : 3; continue; }
                if (c == '<' && At(_i + 1) == '#')
                {
                    int close = _s.IndexOf("#>", _i + 2, StringComparison.Ordinal);
                    if (close < 0) Problem(_i, "block comment is not closed");
                    _i = close < 0 ? _s.Length : close + 2;
                    continue;
                }
                if (c == '#')
                {
                    while (!End && Cur != '\n') _i++;
                    continue;
                }
                if (newlines && (c is '\n' or ';')) { _i++; continue; }
                break;
            }
        }

        private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';

        private string PeekWord(out int end)
        {
            end = _i;
            while (end < _s.Length && IsIdentifierChar(_s[end])) end++;
            return _s.Substring(_i, end - _i);
        }

        private void Statement()
        {
            WorkBudget.Charge(Budget.Nodes);
            if (char.IsLetter(Cur))
            {
                string word = PeekWord(out int end).ToLowerInvariant();
                switch (word)
                {
                    case "function" or "filter" or "workflow" or "configuration":
                        _i = end;
                        SkipTrivia(newlines: false);
                        while (!End && !char.IsWhiteSpace(Cur) && Cur is not '{' and not '(') _i++;
                        SkipTrivia(newlines: true);
                        if (Cur == '(') SkipBalanced('(', ')');
                        Block();
                        return;
                    case "if" or "elseif" or "while" or "until" or "switch" or "foreach" or "for":
                        _i = end;
                        SkipTrivia(newlines: false);
                        while (Cur == '-' && char.IsLetter(At(_i + 1)))
                        {
                            _i++;
                            while (!End && IsIdentifierChar(Cur)) _i++;
                            SkipTrivia(newlines: false);
                        }
                        if (Cur == '(')
                        {
                            _i++;
                            StatementList(')');
                        }
                        Block();
                        return;
                    case "else" or "try" or "finally" or "do" or "begin" or "process" or "end" or "dynamicparam" or "clean" or "data":
                        _i = end;
                        Block();
                        return;
                    case "catch" or "trap":
                        _i = end;
                        SkipTrivia(newlines: false);
                        while (Cur is '[' or ',')
                        {
                            if (Cur == '[') SkipBalanced('[', ']'); else _i++;
                            SkipTrivia(newlines: false);
                        }
                        Block();
                        return;
                    case "param":
                        _i = end;
                        SkipTrivia(newlines: true);
                        if (Cur == '(') SkipBalanced('(', ')');
                        return;
                    case "class" or "enum" or "using":
                        _i = end;
                        while (!End && Cur is not '{' and not '\n' and not ';') _i++;
                        if (Cur == '{') SkipBalanced('{', '}');
                        return;
                    case "return" or "throw" or "exit" or "break" or "continue":
                        _i = end;
                        Pipelines_();
                        return;
                }
            }
            Pipelines_();
        }

        /// <summary>A <c>{ … }</c> block after a keyword, if there is one.</summary>
        private void Block()
        {
            SkipTrivia(newlines: true);
            if (Cur != '{') return;
            _i++;
            StatementList('}');
        }

        /// <summary>Skips a bracketed region, strings and comments inside it included, without reading commands in it.</summary>
        private void SkipBalanced(char open, char close)
        {
            int depth = 0;
            int start = _i;
            while (!End)
            {
                char c = Cur;
                if (c == '\'' || c == '"')
                {
                    SkipString();
                    continue;
                }
                if (c == '#' && (open != '{' || _i == start || char.IsWhiteSpace(At(_i - 1))))
                {
                    while (!End && Cur != '\n') _i++;
                    continue;
                }
                if (c == '`') { _i += 2; continue; }
                _i++;
                if (c == open) depth++;
                else if (c == close && --depth == 0) return;
            }
            Problem(start, $"'{close}' is missing");
        }

        private void SkipString()
        {
            char q = Cur;
            _i++;
            while (!End)
            {
                char c = Cur;
                if (q == '"' && c == '`') { _i += 2; continue; }
                _i++;
                if (c == q)
                {
                    if (Cur == q) { _i++; continue; }
                    return;
                }
            }
        }

        /// <summary>Pipelines joined by <c>&amp;&amp;</c> / <c>||</c>, up to the end of the statement.</summary>
        private void Pipelines_()
        {
            var commands = new List<PowerShellCommand>();
            while (true)
            {
                SkipTrivia(newlines: false);
                if (AtStatementEnd()) break;
                int before = _i;
                var command = CommandOrExpression();
                if (command != null) commands.Add(command);
                SkipTrivia(newlines: false);
                if (Cur == '|' && At(_i + 1) != '|')
                {
                    _i++;
                    SkipTrivia(newlines: true);
                    continue;
                }
                if ((Cur == '&' && At(_i + 1) == '&') || (Cur == '|' && At(_i + 1) == '|'))
                {
                    _i += 2;
                    Flush(commands);
                    SkipTrivia(newlines: true);
                    continue;
                }
                if (Cur == '&' && At(_i + 1) != '&')
                {
                    // `… &` runs the pipeline as a background job.
                    _i++;
                    continue;
                }
                if (_i == before) _i++;
                if (!AtStatementEnd() && Cur is not '|' and not '&')
                {
                    // Something argument mode could not take (a stray `=`, `>`…): skip one character and go on.
                    _i++;
                    continue;
                }
                if (AtStatementEnd()) break;
            }
            Flush(commands);
        }

        private void Flush(List<PowerShellCommand> commands)
        {
            if (commands.Count > 0) Pipelines.Add(new PowerShellPipeline(commands.ToArray()));
            commands.Clear();
        }

        private bool AtStatementEnd() => End || Cur is '\n' or ';' or '}' or ')';

        private bool AtElementEnd() =>
            AtStatementEnd() || char.IsWhiteSpace(Cur) || Cur == '|' || (Cur == '&' && (At(_i + 1) == '&' || _i + 1 >= _s.Length || char.IsWhiteSpace(At(_i + 1))));

        private PowerShellCommand? CommandOrExpression()
        {
            bool invoked = false;
            if (Cur == '&' && At(_i + 1) != '&')
            {
                _i++;
                invoked = true;
            }
            else if (Cur == '.' && (char.IsWhiteSpace(At(_i + 1)) && At(_i + 1) != '\n'))
            {
                _i++;
                invoked = true;
            }
            SkipTrivia(newlines: false);
            if (AtStatementEnd()) return null;
            if (!invoked && StartsExpression())
            {
                Expression();
                return null;
            }
            var elements = new List<PowerShellElement>();
            while (true)
            {
                SkipTrivia(newlines: false);
                if (AtElementEnd()) break;
                if (Redirection()) continue;
                int before = _i;
                var element = Element(first: elements.Count == 0);
                if (element != null) elements.Add(element);
                if (Cur == ',') _i++;
                if (_i == before) _i++;
            }
            return elements.Count == 0 ? null : new PowerShellCommand(elements.ToArray());
        }

        private bool StartsExpression()
        {
            char c = Cur;
            if (c is '$' or '(' or '@' or '[' or '\'' or '"' or '!' or '+' or ',' or '{') return true;
            if (char.IsDigit(c)) return true;
            if (c == '-' && (char.IsDigit(At(_i + 1)) || char.IsLetter(At(_i + 1)))) return true;
            return false;
        }

        /// <summary><c>&gt; file</c>, <c>2&gt;&amp;1</c>, <c>*&gt;&gt; log</c>: skipped with their target.</summary>
        private bool Redirection()
        {
            int k = _i;
            if (At(k) is '1' or '2' or '3' or '4' or '5' or '6' or '*' && At(k + 1) == '>') k++;
            if (At(k) != '>' && !(At(k) == '<' && At(k + 1) != '#')) return false;
            k++;
            if (At(k) == '>') k++;
            if (At(k) == '&' && char.IsDigit(At(k + 1)))
            {
                _i = k + 2;
                return true;
            }
            _i = k;
            SkipTrivia(newlines: false);
            if (!AtElementEnd()) Element(first: false);
            return true;
        }

        /// <summary>An expression statement or pipeline head: walked for the commands inside it; <c>$x = …</c> reads its right side as a pipeline.</summary>
        private void Expression()
        {
            while (!End)
            {
                WorkBudget.Charge(Budget.Nodes);
                char c = Cur;
                if (c is '\n' or ';' or '}' or ')' or '|') return;
                if (c == '&' && At(_i + 1) == '&') return;
                if (c is ' ' or '\t' or '\r') { _i++; continue; }
                if (c == '`') { _i += 2; continue; }
                if (c == '#' && (char.IsWhiteSpace(At(_i - 1)) || _i == 0)) { while (!End && Cur != '\n') _i++; return; }
                if (c == '<' && At(_i + 1) == '#') { SkipTrivia(newlines: false); continue; }
                if (c == '\'') { SkipString(); continue; }
                if (c == '"') { ExpandableString(null, null); continue; }
                if (c == '@' && (At(_i + 1) == '\'' || At(_i + 1) == '"') && IsHereStringStart(_i + 2)) { HereString(null, null); continue; }
                if (c == '$' && At(_i + 1) == '(') { _i += 2; StatementList(')'); continue; }
                if (c == '@' && At(_i + 1) == '(') { _i += 2; StatementList(')'); continue; }
                if (c == '@' && At(_i + 1) == '{') { _i++; SkipBalanced('{', '}'); continue; }
                if (c == '(') { _i++; StatementList(')'); continue; }
                if (c == '{') { _i++; StatementList('}'); continue; }
                if (c == '=' && At(_i + 1) != '=' && (_i == 0 || _s[_i - 1] is not '=' and not '!' and not '<' and not '>'))
                {
                    // An assignment: what follows is a statement of its own (`$r = Remove-Item …`).
                    _i++;
                    SkipTrivia(newlines: true);
                    Statement();
                    return;
                }
                _i++;
            }
        }

        private bool IsHereStringStart(int k)
        {
            while (At(k) is ' ' or '\t') k++;
            return At(k) == '\n' || (At(k) == '\r' && At(k + 1) == '\n');
        }

        /// <summary>One argument: parts glued together until whitespace or the end of the command.</summary>
        private PowerShellElement? Element(bool first)
        {
            WorkBudget.Charge(Budget.Nodes);
            int start = _i;
            var value = new StringBuilder();
            var offsets = new List<int>();
            bool dynamic = false;
            bool parameter = !first && Cur == '-' && (char.IsLetter(At(_i + 1)) || At(_i + 1) == '_');
            while (!End && !AtElementEnd())
            {
                char c = Cur;
                if (c == ',' && !first) break;
                if (c == '\'')
                {
                    _i++;
                    while (!End)
                    {
                        if (Cur == '\'')
                        {
                            if (At(_i + 1) == '\'') { value.Append('\''); offsets.Add(_i); _i += 2; continue; }
                            _i++;
                            goto next;
                        }
                        value.Append(Cur);
                        offsets.Add(_i);
                        _i++;
                    }
                    Problem(start, "string is not closed");
                    break;
                }
                if (c == '"')
                {
                    dynamic |= !ExpandableString(value, offsets);
                    continue;
                }
                if (c == '@' && (At(_i + 1) == '\'' || At(_i + 1) == '"') && IsHereStringStart(_i + 2))
                {
                    dynamic |= !HereString(value, offsets);
                    continue;
                }
                if (c == '$')
                {
                    dynamic |= !Variable(value, offsets);
                    continue;
                }
                if (c == '@' && At(_i + 1) == '(') { _i += 2; StatementList(')'); dynamic = true; continue; }
                if (c == '@' && At(_i + 1) == '{') { _i++; SkipBalanced('{', '}'); dynamic = true; continue; }
                if (c == '(') { _i++; StatementList(')'); dynamic = true; continue; }
                if (c == '{') { _i++; StatementList('}'); dynamic = true; continue; }
                if (c == '`')
                {
                    if (At(_i + 1) == '\n' || At(_i + 1) == '\r') break;
                    if (_i + 1 < _s.Length)
                    {
                        value.Append(_s[_i + 1]);
                        offsets.Add(_i + 1);
                    }
                    _i += 2;
                    continue;
                }
                if (c == '>' || (c == '<' && !first)) break;
                value.Append(c);
                offsets.Add(_i);
                _i++;
            next:;
            }
            if (_i == start) return null;
            var span = TextSpan.FromBounds(start, Math.Min(_i, _s.Length));
            if (dynamic) return new PowerShellElement(PowerShellElementKind.Dynamic, null, null, span);
            return new PowerShellElement(parameter ? PowerShellElementKind.Parameter : PowerShellElementKind.Word, value.ToString(), offsets.ToArray(), span);
        }

        /// <summary><c>$name</c>, <c>${name}</c>, <c>$env:NAME</c>, <c>$x.Prop[0]</c>; <c>$true</c>, <c>$false</c> and <c>$null</c> are constants, kept as written.</summary>
        private bool Variable(StringBuilder? value, List<int>? offsets)
        {
            int start = _i;
            _i++;
            if (Cur == '(')
            {
                _i++;
                StatementList(')');
                return false;
            }
            if (Cur == '{')
            {
                int close = _s.IndexOf('}', _i);
                _i = close < 0 ? _s.Length : close + 1;
                return false;
            }
            while (!End && (char.IsLetterOrDigit(Cur) || Cur is '_' or '?' or '^' || (Cur == ':' && char.IsLetter(At(_i + 1))))) _i++;
            string name = _s.Substring(start + 1, _i - start - 1);
            if (name.Equals("true", StringComparison.OrdinalIgnoreCase) || name.Equals("false", StringComparison.OrdinalIgnoreCase) || name.Equals("null", StringComparison.OrdinalIgnoreCase))
            {
                for (int k = start; k < _i; k++)
                {
                    value?.Append(_s[k]);
                    offsets?.Add(k);
                }
                return true;
            }
            if (name.Length == 0)
            {
                // A lone `$` is a literal character.
                value?.Append('$');
                offsets?.Add(start);
                return true;
            }
            return false;
        }

        /// <summary>A <c>"…"</c> string: backtick escapes resolved, <c>""</c> is a quote; false when it expands a variable or subexpression.</summary>
        private bool ExpandableString(StringBuilder? value, List<int>? offsets)
        {
            int start = _i;
            bool known = true;
            _i++;
            while (!End)
            {
                char c = Cur;
                if (c == '"')
                {
                    if (At(_i + 1) == '"') { value?.Append('"'); offsets?.Add(_i); _i += 2; continue; }
                    _i++;
                    return known;
                }
                if (c == '`')
                {
                    if (_i + 1 < _s.Length)
                    {
                        value?.Append(Escape(_s[_i + 1]));
                        offsets?.Add(_i + 1);
                    }
                    _i += 2;
                    continue;
                }
                if (c == '$' && (char.IsLetter(At(_i + 1)) || At(_i + 1) is '_' or '{' or '('))
                {
                    known &= Variable(value, offsets);
                    continue;
                }
                value?.Append(c);
                offsets?.Add(_i);
                _i++;
            }
            Problem(start, "string is not closed");
            return known;
        }

        private bool HereString(StringBuilder? value, List<int>? offsets)
        {
            int start = _i;
            char q = At(_i + 1);
            int bodyStart = _s.IndexOf('\n', _i) + 1;
            // The terminator is the quote and @ at the start of a line.
            int k = bodyStart;
            int close = -1;
            while (k < _s.Length)
            {
                int lineStart = k;
                while (k < _s.Length && _s[k] is ' ' or '\t') k++;
                if (k + 1 < _s.Length && _s[k] == q && _s[k + 1] == '@') { close = lineStart; break; }
                int nl = _s.IndexOf('\n', k);
                if (nl < 0) break;
                k = nl + 1;
            }
            int bodyEnd = close < 0 ? _s.Length : Math.Max(bodyStart, close - 1);
            if (bodyEnd > bodyStart && _s[bodyEnd - 1] == '\r') bodyEnd--;
            if (close < 0) Problem(start, "here-string is not closed");
            bool known = true;
            if (q == '\'')
            {
                for (int p = bodyStart; p < bodyEnd; p++) { value?.Append(_s[p]); offsets?.Add(p); }
            }
            else
            {
                int p = bodyStart;
                while (p < bodyEnd)
                {
                    char c = _s[p];
                    if (c == '`' && p + 1 < bodyEnd) { value?.Append(Escape(_s[p + 1])); offsets?.Add(p + 1); p += 2; continue; }
                    if (c == '$' && p + 1 < bodyEnd && (char.IsLetter(_s[p + 1]) || _s[p + 1] is '_' or '{' or '('))
                    {
                        _i = p;
                        known &= Variable(value, offsets);
                        p = Math.Max(_i, p + 1);
                        continue;
                    }
                    value?.Append(c);
                    offsets?.Add(p);
                    p++;
                }
            }
            _i = close < 0 ? _s.Length : _s.IndexOf('@', close) + 1;
            return known;
        }

        private static char Escape(char c) => c switch
        {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '0' => '\0',
            'a' => '\a',
            'b' => '\b',
            'f' => '\f',
            'v' => '\v',
            'e' => '\u001b',
            _ => c,
        };
    }
}
