using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Hcl;

/// <summary>
/// Parses HCL native syntax (https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md) into an <see cref="HclFile"/>.
/// Never throws on any input: what it cannot parse becomes a <see cref="SyntaxDiagnostic"/> and parsing resumes at the
/// next line or item. One pass over the characters (the lexer is modal because of templates, so it is folded into
/// the parser); nesting deeper than <see cref="MaxDepth"/> is reported and skipped instead of recursing.
/// </summary>
public static class HclParser
{
    public const int MaxDepth = 128;

    public static HclFile Parse(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var parser = new HclNativeParser(text, 0, columnZeroClosesBlocks: false);
        var body = parser.ParseFile();
        if (parser.HadUnclosedBlock)
        {
            // A block ran to the end of the file: parse again, this time closing a block when an item starts at
            // column 0 (as formatted Terraform's top-level blocks do), so one missing '}' doesn't swallow the rest.
            parser = new HclNativeParser(text, 0, columnZeroClosesBlocks: true);
            body = parser.ParseFile();
        }
        return new HclFile(text, body, parser.Comments, parser.Diagnostics);
    }

    /// <summary>Parses a <c>.tf.json</c> document (HCL's JSON syntax) onto the same model; see <see cref="HclJsonConverter"/>.</summary>
    public static HclFile ParseJson(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        return HclJsonConverter.Convert(text);
    }

    /// <summary>Parses a decoded string value as a template (for JSON syntax); spans are shifted by <paramref name="baseOffset"/>.</summary>
    internal static HclTemplateExpression ParseTemplateFragment(string value, int baseOffset, TextSpan wholeSpan, List<SyntaxDiagnostic> diagnostics)
    {
        var parser = new HclNativeParser(value, baseOffset, columnZeroClosesBlocks: false);
        var parts = parser.ParseTemplateToEnd();
        diagnostics.AddRange(parser.Diagnostics);
        return new HclTemplateExpression(wholeSpan, parts, isHeredoc: false, isFlushHeredoc: false);
    }
}

internal sealed class HclNativeParser
{
    private const int MaxDiagnostics = 200;

    private readonly string _t;
    private readonly int _base;
    private readonly bool _columnZeroClosesBlocks;
    private int _pos;
    private int _end;
    private int _depth;
    private bool _newlinesAreTrivia;
    private bool _reportedDepth;

    public HclNativeParser(string text, int baseOffset, bool columnZeroClosesBlocks)
    {
        _t = text;
        _base = baseOffset;
        _end = text.Length;
        _columnZeroClosesBlocks = columnZeroClosesBlocks;
    }

    public List<HclComment> Comments { get; } = new();
    public List<SyntaxDiagnostic> Diagnostics { get; } = new();
    public bool HadUnclosedBlock { get; private set; }

    // ---------------------------------------------------------------- helpers

    private TextSpan S(int start, int end) => new(start + _base, end > start ? end - start : 0);

    private static TextSpan Join(HclNode first, HclNode last) => TextSpan.FromBounds(first.Span.Start, Math.Max(first.Span.Start, last.Span.End));

    private char Peek(int ahead = 0) => _pos + ahead < _end ? _t[_pos + ahead] : '\0';

    private bool AtEnd => _pos >= _end;

    private void Error(int start, int end, string message)
    {
        if (Diagnostics.Count < MaxDiagnostics) Diagnostics.Add(new SyntaxDiagnostic(S(start, Math.Min(Math.Max(end, start), _t.Length)), message));
    }

    private string Describe(int pos)
    {
        if (pos >= _end) return "end of file";
        char c = _t[pos];
        if (c == '\n' || (c == '\r' && pos + 1 < _end && _t[pos + 1] == '\n')) return "newline";
        if (c == '\r') return "a carriage return";
        return "'" + c + "'";
    }

    private static bool IsIdStart(char c) => c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' : char.IsLetter(c);

    private static bool IsIdContinue(char c) =>
        c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' : char.IsLetterOrDigit(c);

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private bool IsKeywordAt(int pos, string keyword)
    {
        if (pos + keyword.Length > _end || string.CompareOrdinal(_t, pos, keyword, 0, keyword.Length) != 0) return false;
        return pos + keyword.Length >= _end || !IsIdContinue(_t[pos + keyword.Length]);
    }

    private string ReadIdentifier()
    {
        int start = _pos;
        _pos++;
        while (_pos < _end && IsIdContinue(_t[_pos])) _pos++;
        return StringTable.Substring(_t, start, _pos - start);
    }

    private bool AtNewline => _pos < _end && (_t[_pos] == '\n' || (_t[_pos] == '\r' && Peek(1) == '\n'));

    /// <summary>Skips spaces, tabs and comments, and newlines too where the context ignores them.</summary>
    private void SkipTrivia() => SkipTrivia(_newlinesAreTrivia);

    private void SkipTriviaAndNewlines() => SkipTrivia(true);

    private void SkipTrivia(bool newlines)
    {
        while (_pos < _end)
        {
            char c = _t[_pos];
            if (c == ' ' || c == '\t') _pos++;
            else if (c == '\r')
            {
                // A lone carriage return is not whitespace in HCL ("Invalid character").
                if (Peek(1) != '\n' || !newlines) return;
                _pos++;
            }
            else if (c == '\n')
            {
                if (!newlines) return;
                _pos++;
            }
            else if (c == '#') LineComment(HclCommentKind.Hash);
            else if (c == '/' && Peek(1) == '/') LineComment(HclCommentKind.DoubleSlash);
            else if (c == '/' && Peek(1) == '*') BlockComment();
            else if (c == '\uFEFF' && _pos == 0) _pos++;
            else return;
        }
    }

    private void LineComment(HclCommentKind kind)
    {
        int start = _pos;
        while (_pos < _end && _t[_pos] != '\n') _pos++;
        int end = _pos;
        if (end > start && _t[end - 1] == '\r') end--;
        AddComment(start, end, kind);
    }

    private void BlockComment()
    {
        int start = _pos;
        int close = _t.IndexOf("*/", _pos + 2, _end - _pos - 2, StringComparison.Ordinal);
        if (close < 0)
        {
            _pos = _end;
            Error(start, start + 2, "Unterminated comment: '/*' has no matching '*/'.");
        }
        else _pos = close + 2;
        AddComment(start, _pos, HclCommentKind.Block);
    }

