using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Bicep;

/// <summary>
/// A recursive-descent parser for Bicep (https://learn.microsoft.com/azure/azure-resource-manager/bicep/file) that keeps
/// a span on every node and never throws on malformed input: an error becomes a diagnostic and parsing resumes at the
/// next line of the enclosing block. Line breaks separate statements, object properties and array items; inside
/// parentheses they are whitespace. Nesting deeper than <see cref="MaxDepth"/> is skipped.
/// </summary>
public sealed class BicepParser
{
    public const int MaxDepth = 64;

    private static readonly HashSet<string> SkippedStatements = new(StringComparer.Ordinal)
    {
        "import", "using", "extension", "provider", "type", "func", "metadata", "assert",
    };

    private readonly string _t;
    private readonly List<BicepToken> _tokens;
    private readonly List<SyntaxDiagnostic> _diagnostics;
    private readonly List<CommentTrivia> _comments;
    private int _index;
    private int _depth;

    private BicepParser(string text, List<BicepToken> tokens, List<SyntaxDiagnostic> diagnostics, List<CommentTrivia> comments, int depth)
    {
        _t = text;
        _tokens = tokens;
        _diagnostics = diagnostics;
        _comments = comments;
        _depth = depth;
    }

    public static BicepFile Parse(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var diagnostics = new List<SyntaxDiagnostic>();
        var comments = new List<CommentTrivia>();
        var tokens = new BicepLexer(text, 0, text.Length, diagnostics, comments).Lex();
        var parser = new BicepParser(text, tokens, diagnostics, comments, 0);
        var statements = new List<BicepStatement>();
        while (true)
        {
            parser.SkipNewLines();
            if (parser.Current.Kind == BicepTokenKind.EndOfFile) break;
            int before = parser._index;
            if (parser.ParseStatement() is { } statement) statements.Add(statement);
            parser.EndOfStatement(BicepTokenKind.EndOfFile);
            if (parser._index == before) parser._index++;
        }
        comments.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new BicepFile(text, statements, comments, diagnostics);
    }

    private BicepToken Current => _tokens[Math.Min(_index, _tokens.Count - 1)];

    private BicepToken Peek(int ahead = 1) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private int LastEnd => _index == 0 ? 0 : _tokens[Math.Min(_index, _tokens.Count) - 1].Span.End;

    private BicepToken Advance()
    {
        var token = Current;
        if (_index < _tokens.Count - 1) _index++;
        return token;
    }

    private bool IsKeyword(string word) => Current.Kind == BicepTokenKind.Identifier && Current.Text == word;

    private void SkipNewLines()
    {
        while (Current.Kind == BicepTokenKind.NewLine) Advance();
    }

    /// <summary>At a line break: whether the next line goes on with a union type (<c>| 'b'</c>).</summary>
    private bool ContinuesUnion() => Current.Kind == BicepTokenKind.NewLine && Peek().Kind == BicepTokenKind.Pipe;

    private static readonly HashSet<string> DeclarationKeywords = new(StringComparer.Ordinal) { "param", "var", "resource", "module", "output", "targetScope" };

    /// <summary>
    /// Line breaks inside parentheses and after an operator are whitespace, unless the next line starts a declaration:
    /// then the expression was left unfinished, and stopping here lets the declaration parse.
    /// </summary>
    private void SkipNewLinesInside()
    {
        int i = _index;
        while (i < _tokens.Count - 1 && _tokens[i].Kind == BicepTokenKind.NewLine) i++;
        if (i == _index) return;
        var next = _tokens[i];
        if (next.Kind == BicepTokenKind.At) return;
        if (next.Kind == BicepTokenKind.Identifier && DeclarationKeywords.Contains(next.Text) &&
            _tokens[Math.Min(i + 1, _tokens.Count - 1)].Kind is BicepTokenKind.Identifier or BicepTokenKind.Assign) return;
        _index = i;
    }

    private void Error(TextSpan span, string message)
    {
        if (_diagnostics.Count < 200) _diagnostics.Add(new SyntaxDiagnostic(span, message));
    }

    private string Describe(BicepToken token) => token.Kind switch
    {
        BicepTokenKind.EndOfFile => "end of text",
        BicepTokenKind.NewLine => "end of line",
        _ => "'" + token.Text + "'",
    };

