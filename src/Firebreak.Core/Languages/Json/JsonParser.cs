using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Json;

/// <summary>
/// A small RFC 8259 parser that keeps a span on every value and member name and never throws: errors become
/// diagnostics and parsing resumes at the next member or item. Nesting deeper than <see cref="MaxDepth"/> is skipped.
/// </summary>
public sealed class JsonParser
{
    public const int MaxDepth = 128;
    private const int MaxDiagnostics = 200;

    private readonly string _t;
    private readonly bool _jsonc;
    private readonly List<SyntaxDiagnostic> _diagnostics = new();
    private readonly List<CommentTrivia> _comments = new();
    private int _pos;
    private int _depth;

    private JsonParser(string text, bool jsonc)
    {
        _t = text;
        _jsonc = jsonc;
    }

    /// <param name="allowComments">
    /// JSON with comments, as VS Code, Claude Code, Cursor and tsconfig read it: <c>//</c> and <c>/* */</c> comments
    /// (kept, so that suppressions can live in them) and trailing commas are accepted.
    /// </param>
    public static JsonDocument Parse(string text, bool allowComments = false)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var p = new JsonParser(text, allowComments);
        p.SkipWhitespace();
        if (p._pos < text.Length && text[p._pos] == '\uFEFF') p._pos++;
        p.SkipWhitespace();
        JsonValue? root = null;
        if (p._pos >= text.Length) p.Error(p._pos, p._pos, "The JSON document is empty.");
        else
        {
            root = p.ParseValue();
            p.SkipWhitespace();
            if (p._pos < text.Length) p.Error(p._pos, p._pos + 1, "Unexpected text after the JSON value.");
        }
        return new JsonDocument(text, root, p._diagnostics) { Comments = p._comments };
    }

    private void Error(int start, int end, string message)
    {
        end = Math.Min(Math.Max(start, end), _t.Length);
        start = Math.Min(start, _t.Length);
        if (_diagnostics.Count < MaxDiagnostics) _diagnostics.Add(new SyntaxDiagnostic(TextSpan.FromBounds(start, end), message));
    }

    private char Peek => _pos < _t.Length ? _t[_pos] : '\0';

    private string Describe() => _pos >= _t.Length ? "end of text" : "'" + _t[_pos] + "'";

    private void SkipWhitespace()
    {
        while (_pos < _t.Length)
        {
            char c = _t[_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') _pos++;
            else if (_jsonc && c == '/' && _pos + 1 < _t.Length && (_t[_pos + 1] == '/' || _t[_pos + 1] == '*')) SkipComment();
            else return;
        }
    }

    private void SkipComment()
    {
        int start = _pos;
        if (_t[_pos + 1] == '/')
        {
            int end = _t.IndexOf('\n', _pos);
            _pos = end < 0 ? _t.Length : end;
            _comments.Add(new CommentTrivia(TextSpan.FromBounds(start, _pos), _t.Substring(start + 2, _pos - start - 2).TrimEnd('\r')));
            return;
        }
        int close = _t.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            Error(start, start + 2, "Unclosed comment: missing '*/'.");
            _pos = _t.Length;
            return;
        }
        _pos = close + 2;
        _comments.Add(new CommentTrivia(TextSpan.FromBounds(start, _pos), _t.Substring(start + 2, close - start - 2)));
    }

    private JsonValue ParseValue()
    {
        WorkBudget.Charge(Budget.Nodes);
        int start = _pos;
        char c = Peek;
        switch (c)
        {
            case '{':
            case '[':
                if (_depth >= MaxDepth)
                {
                    Error(start, start + 1, "JSON nesting is too deep; the rest of this value is skipped.");
                    SkipBalanced();
                    return new JsonError(TextSpan.FromBounds(start, _pos));
                }
                _depth++;
                var v = c == '{' ? ParseObject() : (JsonValue)ParseArray();
                _depth--;
                return v;
            case '"':
                return ParseString();
            case 't':
                return Keyword("true", new JsonBoolean(new TextSpan(start, 4), true));
            case 'f':
                return Keyword("false", new JsonBoolean(new TextSpan(start, 5), false));
            case 'n':
                return Keyword("null", new JsonNull(new TextSpan(start, 4)));
        }
        if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber();
        Error(start, start + 1, "Expected a JSON value, found " + Describe() + ".");
        if (_pos < _t.Length && c != ',' && c != '}' && c != ']') _pos++;
        return new JsonError(TextSpan.FromBounds(start, _pos));
    }

    private JsonValue Keyword(string word, JsonValue value)
    {
        if (string.CompareOrdinal(_t, _pos, word, 0, word.Length) == 0)
        {
            _pos += word.Length;
            return value;
        }
        int start = _pos;
        while (_pos < _t.Length && char.IsLetterOrDigit(_t[_pos])) _pos++;
        if (_pos == start) _pos++;
        Error(start, _pos, "Expected a JSON value, found '" + _t.Substring(start, _pos - start) + "'.");
        return new JsonError(TextSpan.FromBounds(start, _pos));
    }

    private void SkipBalanced()
    {
        int level = 0;
        while (_pos < _t.Length)
        {
            char c = _t[_pos];
            if (c == '"')
            {
                ParseString();
                continue;
            }
            _pos++;
            if (c == '{' || c == '[') level++;
            else if ((c == '}' || c == ']') && --level == 0) return;
        }
    }

    private JsonObject ParseObject()
    {
        int start = _pos;
        _pos++;
        var members = new List<JsonMember>();
        while (true)
        {
            SkipWhitespace();
            if (Peek == '}')
            {
                if (!_jsonc && members.Count > 0 && _t[LastNonWhitespace(_pos - 1)] == ',') Error(_pos - 1, _pos, "Trailing comma in object.");
                _pos++;
                break;
            }
            if (_pos >= _t.Length)
            {
                Error(start, start + 1, "Unclosed object: missing '}'.");
                break;
            }
            if (Peek != '"')
            {
                Error(_pos, _pos + 1, "Expected a member name in quotes, found " + Describe() + ".");
                if (!Recover('}')) break;
                continue;
            }
            var name = ParseString();
            SkipWhitespace();
            JsonValue value;
            if (Peek == ':')
            {
                _pos++;
                SkipWhitespace();
                value = ParseValue();
            }
            else
            {
                Error(_pos, _pos + 1, "Expected ':' after the member name, found " + Describe() + ".");
                value = new JsonError(new TextSpan(_pos, 0));
            }
            members.Add(new JsonMember(TextSpan.FromBounds(name.Span.Start, Math.Max(name.Span.End, value.Span.End)), name.Value, name.Span, value));
            SkipWhitespace();
            if (Peek == ',')
            {
                _pos++;
                continue;
            }
            if (Peek == '}') continue;
            if (_pos >= _t.Length) continue;
            Error(_pos, _pos + 1, "Expected ',' or '}' in the object, found " + Describe() + ".");
            if (!Recover('}')) break;
        }
        return new JsonObject(TextSpan.FromBounds(start, _pos), members);
    }

    private int LastNonWhitespace(int i)
    {
        while (i > 0 && (_t[i] == ' ' || _t[i] == '\t' || _t[i] == '\n' || _t[i] == '\r')) i--;
        return i;
    }

    /// <summary>Skips to just after the next ',' at this level, or to the closer (not consumed); false at the end.</summary>
    private bool Recover(char closer)
    {
        while (_pos < _t.Length)
        {
            char c = _t[_pos];
            if (c == ',')
            {
                _pos++;
                return true;
            }
            if (c == closer) return true;
            if (c == '}' || c == ']') return false;
            if (c == '"') ParseString();
            else if (c == '{' || c == '[') SkipBalanced();
            else _pos++;
        }
        return false;
    }

    private JsonArray ParseArray()
    {
        int start = _pos;
        _pos++;
        var items = new List<JsonValue>();
        while (true)
        {
            SkipWhitespace();
            if (Peek == ']')
            {
                if (!_jsonc && items.Count > 0 && _t[LastNonWhitespace(_pos - 1)] == ',') Error(_pos - 1, _pos, "Trailing comma in array.");
                _pos++;
                break;
            }
            if (_pos >= _t.Length)
            {
                Error(start, start + 1, "Unclosed array: missing ']'.");
                break;
            }
            int before = _pos;
            items.Add(ParseValue());
            SkipWhitespace();
            if (Peek == ',')
            {
                _pos++;
                continue;
            }
            if (Peek == ']' || _pos >= _t.Length) continue;
            Error(_pos, _pos + 1, "Expected ',' or ']' in the array, found " + Describe() + ".");
            if (!Recover(']') && _pos == before) break;
        }
        return new JsonArray(TextSpan.FromBounds(start, _pos), items);
    }

    private JsonString ParseString()
    {
        int start = _pos;
        _pos++;
        int runStart = _pos;
        StringBuilder? sb = null;
        while (true)
        {
            if (_pos >= _t.Length || _t[_pos] == '\n')
            {
                Error(start, _pos, "Unterminated string.");
                break;
            }
            char c = _t[_pos];
            if (c == '"') break;
            if (c != '\\')
            {
                _pos++;
                continue;
            }
            sb ??= new StringBuilder();
            sb.Append(_t, runStart, _pos - runStart);
            int escStart = _pos;
            char e = _pos + 1 < _t.Length ? _t[_pos + 1] : '\0';
            _pos += 2;
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 <= _t.Length && int.TryParse(_t.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        sb.Append((char)code);
                        _pos += 4;
                    }
                    else Error(escStart, Math.Min(_pos, _t.Length), "Invalid \\u escape.");
                    break;
                default:
                    _pos = Math.Min(_pos, _t.Length);
                    Error(escStart, _pos, "Invalid escape sequence.");
                    break;
            }
            runStart = _pos;
        }
        int end = Math.Min(_pos, _t.Length);
        string value;
        if (sb is null) value = _t.Substring(start + 1, end - start - 1);
        else value = sb.Append(_t, runStart, Math.Max(0, end - runStart)).ToString();
        if (_pos < _t.Length && _t[_pos] == '"') _pos++;
        return new JsonString(TextSpan.FromBounds(start, _pos), value, sb != null);
    }

    private JsonValue ParseNumber()
    {
        int start = _pos;
        if (Peek == '-') _pos++;
        int digits = _pos;
        while (_pos < _t.Length && char.IsDigit(_t[_pos]) && _t[_pos] < 128) _pos++;
        bool ok = _pos > digits;
        if (ok && Peek == '.')
        {
            _pos++;
            int f = _pos;
            while (_pos < _t.Length && _t[_pos] >= '0' && _t[_pos] <= '9') _pos++;
            ok = _pos > f;
        }
        if (ok && (Peek == 'e' || Peek == 'E'))
        {
            _pos++;
            if (Peek == '+' || Peek == '-') _pos++;
            int x = _pos;
            while (_pos < _t.Length && _t[_pos] >= '0' && _t[_pos] <= '9') _pos++;
            ok = _pos > x;
        }
        string text = _t.Substring(start, _pos - start);
        if (!ok || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            if (_pos == start) _pos++;
            Error(start, _pos, "Invalid number.");
            return new JsonError(TextSpan.FromBounds(start, _pos));
        }
        return new JsonNumber(TextSpan.FromBounds(start, _pos), text, value);
    }
}