    private void AddComment(int start, int end, HclCommentKind kind)
    {
        // Lookahead may scan a comment twice; keep each once and in order.
        int s = start + _base;
        if (Comments.Count == 0 || Comments[Comments.Count - 1].Span.Start < s) Comments.Add(new HclComment(S(start, end), kind));
    }

    private void SkipToNextLine()
    {
        while (_pos < _end && _t[_pos] != '\n') _pos++;
    }

    private bool Enter()
    {
        if (_depth >= HclParser.MaxDepth)
        {
            if (!_reportedDepth) Error(_pos, _pos + 1, "Nesting is too deep; the rest of this construct is skipped.");
            _reportedDepth = true;
            return false;
        }
        _depth++;
        return true;
    }

    /// <summary>Skips to the bracket that closes the construct we are in, without recursing.</summary>
    private void SkipBalanced()
    {
        int level = 0;
        while (_pos < _end)
        {
            char c = _t[_pos];
            if (c == '(' || c == '[' || c == '{') level++;
            else if (c == ')' || c == ']' || c == '}')
            {
                if (level == 0) return;
                level--;
            }
            _pos++;
        }
    }

    // ---------------------------------------------------------------- bodies

    public HclBody ParseFile()
    {
        var body = ParseBody(0, inBlock: false);
        return body;
    }

    private HclBody ParseBody(int start, bool inBlock)
    {
        var items = new List<HclBodyItem>();
        bool saved = _newlinesAreTrivia;
        _newlinesAreTrivia = false;
        while (true)
        {
            SkipTriviaAndNewlines();
            if (AtEnd) break;
            char c = _t[_pos];
            if (c == '}')
            {
                if (inBlock) break;
                Error(_pos, _pos + 1, "Unexpected '}': no block is open here.");
                _pos++;
                continue;
            }
            if (IsIdStart(c))
            {
                if (inBlock && _columnZeroClosesBlocks && (_pos == 0 || _t[_pos - 1] == '\n')) break;
                int before = _pos;
                var item = ParseBodyItem();
                if (item != null) items.Add(item);
                if (_pos == before) _pos++;
            }
            else
            {
                Error(_pos, _pos + 1, "Expected an attribute or block definition, found " + Describe(_pos) + ".");
                SkipToNextLine();
            }
        }
        _newlinesAreTrivia = saved;
        int end = inBlock ? _pos : _end;
        return new HclBody(S(start, end), items);
    }

    private HclBodyItem? ParseBodyItem()
    {
        int start = _pos;
        string name = ReadIdentifier();
        var nameSpan = S(start, _pos);
        SkipTrivia(false);
        if (Peek() == '=' && Peek(1) != '=')
        {
            _pos++;
            SkipTrivia(false);
            var value = ParseExpression();
            var attr = new HclAttribute(TextSpan.FromBounds(nameSpan.Start, Math.Max(nameSpan.End, value.Span.End)), name, nameSpan, value);
            ExpectEndOfItem("attribute");
            return attr;
        }

        var labels = new List<HclBlockLabel>();
        while (true)
        {
            char c = Peek();
            if (c == '"')
            {
                int ls = _pos;
                _pos++;
                var parts = ParseTemplateParts(quoted: true);
                if (Peek() == '"') _pos++;
                string text;
                if (parts.Count == 0) text = string.Empty;
                else if (parts.Count == 1 && parts[0] is HclTemplateLiteral only) text = only.Value;
                else
                {
                    var sb = new StringBuilder();
                    foreach (var p in parts)
                    {
                        if (p is HclTemplateLiteral lit) sb.Append(lit.Value);
                        else Error(p.Span.Start - _base, p.Span.End - _base, "Invalid block label: a label cannot contain template sequences.");
                    }
                    text = sb.ToString();
                }
                labels.Add(new HclBlockLabel(S(ls, _pos), text, isQuoted: true));
            }
            else if (IsIdStart(c))
            {
                int ls = _pos;
                string label = ReadIdentifier();
                labels.Add(new HclBlockLabel(S(ls, _pos), label, isQuoted: false));
            }
            else break;
            SkipTrivia(false);
        }

        if (Peek() != '{')
        {
            Error(_pos, _pos + 1, labels.Count == 0
                ? "Expected '=' or a block's '{' after \"" + name + "\", found " + Describe(_pos) + "."
                : "Expected '{' to open the block \"" + name + "\", found " + Describe(_pos) + ".");
            SkipToNextLine();
            return null;
        }

        int open = _pos;
        _pos++;
        HclBody body;
        if (!Enter())
        {
            SkipBalanced();
            body = new HclBody(S(open + 1, _pos), Array.Empty<HclBodyItem>());
        }
        else
        {
            SkipTrivia(false);
            body = AtEnd || AtNewline || Peek() == '}' ? ParseBody(open + 1, inBlock: true) : ParseSingleLineBody(open + 1);
            _depth--;
        }
        bool closed = Peek() == '}';
        if (closed) _pos++;
        else
        {
            HadUnclosedBlock = true;
            Error(open, open + 1, "Unclosed block \"" + name + "\": missing '}'.");
        }
        var block = new HclBlock(TextSpan.FromBounds(nameSpan.Start, _pos + _base), name, nameSpan, labels, body);
        if (closed) ExpectEndOfItem("block");
        return block;
    }

    /// <summary>
    /// <c>block { name = value }</c>: the one argument a block may hold on its opening line. Anything else there is
    /// reported, and the rest is read as an ordinary multi-line body so the structure survives.
    /// </summary>
    private HclBody ParseSingleLineBody(int bodyStart)
    {
        int start = _pos;
        if (IsIdStart(Peek()))
        {
            string name = ReadIdentifier();
            var nameSpan = S(start, _pos);
            SkipTrivia(false);
            if (Peek() == '=' && Peek(1) != '=')
            {
                _pos++;
                SkipTrivia(false);
                var value = ParseExpression();
                var attr = new HclAttribute(TextSpan.FromBounds(nameSpan.Start, Math.Max(nameSpan.End, value.Span.End)), name, nameSpan, value);
                SkipTrivia(false);
                if (Peek() == '}') return new HclBody(S(bodyStart, _pos), new HclBodyItem[] { attr });
                Error(_pos, _pos + 1, "Invalid single-argument block definition: a block with an argument on its opening line must be closed on that line.");
                if (!AtEnd && !AtNewline) SkipToNextLine();
                var rest = ParseBody(_pos, inBlock: true);
                var items = new List<HclBodyItem>(rest.Items.Count + 1) { attr };
                items.AddRange(rest.Items);
                return new HclBody(S(bodyStart, _pos), items);
            }
        }
        Error(start, start + 1, "A single-line block definition can contain only a single argument; put nested blocks on their own lines.");
        _pos = start;
        return ParseBody(bodyStart, inBlock: true);
    }