    private bool Expect(BicepTokenKind kind, string what)
    {
        if (Current.Kind == kind)
        {
            Advance();
            return true;
        }
        Error(Current.Span, "Expected " + what + ", found " + Describe(Current) + ".");
        return false;
    }

    /// <summary>After a statement or property: a line break, or the block's closer. Anything else is skipped to the next line.</summary>
    private void EndOfStatement(BicepTokenKind closer)
    {
        var kind = Current.Kind;
        if (kind is BicepTokenKind.NewLine or BicepTokenKind.EndOfFile || kind == closer) return;
        if (closer == BicepTokenKind.RightBrace && kind == BicepTokenKind.Comma) return;
        Error(Current.Span, "Expected a line break, found " + Describe(Current) + ".");
        SkipToLineEnd();
    }

    /// <summary>Skips to the next line break outside brackets, or to an unmatched closer (left for its block).</summary>
    private void SkipToLineEnd()
    {
        int depth = 0, angle = 0;
        while (true)
        {
            var kind = Current.Kind;
            if (kind == BicepTokenKind.EndOfFile) return;
            // A line that ends in `=>` or `=` goes on below (`func f() string =>` and its body on the next line).
            if (kind == BicepTokenKind.NewLine && depth == 0 && angle == 0 && !ContinuesUnion() &&
                !(_index > 0 && _tokens[_index - 1].Kind is BicepTokenKind.Arrow or BicepTokenKind.Assign)) return;
            if (kind is BicepTokenKind.LeftBrace or BicepTokenKind.LeftBracket or BicepTokenKind.LeftParen) depth++;
            else if (kind is BicepTokenKind.RightBrace or BicepTokenKind.RightBracket or BicepTokenKind.RightParen)
            {
                if (depth == 0) return;
                depth--;
            }
            // A type's arguments (`resourceInput<'Type@version'>`) may span lines like brackets do.
            else if (kind == BicepTokenKind.Operator && Current.Text == "<" && _index > 0 && _tokens[_index - 1].Kind == BicepTokenKind.Identifier &&
                     _tokens[_index - 1].Span.End == Current.Span.Start) angle++;
            else if (kind == BicepTokenKind.Operator && Current.Text is ">" && angle > 0) angle--;
            Advance();
        }
    }

    private BicepStatement? ParseStatement()
    {
        var decorators = new List<BicepExpression>();
        int firstAt = Current.Span.Start;
        while (Current.Kind == BicepTokenKind.At)
        {
            int atIndex = _index;
            Advance();
            decorators.Add(ParseExpression());
            SkipNewLines();
            if (_index == atIndex) break;
        }
        var keyword = Current;
        int start = decorators.Count > 0 ? firstAt : keyword.Span.Start;
        if (keyword.Kind != BicepTokenKind.Identifier)
        {
            Error(keyword.Span, "Expected a declaration (param, var, resource, module, output…), found " + Describe(keyword) + ".");
            SkipToLineEnd();
            return null;
        }
        WorkBudget.Charge(Budget.Nodes);
        Advance();
        switch (keyword.Text)
        {
            case "targetScope":
            {
                Expect(BicepTokenKind.Assign, "'='");
                var value = ParseExpression();
                return new BicepStatement(TextSpan.FromBounds(start, LastEnd), keyword.Text, keyword.Span, null, default, null, null, false, value, decorators);
            }
            case "param":
            case "var":
            case "output":
            case "resource":
            case "module":
                return ParseDeclaration(keyword, start, decorators);
            default:
                if (!SkippedStatements.Contains(keyword.Text))
                    Error(keyword.Span, "Unknown declaration '" + keyword.Text + "'.");
                SkipToLineEnd();
                return new BicepStatement(TextSpan.FromBounds(start, LastEnd), keyword.Text, keyword.Span, null, default, null, null, false, null, decorators);
        }
    }

