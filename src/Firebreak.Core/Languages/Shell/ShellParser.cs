using System;
using System.Collections.Generic;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Shell;

/// <summary>
/// A single-pass recursive-descent parser for POSIX sh and the bash subset real scripts use
/// (https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html). It never throws on bad input:
/// it keeps what it could parse and reports the rest as <see cref="SyntaxDiagnostic"/>s. Nesting deeper than
/// <see cref="MaxDepth"/> is skipped (balanced) rather than recursed into, so hostile input cannot overflow the stack.
/// </summary>
public sealed class ShellParser
{
    /// <summary>
    /// Nesting budget; at 100 the parser and the command walk fit in under 192 KB of stack (measured), well inside the
    /// 1 MB a thread-pool thread gets on Windows.
    /// </summary>
    public const int MaxDepth = 100;
    public const int MaxDiagnostics = 100;

    private static readonly string[] RedirectionOperators = { "<<<", "<<-", "<<", "<>", "<&", "<", ">>", ">|", ">&", ">" };
    private static readonly string[] ParameterOperators =
        { ":-", ":=", ":?", ":+", "-", "=", "?", "+", "##", "#", "%%", "%", "//", "/#", "/%", "/", "^^", "^", ",,", ",", "@", ":" };

    private readonly string _text;
    private readonly List<ShellComment> _comments = new();
    private readonly List<SyntaxDiagnostic> _diagnostics = new();
    private readonly List<ShellHeredoc> _pendingHeredocs = new();
    private int _pos;
    private int _end;
    private int _depth;
    private bool _depthReported;

    private ShellParser(string text)
    {
        _text = text;
        _end = text.Length;
    }

    [Flags]
    private enum Closer
    {
        None = 0,
        RParen = 1,
        RBrace = 2,
        Then = 4,
        Elif = 8,
        Else = 16,
        Fi = 32,
        Do = 64,
        Done = 128,
        Esac = 256,
        CaseItemEnd = 512,
    }

    private enum WordContext
    {
        Unquoted,
        ParameterArgument,

        /// <summary>The right side of <c>=~</c>, already delimited: only quotes and expansions are special.</summary>
        Region,
    }

    public static ShellScript Parse(string text)
    {
        text ??= string.Empty;
        var parser = new ShellParser(text);
        List<ShellStatement> statements;
        var complete = new List<ShellStatement>();
        try
        {
            statements = parser.ParseStatementList(Closer.None, complete);
            parser.ReadPendingHeredocs();
        }
        catch (BudgetExceededException ex)
        {
            // The statements parsed before the budget ran out are analyzed; the rest of the file is not (and noted).
            statements = complete;
            parser.Report(parser._pos, 0, $"the script exceeds {ex.Message}; the rest of it is not analyzed");
            WorkBudget.Forgive();
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or InvalidOperationException or NullReferenceException)
        {
            // A parser bug must not take the scan down; the tests assert this never happens.
            statements = new List<ShellStatement>();
            parser.Report(parser._pos, 0, "internal parser error: " + ex.Message);
        }
        return new ShellScript(text, statements, parser._comments, parser._diagnostics);
    }

    // ---- lists and pipelines -------------------------------------------------------------------------------

    private List<ShellStatement> ParseStatementList(Closer stops, List<ShellStatement>? into = null)
    {
        var list = into ?? new List<ShellStatement>();
        while (true)
        {
            SkipBlanksAndNewlines();
            if (_pos >= _end) break;
            var closer = PeekCloser(out int closerLength);
            if (closer != Closer.None)
            {
                if ((closer & stops) != 0) break;
                Report(_pos, closerLength, $"unexpected '{_text.Substring(_pos, closerLength)}'");
                _pos += closerLength;
                continue;
            }
            int start = _pos;
            var command = ParseAndOr();
            if (command == null)
            {
                if (_pos == start)
                {
                    Report(_pos, 1, $"unexpected '{_text[_pos]}'");
                    _pos++;
                }
                continue;
            }
            int end = Math.Max(command.Span.End, start);
            int save = _pos;
            _pos = end;
            SkipBlanksNoComments();
            bool background = false;
            if (Peek() == '&' && Peek(1) != '&' && Peek(1) != '>')
            {
                _pos++;
                background = true;
                end = _pos;
            }
            else if (Peek() == ';' && Peek(1) != ';' && Peek(1) != '&')
            {
                _pos++;
                end = _pos;
            }
            else
            {
                _pos = Math.Max(save, _pos);
            }
            list.Add(new ShellStatement(MakeSpan(start, end), command, background));
        }
        return list;
    }

    private ShellCommandNode? ParseAndOr()
    {
        int start = _pos;
        var first = ParsePipeline();
        if (first == null) return null;
        List<ShellAndOrItem>? rest = null;
        while (true)
        {
            SkipBlanks();
            char c = Peek();
            if (!((c == '&' && Peek(1) == '&') || (c == '|' && Peek(1) == '|'))) break;
            var opSpan = MakeSpan(_pos, _pos + 2);
            _pos += 2;
            SkipBlanksAndNewlines();
            var next = ParsePipeline();
            if (next == null)
            {
                Report(opSpan, $"missing command after '{(c == '&' ? "&&" : "||")}'");
                break;
            }
            (rest ??= new List<ShellAndOrItem>()).Add(new ShellAndOrItem(c == '&' ? ShellListOperator.And : ShellListOperator.Or, opSpan, next));
        }
        if (rest == null) return first;
        return new ShellAndOrList(MakeSpan(start, rest[rest.Count - 1].Command.Span.End), first, rest);
    }

    private ShellCommandNode? ParsePipeline()
    {
        SkipBlanks();
        int start = _pos;
        bool negated = false;
        if (Peek() == '!' && IsDelimiter(Peek(1)))
        {
            negated = true;
            _pos++;
            SkipBlanks();
        }
        SkipTimeKeywordBeforeCompound();
        var first = ParseCommand();
        if (first == null)
        {
            if (negated) Report(start, 1, "missing command after '!'");
            return null;
        }
        List<ShellCommandNode>? commands = null;
        List<bool>? stderr = null;
        while (true)
        {
            SkipBlanks();
            if (Peek() != '|' || Peek(1) == '|') break;
            int pipeAt = _pos;
            bool both = Peek(1) == '&';
            _pos += both ? 2 : 1;
            SkipBlanksAndNewlines();
            var next = ParseCommand();
            if (next == null)
            {
                Report(pipeAt, both ? 2 : 1, "missing command after '|'");
                break;
            }
            commands ??= new List<ShellCommandNode> { first };
            stderr ??= new List<bool>();
            commands.Add(next);
            stderr.Add(both);
        }
        if (commands == null && !negated) return first;
        commands ??= new List<ShellCommandNode> { first };
        return new ShellPipeline(MakeSpan(start, commands[commands.Count - 1].Span.End), negated, commands,
            (IReadOnlyList<bool>?)stderr ?? Array.Empty<bool>());
    }