    private void ExpectEndOfItem(string what)
    {
        SkipTrivia(false);
        if (AtEnd || AtNewline) return;
        Error(_pos, _pos + 1, "Missing newline after " + what + ", found " + Describe(_pos) + ".");
        // A '}' right after an item still closes the block; keep it so the structure survives.
        if (Peek() != '}') SkipToNextLine();
    }

    // ---------------------------------------------------------------- expressions

    public HclExpression ParseExpression()
    {
        if (!Enter())
        {
            int s = _pos;
            SkipBalanced();
            return new HclErrorExpression(S(s, _pos));
        }
        try
        {
            var condition = ParseBinary(0);
            int save = _pos;
            SkipTrivia();
            if (Peek() != '?')
            {
                _pos = save;
                return condition;
            }
            _pos++;
            SkipTrivia();
            var whenTrue = ParseExpression();
            SkipTrivia();
            if (Peek() != ':')
            {
                Error(_pos, _pos + 1, "Expected ':' in the conditional expression, found " + Describe(_pos) + ".");
                return new HclConditionalExpression(Join(condition, whenTrue), condition, whenTrue, new HclErrorExpression(S(_pos, _pos)));
            }
            _pos++;
            SkipTrivia();
            var whenFalse = ParseExpression();
            return new HclConditionalExpression(Join(condition, whenFalse), condition, whenTrue, whenFalse);
        }
        finally
        {
            _depth--;
        }
    }

    private static int Precedence(HclBinaryOperator op) => op switch
    {
        HclBinaryOperator.Or => 1,
        HclBinaryOperator.And => 2,
        HclBinaryOperator.Equal or HclBinaryOperator.NotEqual => 3,
        HclBinaryOperator.Greater or HclBinaryOperator.GreaterOrEqual or HclBinaryOperator.Less or HclBinaryOperator.LessOrEqual => 4,
        HclBinaryOperator.Add or HclBinaryOperator.Subtract => 5,
        _ => 6,
    };

    private bool TryPeekBinaryOperator(out HclBinaryOperator op, out int length)
    {
        length = 1;
        op = default;
        char c = Peek(), n = Peek(1);
        switch (c)
        {
            case '*': op = HclBinaryOperator.Multiply; return true;
            case '/': op = HclBinaryOperator.Divide; return n != '/' && n != '*';
            case '%': op = HclBinaryOperator.Modulo; return n != '{';
            case '+': op = HclBinaryOperator.Add; return true;
            case '-': op = HclBinaryOperator.Subtract; return true;
            case '>':
                if (n == '=') { op = HclBinaryOperator.GreaterOrEqual; length = 2; }
                else op = HclBinaryOperator.Greater;
                return true;
            case '<':
                if (n == '=') { op = HclBinaryOperator.LessOrEqual; length = 2; }
                else op = HclBinaryOperator.Less;
                return true;
            case '=':
                length = 2;
                op = HclBinaryOperator.Equal;
                return n == '=';
            case '!':
                length = 2;
                op = HclBinaryOperator.NotEqual;
                return n == '=';
            case '&':
                length = 2;
                op = HclBinaryOperator.And;
                return n == '&';
            case '|':
                length = 2;
                op = HclBinaryOperator.Or;
                return n == '|';
            default:
                return false;
        }
    }

    private HclExpression ParseBinary(int minPrecedence)
    {
        var left = ParseUnary();
        while (true)
        {
            int save = _pos;
            SkipTrivia();
            int precedence = TryPeekBinaryOperator(out var op, out int length) ? Precedence(op) : 0;
            if (precedence <= minPrecedence)
            {
                _pos = save;
                return left;
            }
            int opStart = _pos;
            _pos += length;
            SkipTrivia();
            if (!Enter())
            {
                int s = _pos;
                SkipBalanced();
                return new HclErrorExpression(S(s, _pos));
            }
            var right = ParseBinary(precedence);
            _depth--;
            left = new HclBinaryExpression(Join(left, right), op, S(opStart, opStart + length), left, right);
        }
    }

    private HclExpression ParseUnary()
    {
        char c = Peek();
        if ((c == '-' || c == '!') && Peek(1) != '=')
        {
            int start = _pos;
            _pos++;
            SkipTrivia();
            if (!Enter())
            {
                SkipBalanced();
                return new HclErrorExpression(S(start, _pos));
            }
            var operand = ParseUnary();
            _depth--;
            return new HclUnaryExpression(TextSpan.FromBounds(start + _base, Math.Max(start + _base, operand.Span.End)),
                c == '-' ? HclUnaryOperator.Negate : HclUnaryOperator.Not, operand);
        }
        return ParsePostfix(ParsePrimary());
    }

    private HclExpression ParsePrimary()
    {
        WorkBudget.Charge(Budget.Nodes);
        int start = _pos;
        char c = Peek();
        if (IsDigit(c)) return ParseNumber();
        if (IsIdStart(c)) return ParseIdentifierExpression();
        switch (c)
        {
            case '"':
            {
                _pos++;
                var parts = ParseTemplateParts(quoted: true);
                if (Peek() == '"') _pos++;
                return new HclTemplateExpression(S(start, _pos), parts, isHeredoc: false, isFlushHeredoc: false);
            }
            case '<' when Peek(1) == '<':
                return ParseHeredoc();
            case '(':
            {
                _pos++;
                bool saved = _newlinesAreTrivia;
                _newlinesAreTrivia = true;
                SkipTrivia();
                var inner = ParseExpression();
                SkipTrivia();
                Expect(')', "to close the parentheses");
                _newlinesAreTrivia = saved;
                return new HclParenthesizedExpression(S(start, _pos), inner);
            }
            case '[':
                return ParseTupleOrFor();
            case '{':
                return ParseObjectOrFor();
        }
        Error(_pos, _pos + 1, "Expected the start of an expression, found " + Describe(_pos) + ".");
        if (!AtEnd && !AtNewline && c != ')' && c != ']' && c != '}' && c != ',') _pos++;
        return new HclErrorExpression(S(start, _pos));
    }