    private BicepStatement ParseDeclaration(BicepToken keyword, int start, List<BicepExpression> decorators)
    {
        string? name = null;
        TextSpan nameSpan = default;
        if (Current.Kind == BicepTokenKind.Identifier)
        {
            name = Current.Text;
            nameSpan = Current.Span;
            Advance();
        }
        else Error(Current.Span, "Expected a name after '" + keyword.Text + "', found " + Describe(Current) + ".");

        BicepString? typeString = null;
        BicepExpression? declaredType = null;
        bool existing = false;
        switch (keyword.Text)
        {
            case "resource":
            case "module":
                if (Current.Kind == BicepTokenKind.String) typeString = ParseString(Advance());
                else Error(Current.Span, "Expected the " + (keyword.Text == "resource" ? "resource type string ('Type@version')" : "module path") + ", found " + Describe(Current) + ".");
                if (IsKeyword("existing"))
                {
                    existing = true;
                    Advance();
                }
                break;
            case "param":
            case "output":
                declaredType = ParseTypeExpression();
                break;
            case "var" when Current.Kind != BicepTokenKind.Assign:
                declaredType = ParseTypeExpression(); // `var name string = …`
                break;
        }

        BicepExpression? value = null;
        if (Current.Kind == BicepTokenKind.Assign)
        {
            Advance();
            SkipNewLines();
            value = keyword.Text is "resource" or "module" ? ParseDeployedValue() : ParseExpression();
        }
        else if (keyword.Text != "param")
            Error(Current.Span, "Expected '=', found " + Describe(Current) + ".");
        return new BicepStatement(TextSpan.FromBounds(start, LastEnd), keyword.Text, keyword.Span, name, nameSpan, typeString, declaredType, existing, value, decorators);
    }

    /// <summary>A type after a <c>param</c> or <c>output</c> name: read up to <c>=</c> or the line end, the first name kept.</summary>
    private BicepExpression? ParseTypeExpression()
    {
        BicepExpression? first = null;
        int depth = 0, angle = 0;
        while (true)
        {
            var kind = Current.Kind;
            if (kind == BicepTokenKind.EndOfFile) break;
            if (kind == BicepTokenKind.NewLine && ContinuesUnion())
            {
                Advance();
                continue;
            }
            if (depth == 0 && angle == 0 && kind is BicepTokenKind.NewLine or BicepTokenKind.Assign) break;
            if (kind is BicepTokenKind.LeftBrace or BicepTokenKind.LeftBracket or BicepTokenKind.LeftParen) depth++;
            else if (kind is BicepTokenKind.RightBrace or BicepTokenKind.RightBracket or BicepTokenKind.RightParen)
            {
                if (depth == 0) break;
                depth--;
            }
            else if (kind == BicepTokenKind.Operator && Current.Text == "<" && _index > 0 && _tokens[_index - 1].Kind == BicepTokenKind.Identifier &&
                     _tokens[_index - 1].Span.End == Current.Span.Start) angle++;
            else if (kind == BicepTokenKind.Operator && Current.Text is ">" && angle > 0) angle--;
            if (first is null && kind == BicepTokenKind.Identifier) first = new BicepIdentifier(Current.Span, Current.Text);
            else if (first is null && kind == BicepTokenKind.String) first = ParseString(Current);
            Advance();
        }
        if (first is null) Error(Current.Span, "Expected a type, found " + Describe(Current) + ".");
        return first;
    }

    /// <summary>A resource's or module's value: a body, <c>if (…) body</c>, or <c>[for … in …: body]</c>.</summary>
    private BicepExpression ParseDeployedValue()
    {
        if (IsKeyword("if")) return ParseCondition();
        return ParseExpression();
    }

    private BicepExpression ParseCondition()
    {
        var ifToken = Advance();
        WorkBudget.Charge(Budget.Nodes);
        BicepExpression condition;
        if (Current.Kind == BicepTokenKind.LeftParen) condition = ParsePrimary();
        else
        {
            Error(Current.Span, "Expected '(' after 'if', found " + Describe(Current) + ".");
            condition = new BicepError(new TextSpan(Current.Span.Start, 0));
        }
        SkipNewLines();
        var body = ParseExpression();
        return new BicepCondition(TextSpan.FromBounds(ifToken.Span.Start, LastEnd), condition, body);
    }

    public BicepExpression ParseExpression()
    {
        if (_depth >= MaxDepth)
        {
            int start = Current.Span.Start;
            Error(Current.Span, "Bicep nesting is too deep; the rest of this expression is skipped.");
            SkipToLineEnd();
            return new BicepError(TextSpan.FromBounds(start, Math.Max(start, LastEnd)));
        }
        _depth++;
        try
        {
            return ParseTernary();
        }
        finally
        {
            _depth--;
        }
    }

