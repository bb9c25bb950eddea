using System;
using System.Collections.Generic;
using System.Text;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Yaml;

/// <summary>
/// Reads the YAML nearly every configuration file is written in — block mappings and sequences of plain, quoted and
/// block scalars, comments, <c>---</c> between documents, one-line flow lists — into the same tree, spans included, that
/// <see cref="YamlParser"/> builds from YamlDotNet's events, several times faster and with a fraction of the garbage.
/// Anything outside that subset (anchors, aliases, tags, multi-line plain or quoted scalars, flow mappings, tabs, CR,
/// directives, explicit block indentation, deep nesting, a syntax error, more nodes than the file's budget allows) makes
/// it give up, and YamlDotNet reads the file: the reader never has to be right about YAML it does not understand.
/// Tested against YamlDotNet on every YAML file of the test fixtures, mutations of them, and the benchmark corpus
/// (<c>YamlBlockReaderTests</c>).
/// </summary>
internal sealed class YamlBlockReader
{
    /// <summary>Longer simple keys are an error for YamlDotNet (1,024 characters).</summary>
    private const int MaxKeyLength = 1000;

    // One per thread: an exception object thrown on two threads at once has its stack trace written by both.
    [ThreadStatic] private static GiveUp? t_giveUp;

    private static GiveUp Unsupported => t_giveUp ??= new GiveUp();

    private readonly string _text;
    private readonly List<YamlComment> _comments = new();
    private readonly List<YamlNode> _items = new();
    private readonly List<YamlPair> _pairs = new();
    private StringBuilder? _builder;

    // The current content token: the first non-space character of the next line that is neither blank nor a comment.
    // _col is its column, or -1 at the end of the text (_at = length) and on a `---` line (_at = its first dash).
    private int _at;
    private int _col;

    // Nodes made, collections among them (each is two events, a start and an end), documents, nesting.
    private int _nodes;
    private int _collections;
    private int _documents;
    private int _depth;

    private readonly long _limit;

    private YamlBlockReader(string text, long limit)
    {
        _text = text;
        _limit = limit;
    }

    /// <summary>
    /// The events YamlDotNet's parser produces for the tree so far: the stream's start and end, each document's, each
    /// scalar, each collection's start and end, each comment (it drops the stream's end when comments alone precede it).
    /// </summary>
    private long Events => (_documents == 0 && _comments.Count > 0 ? 1 : 2) + 2L * _documents + _nodes + _collections + _comments.Count;

    /// <summary>The file's tree, or null when the file is outside the subset this reader handles exactly.</summary>
    /// <param name="limit">At most this many events and nodes: past it the reader stops building and gives up.</param>
    /// <param name="events">How many parser events YamlDotNet would have produced (the node budget's unit).</param>
    public static YamlFile? TryRead(string text, long limit, out long events)
    {
        events = 0;
        if (!PlainCharacters(text)) return null;
        var reader = new YamlBlockReader(text, limit);
        try
        {
            var documents = reader.ReadStream();
            events = reader.Events;
            if (events > limit) return null;
            return new YamlFile(documents, reader._comments, Array.Empty<SyntaxDiagnostic>());
        }
        catch (GiveUp)
        {
            return null;
        }
    }

    /// <summary>Only characters YamlDotNet reads as printable and none that need care: no CR, NEL, line or paragraph
    /// separators, byte order mark, surrogates or control characters (tab aside).</summary>
    private static bool PlainCharacters(string text)
    {
        foreach (char c in text)
        {
            if ((uint)(c - ' ') <= '~' - ' ' || c == '\n' || c == '\t') continue;
            bool fine = (c >= '\u00A0' && c <= '\uD7FF' && c != '\u2028' && c != '\u2029') || (c >= '\uE000' && c <= '\uFFFD' && c != '\uFEFF');
            if (!fine) return false;
        }
        return true;
    }

    private sealed class GiveUp : Exception
    {
    }