    private bool Expect(char c, string why)
    {
        if (Peek() == c)
        {
            _pos++;
            return true;
        }
        Error(_pos, _pos + 1, "Expected '" + c + "' " + why + ", found " + Describe(_pos) + ".");
        return false;
    }

    private HclExpression ParseNumber()
    {
        int start = _pos;
        while (_pos < _end && IsDigit(_t[_pos])) _pos++;
        if (Peek() == '.' && IsDigit(Peek(1)))
        {
            _pos++;
            while (_pos < _end && IsDigit(_t[_pos])) _pos++;
        }
        else if (Peek() == '.' && (Peek(1) == 'e' || Peek(1) == 'E') && (IsDigit(Peek(2)) || ((Peek(2) == '+' || Peek(2) == '-') && IsDigit(Peek(3)))))
        {
            _pos++; // "1.e5" is one number in HCL's scanner
        }
        if (Peek() == 'e' || Peek() == 'E')
        {
            int k = 1;
            if (Peek(1) == '+' || Peek(1) == '-') k = 2;
            if (IsDigit(Peek(k)))
            {
                _pos += k;
                while (_pos < _end && IsDigit(_t[_pos])) _pos++;
            }
        }
        return new HclLiteralExpression(S(start, _pos), HclValue.Number(_t.Substring(start, _pos - start)));
    }

    private HclExpression ParseIdentifierExpression()
    {
        int start = _pos;
        string name = ReadIdentifier();
        // Namespaced function: provider::aws::arn_parse(...)
        while (Peek() == ':' && Peek(1) == ':' && IsIdStart(Peek(2)))
        {
            _pos += 2;
            ReadIdentifier();
            name = _t.Substring(start, _pos - start);
        }
        int nameEnd = _pos;
        int save = _pos;
        SkipTrivia();
        if (Peek() == '(') return ParseCall(start, nameEnd, name);
        _pos = save;
        if (name.IndexOf(':') >= 0)
        {
            Error(start, nameEnd, "Expected '(' after the namespaced function name \"" + name + "\".");
            return new HclErrorExpression(S(start, nameEnd));
        }
        return name switch
        {
            "true" => new HclLiteralExpression(S(start, nameEnd), HclValue.True),
            "false" => new HclLiteralExpression(S(start, nameEnd), HclValue.False),
            "null" => new HclLiteralExpression(S(start, nameEnd), HclValue.Null),
            _ => new HclVariableExpression(S(start, nameEnd), name),
        };
    }

    private HclExpression ParseCall(int start, int nameEnd, string name)
    {
        _pos++; // (
        bool saved = _newlinesAreTrivia;
        _newlinesAreTrivia = true;
        var args = new List<HclExpression>();
        bool expand = false;
        while (true)
        {
            int beforeTrivia = _pos;
            SkipTrivia();
            if (Peek() == ')' || AtEnd) break;
            if (StartsNextBodyItem(beforeTrivia)) break;
            int before = _pos;
            args.Add(ParseExpression());
            int afterArgument = _pos;
            SkipTrivia();
            if (Peek() == '.' && Peek(1) == '.' && Peek(2) == '.')
            {
                expand = true;
                _pos += 3;
                SkipTrivia();
                break;
            }
            if (Peek() == ',')
            {
                _pos++;
                continue;
            }
            if (Peek() == ')' || _pos == before || StartsNextBodyItem(afterArgument)) break;
            Error(_pos, _pos + 1, "Expected ',' or ')' in the arguments of " + name + "(), found " + Describe(_pos) + ".");
            break;
        }
        // The message is built only when it is needed: a string per call was most of what a call's parse allocated.
        if (Peek() == ')') _pos++;
        else Expect(')', "to close the call to " + name + "()");
        _newlinesAreTrivia = saved;
        return new HclFunctionCallExpression(S(start, _pos), name, S(start, nameEnd), args, expand);
    }

    private HclExpression ParsePostfix(HclExpression expr)
    {
        while (true)
        {
            int save = _pos;
            SkipTrivia();
            char c = Peek();
            if (c == '.')
            {
                char n = Peek(1);
                if (n == '*')
                {
                    int splatStart = _pos;
                    _pos += 2;
                    expr = ParseSplat(expr, full: false, S(splatStart, _pos));
                    continue;
                }
                if (IsDigit(n))
                {
                    int keyStart = _pos + 1;
                    _pos++;
                    while (_pos < _end && IsDigit(_t[_pos])) _pos++;
                    if (Peek() == '.' && IsDigit(Peek(1)))
                        Error(keyStart, _pos + 2, "Invalid legacy index syntax: chaining two indexes like .0.1 is not permitted; use [0][1].");
                    var key = new HclLiteralExpression(S(keyStart, _pos), HclValue.Number(_t.Substring(keyStart, _pos - keyStart)));
                    expr = new HclIndexExpression(TextSpan.FromBounds(expr.Span.Start, _pos + _base), expr, key, key.Span, isLegacy: true);
                    continue;
                }
                if (IsIdStart(n))
                {
                    _pos++;
                    int nameStart = _pos;
                    string name = ReadIdentifier();
                    expr = new HclGetAttrExpression(TextSpan.FromBounds(expr.Span.Start, _pos + _base), expr, name, S(nameStart, _pos));
                    continue;
                }
                if (n != '.') Error(_pos, _pos + 2, "Expected an attribute name after '.', found " + Describe(_pos + 1) + ".");
                _pos = save;
                return expr;
            }
            if (c == '[')
            {
                int open = _pos;
                int k = _pos + 1;
                while (k < _end && (_t[k] == ' ' || _t[k] == '\t' || _t[k] == '\n' || _t[k] == '\r')) k++;
                if (k < _end && _t[k] == '*')
                {
                    int k2 = k + 1;
                    while (k2 < _end && (_t[k2] == ' ' || _t[k2] == '\t' || _t[k2] == '\n' || _t[k2] == '\r')) k2++;
                    if (k2 < _end && _t[k2] == ']')
                    {
                        _pos = k2 + 1;
                        expr = ParseSplat(expr, full: true, S(open, _pos));
                        continue;
                    }
                }
                expr = ParseIndex(expr);
                continue;
            }
            _pos = save;
            return expr;
        }
    }