    private BicepExpression ParseTernary()
    {
        var condition = ParseBinary(0);
        if (NextSignificant() != BicepTokenKind.Question) return condition;
        SkipNewLinesInside();
        Advance();
        SkipNewLinesInside();
        var whenTrue = ParseExpression();
        SkipNewLinesInside();
        if (!Expect(BicepTokenKind.Colon, "':' in the conditional expression"))
            return new BicepTernary(TextSpan.FromBounds(condition.Span.Start, LastEnd), condition, whenTrue, new BicepError(new TextSpan(LastEnd, 0)));
        SkipNewLinesInside();
        var whenFalse = ParseExpression();
        WorkBudget.Charge(Budget.Nodes);
        return new BicepTernary(TextSpan.FromBounds(condition.Span.Start, whenFalse.Span.End), condition, whenTrue, whenFalse);
    }

    /// <summary>The kind of the next token that is not a line break: a ternary's <c>?</c> may start the next line.</summary>
    private BicepTokenKind NextSignificant()
    {
        int i = _index;
        while (i < _tokens.Count - 1 && _tokens[i].Kind == BicepTokenKind.NewLine) i++;
        return _tokens[i].Kind;
    }

    private static int Precedence(BicepToken token) => token.Kind switch
    {
        BicepTokenKind.DoubleQuestion => 1,
        BicepTokenKind.Operator => token.Text switch
        {
            "||" => 2,
            "&&" => 3,
            "==" or "!=" or "=~" or "!~" => 4,
            "<" or "<=" or ">" or ">=" => 5,
            "+" or "-" => 6,
            "*" or "/" or "%" => 7,
            _ => 0,
        },
        _ => 0,
    };

    private BicepExpression ParseBinary(int minimum)
    {
        var left = ParseUnary();
        for (int guard = 0; guard < 10_000; guard++)
        {
            var op = Current;
            int precedence = Precedence(op);
            if (precedence == 0 || precedence <= minimum) break;
            Advance();
            SkipNewLinesInside();
            var right = precedence == 1 ? ParseBinary(precedence - 1) : ParseBinary(precedence);
            WorkBudget.Charge(Budget.Nodes);
            left = new BicepBinary(TextSpan.FromBounds(left.Span.Start, right.Span.End), op.Text, left, right);
        }
        return left;
    }

    private BicepExpression ParseUnary()
    {
        if (Current.Kind == BicepTokenKind.Bang || Current.Kind == BicepTokenKind.Operator && Current.Text is "-" or "..." or "^")
        {
            var op = Advance();
            if (_depth >= MaxDepth) return new BicepError(op.Span);
            _depth++;
            try
            {
                var operand = ParseUnary();
                WorkBudget.Charge(Budget.Nodes);
                return new BicepUnary(TextSpan.FromBounds(op.Span.Start, operand.Span.End), op.Text, operand);
            }
            finally
            {
                _depth--;
            }
        }
        return ParsePostfix(ParsePrimary());
    }

    private BicepExpression ParsePostfix(BicepExpression target)
    {
        for (int guard = 0; guard < 10_000; guard++)
        {
            var token = Current;
            if (token.Kind is BicepTokenKind.Dot or BicepTokenKind.QuestionDot or BicepTokenKind.DoubleColon)
            {
                Advance();
                if (Current.Kind != BicepTokenKind.Identifier)
                {
                    Error(Current.Span, "Expected a property name after '" + token.Text + "', found " + Describe(Current) + ".");
                    return target;
                }
                var name = Advance();
                WorkBudget.Charge(Budget.Nodes);
                if (token.Kind == BicepTokenKind.Dot && Current.Kind == BicepTokenKind.LeftParen)
                {
                    var arguments = ParseArguments();
                    target = new BicepCall(TextSpan.FromBounds(target.Span.Start, LastEnd), name.Text, name.Span, target, arguments);
                    continue;
                }
                target = new BicepPropertyAccess(TextSpan.FromBounds(target.Span.Start, name.Span.End), target, name.Text, name.Span);
                continue;
            }
            bool safeIndex = token.Kind == BicepTokenKind.Question && Peek().Kind == BicepTokenKind.LeftBracket && Peek().Span.Start == token.Span.End;
            if (token.Kind == BicepTokenKind.LeftBracket || safeIndex)
            {
                if (safeIndex) Advance();
                Advance();
                SkipNewLines();
                if (Current.Kind == BicepTokenKind.Question) Advance(); // `x[?key]`: the safe index
                var index = ParseExpression();
                SkipNewLines();
                Expect(BicepTokenKind.RightBracket, "']'");
                WorkBudget.Charge(Budget.Nodes);
                target = new BicepIndexAccess(TextSpan.FromBounds(target.Span.Start, LastEnd), target, index);
                continue;
            }
            // `x!`: the non-null assertion, when the `!` touches what it asserts.
            if (token.Kind == BicepTokenKind.Bang && token.Span.Start == target.Span.End)
            {
                Advance();
                continue;
            }
            break;
        }
        return target;
    }