    private IReadOnlyList<YamlDocument> ReadStream()
    {
        var documents = new List<YamlDocument>(1);
        Advance(0);
        if (_col >= 0) documents.Add(ReadDocument()); // a first document without `---`
        while (_at < _text.Length)
        {
            // At `---`; a comment at most after it on its line.
            Advance(RestOfLine(_at + 3));
            if (_col >= 0)
            {
                documents.Add(ReadDocument());
                continue;
            }
            // Nothing before the next `---` or the end: YamlDotNet's empty scalar stands where its look-ahead stopped,
            // after the next marker or at the end.
            _documents++;
            int at = _at >= _text.Length ? _text.Length : _at + 3;
            documents.Add(new YamlDocument(Scalar(new YamlScalar(new TextSpan(at, 0), string.Empty, YamlScalarStyle.Plain, null, null))));
        }
        return documents;
    }

    private YamlDocument ReadDocument()
    {
        _documents++;
        var root = ReadBlockNode(_col);
        if (_col >= 0) throw Unsupported; // content after the root at a smaller indentation
        return new YamlDocument(root);
    }

    /// <summary>
    /// After a token ending at <paramref name="p"/>: spaces, then a comment (recorded; it needs a space before it) or
    /// nothing up to the line's end; anything else gives up. Returns the next line's start.
    /// </summary>
    private int RestOfLine(int p)
    {
        p = SkipSpaces(p);
        if (p >= _text.Length) return p;
        if (_text[p] == '#')
        {
            if (p == 0 || _text[p - 1] != ' ') throw Unsupported; // `"a"#b`, `|#`
            return AddComment(p);
        }
        if (_text[p] != '\n') throw Unsupported;
        return p + 1;
    }

    /// <summary>
    /// Moves to the next content token from <paramref name="p"/> (a line's start): blank lines are skipped and comment
    /// lines recorded. Sets <see cref="_at"/> and <see cref="_col"/>.
    /// </summary>
    private void Advance(int p)
    {
        string text = _text;
        while (p < text.Length)
        {
            int start = p;
            while (p < text.Length && text[p] == ' ') p++;
            if (p >= text.Length)
            {
                break;
            }
            char c = text[p];
            if (c == '\n')
            {
                p++;
                continue;
            }
            if (c == '\t') throw Unsupported;
            if (c == '#')
            {
                p = AddComment(p);
                continue;
            }
            int col = p - start;
            if (col == 0 && (c == '-' || c == '.') && p + 2 < text.Length && text[p + 1] == c && text[p + 2] == c)
            {
                // `---` starts a document; `...`, or `---` with more on the word, is left to YamlDotNet.
                if (c == '.' || !Blank(p + 3)) throw Unsupported;
                _at = p;
                _col = -1;
                return;
            }
            if (col == 0 && c == '%') throw Unsupported; // a directive
            _at = p;
            _col = col;
            return;
        }
        _at = text.Length;
        _col = -1;
    }

    /// <summary>Records the comment whose <c>#</c> is at <paramref name="hash"/>; returns the next line's start.</summary>
    private int AddComment(int hash)
    {
        int lineEnd = _text.IndexOf('\n', hash);
        if (lineEnd < 0) lineEnd = _text.Length;
        int textStart = hash + 1;
        while (textStart < lineEnd && _text[textStart] == ' ') textStart++;
        _comments.Add(new YamlComment(TextSpan.FromBounds(hash, lineEnd), _text.Substring(textStart, lineEnd - textStart)));
        if (Events > _limit) throw Unsupported;
        return lineEnd < _text.Length ? lineEnd + 1 : lineEnd;
    }

    private int SkipSpaces(int p)
    {
        while (p < _text.Length && _text[p] == ' ') p++;
        if (p < _text.Length && _text[p] == '\t') throw Unsupported;
        return p;
    }

    /// <summary>The block collection whose first token is the current one, at column <paramref name="col"/>.</summary>
    private YamlNode ReadBlockNode(int col)
    {
        if (IsEntry(_at)) return ReadSequence(col, indentless: false);
        if (TryReadKey(_at, out int colon) is { } key) return ReadMapping(col, key, colon);
        throw Unsupported; // a scalar on a line of its own (a root scalar, a value on the next line)
    }