    /// <summary>
    /// <c>time { …; }</c>: bash's <c>time</c> is a pipeline keyword. Before a simple command it is left in place
    /// (the command extractor unwraps it like <c>/usr/bin/time</c>); before a compound command it is skipped.
    /// </summary>
    private void SkipTimeKeywordBeforeCompound()
    {
        if (!IsKeyword("time")) return;
        int save = _pos;
        _pos += 4;
        SkipBlanks();
        if (Peek() == '-' && Peek(1) == 'p' && IsDelimiter(Peek(2)))
        {
            _pos += 2;
            SkipBlanks();
        }
        char c = Peek();
        bool compound = ((c == '{' || c == '[') && Peek(1) is ' ' or '\t' or '\n' or '[') || c == '('
            || IsKeyword("if") || IsKeyword("for") || IsKeyword("while") || IsKeyword("until") || IsKeyword("case") || IsKeyword("select");
        if (!compound) _pos = save;
    }

    // ---- commands ------------------------------------------------------------------------------------------

    private ShellCommandNode? ParseCommand()
    {
        WorkBudget.Charge(Budget.Nodes);
        SkipBlanks();
        if (_pos >= _end) return null;
        char c = _text[_pos];
        if (c is ')' or ';' or '&' or '|' or '\n') return null;
        if (!EnterNesting())
        {
            // Too deep to recurse safely: skip the rest of this region.
            _pos = _end;
            return null;
        }
        try
        {
            int start = _pos;
            ShellCommandNode? node;
            if (c == '(')
            {
                node = Peek(1) == '(' ? ParseArithmeticCommandOrSubshell() : ParseSubshell();
            }
            else if (c == '{' && IsDelimiter(Peek(1)))
            {
                node = ParseBraceGroup();
            }
            else if (c == '[' && Peek(1) == '[' && IsDelimiter(Peek(2)))
            {
                node = ParseTestCommand();
            }
            else if (!MayStartKeyword(c)) return ParseSimpleCommand();
            else if (IsKeyword("if")) node = ParseIf();
            else if (IsKeyword("for")) node = ParseFor(isSelect: false);
            else if (IsKeyword("select")) node = ParseFor(isSelect: true);
            else if (IsKeyword("while")) node = ParseLoop(isUntil: false);
            else if (IsKeyword("until")) node = ParseLoop(isUntil: true);
            else if (IsKeyword("case")) node = ParseCase();
            else if (IsKeyword("function")) node = ParseFunctionKeyword();
            else return ParseSimpleCommand();

            ParseTrailingRedirections(node, start);
            return node;
        }
        finally
        {
            _depth--;
        }
    }

    private void ParseTrailingRedirections(ShellCommandNode node, int start)
    {
        List<ShellRedirection>? redirections = null;
        while (true)
        {
            int save = _pos;
            SkipBlanks();
            if (!IsRedirectionStart())
            {
                _pos = save;
                break;
            }
            (redirections ??= new List<ShellRedirection>()).Add(ParseRedirection());
        }
        if (redirections == null) return;
        node.Redirections = redirections;
        node.Span = MakeSpan(start, _pos);
    }

    private ShellCommandNode ParseSimpleCommand()
    {
        int start = _pos;
        List<ShellAssignment>? assignments = null;
        List<ShellWord>? words = null;
        List<ShellRedirection>? redirections = null;
        int end = _pos;
        while (true)
        {
            SkipBlanks();
            if (_pos >= _end) break;
            char c = _text[_pos];
            if (c is '\n' or ';' or '|' or ')') break;
            if (c == '&' && Peek(1) != '>') break;
            if ((c == '<' || c == '>') && Peek(1) == '(')
            {
                // process substitution: a word
            }
            else if (IsRedirectionStart())
            {
                (redirections ??= new List<ShellRedirection>()).Add(ParseRedirection());
                end = _pos;
                continue;
            }
            else if (c == '(')
            {
                if (words != null && words.Count == 1 && assignments == null && redirections == null && IsName(words[0].RawText, allowDashes: true))
                {
                    var name = words[0];
                    words.Clear();
                    _wordLists.Push(words);
                    return ParseFunctionAfterName(start, name);
                }
                Report(_pos, 1, "unexpected '('");
                _pos++;
                continue;
            }
            if (words == null)
            {
                var assignment = TryParseAssignment();
                if (assignment != null)
                {
                    (assignments ??= new List<ShellAssignment>()).Add(assignment);
                    end = _pos;
                    continue;
                }
            }
            var word = ParseWord();
            if (word == null)
            {
                Report(_pos, 1, $"unexpected '{c}'");
                _pos++;
                continue;
            }
            (words ??= RentWords()).Add(word);
            end = _pos;
        }
        var command = new ShellSimpleCommand(MakeSpan(start, end),
            (IReadOnlyList<ShellAssignment>?)assignments ?? Array.Empty<ShellAssignment>(),
            words is null ? Array.Empty<ShellWord>() : ReturnWords(words));
        if (redirections != null) command.Redirections = redirections;
        return command;
    }

    private ShellAssignment? TryParseAssignment()
    {
        int start = _pos;
        int i = _pos;
        if (i >= _end || !IsNameStart(_text[i])) return null;
        while (i < _end && IsNameChar(_text[i])) i++;
        if (i < _end && _text[i] == '[')
        {
            int close = _text.IndexOf(']', i, _end - i);
            if (close < 0) return null;
            i = close + 1;
        }
        int nameEnd = i;
        bool append = false;
        if (i < _end && _text[i] == '+')
        {
            append = true;
            i++;
        }
        if (i >= _end || _text[i] != '=') return null;
        _pos = i + 1;
        string name = _text.Substring(start, nameEnd - start);
        if (Peek() == '(')
        {
            int open = _pos;
            var elements = ParseArrayElements();
            return new ShellAssignment(MakeSpan(start, _pos), name, MakeSpan(start, nameEnd), append, null, elements ?? SkipArray(open));
        }
        var value = ParseWord() ?? new ShellWord(_text, new TextSpan(_pos, 0), Array.Empty<ShellWordPart>());
        return new ShellAssignment(MakeSpan(start, _pos), name, MakeSpan(start, nameEnd), append, value, null);
    }