    private List<BicepExpression> ParseArguments()
    {
        Advance(); // (
        var arguments = new List<BicepExpression>();
        for (int guard = 0; guard < 100_000; guard++)
        {
            SkipNewLinesInside();
            if (Current.Kind == BicepTokenKind.RightParen)
            {
                Advance();
                return arguments;
            }
            if (Current.Kind is BicepTokenKind.EndOfFile or BicepTokenKind.RightBrace or BicepTokenKind.RightBracket or BicepTokenKind.NewLine)
            {
                Error(Current.Span, "Expected ')' to close the argument list, found " + Describe(Current) + ".");
                return arguments;
            }
            int before = _index;
            arguments.Add(ParseExpression());
            SkipNewLinesInside();
            if (Current.Kind == BicepTokenKind.Comma)
            {
                Advance();
                continue;
            }
            if (Current.Kind == BicepTokenKind.RightParen) continue;
            Error(Current.Span, "Expected ',' or ')' in the argument list, found " + Describe(Current) + ".");
            if (_index == before) Advance();
        }
        return arguments;
    }

    private BicepExpression ParsePrimary()
    {
        var token = Current;
        WorkBudget.Charge(Budget.Nodes);
        switch (token.Kind)
        {
            case BicepTokenKind.String:
                Advance();
                return ParseString(token);
            case BicepTokenKind.Number:
                Advance();
                return new BicepNumber(token.Span, token.Text);
            case BicepTokenKind.LeftBrace:
                return ParseObject();
            case BicepTokenKind.LeftBracket:
                return ParseArray();
            case BicepTokenKind.LeftParen:
                return ParseParenthesizedOrLambda();
            case BicepTokenKind.Identifier:
                Advance();
                switch (token.Text)
                {
                    case "true": return new BicepBoolean(token.Span, true);
                    case "false": return new BicepBoolean(token.Span, false);
                    case "null": return new BicepNull(token.Span);
                }
                if (Current.Kind == BicepTokenKind.Arrow)
                {
                    Advance();
                    SkipNewLines();
                    var body = ParseExpression();
                    return new BicepLambda(TextSpan.FromBounds(token.Span.Start, body.Span.End), new[] { token.Text }, body);
                }
                if (Current.Kind == BicepTokenKind.LeftParen)
                {
                    var arguments = ParseArguments();
                    return new BicepCall(TextSpan.FromBounds(token.Span.Start, LastEnd), token.Text, token.Span, null, arguments);
                }
                return new BicepIdentifier(token.Span, token.Text);
        }
        Error(token.Span, "Expected an expression, found " + Describe(token) + ".");
        if (token.Kind is not (BicepTokenKind.NewLine or BicepTokenKind.EndOfFile or BicepTokenKind.RightBrace or BicepTokenKind.RightBracket or BicepTokenKind.RightParen or BicepTokenKind.Comma))
            Advance();
        return new BicepError(TextSpan.FromBounds(token.Span.Start, Math.Max(token.Span.Start, LastEnd)));
    }

    private BicepExpression ParseParenthesizedOrLambda()
    {
        var open = Current;
        // (a, b) => body
        int i = _index + 1;
        var names = new List<string>();
        while (i < _tokens.Count - 2 && _tokens[i].Kind == BicepTokenKind.NewLine) i++;
        while (_tokens[i].Kind == BicepTokenKind.Identifier && i < _tokens.Count - 2)
        {
            names.Add(_tokens[i].Text);
            i++;
            while (i < _tokens.Count - 2 && _tokens[i].Kind == BicepTokenKind.NewLine) i++;
            if (_tokens[i].Kind != BicepTokenKind.Comma) break;
            i++;
            while (i < _tokens.Count - 2 && _tokens[i].Kind == BicepTokenKind.NewLine) i++;
        }
        if (_tokens[i].Kind == BicepTokenKind.RightParen && _tokens[Math.Min(i + 1, _tokens.Count - 1)].Kind == BicepTokenKind.Arrow)
        {
            _index = i + 2;
            SkipNewLinesInside();
            var body = ParseExpression();
            return new BicepLambda(TextSpan.FromBounds(open.Span.Start, body.Span.End), names, body);
        }
        Advance();
        SkipNewLinesInside();
        var inner = ParseExpression();
        SkipNewLinesInside();
        Expect(BicepTokenKind.RightParen, "')'");
        return new BicepParenthesized(TextSpan.FromBounds(open.Span.Start, LastEnd), inner);
    }