    /// <summary>Each level of nesting is a call: deep nesting is left to YamlDotNet's reading, which stops at its
    /// depth limit with a note.</summary>
    private void Enter()
    {
        if (++_depth > YamlParser.MaxDepth) throw Unsupported;
    }

    /// <summary>A sequence entry indicator: <c>-</c> followed by a space, a break or the end.</summary>
    private bool IsEntry(int p) => _text[p] == '-' && Blank(p + 1);

    /// <summary>A space, a break or the end (a tab gives up: YAML allows it in some places and not others).</summary>
    private bool Blank(int p)
    {
        if (p >= _text.Length) return true;
        char c = _text[p];
        if (c == '\t') throw Unsupported;
        return c is ' ' or '\n';
    }

    /// <summary>A block mapping at column <paramref name="col"/> whose first key, already read, starts at the current
    /// token (its colon at <paramref name="colon"/>).</summary>
    private YamlMapping ReadMapping(int col, YamlScalar key, int colon)
    {
        Enter();
        int start = _at;
        int pairsBase = _pairs.Count;
        while (true)
        {
            var value = ReadValue(colon + 1, col);
            _pairs.Add(new YamlPair(key, value));
            if (_col > col) throw Unsupported;
            if (_col < col) break;
            key = TryReadKey(_at, out colon) ?? throw Unsupported;
        }
        var pairs = TakeFrom(_pairs, pairsBase);
        _depth--;
        return Collection(new YamlMapping(TextSpan.FromBounds(start, Math.Max(_at, start)), pairs, null, null));
    }

    /// <summary>A block sequence at column <paramref name="col"/>; an indentless one ends at its mapping's next key.</summary>
    private YamlSequence ReadSequence(int col, bool indentless)
    {
        Enter();
        int start = _at;
        int itemsBase = _items.Count;
        // Inside the entries YamlDotNet's indentation is the sequence's column: an indentless sequence (a mapping's value
        // at the mapping's own column) opens no level of its own, and stands at the mapping's column anyway.
        while (true)
        {
            if (_col != col || !IsEntry(_at)) break;
            int dash = _at;
            int p = dash + 1;
            int content = SkipSpaces(p);
            YamlNode item;
            if (content >= _text.Length || _text[content] == '\n' || _text[content] == '#')
            {
                Advance(RestOfLine(content));
                if (_col > col) item = ReadBlockNode(_col);
                else item = Scalar(new YamlScalar(new TextSpan(dash + 1, 0), string.Empty, YamlScalarStyle.Plain, null, null));
            }
            else if (IsEntry(content))
            {
                throw Unsupported; // `- - x`
            }
            else if (TryReadKey(content, out int colon) is { } key)
            {
                // `- key: value`: a mapping at the key's column, its further keys on the lines below.
                _at = content;
                item = ReadMapping(col + content - dash, key, colon);
            }
            else
            {
                item = ReadInlineValue(content, col);
            }
            _items.Add(item);
            if (_col > col) throw Unsupported;
            if (_col < col) break;
            if (!IsEntry(_at))
            {
                if (indentless) break; // the mapping's next key
                throw Unsupported;
            }
        }
        var items = TakeFrom(_items, itemsBase);
        _depth--;
        return Collection(new YamlSequence(TextSpan.FromBounds(start, Math.Max(_at, start)), items, null, null));
    }

    /// <summary>
    /// A mapping value after the <c>:</c> at <paramref name="afterColon"/> - 1, in a mapping at column
    /// <paramref name="indent"/>: on the same line, on the lines below, or empty. Leaves the cursor on the next token.
    /// </summary>
    private YamlNode ReadValue(int afterColon, int indent)
    {
        int p = SkipSpaces(afterColon);
        if (p >= _text.Length || _text[p] == '\n' || _text[p] == '#')
        {
            Advance(RestOfLine(p));
            if (_col > indent) return ReadBlockNode(_col);
            if (_col == indent && IsEntry(_at)) return ReadSequence(indent, indentless: true);
            return Scalar(new YamlScalar(new TextSpan(afterColon, 0), string.Empty, YamlScalarStyle.Plain, null, null));
        }
        return ReadInlineValue(p, indent);
    }