    /// <summary>At '(' of an array literal; returns null when nesting is too deep (the caller skips it).</summary>
    private List<ShellWord>? ParseArrayElements()
    {
        if (!EnterNesting()) return null;
        try
        {
            int open = _pos;
            _pos++;
            var elements = new List<ShellWord>();
            while (true)
            {
                SkipBlanksAndNewlines();
                if (_pos >= _end)
                {
                    Report(open, 1, "missing ')' to close the array");
                    break;
                }
                if (_text[_pos] == ')')
                {
                    _pos++;
                    break;
                }
                var word = ParseWord();
                if (word == null)
                {
                    Report(_pos, 1, $"unexpected '{_text[_pos]}' in array");
                    _pos++;
                    continue;
                }
                elements.Add(word);
            }
            return elements;
        }
        finally
        {
            _depth--;
        }
    }

    private List<ShellWord> SkipArray(int open)
    {
        _pos = open + 1;
        SkipBalanced('(', ')', open);
        return new List<ShellWord>();
    }

    private ShellCommandNode ParseFunctionAfterName(int start, ShellWord nameWord)
    {
        _pos++; // '('
        SkipBlanks();
        if (Peek() == ')') _pos++;
        else Report(_pos, 0, "expected ')' after function name");
        SkipBlanksAndNewlines();
        var body = ParseCommand();
        if (body == null) Report(nameWord.Span, "missing function body");
        return new ShellFunctionDefinition(MakeSpan(start, body?.Span.End ?? _pos), nameWord.RawText, nameWord.Span, body);
    }

    private ShellCommandNode ParseFunctionKeyword()
    {
        int start = _pos;
        _pos += "function".Length;
        SkipBlanks();
        var nameWord = ParseWord();
        string name = nameWord?.StaticValue ?? nameWord?.RawText ?? string.Empty;
        if (nameWord == null) Report(start, "function".Length, "missing function name");
        SkipBlanks();
        if (Peek() == '(')
        {
            _pos++;
            SkipBlanks();
            if (Peek() == ')') _pos++;
            else Report(_pos, 0, "expected ')' after function name");
        }
        SkipBlanksAndNewlines();
        var body = ParseCommand();
        if (body == null) Report(start, "function".Length, "missing function body");
        return new ShellFunctionDefinition(MakeSpan(start, body?.Span.End ?? _pos), name, nameWord?.Span ?? new TextSpan(_pos, 0), body);
    }

    private ShellCommandNode ParseSubshell()
    {
        int start = _pos;
        _pos++;
        var body = ParseStatementList(Closer.RParen);
        if (Peek() == ')') _pos++;
        else Report(start, 1, "missing ')' to close the subshell");
        return new ShellSubshell(MakeSpan(start, _pos), body);
    }

    private ShellCommandNode ParseArithmeticCommandOrSubshell()
    {
        int start = _pos;
        int close = FindArithmeticEnd(start + 2);
        if (close < 0) return ParseSubshell();
        var parts = ParseArithmeticParts(start + 2, close);
        _pos = close + 2;
        return new ShellArithmeticCommand(MakeSpan(start, _pos), MakeSpan(start + 2, close), parts);
    }

    /// <summary>The expansions inside an arithmetic expression [start, end); the rest stays literal text.</summary>
    private IReadOnlyList<ShellWordPart> ParseArithmeticParts(int start, int end)
    {
        if (!HasExpansion(start, end)) return new ShellWordPart[] { new ShellLiteralPart(MakeSpan(start, end), ShellLiteralQuoting.HeredocBody) };
        if (!EnterNesting()) return new[] { Opaque(start) };
        int savedEnd = _end;
        try
        {
            _pos = start;
            _end = end;
            return ParseQuotedContent(ShellLiteralQuoting.HeredocBody);
        }
        finally
        {
            _end = savedEnd;
            _depth--;
        }
    }

    /// <summary>From just inside "((", the index of the "))" that closes it, or -1 when it is really "( (".</summary>
    private int FindArithmeticEnd(int from)
    {
        int depth = 0;
        for (int i = from; i < _end; i++)
        {
            char c = _text[i];
            if (c == '(') depth++;
            else if (c == ')')
            {
                if (depth == 0) return i + 1 < _end && _text[i + 1] == ')' ? i : -1;
                depth--;
            }
            else if (c == '\n' && depth == 0 && i + 1 < _end && _text[i + 1] == '\n') return -1;
        }
        return -1;
    }

    private ShellCommandNode ParseBraceGroup()
    {
        int start = _pos;
        _pos++;
        var body = ParseStatementList(Closer.RBrace);
        if (Peek() == '}') _pos++;
        else Report(start, 1, "missing '}' to close the group");
        return new ShellBraceGroup(MakeSpan(start, _pos), body);
    }

    private ShellCommandNode ParseIf()
    {
        int start = _pos;
        _pos += 2;
        var clauses = new List<ShellConditionalClause>();
        List<ShellStatement>? elseBody = null;
        int keywordAt = start, keywordLength = 2;
        while (true)
        {
            var condition = ParseStatementList(Closer.Then);
            List<ShellStatement> body;
            if (ExpectKeyword("then", keywordAt, keywordLength))
                body = ParseStatementList(Closer.Elif | Closer.Else | Closer.Fi);
            else
                body = new List<ShellStatement>();
            clauses.Add(new ShellConditionalClause(condition, body));
            if (IsKeyword("elif"))
            {
                keywordAt = _pos;
                keywordLength = 4;
                _pos += 4;
                continue;
            }
            break;
        }
        if (IsKeyword("else"))
        {
            _pos += 4;
            elseBody = ParseStatementList(Closer.Fi);
        }
        ExpectKeyword("fi", start, 2);
        return new ShellIfCommand(MakeSpan(start, _pos), clauses, elseBody);
    }

    private ShellCommandNode ParseFor(bool isSelect)
    {
        int start = _pos;
        int keywordLength = isSelect ? 6 : 3;
        _pos += keywordLength;
        SkipBlanks();
        if (!isSelect && Peek() == '(' && Peek(1) == '(')
        {
            int close = FindArithmeticEnd(_pos + 2);
            TextSpan header;
            if (close < 0)
            {
                Report(_pos, 2, "missing '))' in arithmetic for");
                header = MakeSpan(_pos + 2, _pos + 2);
                _pos = LineEnd(_pos);
            }
            else
            {
                header = MakeSpan(_pos + 2, close);
                _pos = close + 2;
            }
            SkipBlanks();
            if (Peek() == ';') _pos++;
            var arithmeticBody = ParseDoGroup(start, keywordLength);
            return new ShellArithmeticForCommand(MakeSpan(start, _pos), header, arithmeticBody);
        }
        var nameWord = ParseWord();
        if (nameWord == null) Report(start, keywordLength, "missing loop variable");
        SkipBlanks();
        if (Peek() == ';') _pos++;
        SkipBlanksAndNewlines();
        List<ShellWord>? words = null;
        if (IsKeyword("in"))
        {
            _pos += 2;
            words = new List<ShellWord>();
            while (true)
            {
                SkipBlanks();
                char c = Peek();
                if (c == ';')
                {
                    _pos++;
                    break;
                }
                if (c == '\n' || _pos >= _end) break;
                var word = ParseWord();
                if (word == null) break;
                words.Add(word);
            }
        }
        var body = ParseDoGroup(start, keywordLength);
        return new ShellForCommand(MakeSpan(start, _pos), nameWord?.StaticValue ?? nameWord?.RawText ?? string.Empty, words, body, isSelect);
    }