    private BicepExpression ParseObject()
    {
        var open = Advance();
        if (_depth >= MaxDepth) return SkipNested(open);
        _depth++;
        var properties = new List<BicepProperty>();
        var resources = new List<BicepStatement>();
        try
        {
            for (int guard = 0; guard < 1_000_000; guard++)
            {
                while (Current.Kind is BicepTokenKind.NewLine or BicepTokenKind.Comma) Advance();
                var token = Current;
                if (token.Kind == BicepTokenKind.RightBrace)
                {
                    Advance();
                    break;
                }
                if (token.Kind is BicepTokenKind.EndOfFile or BicepTokenKind.RightBracket or BicepTokenKind.RightParen)
                {
                    Error(open.Span, "Unclosed object: missing '}'.");
                    break;
                }
                int before = _index;
                // A child resource, possibly with decorators: `resource child 'type@version' = {…}`.
                if (token.Kind == BicepTokenKind.At || token.Kind == BicepTokenKind.Identifier && token.Text == "resource" && Peek().Kind == BicepTokenKind.Identifier)
                {
                    if (ParseStatement() is { } child) resources.Add(child);
                    EndOfStatement(BicepTokenKind.RightBrace);
                    if (_index == before) Advance();
                    continue;
                }
                if (token.Kind == BicepTokenKind.Operator && token.Text == "...")
                {
                    Advance();
                    ParseExpression(); // a spread: `...other`, `...(cond ? {…} : {})`
                    EndOfStatement(BicepTokenKind.RightBrace);
                    if (_index == before) Advance();
                    continue;
                }
                string? key = null;
                if (token.Kind == BicepTokenKind.Identifier) key = token.Text;
                else if (token.Kind == BicepTokenKind.String && token.String is { Holes.Count: 0 } literal) key = literal.Parts[0];
                else if (token.Kind == BicepTokenKind.String) key = token.Text; // an interpolated key ('${identity.id}': {}): kept as written
                if (key is null)
                {
                    Error(token.Span, "Expected a property name, found " + Describe(token) + ".");
                    SkipToLineEnd();
                    if (_index == before) Advance();
                    continue;
                }
                Advance();
                if (!Expect(BicepTokenKind.Colon, "':' after the property name"))
                {
                    SkipToLineEnd();
                    continue;
                }
                SkipNewLines();
                var value = ParseExpression();
                WorkBudget.Charge(Budget.Nodes);
                properties.Add(new BicepProperty(TextSpan.FromBounds(token.Span.Start, Math.Max(token.Span.End, value.Span.End)), key, token.Span, value));
                EndOfStatement(BicepTokenKind.RightBrace);
            }
        }
        finally
        {
            _depth--;
        }
        return new BicepObject(TextSpan.FromBounds(open.Span.Start, LastEnd), properties, resources);
    }