    private HclExpression ParseIndex(HclExpression source)
    {
        _pos++; // [
        bool saved = _newlinesAreTrivia;
        _newlinesAreTrivia = true;
        SkipTrivia();
        var key = ParseExpression();
        SkipTrivia();
        Expect(']', "to close the index");
        _newlinesAreTrivia = saved;
        return new HclIndexExpression(TextSpan.FromBounds(source.Span.Start, _pos + _base), source, key, key.Span, isLegacy: false);
    }

    private HclExpression ParseSplat(HclExpression source, bool full, TextSpan splatSpan)
    {
        var steps = new List<HclTraversalStep>();
        var keys = new List<HclExpression>();
        while (true)
        {
            int save = _pos;
            SkipTrivia();
            if (Peek() == '.' && IsIdStart(Peek(1)))
            {
                _pos++;
                int s = _pos;
                string name = ReadIdentifier();
                steps.Add(new HclTraversalStep(HclTraversalStepKind.Attribute, name, null, S(s, _pos)));
                continue;
            }
            if (Peek() == '.' && IsDigit(Peek(1)))
            {
                _pos++;
                int s = _pos;
                while (_pos < _end && IsDigit(_t[_pos])) _pos++;
                string digits = _t.Substring(s, _pos - s);
                steps.Add(new HclTraversalStep(HclTraversalStepKind.Index, digits, HclValue.Number(digits), S(s, _pos)));
                continue;
            }
            if (full && Peek() == '[')
            {
                int k = _pos + 1;
                while (k < _end && (_t[k] == ' ' || _t[k] == '\t')) k++;
                if (k < _end && _t[k] == '*') { _pos = save; break; }
                _pos++;
                bool saved = _newlinesAreTrivia;
                _newlinesAreTrivia = true;
                SkipTrivia();
                var key = ParseExpression();
                SkipTrivia();
                Expect(']', "to close the index");
                _newlinesAreTrivia = saved;
                var literal = key.AsLiteral();
                if (literal is null) keys.Add(key);
                steps.Add(new HclTraversalStep(HclTraversalStepKind.Index, literal?.Text ?? _t.Substring(key.Span.Start - _base, key.Span.Length), literal, key.Span));
                continue;
            }
            if (!full && Peek() == '.' && Peek(1) == '*')
                Error(_pos, _pos + 2, "Nested splat expression not allowed: a splat cannot follow an attribute-only splat.");
            _pos = save;
            break;
        }
        int end = steps.Count > 0 ? Math.Max(steps[steps.Count - 1].Span.End, splatSpan.End) : splatSpan.End;
        if (full && steps.Count > 0 && steps[steps.Count - 1].Kind == HclTraversalStepKind.Index && _pos + _base > end) end = _pos + _base;
        return new HclSplatExpression(TextSpan.FromBounds(source.Span.Start, end), source, full, splatSpan, steps, keys);
    }

    /// <summary>
    /// Recovery for an unclosed '[' or '(': when a new line starts with <c>name =</c> or <c>name {</c>, which no
    /// tuple item or argument can, rewind to that line so the body parser resumes there.
    /// </summary>
    private bool StartsNextBodyItem(int beforeTrivia)
    {
        if (_t.IndexOf('\n', beforeTrivia, _pos - beforeTrivia) < 0 || !IsIdStart(Peek())) return false;
        int k = _pos + 1;
        while (k < _end && IsIdContinue(_t[k])) k++;
        while (k < _end && (_t[k] == ' ' || _t[k] == '\t')) k++;
        if (k >= _end) return false;
        bool item = (_t[k] == '=' && (k + 1 >= _end || (_t[k + 1] != '=' && _t[k + 1] != '>'))) || _t[k] == '{' || _t[k] == '"';
        if (!item) return false;
        _pos = beforeTrivia;
        return true;
    }

    private bool LooksLikeFor()
    {
        if (!IsKeywordAt(_pos, "for")) return false;
        int k = _pos + 3;
        while (k < _end && (_t[k] == ' ' || _t[k] == '\t' || _t[k] == '\n' || _t[k] == '\r')) k++;
        return k < _end && IsIdStart(_t[k]);
    }

    private HclExpression ParseTupleOrFor()
    {
        int start = _pos;
        _pos++;
        bool saved = _newlinesAreTrivia;
        _newlinesAreTrivia = true;
        SkipTrivia();
        HclExpression result;
        if (LooksLikeFor()) result = ParseFor(start, isObject: false);
        else
        {
            var items = new List<HclExpression>();
            while (true)
            {
                int beforeTrivia = _pos;
                SkipTrivia();
                if (Peek() == ']' || AtEnd) break;
                if (StartsNextBodyItem(beforeTrivia)) break;
                int before = _pos;
                items.Add(ParseExpression());
                int afterItem = _pos;
                SkipTrivia();
                if (Peek() == ',')
                {
                    _pos++;
                    continue;
                }
                if (Peek() == ']' || _pos == before || StartsNextBodyItem(afterItem)) break;
                Error(_pos, _pos + 1, "Expected ',' or ']' in the tuple, found " + Describe(_pos) + ".");
                break;
            }
            Expect(']', "to close the tuple");
            result = new HclTupleExpression(S(start, _pos), items);
        }
        _newlinesAreTrivia = saved;
        return result;
    }

    private HclExpression ParseObjectOrFor()
    {
        int start = _pos;
        _pos++;
        bool saved = _newlinesAreTrivia;
        SkipTriviaAndNewlines();
        if (LooksLikeFor())
        {
            _newlinesAreTrivia = true;
            var f = ParseFor(start, isObject: true);
            _newlinesAreTrivia = saved;
            return f;
        }
        _newlinesAreTrivia = false;
        var items = new List<HclObjectItem>();
        while (true)
        {
            SkipTriviaAndNewlines();
            if (Peek() == '}' || AtEnd) break;
            int before = _pos;
            var key = ParseBinary(0);
            SkipTrivia();
            if ((Peek() == '=' && Peek(1) != '=' && Peek(1) != '>') || Peek() == ':') _pos++;
            else
            {
                Error(_pos, _pos + 1, "Expected '=' or ':' after the object key, found " + Describe(_pos) + ".");
                SkipToNextLine();
                if (_pos == before) _pos++;
                continue;
            }
            SkipTriviaAndNewlines();
            var value = ParseExpression();
            items.Add(new HclObjectItem(Join(key, value), key, value));
            SkipTrivia();
            if (Peek() == ',') _pos++;
            else if (!AtEnd && !AtNewline && Peek() != '}')
            {
                Error(_pos, _pos + 1, "Expected a newline or ',' after the object item, found " + Describe(_pos) + ".");
                SkipToNextLine();
            }
        }
        if (Peek() == '}') _pos++;
        else Error(start, start + 1, "Unclosed object: missing '}'.");
        _newlinesAreTrivia = saved;
        return new HclObjectExpression(S(start, _pos), items);
    }