    private List<ShellStatement> ParseDoGroup(int keywordAt, int keywordLength)
    {
        SkipBlanksAndNewlines();
        if (IsKeyword("{") )
        {
            // bash accepts `for x in y; { …; }`
            var group = (ShellBraceGroup)ParseBraceGroup();
            return new List<ShellStatement>(group.Body);
        }
        if (!ExpectKeyword("do", keywordAt, keywordLength)) return new List<ShellStatement>();
        var body = ParseStatementList(Closer.Done);
        ExpectKeyword("done", keywordAt, keywordLength);
        return body;
    }

    private ShellCommandNode ParseLoop(bool isUntil)
    {
        int start = _pos;
        _pos += 5;
        var condition = ParseStatementList(Closer.Do);
        var body = ParseDoGroup(start, 5);
        return new ShellLoopCommand(MakeSpan(start, _pos), isUntil, condition, body);
    }

    private ShellCommandNode ParseCase()
    {
        int start = _pos;
        _pos += 4;
        SkipBlanks();
        var subject = ParseWord();
        if (subject == null) Report(start, 4, "missing word after 'case'");
        SkipBlanksAndNewlines();
        var items = new List<ShellCaseItem>();
        if (!ExpectKeyword("in", start, 4)) return new ShellCaseCommand(MakeSpan(start, _pos), subject, items);
        while (true)
        {
            SkipBlanksAndNewlines();
            if (_pos >= _end)
            {
                Report(start, 4, "missing 'esac'");
                break;
            }
            if (IsKeyword("esac"))
            {
                _pos += 4;
                break;
            }
            int itemStart = _pos;
            if (Peek() == '(') _pos++;
            var patterns = new List<ShellWord>();
            while (true)
            {
                SkipBlanks();
                var pattern = ParseWord();
                if (pattern != null) patterns.Add(pattern);
                SkipBlanks();
                if (Peek() == '|')
                {
                    _pos++;
                    continue;
                }
                break;
            }
            if (Peek() != ')')
            {
                Report(_pos, 0, "expected ')' after case pattern");
                if (_pos == itemStart) _pos = LineEnd(_pos);
                continue;
            }
            _pos++;
            var body = ParseStatementList(Closer.CaseItemEnd | Closer.Esac);
            string? terminator = null;
            if (Peek() == ';')
            {
                terminator = Peek(1) == ';' ? (Peek(2) == '&' ? ";;&" : ";;") : ";&";
                _pos += terminator.Length;
            }
            items.Add(new ShellCaseItem(MakeSpan(itemStart, _pos), patterns, body, terminator));
        }
        return new ShellCaseCommand(MakeSpan(start, _pos), subject, items);
    }

    private ShellCommandNode ParseTestCommand()
    {
        int start = _pos;
        _pos += 2;
        var words = new List<ShellWord>();
        bool regexNext = false;
        while (true)
        {
            SkipBlanksAndNewlines();
            if (_pos >= _end)
            {
                Report(start, 2, "missing ']]'");
                break;
            }
            char c = _text[_pos];
            if (c == ']' && Peek(1) == ']' && IsDelimiter(Peek(2)))
            {
                _pos += 2;
                break;
            }
            int wordStart = _pos;
            ShellWord? word = null;
            if (regexNext)
            {
                // The regex runs to a blank outside parentheses and quotes; `(`, `|`, `<` are part of it.
                int depth = 0;
                while (_pos < _end)
                {
                    char r = _text[_pos];
                    if (r == '\\') { _pos = Math.Min(_pos + 2, _end); continue; }
                    if (r == '\'')
                    {
                        int q = _pos + 1 < _end ? _text.IndexOf('\'', _pos + 1, _end - _pos - 1) : -1;
                        _pos = q < 0 ? _end : q + 1;
                        continue;
                    }
                    if (r == '"') { _pos++; SkipDoubleQuoted(); continue; }
                    if (r == '$' && Peek(1) is '(' or '{')
                    {
                        int open = _pos + 1;
                        _pos += 2;
                        SkipBalanced(_text[open], _text[open] == '(' ? ')' : '}', open);
                        continue;
                    }
                    if (r == '(') depth++;
                    else if (r == ')') { if (depth == 0) break; depth--; }
                    else if (depth == 0 && (r is ' ' or '\t' or '\r' or '\n' || (r == ']' && Peek(1) == ']'))) break;
                    _pos++;
                }
                if (_pos > wordStart)
                {
                    int regexEnd = _pos, savedEnd = _end;
                    _pos = wordStart;
                    _end = regexEnd;
                    var parts = ParseWordParts(WordContext.Region);
                    _end = savedEnd;
                    _pos = regexEnd;
                    word = new ShellWord(_text, MakeSpan(wordStart, regexEnd), parts);
                }
            }
            else if ((c == '&' && Peek(1) == '&') || (c == '|' && Peek(1) == '|'))
            {
                _pos += 2;
                word = LiteralWord(wordStart, _pos);
            }
            else if (c is '(' or ')' or '<' or '>' or ';' or '&' or '|')
            {
                _pos++;
                word = LiteralWord(wordStart, _pos);
            }
            else
            {
                word = ParseWord();
            }
            if (word == null)
            {
                _pos = wordStart + 1;
                word = LiteralWord(wordStart, _pos);
            }
            regexNext = !regexNext && word.Span.Length == 2 && _text[word.Span.Start] == '=' && _text[word.Span.Start + 1] == '~';
            words.Add(word);
        }
        return new ShellTestCommand(MakeSpan(start, _pos), words);
    }

    private ShellWord LiteralWord(int start, int end) =>
        new(_text, MakeSpan(start, end), new ShellWordPart[] { new ShellLiteralPart(MakeSpan(start, end), ShellLiteralQuoting.Unquoted) });

    // ---- redirections and heredocs -------------------------------------------------------------------------