    private BicepExpression ParseArray()
    {
        var open = Advance();
        if (_depth >= MaxDepth) return SkipNested(open);
        _depth++;
        try
        {
            SkipNewLines();
            if (IsKeyword("for")) return ParseFor(open);
            var items = new List<BicepExpression>();
            for (int guard = 0; guard < 1_000_000; guard++)
            {
                while (Current.Kind is BicepTokenKind.NewLine or BicepTokenKind.Comma) Advance();
                var token = Current;
                if (token.Kind == BicepTokenKind.RightBracket)
                {
                    Advance();
                    break;
                }
                if (token.Kind is BicepTokenKind.EndOfFile or BicepTokenKind.RightBrace or BicepTokenKind.RightParen)
                {
                    Error(open.Span, "Unclosed array: missing ']'.");
                    break;
                }
                int before = _index;
                items.Add(ParseExpression());
                if (Current.Kind is not (BicepTokenKind.NewLine or BicepTokenKind.Comma or BicepTokenKind.RightBracket or BicepTokenKind.EndOfFile))
                {
                    Error(Current.Span, "Expected a line break, ',' or ']' in the array, found " + Describe(Current) + ".");
                    SkipToLineEnd();
                }
                if (_index == before) Advance();
            }
            return new BicepArray(TextSpan.FromBounds(open.Span.Start, LastEnd), items);
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary><c>[for item in source: body]</c>, <c>[for (item, i) in source: body]</c>; the body may be <c>if (…) {…}</c>.</summary>
    private BicepExpression ParseFor(BicepToken open)
    {
        Advance(); // for
        var variables = new List<string>();
        if (Current.Kind == BicepTokenKind.Identifier) variables.Add(Advance().Text);
        else if (Current.Kind == BicepTokenKind.LeftParen)
        {
            Advance();
            while (Current.Kind is BicepTokenKind.Identifier or BicepTokenKind.Comma)
            {
                var token = Advance();
                if (token.Kind == BicepTokenKind.Identifier) variables.Add(token.Text);
            }
            Expect(BicepTokenKind.RightParen, "')'");
        }
        else Error(Current.Span, "Expected the loop variable after 'for', found " + Describe(Current) + ".");
        if (IsKeyword("in")) Advance();
        else Error(Current.Span, "Expected 'in', found " + Describe(Current) + ".");
        var source = ParseExpression();
        BicepExpression body;
        if (Expect(BicepTokenKind.Colon, "':' after the loop source"))
        {
            SkipNewLines();
            body = IsKeyword("if") ? ParseCondition() : ParseExpression();
        }
        else body = new BicepError(new TextSpan(LastEnd, 0));
        SkipNewLines();
        if (Current.Kind == BicepTokenKind.RightBracket) Advance();
        else
        {
            Error(Current.Span, "Expected ']' to close the loop, found " + Describe(Current) + ".");
            SkipToLineEnd();
            if (Current.Kind == BicepTokenKind.RightBracket) Advance();
        }
        return new BicepForExpression(TextSpan.FromBounds(open.Span.Start, LastEnd), variables, source, body);
    }

    private BicepExpression SkipNested(BicepToken open)
    {
        Error(open.Span, "Bicep nesting is too deep; the rest of this value is skipped.");
        int depth = 1;
        while (depth > 0 && Current.Kind != BicepTokenKind.EndOfFile)
        {
            var kind = Advance().Kind;
            if (kind is BicepTokenKind.LeftBrace or BicepTokenKind.LeftBracket or BicepTokenKind.LeftParen) depth++;
            else if (kind is BicepTokenKind.RightBrace or BicepTokenKind.RightBracket or BicepTokenKind.RightParen) depth--;
        }
        return new BicepError(TextSpan.FromBounds(open.Span.Start, LastEnd));
    }

    private BicepString ParseString(BicepToken token)
    {
        var lexeme = token.String!;
        var holes = new List<BicepExpression>(lexeme.Holes.Count);
        foreach (var hole in lexeme.Holes)
        {
            if (_depth >= MaxDepth)
            {
                holes.Add(new BicepError(hole));
                continue;
            }
            var tokens = new BicepLexer(_t, hole.Start, hole.End, _diagnostics, _comments).Lex();
            var inner = new BicepParser(_t, tokens, _diagnostics, _comments, _depth + 1);
            inner.SkipNewLines();
            if (inner.Current.Kind == BicepTokenKind.EndOfFile)
            {
                Error(TextSpan.FromBounds(hole.Start - 2, Math.Min(_t.Length, hole.End + 1)), "Empty interpolation '${}'.");
                holes.Add(new BicepError(hole));
                continue;
            }
            var expression = inner.ParseExpression();
            inner.SkipNewLines();
            if (inner.Current.Kind != BicepTokenKind.EndOfFile) inner.Error(inner.Current.Span, "Unexpected " + inner.Describe(inner.Current) + " in the interpolation.");
            holes.Add(expression);
        }
        var parts = lexeme.Parts;
        while (parts.Count < holes.Count + 1) parts.Add("");
        return new BicepString(token.Span, parts, holes, lexeme.Multiline);
    }
}