    private HclExpression ParseFor(int start, bool isObject)
    {
        char close = isObject ? '}' : ']';
        _pos += 3;
        SkipTrivia();
        string? keyVar = null;
        string valueVar = IsIdStart(Peek()) ? ReadIdentifier() : "";
        SkipTrivia();
        if (Peek() == ',')
        {
            _pos++;
            SkipTrivia();
            keyVar = valueVar;
            valueVar = IsIdStart(Peek()) ? ReadIdentifier() : "";
            SkipTrivia();
        }
        if (valueVar.Length == 0) Error(_pos, _pos + 1, "Expected a variable name in the 'for' expression.");
        HclExpression collection;
        if (IsKeywordAt(_pos, "in"))
        {
            _pos += 2;
            SkipTrivia();
            collection = ParseExpression();
        }
        else
        {
            Error(_pos, _pos + 1, "Expected 'in' in the 'for' expression, found " + Describe(_pos) + ".");
            collection = new HclErrorExpression(S(_pos, _pos));
        }
        SkipTrivia();
        HclExpression? keyResult = null;
        HclExpression valueResult;
        bool grouping = false;
        HclExpression? condition = null;
        if (Expect(':', "after the 'for' collection"))
        {
            SkipTrivia();
            if (isObject)
            {
                keyResult = ParseExpression();
                SkipTrivia();
                if (Peek() == '=' && Peek(1) == '>')
                {
                    _pos += 2;
                    SkipTrivia();
                }
                else Error(_pos, _pos + 1, "Expected '=>' in the object 'for' expression, found " + Describe(_pos) + ".");
            }
            valueResult = ParseExpression();
            SkipTrivia();
            if (isObject && Peek() == '.' && Peek(1) == '.' && Peek(2) == '.')
            {
                grouping = true;
                _pos += 3;
                SkipTrivia();
            }
            if (IsKeywordAt(_pos, "if"))
            {
                _pos += 2;
                SkipTrivia();
                condition = ParseExpression();
                SkipTrivia();
            }
        }
        else valueResult = new HclErrorExpression(S(_pos, _pos));
        Expect(close, "to close the 'for' expression");
        return new HclForExpression(S(start, _pos), isObject, keyVar, valueVar, collection, keyResult, valueResult, grouping, condition);
    }

    // ---------------------------------------------------------------- templates

    private HclExpression ParseHeredoc()
    {
        int start = _pos;
        _pos += 2;
        bool flush = false;
        if (Peek() == '-')
        {
            flush = true;
            _pos++;
        }
        if (!IsIdStart(Peek()))
        {
            Error(start, _pos + 1, "Expected a heredoc marker name after '<<'.");
            return new HclErrorExpression(S(start, _pos));
        }
        string marker = ReadIdentifier();
        if (Peek() == '\r' && Peek(1) == '\n') _pos += 2;
        else if (Peek() == '\n') _pos++;
        else
        {
            Error(start, _pos, "A heredoc marker must be followed by a newline.");
            return new HclErrorExpression(S(start, _pos));
        }
        int contentStart = _pos;
        int lineStart = _pos;
        int contentEnd = -1, closeEnd = -1;
        while (lineStart <= _end)
        {
            int lineEnd = _t.IndexOf('\n', lineStart, _end - lineStart);
            if (lineEnd < 0) lineEnd = _end;
            int k = lineStart;
            while (k < lineEnd && (_t[k] == ' ' || _t[k] == '\t')) k++;
            int e = lineEnd;
            while (e > k && (_t[e - 1] == '\r' || _t[e - 1] == ' ' || _t[e - 1] == '\t')) e--;
            if (e - k == marker.Length && string.CompareOrdinal(_t, k, marker, 0, marker.Length) == 0)
            {
                contentEnd = lineStart;
                closeEnd = e;
                break;
            }
            if (lineEnd >= _end) break;
            lineStart = lineEnd + 1;
        }
        if (contentEnd < 0)
        {
            Error(start, contentStart, "Unterminated heredoc: no line closes \"" + marker + "\".");
            contentEnd = _end;
            closeEnd = _end;
        }
        int savedEnd = _end;
        _end = contentEnd;
        _pos = contentStart;
        var parts = ParseTemplateParts(quoted: false, flush);
        _end = savedEnd;
        _pos = closeEnd;
        return new HclTemplateExpression(S(start, closeEnd), parts, isHeredoc: true, isFlushHeredoc: flush);
    }

    /// <summary>Template over the whole remaining text (a JSON string value).</summary>
    public List<HclTemplatePart> ParseTemplateToEnd() => ParseTemplateParts(quoted: false);

    private enum RawKind { Literal, Interpolation, If, Else, EndIf, For, EndFor }

    /// <summary>Where template text that is only text ends: the first quote, escape, sequence start or line end.</summary>
    private int PlainRunEnd(int from)
    {
        while (from < _end)
        {
            char r = _t[from];
            if (r == '$' || r == '%' || r == '"' || r == '\\' || r == '\n' || r == '\r') break;
            from++;
        }
        return from;
    }

    private sealed class RawPart
    {
        public RawKind Kind;
        public int Start, End;
        public bool StripLeft, StripRight, AtLineStart;
        public HclTemplateLiteral? Literal;
        public HclExpression? Expression;
        public string? KeyVar, ValueVar;
    }