    private bool IsRedirectionStart()
    {
        if (_pos >= _end) return false;
        char c = _text[_pos];
        if (c == '<' || c == '>') return true;
        if (c == '&') return Peek(1) == '>';
        int i = _pos;
        if (c >= '0' && c <= '9')
        {
            while (i < _end && _text[i] >= '0' && _text[i] <= '9') i++;
            return i < _end && (_text[i] == '<' || _text[i] == '>') && !(i + 1 < _end && _text[i + 1] == '(');
        }
        if (c == '{')
        {
            i++;
            if (i >= _end || !IsNameStart(_text[i])) return false;
            while (i < _end && IsNameChar(_text[i])) i++;
            return i + 1 < _end && _text[i] == '}' && (_text[i + 1] == '<' || _text[i + 1] == '>');
        }
        return false;
    }

    private ShellRedirection ParseRedirection()
    {
        int start = _pos;
        string? fd = null;
        char c = _text[_pos];
        if (c >= '0' && c <= '9')
        {
            while (_pos < _end && _text[_pos] >= '0' && _text[_pos] <= '9') _pos++;
            fd = _text.Substring(start, _pos - start);
        }
        else if (c == '{')
        {
            int close = _text.IndexOf('}', _pos, _end - _pos);
            fd = _text.Substring(_pos + 1, close - _pos - 1);
            _pos = close + 1;
        }
        string op;
        if (Peek() == '&')
        {
            op = Peek(2) == '>' ? "&>>" : "&>";
        }
        else
        {
            op = ">";
            foreach (var candidate in RedirectionOperators)
            {
                if (string.CompareOrdinal(_text, _pos, candidate, 0, candidate.Length) == 0 && _pos + candidate.Length <= _end)
                {
                    op = candidate;
                    break;
                }
            }
        }
        int opStart = _pos;
        _pos += op.Length;
        SkipBlanks();
        var target = ParseWord();
        if (target == null)
        {
            Report(opStart, op.Length, $"missing target after '{op}'");
            return new ShellRedirection(MakeSpan(start, _pos), fd, op, null, null);
        }
        ShellHeredoc? heredoc = null;
        if (op is "<<" or "<<-")
        {
            string raw = target.RawText;
            bool quoted = raw.IndexOf('\'') >= 0 || raw.IndexOf('"') >= 0 || raw.IndexOf('\\') >= 0;
            heredoc = new ShellHeredoc(target.StaticValue ?? raw, quoted, op == "<<-");
            _pendingHeredocs.Add(heredoc);
            heredoc.BodySpan = new TextSpan(_end, 0);
        }
        return new ShellRedirection(MakeSpan(start, target.Span.End), fd, op, target, heredoc);
    }

    private void ConsumeNewline()
    {
        _pos++;
        if (_pendingHeredocs.Count > 0) ReadPendingHeredocs();
    }

    private void ReadPendingHeredocs()
    {
        if (_pendingHeredocs.Count == 0) return;
        var pending = _pendingHeredocs.ToArray();
        _pendingHeredocs.Clear();
        foreach (var heredoc in pending)
        {
            int bodyStart = _pos;
            int bodyEnd = _end;
            bool terminated = false;
            while (_pos < _end)
            {
                int lineStart = _pos;
                int lineEnd = LineEnd(_pos);
                int contentStart = lineStart;
                if (heredoc.StripsTabs)
                    while (contentStart < lineEnd && _text[contentStart] == '\t') contentStart++;
                int contentEnd = lineEnd;
                if (contentEnd > contentStart && _text[contentEnd - 1] == '\r') contentEnd--;
                _pos = lineEnd < _end ? lineEnd + 1 : _end;
                if (contentEnd - contentStart == heredoc.Delimiter.Length
                    && string.CompareOrdinal(_text, contentStart, heredoc.Delimiter, 0, heredoc.Delimiter.Length) == 0)
                {
                    bodyEnd = lineStart;
                    terminated = true;
                    break;
                }
            }
            if (!terminated)
            {
                bodyEnd = _end;
                Report(MakeSpan(bodyStart, bodyStart), $"heredoc delimited by '{heredoc.Delimiter}' is never closed");
            }
            heredoc.IsTerminated = terminated;
            heredoc.BodySpan = MakeSpan(bodyStart, bodyEnd);
            heredoc.Body = heredoc.StripsTabs ? StripLeadingTabs(bodyStart, bodyEnd) : _text.Substring(bodyStart, bodyEnd - bodyStart);
            if (heredoc.IsExpanded && HasExpansion(bodyStart, bodyEnd))
            {
                int resume = _pos, savedEnd = _end;
                _pos = bodyStart;
                _end = bodyEnd;
                heredoc.Parts = ParseQuotedContent(ShellLiteralQuoting.HeredocBody);
                _pos = resume;
                _end = savedEnd;
            }
        }
    }

    private bool HasExpansion(int start, int end)
    {
        for (int i = start; i < end; i++)
            if (_text[i] == '$' || _text[i] == '`') return true;
        return false;
    }

    private string StripLeadingTabs(int start, int end)
    {
        var builder = new StringBuilder(end - start);
        bool lineStart = true;
        for (int i = start; i < end; i++)
        {
            char c = _text[i];
            if (lineStart && c == '\t') continue;
            lineStart = c == '\n';
            builder.Append(c);
        }
        return builder.ToString();
    }

    // ---- words ---------------------------------------------------------------------------------------------

    private ShellWord? ParseWord()
    {
        int start = _pos;
        var parts = ParseWordParts(WordContext.Unquoted);
        if (_pos == start) return null;
        return new ShellWord(_text, MakeSpan(start, _pos), parts);
    }

