using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Bicep;

internal enum BicepTokenKind
{
    EndOfFile,
    NewLine,
    Identifier,
    Number,
    String,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    LeftParen,
    RightParen,
    Comma,
    Colon,
    DoubleColon,
    Dot,
    QuestionDot,
    Question,
    DoubleQuestion,
    Assign,
    Arrow,
    At,
    Bang,
    Pipe,
    /// <summary>A binary operator: <c>== != =~ !~ &lt; &lt;= &gt; &gt;= &amp;&amp; || + - * / %</c>.</summary>
    Operator,
    Unknown,
}

/// <summary>A string token's pieces: unescaped text runs and the source ranges of its <c>${…}</c> holes.</summary>
internal sealed class BicepStringLexeme
{
    public readonly List<string> Parts = new();
    public readonly List<TextSpan> Holes = new();
    public bool Multiline;
}

internal readonly struct BicepToken
{
    public BicepToken(BicepTokenKind kind, TextSpan span, string text, BicepStringLexeme? str = null)
    {
        Kind = kind;
        Span = span;
        Text = text;
        String = str;
    }

    public BicepTokenKind Kind { get; }
    public TextSpan Span { get; }
    public string Text { get; }
    public BicepStringLexeme? String { get; }
}

/// <summary>
/// Bicep's tokens over a range of the text (the whole file, or one <c>${…}</c> hole), with comments collected aside.
/// Never throws on malformed input: an unterminated string or comment is a diagnostic and ends where the text ends.
/// </summary>
internal sealed class BicepLexer
{
    private readonly string _t;
    private readonly int _end;
    private readonly List<SyntaxDiagnostic> _diagnostics;
    private readonly List<CommentTrivia> _comments;
    private int _pos;

    /// <summary>Strings in holes in strings…: deeper than this, the hole is read as unclosed (no real file nests so).</summary>
    private const int MaxHoleNesting = 32;

    public BicepLexer(string text, int start, int end, List<SyntaxDiagnostic> diagnostics, List<CommentTrivia> comments)
    {
        _t = text;
        _pos = start;
        _end = Math.Min(end, text.Length);
        _diagnostics = diagnostics;
        _comments = comments;
    }

    public List<BicepToken> Lex()
    {
        var tokens = new List<BicepToken>();
        while (true)
        {
            var token = Next();
            WorkBudget.Charge(Budget.Tokens);
            // Consecutive line breaks are one separator.
            if (token.Kind == BicepTokenKind.NewLine && tokens.Count > 0 && tokens[tokens.Count - 1].Kind == BicepTokenKind.NewLine) continue;
            tokens.Add(token);
            if (token.Kind == BicepTokenKind.EndOfFile) return tokens;
        }
    }

    private void Error(int start, int end, string message)
    {
        if (_diagnostics.Count < 200) _diagnostics.Add(new SyntaxDiagnostic(TextSpan.FromBounds(start, Math.Max(start, Math.Min(end, _t.Length))), message));
    }

    private char At(int i) => i < _end ? _t[i] : '\0';

    private bool AtLineStart(int i)
    {
        while (--i >= 0 && (_t[i] == ' ' || _t[i] == '\t')) { }
        return i < 0 || _t[i] == '\n' || _t[i] == '\r';
    }