    /// <summary>A value that starts on its indicator's line at <paramref name="p"/>; <paramref name="indent"/> is the
    /// scanner's indentation (the enclosing collection's column).</summary>
    private YamlNode ReadInlineValue(int p, int indent)
    {
        char c = _text[p];
        YamlNode node;
        switch (c)
        {
            case '|':
            case '>':
                return ReadBlockScalar(p, indent, literal: c == '|');
            case '"':
            case '\'':
                node = ReadQuoted(p, out int end);
                Advance(RestOfLine(end));
                return node;
            case '[':
            case '{':
                node = ReadFlow(p, out end);
                Advance(RestOfLine(end));
                return node;
        }
        if (!CanStartPlain(p)) throw Unsupported;
        int stop = ScanPlain(p, out int valueEnd, out bool colon);
        if (colon) throw Unsupported; // `a: b: c`
        node = Scalar(new YamlScalar(TextSpan.FromBounds(p, valueEnd), StringTable.Substring(_text, p, valueEnd - p), YamlScalarStyle.Plain, null, null));
        // A plain scalar goes on over more-indented lines: such a line, or a more-indented comment, is left to YamlDotNet.
        int lineEnd = RestOfLine(stop);
        if (NextNonBlankIndent(lineEnd) > indent) throw Unsupported;
        Advance(lineEnd);
        return node;
    }

    /// <summary>The indentation of the next line that holds anything (a comment included), or -1 at the end.</summary>
    private int NextNonBlankIndent(int p)
    {
        while (p < _text.Length)
        {
            int start = p;
            while (p < _text.Length && _text[p] == ' ') p++;
            if (p >= _text.Length) return -1;
            if (_text[p] == '\n')
            {
                p++;
                continue;
            }
            return p - start;
        }
        return -1;
    }

    /// <summary>
    /// Whether a simple key starts at <paramref name="p"/>: a one-line plain or quoted scalar followed by <c>:</c> and a
    /// blank. Returns the colon's position, or -1.
    /// </summary>
    private int KeyColon(int p, out int keyEnd)
    {
        char c = _text[p];
        if (c == '"' || c == '\'')
        {
            keyEnd = QuotedEnd(p);
        }
        else
        {
            keyEnd = -1;
            if (!CanStartPlain(p)) return -1;
            ScanPlain(p, out int plainEnd, out bool colonFollows);
            if (!colonFollows) return -1;
            keyEnd = plainEnd;
        }
        int colon = keyEnd;
        while (colon < _text.Length && _text[colon] == ' ') colon++;
        if (colon >= _text.Length || _text[colon] != ':' || !Blank(colon + 1)) return -1;
        if (keyEnd - p > MaxKeyLength) throw Unsupported;
        return colon;
    }

    /// <summary>The key at <paramref name="p"/>, or null when the line holds none; <paramref name="colon"/> is its colon's position.</summary>
    private YamlScalar? TryReadKey(int p, out int colon)
    {
        colon = KeyColon(p, out int keyEnd);
        if (colon < 0) return null;
        char c = _text[p];
        if (c == '"' || c == '\'') return ReadQuoted(p, out _, share: true);
        return (YamlScalar)Scalar(new YamlScalar(TextSpan.FromBounds(p, keyEnd), StringTable.Substring(_text, p, keyEnd - p), YamlScalarStyle.Plain, null, null));
    }