    private ShellWordPart[] ParseWordParts(WordContext context)
    {
        WorkBudget.Charge(Budget.Nodes);
        var parts = RentParts();
        int wordStart = _pos;
        int literalStart = -1;
        while (_pos < _end)
        {
            char c = _text[_pos];
            if (context == WordContext.Unquoted)
            {
                if (c is ' ' or '\t' or '\r' or '\n' or ';' or '&' or '|' or ')') break;
                if (c == '<' || c == '>')
                {
                    if (Peek(1) != '(') break;
                    FlushLiteral(parts, ref literalStart, _pos, ShellLiteralQuoting.Unquoted);
                    parts.Add(ParseProcessSubstitution());
                    continue;
                }
                if (c == '(')
                {
                    if (literalStart >= 0 && _pos > literalStart && _text[_pos - 1] is '@' or '!' or '+' or '*' or '?')
                    {
                        // extglob @(a|b): a pattern, kept literal
                        int open = _pos;
                        _pos++;
                        SkipBalanced('(', ')', open);
                        continue;
                    }
                    if (literalStart == wordStart && parts.Count == 0 && _pos > wordStart && _text[_pos - 1] == '='
                        && IsAssignmentPrefix(wordStart, _pos - 1))
                    {
                        FlushLiteral(parts, ref literalStart, _pos, ShellLiteralQuoting.Unquoted);
                        int open = _pos;
                        var elements = ParseArrayElements() ?? SkipArray(open);
                        parts.Add(new ShellArrayPart(MakeSpan(open, _pos), elements));
                        continue;
                    }
                    break;
                }
            }
            else if (c == '}' && context == WordContext.ParameterArgument)
            {
                break;
            }

            switch (c)
            {
                case '\\':
                    if (literalStart < 0) literalStart = _pos;
                    _pos = Math.Min(_pos + 2, _end);
                    break;
                case '\'':
                    FlushLiteral(parts, ref literalStart, _pos, ShellLiteralQuoting.Unquoted);
                    parts.Add(ParseSingleQuoted());
                    break;
                case '"':
                    FlushLiteral(parts, ref literalStart, _pos, ShellLiteralQuoting.Unquoted);
                    parts.Add(ParseDoubleQuoted(_pos));
                    break;
                case '`':
                    FlushLiteral(parts, ref literalStart, _pos, ShellLiteralQuoting.Unquoted);
                    parts.Add(ParseBacktick());
                    break;
                case '$':
                {
                    int dollar = _pos;
                    var part = ParseDollar();
                    if (part == null)
                    {
                        if (literalStart < 0) literalStart = _pos;
                        _pos++;
                    }
                    else
                    {
                        FlushLiteral(parts, ref literalStart, dollar, ShellLiteralQuoting.Unquoted);
                        parts.Add(part);
                    }
                    break;
                }
                default:
                    if (literalStart < 0) literalStart = _pos;
                    _pos++;
                    break;
            }
        }
        FlushLiteral(parts, ref literalStart, _pos, ShellLiteralQuoting.Unquoted);
        return ReturnParts(parts);
    }

    // Part lists are scratch: words nest (quotes, ${x:-…}, $(…)), so a small stack of them is reused, and each word
    // keeps an exact array. A list per word, grown and then kept, was a fifth of the shell model's allocations.
    private readonly Stack<List<ShellWordPart>> _partLists = new();

    private List<ShellWordPart> RentParts() => _partLists.Count > 0 ? _partLists.Pop() : new List<ShellWordPart>(4);

    // A command's words the same way: commands nest too (`$(…)` in a word), and each keeps an exact array.
    private readonly Stack<List<ShellWord>> _wordLists = new();

    private List<ShellWord> RentWords() => _wordLists.Count > 0 ? _wordLists.Pop() : new List<ShellWord>(8);

    private ShellWord[] ReturnWords(List<ShellWord> words)
    {
        var result = words.ToArray();
        words.Clear();
        _wordLists.Push(words);
        return result;
    }

    private ShellWordPart[] ReturnParts(List<ShellWordPart> parts)
    {
        var result = parts.Count == 0 ? Array.Empty<ShellWordPart>() : parts.ToArray();
        parts.Clear();
        _partLists.Push(parts);
        return result;
    }

    private bool IsAssignmentPrefix(int start, int equalsAt)
    {
        int end = equalsAt;
        if (end > start && _text[end - 1] == '+') end--;
        if (end <= start || !IsNameStart(_text[start])) return false;
        for (int i = start + 1; i < end; i++)
        {
            if (_text[i] == '[') return _text[end - 1] == ']';
            if (!IsNameChar(_text[i])) return false;
        }
        return true;
    }

    /// <summary>Inside double quotes or a heredoc body: literal runs and expansions up to '"' (or the region end).</summary>
    private ShellWordPart[] ParseQuotedContent(ShellLiteralQuoting quoting)
    {
        var parts = RentParts();
        int literalStart = -1;
        while (_pos < _end)
        {
            char c = _text[_pos];
            if (c == '"' && quoting == ShellLiteralQuoting.DoubleQuoted) break;
            switch (c)
            {
                case '\\':
                    if (literalStart < 0) literalStart = _pos;
                    _pos = Math.Min(_pos + 2, _end);
                    break;
                case '`':
                    FlushLiteral(parts, ref literalStart, _pos, quoting);
                    parts.Add(ParseBacktick());
                    break;
                case '$':
                {
                    int dollar = _pos;
                    var part = Peek(1) is '\'' or '"' ? null : ParseDollar();
                    if (part == null)
                    {
                        if (literalStart < 0) literalStart = _pos;
                        _pos++;
                    }
                    else
                    {
                        FlushLiteral(parts, ref literalStart, dollar, quoting);
                        parts.Add(part);
                    }
                    break;
                }
                default:
                    if (literalStart < 0) literalStart = _pos;
                    _pos++;
                    break;
            }
        }
        FlushLiteral(parts, ref literalStart, _pos, quoting);
        return ReturnParts(parts);
    }

    private void FlushLiteral(List<ShellWordPart> parts, ref int literalStart, int end, ShellLiteralQuoting quoting)
    {
        if (literalStart < 0) return;
        if (end > literalStart) parts.Add(new ShellLiteralPart(MakeSpan(literalStart, end), quoting));
        literalStart = -1;
    }

    private ShellWordPart ParseSingleQuoted()
    {
        int start = _pos;
        int close = _pos + 1 < _end ? _text.IndexOf('\'', _pos + 1, _end - _pos - 1) : -1;
        if (close < 0)
        {
            Report(start, 1, "unterminated single quote");
            _pos = _end;
            return new ShellSingleQuotedPart(MakeSpan(start, _end), MakeSpan(Math.Min(start + 1, _end), _end), false);
        }
        _pos = close + 1;
        return new ShellSingleQuotedPart(MakeSpan(start, _pos), MakeSpan(start + 1, close), true);
    }