    private BicepToken Next()
    {
        while (_pos < _end)
        {
            char c = _t[_pos];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') { _pos++; continue; }
            if (c == '#' && AtLineStart(_pos))
            {
                // A compiler directive (`#disable-next-line rule`, `#disable-diagnostics`): not code, not a comment.
                while (_pos < _end && _t[_pos] != '\n') _pos++;
                continue;
            }
            if (c == '/' && At(_pos + 1) == '/')
            {
                int start = _pos;
                while (_pos < _end && _t[_pos] != '\n') _pos++;
                _comments.Add(new CommentTrivia(TextSpan.FromBounds(start, _pos), _t.Substring(start + 2, _pos - start - 2).TrimEnd('\r')));
                continue;
            }
            if (c == '/' && At(_pos + 1) == '*')
            {
                int start = _pos;
                int close = _t.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (close < 0 || close + 2 > _end)
                {
                    Error(start, start + 2, "Unclosed comment: missing '*/'.");
                    _comments.Add(new CommentTrivia(TextSpan.FromBounds(start, _end), _t.Substring(start + 2, _end - start - 2)));
                    _pos = _end;
                    continue;
                }
                _comments.Add(new CommentTrivia(TextSpan.FromBounds(start, close + 2), _t.Substring(start + 2, close - start - 2)));
                _pos = close + 2;
                continue;
            }
            break;
        }
        if (_pos >= _end) return new BicepToken(BicepTokenKind.EndOfFile, new TextSpan(_end, 0), "");
        int s = _pos;
        char ch = _t[_pos];
        if (ch == '\n') { _pos++; return Token(BicepTokenKind.NewLine, s); }
        if (ch == '\'') return LexString();
        if (char.IsLetter(ch) || ch == '_')
        {
            while (_pos < _end && (char.IsLetterOrDigit(_t[_pos]) || _t[_pos] == '_')) _pos++;
            return Token(BicepTokenKind.Identifier, s);
        }
        if (ch >= '0' && ch <= '9')
        {
            while (_pos < _end && (char.IsDigit(_t[_pos]) || _t[_pos] == '.' && char.IsDigit(At(_pos + 1)))) _pos++;
            return Token(BicepTokenKind.Number, s);
        }
        char n = At(_pos + 1);
        switch (ch)
        {
            case '{': _pos++; return Token(BicepTokenKind.LeftBrace, s);
            case '}': _pos++; return Token(BicepTokenKind.RightBrace, s);
            case '[': _pos++; return Token(BicepTokenKind.LeftBracket, s);
            case ']': _pos++; return Token(BicepTokenKind.RightBracket, s);
            case '(': _pos++; return Token(BicepTokenKind.LeftParen, s);
            case ')': _pos++; return Token(BicepTokenKind.RightParen, s);
            case ',': _pos++; return Token(BicepTokenKind.Comma, s);
            case '@': _pos++; return Token(BicepTokenKind.At, s);
            case '.':
                if (n == '.' && At(_pos + 2) == '.') { _pos += 3; return Token(BicepTokenKind.Operator, s); } // spread
                if (n == '?') { _pos += 2; return Token(BicepTokenKind.QuestionDot, s); } // safe dereference `.?`
                _pos++;
                return Token(BicepTokenKind.Dot, s);
            case ':':
                if (n == ':') { _pos += 2; return Token(BicepTokenKind.DoubleColon, s); }
                _pos++;
                return Token(BicepTokenKind.Colon, s);
            case '?':
                if (n == '?') { _pos += 2; return Token(BicepTokenKind.DoubleQuestion, s); }
                _pos++;
                return Token(BicepTokenKind.Question, s);
            case '=':
                if (n == '=' || n == '~') { _pos += 2; return Token(BicepTokenKind.Operator, s); }
                if (n == '>') { _pos += 2; return Token(BicepTokenKind.Arrow, s); }
                _pos++;
                return Token(BicepTokenKind.Assign, s);
            case '!':
                if (n == '=' || n == '~') { _pos += 2; return Token(BicepTokenKind.Operator, s); }
                _pos++;
                return Token(BicepTokenKind.Bang, s);
            case '<':
            case '>':
                _pos += n == '=' ? 2 : 1;
                return Token(BicepTokenKind.Operator, s);
            case '&':
                if (n == '&') { _pos += 2; return Token(BicepTokenKind.Operator, s); }
                break;
            case '|':
                if (n == '|') { _pos += 2; return Token(BicepTokenKind.Operator, s); }
                _pos++;
                return Token(BicepTokenKind.Pipe, s);
            case '^': // `arr[^1]`: an index from the end
            case '+':
            case '-':
            case '*':
            case '/':
            case '%':
                _pos++;
                return Token(BicepTokenKind.Operator, s);
        }
        _pos++;
        Error(s, _pos, "Unexpected character '" + ch + "'.");
        return Token(BicepTokenKind.Unknown, s);
    }

    private BicepToken Token(BicepTokenKind kind, int start) => new(kind, TextSpan.FromBounds(start, _pos), _t.Substring(start, _pos - start));