    /// <summary>
    /// Reads template text up to the closing quote (quoted) or to the end (heredoc content, JSON strings), then
    /// applies strip markers and nests the if/for directives.
    /// </summary>
    private List<HclTemplatePart> ParseTemplateParts(bool quoted, bool flush = false)
    {
        // Most quoted strings are plain text up to their closing quote (no escape, no template sequence, no line end):
        // one literal, read in one pass without the general reader's builders and part lists.
        if (quoted)
        {
            int stop = PlainRunEnd(_pos);
            if (stop < _end && _t[stop] == '"')
            {
                var plain = new List<HclTemplatePart>(1);
                if (stop > _pos) plain.Add(new HclTemplateLiteral(S(_pos, stop), StringTable.Substring(_t, _pos, stop - _pos)));
                _pos = stop;
                return plain;
            }
        }
        var raw = new List<RawPart>();
        var sb = new StringBuilder();
        int litStart = _pos;
        // A literal with no escape is its source text: one substring, not a builder's chunks and then their copy (an
        // unterminated 8 MB heredoc is one literal). `sb` holds the value only once an escape has changed it.
        bool verbatim = true;

        StringBuilder Changed()
        {
            if (verbatim)
            {
                sb.Append(_t, litStart, _pos - litStart);
                verbatim = false;
            }
            return sb;
        }

        void Flush()
        {
            if (_pos > litStart)
                raw.Add(new RawPart { Kind = RawKind.Literal, Start = litStart, End = _pos, Literal = new HclTemplateLiteral(S(litStart, _pos), verbatim ? StringTable.Substring(_t, litStart, _pos - litStart) : sb.ToString()) });
            sb.Clear();
            verbatim = true;
        }

        while (true)
        {
            if (_pos >= _end)
            {
                if (quoted) Error(litStart, _pos, "Unterminated string: missing the closing '\"'.");
                break;
            }
            char c = _t[_pos];
            if (quoted && c == '"') break;
            if (quoted && (c == '\n' || (c == '\r' && Peek(1) == '\n')))
            {
                Error(_pos, _pos + 1, "Unterminated string: a quoted string cannot contain a newline.");
                break;
            }
            char n = Peek(1);
            if ((c == '$' || c == '%') && n == c && Peek(2) == '{')
            {
                Changed().Append(c).Append('{');
                _pos += 3;
                continue;
            }
            if ((c == '$' || c == '%') && n == '{')
            {
                Flush();
                raw.Add(c == '$' ? ParseInterpolation() : ParseDirective());
                litStart = _pos;
                continue;
            }
            if (quoted && c == '\\')
            {
                ParseEscape(Changed());
                continue;
            }
            int run = PlainRunEnd(_pos + 1);
            if (!verbatim) sb.Append(_t, _pos, run - _pos);
            _pos = run;
        }
        Flush();
        if (flush) RemoveCommonIndent(raw);

        // Strip markers: "~" trims the whitespace of the literal next to it.
        for (int i = 0; i < raw.Count; i++)
        {
            var p = raw[i];
            if (p.StripLeft && i > 0 && raw[i - 1].Literal is { } before) before.Value = before.Value.TrimEnd(' ', '\t', '\r', '\n');
            if (p.StripRight && i + 1 < raw.Count && raw[i + 1].Literal is { } after) after.Value = after.Value.TrimStart(' ', '\t', '\r', '\n');
        }
        raw.RemoveAll(p => p.Literal is { Value.Length: 0 });
        int index = 0;
        return Nest(raw, ref index, RawKind.Literal);
    }

    /// <summary>
    /// <c>&lt;&lt;-</c> heredocs: remove the smallest indentation of the non-blank lines from every line. A line that
    /// starts with a template sequence has no indentation. Literal values change; their spans stay on the raw text.
    /// </summary>
    private static void RemoveCommonIndent(List<RawPart> raw)
    {
        int min = int.MaxValue;
        WalkLineStarts(raw, (v, i, isLast) =>
        {
            int k = i;
            while (k < v.Length && (v[k] == ' ' || v[k] == '\t')) k++;
            bool blank = k < v.Length ? v[k] == '\n' || v[k] == '\r' : isLast;
            if (!blank) min = Math.Min(min, k - i);
        }, () => min = 0);
        if (min == 0 || min == int.MaxValue) return;
        foreach (var p in raw)
        {
            if (p.Literal is null) continue;
            p.Literal.Value = Dedent(p.Literal.Value, min, p.AtLineStart);
        }
    }

    private static string Dedent(string v, int count, bool startsAtLineStart)
    {
        var sb = new StringBuilder(v.Length);
        int i = 0;
        bool lineStart = startsAtLineStart;
        while (i < v.Length)
        {
            if (lineStart)
            {
                int k = 0;
                while (k < count && i < v.Length && (v[i] == ' ' || v[i] == '\t'))
                {
                    i++;
                    k++;
                }
            }
            int nl = v.IndexOf('\n', i);
            if (nl < 0)
            {
                sb.Append(v, i, v.Length - i);
                break;
            }
            sb.Append(v, i, nl + 1 - i);
            i = nl + 1;
            lineStart = true;
        }
        return sb.ToString();
    }

    /// <summary>Calls <paramref name="literalLine"/> for each line start inside a literal, <paramref name="sequenceLine"/> when a sequence starts a line.</summary>
    private static void WalkLineStarts(List<RawPart> raw, Action<string, int, bool> literalLine, Action sequenceLine)
    {
        bool lineStart = true;
        for (int idx = 0; idx < raw.Count; idx++)
        {
            var p = raw[idx];
            if (p.Literal is null)
            {
                if (lineStart) sequenceLine();
                lineStart = false;
                continue;
            }
            p.AtLineStart = lineStart;
            string v = p.Literal.Value;
            int i = 0;
            while (true)
            {
                if (lineStart) literalLine(v, i, idx == raw.Count - 1);
                int nl = v.IndexOf('\n', i);
                if (nl < 0)
                {
                    lineStart = false;
                    break;
                }
                i = nl + 1;
                lineStart = true;
                if (i == v.Length) break;
            }
        }
    }