    /// <summary>At the opening '"' (<paramref name="spanStart"/> is earlier for <c>$"…"</c>).</summary>
    private ShellWordPart ParseDoubleQuoted(int spanStart)
    {
        int quote = _pos;
        _pos++;
        if (!EnterNesting())
        {
            SkipDoubleQuoted();
            return new ShellDoubleQuotedPart(MakeSpan(spanStart, _pos), new ShellWordPart[] { Opaque(quote) }, true);
        }
        try
        {
            var parts = ParseQuotedContent(ShellLiteralQuoting.DoubleQuoted);
            bool terminated = Peek() == '"';
            if (terminated) _pos++;
            else Report(quote, 1, "unterminated double quote");
            return new ShellDoubleQuotedPart(MakeSpan(spanStart, _pos), parts, terminated);
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>A dynamic stand-in for content skipped because it nests too deeply.</summary>
    private ShellWordPart Opaque(int start) =>
        new ShellCommandSubstitutionPart(MakeSpan(start, _pos), Array.Empty<ShellStatement>(), false, false);

    private ShellWordPart ParseAnsiC()
    {
        int start = _pos;
        int i = _pos + 2;
        while (i < _end && _text[i] != '\'')
            i += _text[i] == '\\' ? 2 : 1;
        if (i >= _end)
        {
            Report(start, 2, "unterminated $'…' quote");
            _pos = _end;
            return new ShellAnsiCQuotedPart(MakeSpan(start, _end), MakeSpan(Math.Min(start + 2, _end), _end), false);
        }
        _pos = i + 1;
        return new ShellAnsiCQuotedPart(MakeSpan(start, _pos), MakeSpan(start + 2, i), true);
    }

    /// <summary>At '$': an expansion part, or null when the '$' is literal.</summary>
    private ShellWordPart? ParseDollar()
    {
        int start = _pos;
        char n = Peek(1);
        switch (n)
        {
            case '(':
                if (Peek(2) == '(')
                {
                    int close = FindArithmeticEnd(start + 3);
                    if (close >= 0)
                    {
                        var parts = ParseArithmeticParts(start + 3, close);
                        _pos = close + 2;
                        return new ShellArithmeticPart(MakeSpan(start, _pos), MakeSpan(start + 3, close), parts);
                    }
                }
                return ParseCommandSubstitution();
            case '{':
                return ParseBracedParameter();
            case '\'':
                return ParseAnsiC();
            case '"':
                _pos++;
                return ParseDoubleQuoted(start);
            case '[':
            {
                _pos += 2;
                SkipBalanced('[', ']', start + 1);
                var expression = MakeSpan(start + 2, Math.Max(start + 2, _pos - 1));
                int after = _pos;
                var parts = ParseArithmeticParts(expression.Start, expression.End);
                _pos = after;
                return new ShellArithmeticPart(MakeSpan(start, _pos), expression, parts);
            }
        }
        if (IsNameStart(n))
        {
            int i = start + 1;
            while (i < _end && IsNameChar(_text[i])) i++;
            _pos = i;
            return new ShellParameterPart(MakeSpan(start, i), _text.Substring(start + 1, i - start - 1), false, null, null, null, null);
        }
        if ((n >= '0' && n <= '9') || n is '@' or '*' or '#' or '?' or '-' or '$' or '!')
        {
            _pos = start + 2;
            return new ShellParameterPart(MakeSpan(start, _pos), n.ToString(), false, null, null, null, null);
        }
        return null;
    }

    private ShellWordPart ParseCommandSubstitution()
    {
        int start = _pos;
        _pos += 2;
        if (!EnterNesting())
        {
            SkipBalanced('(', ')', start + 1);
            return new ShellCommandSubstitutionPart(MakeSpan(start, _pos), Array.Empty<ShellStatement>(), false, false);
        }
        try
        {
            var body = ParseStatementList(Closer.RParen);
            if (Peek() == ')') _pos++;
            else Report(start, 2, "missing ')' to close '$('");
            return new ShellCommandSubstitutionPart(MakeSpan(start, _pos), body, false, true);
        }
        finally
        {
            _depth--;
        }
    }

    private ShellWordPart ParseProcessSubstitution()
    {
        int start = _pos;
        bool isInput = _text[_pos] == '<';
        _pos += 2;
        if (!EnterNesting())
        {
            SkipBalanced('(', ')', start + 1);
            return new ShellProcessSubstitutionPart(MakeSpan(start, _pos), Array.Empty<ShellStatement>(), isInput);
        }
        try
        {
            var body = ParseStatementList(Closer.RParen);
            if (Peek() == ')') _pos++;
            else Report(start, 2, "missing ')' to close the process substitution");
            return new ShellProcessSubstitutionPart(MakeSpan(start, _pos), body, isInput);
        }
        finally
        {
            _depth--;
        }
    }

    private ShellWordPart ParseBacktick()
    {
        int start = _pos;
        int i = _pos + 1;
        while (i < _end && _text[i] != '`')
            i += _text[i] == '\\' ? 2 : 1;
        bool terminated = i < _end;
        int close = Math.Min(i, _end);
        if (!terminated) Report(start, 1, "unterminated '`'");
        if (!EnterNesting())
        {
            _pos = terminated ? close + 1 : _end;
            return new ShellCommandSubstitutionPart(MakeSpan(start, _pos), Array.Empty<ShellStatement>(), true, false);
        }
        try
        {
            // Parsed in place: the escapes \` \$ \\ inside are rare enough that exact spans matter more.
            int savedEnd = _end;
            _pos = start + 1;
            _end = close;
            var body = ParseStatementList(Closer.None);
            _end = savedEnd;
            _pos = terminated ? close + 1 : _end;
            return new ShellCommandSubstitutionPart(MakeSpan(start, _pos), body, true, true);
        }
        finally
        {
            _depth--;
        }
    }

    private ShellWordPart ParseBracedParameter()
    {
        int start = _pos;
        _pos += 2;
        if (!EnterNesting())
        {
            SkipBalanced('{', '}', start + 1);
            return Opaque(start);
        }
        try
        {
            string? prefix = null;
            char c = Peek();
            if ((c == '#' || c == '!') && Peek(1) != '}' && _pos + 1 < _end)
            {
                prefix = c.ToString();
                _pos++;
                c = Peek();
            }
            int nameStart = _pos;
            if (IsNameStart(c))
            {
                while (_pos < _end && IsNameChar(_text[_pos])) _pos++;
            }
            else if (c >= '0' && c <= '9')
            {
                while (_pos < _end && _text[_pos] >= '0' && _text[_pos] <= '9') _pos++;
            }
            else if (c is '@' or '*' or '#' or '?' or '-' or '$' or '!')
            {
                _pos++;
            }
            if (_pos == nameStart)
            {
                Report(start, 2, "bad substitution");
                SkipBalanced('{', '}', start + 1);
                return new ShellParameterPart(MakeSpan(start, _pos), string.Empty, true, prefix, null, null, null);
            }
            string name = _text.Substring(nameStart, _pos - nameStart);
            string? subscript = null;
            if (Peek() == '[')
            {
                int open = _pos;
                _pos++;
                SkipBalanced('[', ']', open);
                subscript = _text.Substring(open + 1, Math.Max(0, _pos - open - 2));
            }
            string? op = null;
            ShellWord? argument = null;
            if (Peek() != '}')
            {
                foreach (var candidate in ParameterOperators)
                {
                    if (_pos + candidate.Length <= _end && string.CompareOrdinal(_text, _pos, candidate, 0, candidate.Length) == 0)
                    {
                        op = candidate;
                        break;
                    }
                }
                if (op == null && (Peek() == '*' || Peek() == '@')) op = Peek().ToString();
                if (op != null) _pos += op.Length;
                int argStart = _pos;
                var parts = ParseWordParts(WordContext.ParameterArgument);
                argument = new ShellWord(_text, MakeSpan(argStart, _pos), parts);
            }
            if (Peek() == '}') _pos++;
            else Report(start, 2, "missing '}' to close '${'");
            return new ShellParameterPart(MakeSpan(start, _pos), name, true, prefix, subscript, op, argument);
        }
        finally
        {
            _depth--;
        }
    }

    // ---- scanning helpers ----------------------------------------------------------------------------------

    private bool EnterNesting()
    {
        if (_depth >= MaxDepth)
        {
            if (!_depthReported)
            {
                _depthReported = true;
                Report(_pos, 0, $"nesting deeper than {MaxDepth} levels is not analyzed");
            }
            return false;
        }
        _depth++;
        return true;
    }

    /// <summary>Skips to just past the <paramref name="close"/> that balances the one open at <paramref name="openAt"/>.</summary>
    private void SkipBalanced(char open, char close, int openAt)
    {
        int depth = 1;
        while (_pos < _end)
        {
            char c = _text[_pos];
            if (c == '\\')
            {
                _pos = Math.Min(_pos + 2, _end);
                continue;
            }
            if (c == '\'' && open != '[')
            {
                int q = _pos + 1 < _end ? _text.IndexOf('\'', _pos + 1, _end - _pos - 1) : -1;
                _pos = q < 0 ? _end : q + 1;
                continue;
            }
            if (c == '"' && open != '[')
            {
                _pos++;
                SkipDoubleQuoted();
                continue;
            }
            _pos++;
            if (c == open) depth++;
            else if (c == close && --depth == 0) return;
        }
        Report(openAt, 1, $"missing '{close}'");
    }

    /// <summary>Just inside a '"': skips to past the closing quote, ignoring nesting.</summary>
    private void SkipDoubleQuoted()
    {
        while (_pos < _end)
        {
            char c = _text[_pos];
            if (c == '\\') { _pos = Math.Min(_pos + 2, _end); continue; }
            _pos++;
            if (c == '"') return;
        }
    }

    private void SkipBlanks()
    {
        while (_pos < _end)
        {
            char c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
            {
                _pos++;
            }
            else if (c == '\\' && Peek(1) == '\n')
            {
                _pos += 2;
            }
            else if (c == '\\' && Peek(1) == '\r' && Peek(2) == '\n')
            {
                _pos += 3;
            }
            else if (c == '#')
            {
                int end = LineEnd(_pos);
                int textEnd = end > _pos && _text[end - 1] == '\r' ? end - 1 : end;
                _comments.Add(new ShellComment(MakeSpan(_pos, textEnd), _text, _pos + 1, textEnd - _pos - 1));
                _pos = end;
            }
            else
            {
                break;
            }
        }
    }

    /// <summary>Blanks and line continuations only; used where the parser re-reads text it has already scanned.</summary>
    private void SkipBlanksNoComments()
    {
        while (_pos < _end)
        {
            char c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') _pos++;
            else if (c == '\\' && Peek(1) == '\n') _pos += 2;
            else break;
        }
    }

    private void SkipBlanksAndNewlines()
    {
        while (true)
        {
            SkipBlanks();
            if (Peek() != '\n') return;
            ConsumeNewline();
        }
    }

    private int LineEnd(int from)
    {
        if (from >= _end) return _end;
        int i = _text.IndexOf('\n', from, _end - from);
        return i < 0 ? _end : i;
    }

    private Closer PeekCloser(out int length)
    {
        length = 1;
        char c = _text[_pos];
        switch (c)
        {
            case ')':
                return Closer.RParen;
            case ';':
                if (Peek(1) == ';')
                {
                    length = Peek(2) == '&' ? 3 : 2;
                    return Closer.CaseItemEnd;
                }
                if (Peek(1) == '&')
                {
                    length = 2;
                    return Closer.CaseItemEnd;
                }
                return Closer.None;
            case '}':
                return IsDelimiter(Peek(1)) ? Closer.RBrace : Closer.None;
            case 't':
                length = 4;
                return IsKeyword("then") ? Closer.Then : Closer.None;
            case 'e':
                length = 4;
                if (IsKeyword("elif")) return Closer.Elif;
                if (IsKeyword("else")) return Closer.Else;
                if (IsKeyword("esac")) return Closer.Esac;
                return Closer.None;
            case 'f':
                length = 2;
                return IsKeyword("fi") ? Closer.Fi : Closer.None;
            case 'd':
                if (IsKeyword("do")) { length = 2; return Closer.Do; }
                if (IsKeyword("done")) { length = 4; return Closer.Done; }
                return Closer.None;
            default:
                return Closer.None;
        }
    }

    private bool ExpectKeyword(string keyword, int constructStart, int constructLength)
    {
        SkipBlanksAndNewlines();
        if (IsKeyword(keyword))
        {
            _pos += keyword.Length;
            return true;
        }
        Report(constructStart, constructLength, $"missing '{keyword}'");
        return false;
    }

    private bool IsKeyword(string keyword)
    {
        int after = _pos + keyword.Length;
        return after <= _end
            && string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) == 0
            && (after == _end || IsDelimiter(_text[after]));
    }

    private char Peek(int offset = 0)
    {
        int i = _pos + offset;
        return i < _end ? _text[i] : '\0';
    }

    private static bool MayStartKeyword(char c) => c is 'i' or 'f' or 's' or 'w' or 'u' or 'c';

    private static bool IsDelimiter(char c) =>
        c is '\0' or ' ' or '\t' or '\r' or '\n' or ';' or '&' or '|' or '(' or ')' or '<' or '>';

    private static bool IsNameStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

    private static bool IsNameChar(char c) => IsNameStart(c) || (c >= '0' && c <= '9');

    private static bool IsName(string s, bool allowDashes)
    {
        if (s.Length == 0) return false;
        foreach (char c in s)
            if (!(IsNameChar(c) || (allowDashes && (c is '-' or '.' or ':' or '@')))) return false;
        return true;
    }

    private TextSpan MakeSpan(int start, int end)
    {
        if (start < 0) start = 0;
        if (start > _text.Length) start = _text.Length;
        if (end < start) end = start;
        if (end > _text.Length) end = _text.Length;
        return TextSpan.FromBounds(start, end);
    }

    private void Report(int start, int length, string message) => Report(MakeSpan(start, start + length), message);

    private void Report(TextSpan span, string message)
    {
        // Garbage input can produce one error per word; the first ones are the useful ones.
        if (_diagnostics.Count < MaxDiagnostics) _diagnostics.Add(new SyntaxDiagnostic(span, message));
        else if (_diagnostics.Count == MaxDiagnostics) _diagnostics.Add(new SyntaxDiagnostic(span, "too many syntax errors; later ones are not reported"));
    }
}