    /// <summary>After the closing quote of the one-line quoted scalar at <paramref name="p"/>; gives up on anything else.</summary>
    private int QuotedEnd(int p)
    {
        char quote = _text[p];
        int i = p + 1;
        while (true)
        {
            if (i >= _text.Length) throw Unsupported;
            char c = _text[i];
            if (c == '\n' || c == '\t') throw Unsupported;
            if (c == quote)
            {
                if (quote == '\'' && i + 1 < _text.Length && _text[i + 1] == '\'')
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i += c == '\\' && quote == '"' ? 2 : 1;
        }
    }

    /// <summary>Whether a plain scalar may start at <paramref name="p"/> (not an indicator; <c>-</c> only before a non-blank).</summary>
    private bool CanStartPlain(int p)
    {
        char c = _text[p];
        switch (c)
        {
            case '-':
                return p + 1 < _text.Length && _text[p + 1] is not (' ' or '\n' or '\t');
            case '?': // YAML allows `?x` and `:x`; YamlDotNet rejects some of them (a key `:x:`), so they are left to it
            case ':':
                return false;
            case ',':
            case '[':
            case ']':
            case '{':
            case '}':
            case '#':
            case '&':
            case '*':
            case '!':
            case '|':
            case '>':
            case '\'':
            case '"':
            case '%':
            case '@':
            case '`':
            case ' ':
            case '\n':
            case '\t':
                return false;
            default:
                return true;
        }
    }

    /// <summary>
    /// A one-line plain scalar in block context from <paramref name="p"/>: stops at the line's end, at <c>: </c> (then
    /// <paramref name="colon"/>) or at <c> #</c>. Returns where it stopped (the <c>#</c>, the colon or the break);
    /// <paramref name="end"/> is after its last non-space character.
    /// </summary>
    private int ScanPlain(int p, out int end, out bool colon)
    {
        string text = _text;
        colon = false;
        end = p;
        int i = p;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n') break;
            if (c == '\t') throw Unsupported;
            if (c == ':' && Blank(i + 1))
            {
                colon = true;
                break;
            }
            if (c == '#' && text[i - 1] == ' ') break;
            if (c != ' ') end = i + 1;
            i++;
        }
        return i;
    }

    /// <summary>A one-line quoted scalar at <paramref name="p"/>; <paramref name="end"/> is after its closing quote.</summary>
    private YamlScalar ReadQuoted(int p, out int end, bool share = false)
    {
        char quote = _text[p];
        int i = p + 1;
        StringBuilder? value = null;
        int runStart = i;
        while (true)
        {
            if (i >= _text.Length) throw Unsupported;
            char c = _text[i];
            if (c == '\n') throw Unsupported; // a quoted scalar over several lines
            if (c == '\t') throw Unsupported;
            if (c == quote)
            {
                if (quote == '\'' && i + 1 < _text.Length && _text[i + 1] == '\'')
                {
                    value ??= Builder();
                    value.Append(_text, runStart, i + 1 - runStart);
                    i += 2;
                    runStart = i;
                    continue;
                }
                break;
            }
            if (c == '\\' && quote == '"')
            {
                value ??= Builder();
                value.Append(_text, runStart, i - runStart);
                if (i + 1 >= _text.Length) throw Unsupported;
                char e = _text[i + 1];
                int consumed = 2;
                switch (e)
                {
                    case '\\': value.Append('\\'); break;
                    case '"': value.Append('"'); break;
                    case '/': value.Append('/'); break;
                    case 'n': value.Append('\n'); break;
                    case 't': value.Append('\t'); break;
                    case 'r': value.Append('\r'); break;
                    case '0': value.Append('\0'); break;
                    case 'a': value.Append('\a'); break;
                    case 'b': value.Append('\b'); break;
                    case 'e': value.Append('\x1B'); break;
                    case 'f': value.Append('\f'); break;
                    case 'v': value.Append('\v'); break;
                    case ' ': value.Append(' '); break;
                    case 'x':
                    case 'u':
                        int digits = e == 'x' ? 2 : 4;
                        if (i + 2 + digits > _text.Length) throw Unsupported;
                        int code = 0;
                        for (int d = 0; d < digits; d++)
                        {
                            int h = Hex.Value(_text[i + 2 + d]);
                            if (h < 0) throw Unsupported;
                            code = code * 16 + h;
                        }
                        if (code >= 0xD800 && code <= 0xDFFF) throw Unsupported;
                        value.Append((char)code);
                        consumed = 2 + digits;
                        break;
                    default:
                        throw Unsupported;
                }
                i += consumed;
                runStart = i;
                continue;
            }
            i++;
        }
        end = i + 1;
        string result;
        if (value is null)
        {
            result = share ? StringTable.Substring(_text, p + 1, i - p - 1) : _text.Substring(p + 1, i - p - 1);
        }
        else
        {
            value.Append(_text, runStart, i - runStart);
            result = value.ToString();
        }
        return (YamlScalar)Scalar(new YamlScalar(TextSpan.FromBounds(p, end), result, quote == '"' ? YamlScalarStyle.DoubleQuoted : YamlScalarStyle.SingleQuoted, null, null));
    }