    private BicepToken LexString()
    {
        int start = _pos;
        var lexeme = new BicepStringLexeme();
        if (At(_pos + 1) == '\'' && At(_pos + 2) == '\'')
        {
            // '''verbatim''': no escapes, no interpolation; a line break right after the opening quotes is not content.
            lexeme.Multiline = true;
            int contentStart = _pos + 3;
            if (At(contentStart) == '\r' && At(contentStart + 1) == '\n') contentStart += 2;
            else if (At(contentStart) == '\n') contentStart++;
            int close = _t.IndexOf("'''", contentStart, StringComparison.Ordinal);
            if (close < 0 || close + 3 > _end)
            {
                Error(start, start + 3, "Unterminated multi-line string: missing '''.");
                lexeme.Parts.Add(_t.Substring(contentStart, Math.Max(0, _end - contentStart)));
                _pos = _end;
                return new BicepToken(BicepTokenKind.String, TextSpan.FromBounds(start, _pos), _t.Substring(start, _pos - start), lexeme);
            }
            // Quotes beyond three at the end belong to the content ('''it''''' ends on the last three).
            while (At(close + 3) == '\'') close++;
            lexeme.Parts.Add(_t.Substring(contentStart, close - contentStart));
            _pos = close + 3;
            return new BicepToken(BicepTokenKind.String, TextSpan.FromBounds(start, _pos), _t.Substring(start, _pos - start), lexeme);
        }
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _end || _t[_pos] == '\n')
            {
                Error(start, _pos, "Unterminated string.");
                break;
            }
            char c = _t[_pos];
            if (c == '\'')
            {
                _pos++;
                break;
            }
            if (c == '$' && At(_pos + 1) == '{')
            {
                lexeme.Parts.Add(sb.ToString());
                sb.Clear();
                int holeStart = _pos + 2;
                int holeEnd = SkipHole(holeStart);
                lexeme.Holes.Add(TextSpan.FromBounds(holeStart, holeEnd));
                if (holeEnd >= _end)
                {
                    Error(_pos, _pos + 2, "Unclosed interpolation: missing '}'.");
                    _pos = _end;
                    break;
                }
                _pos = holeEnd + 1;
                continue;
            }
            if (c != '\\')
            {
                sb.Append(c);
                _pos++;
                continue;
            }
            char e = At(_pos + 1);
            switch (e)
            {
                case '\\': sb.Append('\\'); _pos += 2; break;
                case '\'': sb.Append('\''); _pos += 2; break;
                case 'n': sb.Append('\n'); _pos += 2; break;
                case 'r': sb.Append('\r'); _pos += 2; break;
                case 't': sb.Append('\t'); _pos += 2; break;
                case '$': sb.Append('$'); _pos += 2; break;
                case 'u' when At(_pos + 2) == '{':
                    int close = _t.IndexOf('}', _pos + 3);
                    if (close > 0 && close < _end && close - _pos - 3 is > 0 and <= 6 &&
                        int.TryParse(_t.Substring(_pos + 3, close - _pos - 3), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code) && code <= 0x10FFFF)
                    {
                        sb.Append(char.ConvertFromUtf32(code >= 0xD800 && code <= 0xDFFF ? 0xFFFD : code));
                        _pos = close + 1;
                    }
                    else
                    {
                        Error(_pos, _pos + 2, "Invalid \\u{…} escape.");
                        _pos += 2;
                    }
                    break;
                default:
                    Error(_pos, _pos + 2, "Unknown escape sequence '\\" + e + "'.");
                    sb.Append(e);
                    _pos += e == '\0' ? 1 : 2;
                    break;
            }
        }
        lexeme.Parts.Add(sb.ToString());
        return new BicepToken(BicepTokenKind.String, TextSpan.FromBounds(start, _pos), _t.Substring(start, _pos - start), lexeme);
    }

    /// <summary>From just inside <c>${</c>, the position of the matching <c>}</c> (or the range end): nested strings, objects and holes skipped.</summary>
    private int SkipHole(int i, int level = 0)
    {
        if (level > MaxHoleNesting) return _end;
        int depth = 0;
        while (i < _end)
        {
            char c = _t[i];
            if (c == '\'')
            {
                i = SkipNestedString(i, level);
                continue;
            }
            if (c == '{') depth++;
            else if (c == '}')
            {
                if (depth == 0) return i;
                depth--;
            }
            i++;
        }
        return _end;
    }

    private int SkipNestedString(int i, int level)
    {
        i++;
        while (i < _end && _t[i] != '\n')
        {
            char c = _t[i];
            if (c == '\\') { i += 2; continue; }
            if (c == '\'') return i + 1;
            if (c == '$' && i + 1 < _end && _t[i + 1] == '{')
            {
                i = SkipHole(i + 2, level + 1) + 1;
                continue;
            }
            i++;
        }
        return i;
    }
}