    private List<HclTemplatePart> Nest(List<RawPart> raw, ref int i, RawKind until)
    {
        var parts = new List<HclTemplatePart>();
        while (i < raw.Count)
        {
            var p = raw[i];
            switch (p.Kind)
            {
                case RawKind.Literal:
                    parts.Add(p.Literal!);
                    i++;
                    break;
                case RawKind.Interpolation:
                    parts.Add(new HclTemplateInterpolation(S(p.Start, p.End), p.Expression!, p.StripLeft, p.StripRight));
                    i++;
                    break;
                case RawKind.If:
                {
                    i++;
                    var then = Nest(raw, ref i, RawKind.EndIf);
                    List<HclTemplatePart>? @else = null;
                    if (i < raw.Count && raw[i].Kind == RawKind.Else)
                    {
                        i++;
                        @else = Nest(raw, ref i, RawKind.EndIf);
                    }
                    int end = p.End;
                    if (i < raw.Count && raw[i].Kind == RawKind.EndIf)
                    {
                        end = raw[i].End;
                        i++;
                    }
                    else Error(p.Start, p.End, "This %{if} has no matching %{endif}.");
                    parts.Add(new HclTemplateIf(S(p.Start, end), p.Expression!, then, @else));
                    break;
                }
                case RawKind.For:
                {
                    i++;
                    var body = Nest(raw, ref i, RawKind.EndFor);
                    int end = p.End;
                    if (i < raw.Count && raw[i].Kind == RawKind.EndFor)
                    {
                        end = raw[i].End;
                        i++;
                    }
                    else Error(p.Start, p.End, "This %{for} has no matching %{endfor}.");
                    parts.Add(new HclTemplateFor(S(p.Start, end), p.KeyVar, p.ValueVar ?? "", p.Expression!, body));
                    break;
                }
                default:
                    // else / endif / endfor: closes the construct we are in, or is stray.
                    if (until == RawKind.EndIf && (p.Kind == RawKind.Else || p.Kind == RawKind.EndIf)) return parts;
                    if (until == RawKind.EndFor && p.Kind == RawKind.EndFor) return parts;
                    Error(p.Start, p.End, "Unexpected template directive with no matching opening directive.");
                    i++;
                    break;
            }
        }
        return parts;
    }

    private void ParseEscape(StringBuilder sb)
    {
        int start = _pos;
        char e = Peek(1);
        _pos += 2;
        switch (e)
        {
            case 'n': sb.Append('\n'); return;
            case 'r': sb.Append('\r'); return;
            case 't': sb.Append('\t'); return;
            case '"': sb.Append('"'); return;
            case '\\': sb.Append('\\'); return;
            case 'u':
            case 'U':
            {
                int digits = e == 'u' ? 4 : 8;
                int value = 0, k = 0;
                for (; k < digits && _pos < _end; k++)
                {
                    int h = Hex.Value(_t[_pos]);
                    if (h < 0) break;
                    value = value * 16 + h;
                    _pos++;
                }
                if (k != digits || value > 0x10FFFF)
                {
                    Error(start, _pos, "Invalid Unicode escape sequence.");
                    return;
                }
                if (value >= 0xD800 && value <= 0xDFFF) sb.Append('\uFFFD');
                else sb.Append(char.ConvertFromUtf32(value));
                return;
            }
            default:
                if (e == '\0' || e == '\n' || e == '\r') _pos = Math.Min(_pos - 1, _end);
                Error(start, Math.Min(start + 2, _end), "Invalid escape sequence; backslash must be followed by n, r, t, \", \\, u or U.");
                return;
        }
    }

    private RawPart ParseInterpolation()
    {
        var part = new RawPart { Kind = RawKind.Interpolation, Start = _pos };
        _pos += 2;
        bool saved = _newlinesAreTrivia;
        _newlinesAreTrivia = true;
        if (Peek() == '~')
        {
            part.StripLeft = true;
            _pos++;
        }
        SkipTrivia();
        part.Expression = ParseExpression();
        SkipTrivia();
        CloseTemplateSequence(part);
        _newlinesAreTrivia = saved;
        part.End = _pos;
        return part;
    }

    private void CloseTemplateSequence(RawPart part)
    {
        if (Peek() == '~')
        {
            part.StripRight = true;
            _pos++;
        }
        if (Peek() == '}')
        {
            _pos++;
            return;
        }
        Error(_pos, _pos + 1, "Expected '}' to close the template sequence, found " + Describe(_pos) + ".");
        // Resume after the next '}' on this line, if any.
        int k = _pos;
        while (k < _end && _t[k] != '}' && _t[k] != '\n' && _t[k] != '"') k++;
        if (k < _end && _t[k] == '}') _pos = k + 1;
    }

    private RawPart ParseDirective()
    {
        var part = new RawPart { Start = _pos };
        _pos += 2;
        bool saved = _newlinesAreTrivia;
        _newlinesAreTrivia = true;
        if (Peek() == '~')
        {
            part.StripLeft = true;
            _pos++;
        }
        SkipTrivia();
        if (IsKeywordAt(_pos, "if"))
        {
            part.Kind = RawKind.If;
            _pos += 2;
            SkipTrivia();
            part.Expression = ParseExpression();
        }
        else if (IsKeywordAt(_pos, "else")) { part.Kind = RawKind.Else; _pos += 4; }
        else if (IsKeywordAt(_pos, "endif")) { part.Kind = RawKind.EndIf; _pos += 5; }
        else if (IsKeywordAt(_pos, "endfor")) { part.Kind = RawKind.EndFor; _pos += 6; }
        else if (IsKeywordAt(_pos, "for"))
        {
            part.Kind = RawKind.For;
            _pos += 3;
            SkipTrivia();
            string first = IsIdStart(Peek()) ? ReadIdentifier() : "";
            SkipTrivia();
            if (Peek() == ',')
            {
                _pos++;
                SkipTrivia();
                part.KeyVar = first;
                first = IsIdStart(Peek()) ? ReadIdentifier() : "";
                SkipTrivia();
            }
            part.ValueVar = first;
            if (first.Length == 0) Error(_pos, _pos + 1, "Expected a variable name in the %{for} directive.");
            if (IsKeywordAt(_pos, "in"))
            {
                _pos += 2;
                SkipTrivia();
                part.Expression = ParseExpression();
            }
            else
            {
                Error(_pos, _pos + 1, "Expected 'in' in the %{for} directive, found " + Describe(_pos) + ".");
                part.Expression = new HclErrorExpression(S(_pos, _pos));
            }
        }
        else
        {
            Error(part.Start, _pos + 1, "Expected if, else, endif, for or endfor in the template directive.");
            part.Kind = RawKind.Interpolation;
            part.Expression = new HclErrorExpression(S(_pos, _pos));
        }
        SkipTrivia();
        CloseTemplateSequence(part);
        _newlinesAreTrivia = saved;
        part.End = _pos;
        return part;
    }
}