    private StringBuilder Builder()
    {
        var builder = _builder ??= new StringBuilder();
        builder.Clear();
        return builder;
    }

    /// <summary>
    /// A flow collection on one line: <c>{}</c>, <c>[]</c>, or a list of plain or quoted scalars. Its span ends before
    /// the closing bracket, where YamlDotNet's end event stands; <paramref name="end"/> is after the bracket.
    /// </summary>
    private YamlNode ReadFlow(int p, out int end)
    {
        char open = _text[p];
        int i = p + 1;
        if (open == '{')
        {
            if (i < _text.Length && _text[i] == '}')
            {
                end = i + 1;
                return Collection(new YamlMapping(TextSpan.FromBounds(p, i), Array.Empty<YamlPair>(), null, null));
            }
            throw Unsupported;
        }
        int itemsBase = _items.Count;
        i = SkipSpaces(i);
        if (i < _text.Length && _text[i] == ']')
        {
            end = i + 1;
            return Collection(new YamlSequence(TextSpan.FromBounds(p, i), Array.Empty<YamlNode>(), null, null));
        }
        while (true)
        {
            if (i >= _text.Length) throw Unsupported;
            char c = _text[i];
            if (c == '"' || c == '\'')
            {
                _items.Add(ReadQuoted(i, out i));
            }
            else
            {
                if (!CanStartPlain(i) || c == '-') throw Unsupported;
                int valueEnd = i;
                int j = i;
                while (j < _text.Length)
                {
                    char d = _text[j];
                    if (d is ',' or ']') break;
                    if (d is '\n' or '\t' or ':' or '#' or '[' or '{' or '}' or '"' or '\'') throw Unsupported;
                    if (d != ' ') valueEnd = j + 1;
                    j++;
                }
                _items.Add(Scalar(new YamlScalar(TextSpan.FromBounds(i, valueEnd), StringTable.Substring(_text, i, valueEnd - i), YamlScalarStyle.Plain, null, null)));
                i = j;
            }
            i = SkipSpaces(i);
            if (i >= _text.Length) throw Unsupported;
            if (_text[i] == ']') break;
            if (_text[i] != ',') throw Unsupported;
            i = SkipSpaces(i + 1);
            if (i >= _text.Length || _text[i] is ']' or ',') throw Unsupported; // a trailing or empty entry
        }
        end = i + 1;
        var items = TakeFrom(_items, itemsBase);
        return Collection(new YamlSequence(TextSpan.FromBounds(p, i), items, null, null));
    }

    /// <summary>
    /// A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar whose indicator is at <paramref name="p"/>, with its
    /// indentation found from its first line. Its span ends at the start of the first line that is not part of it.
    /// </summary>
    private YamlNode ReadBlockScalar(int p, int indent, bool literal)
    {
        string text = _text;
        int h = p + 1;
        int chomping = 0;
        if (h < text.Length && text[h] is '+' or '-')
        {
            chomping = text[h] == '+' ? 1 : -1;
            h++;
        }
        if (h < text.Length && text[h] is >= '0' and <= '9') throw Unsupported; // an explicit indentation
        int q = RestOfLine(h);

        // Leading blank lines, then the first content line's indentation.
        int lineStart = q;
        int maxBlank = 0;
        int contentIndent;
        while (true)
        {
            if (lineStart >= text.Length) throw Unsupported; // no content
            int s = lineStart;
            while (s < text.Length && text[s] == ' ') s++;
            if (s < text.Length && text[s] == '\n')
            {
                // YamlDotNet rejects a literal whose first line is blank with two spaces or more ("extra spaces in
                // first line"), whatever the indentation found after it.
                if (literal && lineStart == q && s - lineStart > 1) throw Unsupported;
                maxBlank = Math.Max(maxBlank, s - lineStart);
                lineStart = s + 1;
                continue;
            }
            if (s >= text.Length) throw Unsupported; // spaces to the end
            contentIndent = s - lineStart;
            break;
        }
        if (contentIndent <= indent || contentIndent < 1 || maxBlank > contentIndent) throw Unsupported;
        int n = contentIndent;

        var value = Builder();
        int end = q;
        int leadingBreaks = 0; // the break after the previous content line (0 or 1)
        int trailingBreaks = 0;
        bool leadingBlank = false;
        // Blank lines before the first content line count as trailing breaks.
        for (int b = q; b < lineStart; b++) if (text[b] == '\n') trailingBreaks++;
        end = lineStart;
        int line = lineStart;
        while (true)
        {
            // At a line's start: does it hold content at the block's indentation?
            int s = line;
            int limit = Math.Min(text.Length, line + n);
            while (s < limit && text[s] == ' ') s++;
            if (s - line < n || s >= text.Length) break;
            bool trailingBlank = text[s] is ' ' or '\t';
            if (!literal && leadingBreaks == 1 && !leadingBlank && !trailingBlank)
            {
                if (trailingBreaks == 0) value.Append(' ');
            }
            else
            {
                if (leadingBreaks == 1) value.Append('\n');
            }
            value.Append('\n', trailingBreaks);
            trailingBreaks = 0;
            leadingBlank = trailingBlank;
            int lineEnd = text.IndexOf('\n', s);
            if (lineEnd < 0) lineEnd = text.Length;
            value.Append(text, s, lineEnd - s);
            if (lineEnd >= text.Length)
            {
                leadingBreaks = 0;
                line = text.Length;
                end = line;
                break;
            }
            leadingBreaks = 1;
            line = lineEnd + 1;
            end = line;
            // Blank lines: at most the block's indentation of spaces, then a break.
            while (line < text.Length)
            {
                int t = line;
                int blankLimit = Math.Min(text.Length, line + n);
                while (t < blankLimit && text[t] == ' ') t++;
                if (t < text.Length && text[t] == '\n')
                {
                    trailingBreaks++;
                    line = t + 1;
                    end = line;
                    continue;
                }
                break;
            }
        }
        if (chomping != -1 && leadingBreaks == 1) value.Append('\n');
        if (chomping == 1) value.Append('\n', trailingBreaks);
        var node = Scalar(new YamlScalar(TextSpan.FromBounds(p, end), value.ToString(), literal ? YamlScalarStyle.Literal : YamlScalarStyle.Folded, null, null));
        Advance(end);
        return node;
    }

    /// <summary>The scratch list's entries from <paramref name="start"/> on, as an exact array, removed from the list
    /// (nested collections share one list, each taking its own tail).</summary>
    private static T[] TakeFrom<T>(List<T> scratch, int start)
    {
        var taken = new T[scratch.Count - start];
        scratch.CopyTo(start, taken, 0, taken.Length);
        scratch.RemoveRange(start, taken.Length);
        return taken;
    }

    private YamlNode Scalar(YamlNode node)
    {
        _nodes++;
        if (Events > _limit) throw Unsupported;
        return node;
    }

    private T Collection<T>(T node)
        where T : YamlNode
    {
        _nodes++;
        _collections++;
        if (Events > _limit) throw Unsupported;
        return node;
    }
}
