using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Firebreak.Core.Catalogs;

/// <summary>
/// Loads catalogue YAML (ours and users') into YamlDotNet's representation model. Catalogues are written in a plain
/// block style — mappings, sequences, quoted and plain one-line scalars, one-line flow collections, <c>|</c> and
/// <c>|-</c> block scalars — which a line-based reader builds many times faster than YamlDotNet's general scanner: a
/// guard decision loads every catalogue, and that load was most of its time. Anything outside that subset (anchors,
/// tags, multi-line plain or quoted scalars, folded scalars, tabs, directives) makes the reader give up, and YamlDotNet
/// reads the text instead, so the subset decides speed, never meaning: on every text it accepts it builds the tree
/// YamlDotNet builds (tested on every shipped catalogue). Its nodes carry no positions, so a reader that rejects a
/// catalogue is run again on YamlDotNet's tree, whose errors name the line.
/// </summary>
public static class CatalogYaml
{
    /// <summary>Reads <paramref name="yaml"/> with <paramref name="read"/>, given the first document's root (null for none).</summary>
    /// <exception cref="FormatException">The text is not YAML, or <paramref name="read"/> rejects it.</exception>
    public static T Read<T>(string yaml, string sourceName, Func<YamlNode?, T> read)
    {
        if (TryParse(yaml, out var root))
        {
            try
            {
                return read(root);
            }
            catch (FormatException)
            {
                // Fall through: YamlDotNet's tree has the line numbers the error message needs.
            }
        }
        return read(Parse(yaml, sourceName));
    }

    /// <summary>The value of a scalar entry of a catalogue mapping, or null when absent or not a scalar.</summary>
    public static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>
    /// The entries of a catalogue's top-level list <paramref name="section"/>: each a mapping with a unique, non-empty
    /// <c>id</c> and no key outside <paramref name="knownKeys"/>, with where it is (<c>file:line (id)</c>) for messages.
    /// </summary>
    public static IEnumerable<(YamlMappingNode Entry, string Where, string Id)> Entries(YamlNode? document, string section, string sourceName, ICollection<string> knownKeys)
    {
        if (document is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode(section), out var list) || list is not YamlSequenceNode items)
            throw new FormatException($"{sourceName}: expected a top-level '{section}:' list");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in items)
        {
            if (node is not YamlMappingNode entry) throw new FormatException($"{sourceName}:{node.Start.Line}: an entry must be a mapping");
            string where = $"{sourceName}:{entry.Start.Line}";
            string id = Scalar(entry, "id") is { Length: > 0 } found ? found : throw new FormatException($"{where}: 'id' is required");
            where += $" ({id})";
            if (!ids.Add(id)) throw new FormatException($"{where}: duplicate id '{id}'");
            foreach (var key in entry.Children.Keys)
                if (key is YamlScalarNode k && !knownKeys.Contains(k.Value ?? string.Empty))
                    throw new FormatException($"{where}: unknown key '{k.Value}'");
            yield return (entry, where, id);
        }
    }

    /// <summary>A scalar entry that must be there and not be empty.</summary>
    public static string Required(YamlMappingNode map, string key, string where) =>
        Scalar(map, key) is { Length: > 0 } value ? value : throw new FormatException($"{where}: missing '{key}'");

    /// <summary><c>true</c> or <c>false</c>; <paramref name="fallback"/> when absent; anything else is an error naming the entry.</summary>
    public static bool Bool(YamlMappingNode map, string key, bool fallback, string where) => Scalar(map, key) switch
    {
        null => fallback,
        "true" => true,
        "false" => false,
        var other => throw new FormatException($"{where}: '{key}' must be true or false, not '{other}'"),
    };

    /// <summary>An entry written as one string or a list of them: its non-empty strings, in order.</summary>
    public static IReadOnlyList<string> Strings(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node)) return Array.Empty<string>();
        return node switch
        {
            YamlSequenceNode seq => NonEmptyScalars(seq),
            YamlScalarNode { Value: { Length: > 0 } value } => new[] { value },
            _ => Array.Empty<string>(),
        };
    }

    /// <summary>The non-empty scalar items of a catalogue list, in order (other items are left out).</summary>
    public static IReadOnlyList<string> NonEmptyScalars(YamlSequenceNode sequence)
    {
        var values = new List<string>(sequence.Children.Count);
        foreach (var item in sequence.Children)
            if (item is YamlScalarNode { Value: { Length: > 0 } value }) values.Add(value);
        return values.Count == 0 ? Array.Empty<string>() : values.ToArray();
    }

    /// <summary>YamlDotNet's reading of the first document, errors as <see cref="FormatException"/>.</summary>
    public static YamlNode? Parse(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{sourceName}: {e.Message}", e);
        }
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>The subset reader: true with the tree when the whole text is in the subset, false when it is not.</summary>
    public static bool TryParse(string yaml, out YamlNode? root)
    {
        root = null;
        var reader = new SubsetReader(yaml);
        if (!reader.Split()) return false;
        reader.SkipInsignificant();
        if (reader.AtEnd) return true; // no document
        var node = reader.Block(0);
        reader.SkipInsignificant();
        if (node is null || !reader.AtEnd) return false;
        root = node;
        return true;
    }

    private sealed class SubsetReader
    {
        private readonly string _text;
        private readonly List<int> _starts = new();
        private readonly List<int> _ends = new();
        private int[] _indent = Array.Empty<int>();
        private int[] _content = Array.Empty<int>();
        private int _line;

        public SubsetReader(string text) => _text = text;

        public bool AtEnd => _line >= _starts.Count;

        /// <summary>Splits lines; refuses tabs in indentation, directives and document markers.</summary>
        public bool Split()
        {
            int i = 0;
            if (_text.Length > 0 && _text[0] == '\uFEFF') i = 1;
            while (i <= _text.Length)
            {
                int end = _text.IndexOf('\n', i);
                if (end < 0) end = _text.Length;
                int e = end > i && _text[end - 1] == '\r' ? end - 1 : end;
                _starts.Add(i);
                _ends.Add(e);
                if (end >= _text.Length) break;
                i = end + 1;
            }
            _indent = new int[_starts.Count];
            _content = new int[_starts.Count];
            for (int l = 0; l < _starts.Count; l++)
            {
                int p = _starts[l];
                while (p < _ends[l] && _text[p] == ' ') p++;
                if (p < _ends[l] && _text[p] == '\t') return false;
                _indent[l] = p - _starts[l];
                _content[l] = p;
                if (p == _starts[l] && p < _ends[l] && (_text[p] == '%' || StartsWith(p, _ends[l], "---") || StartsWith(p, _ends[l], "..."))) return false;
            }
            return true;
        }

        private bool StartsWith(int p, int end, string s) => end - p >= s.Length && string.CompareOrdinal(_text, p, s, 0, s.Length) == 0;

        private bool Blank(int l) => _content[l] >= _ends[l] || _text[_content[l]] == '#';

        public void SkipInsignificant()
        {
            while (_line < _starts.Count && Blank(_line)) _line++;
        }

        /// <summary>A block node whose first line is the current one, at indentation <paramref name="indent"/>.</summary>
        public YamlNode? Block(int indent)
        {
            int p = _content[_line];
            if (_indent[_line] != indent) return null;
            if (IsItem(p, _ends[_line])) return Sequence(indent);
            return Mapping(indent);
        }

        private bool IsItem(int p, int end) => _text[p] == '-' && (p + 1 == end || _text[p + 1] == ' ');

        private YamlSequenceNode? Sequence(int indent)
        {
            var items = new List<YamlNode>();
            while (true)
            {
                SkipInsignificant();
                if (AtEnd || _indent[_line] < indent) break;
                int p = _content[_line], end = _ends[_line];
                if (_indent[_line] != indent || !IsItem(p, end)) return _indent[_line] > indent ? null : new YamlSequenceNode(items);
                int q = p + 1;
                while (q < end && _text[q] == ' ') q++;
                YamlNode? item;
                if (q >= end || _text[q] == '#')
                {
                    _line++;
                    item = Nested(indent);
                }
                else if (KeyEnd(q, end) >= 0)
                {
                    // "- key: value": a mapping whose indentation is the column of its first key.
                    _indent[_line] = q - _starts[_line];
                    _content[_line] = q;
                    item = Mapping(_indent[_line]);
                }
                else
                {
                    item = Value(q, end, indent);
                }
                if (item is null) return null;
                items.Add(item);
            }
            return new YamlSequenceNode(items);
        }

        private YamlMappingNode? Mapping(int indent)
        {
            var map = new YamlMappingNode();
            while (true)
            {
                SkipInsignificant();
                if (AtEnd || _indent[_line] < indent) break;
                int p = _content[_line], end = _ends[_line];
                if (_indent[_line] != indent || IsItem(p, end)) return null;
                int colon = KeyEnd(p, end);
                if (colon < 0) return null;
                var key = Key(p, colon);
                if (key is null) return null;
                int q = colon + 1;
                while (q < end && _text[q] == ' ') q++;
                YamlNode? value;
                if (q >= end || _text[q] == '#')
                {
                    _line++;
                    value = Nested(indent, sequenceMayShareIndent: true);
                }
                else
                {
                    value = Value(q, end, indent);
                }
                if (value is null) return null;
                try
                {
                    map.Add(key, value);
                }
                catch (ArgumentException)
                {
                    return null; // duplicate key: YamlDotNet's error, with its line
                }
            }
            return map;
        }

        /// <summary>The value of an empty <c>key:</c> or <c>-</c>: a deeper block, a sequence at the key's own indentation, or an empty scalar.</summary>
        private YamlNode? Nested(int indent, bool sequenceMayShareIndent = false)
        {
            SkipInsignificant();
            if (!AtEnd && _indent[_line] > indent) return Block(_indent[_line]);
            if (!AtEnd && sequenceMayShareIndent && _indent[_line] == indent && IsItem(_content[_line], _ends[_line])) return Sequence(indent);
            return new YamlScalarNode(string.Empty) { Style = ScalarStyle.Plain };
        }

        /// <summary>The position of the colon ending a key at <paramref name="p"/>, or -1 when the line is not <c>key: …</c>.</summary>
        private int KeyEnd(int p, int end)
        {
            char c = _text[p];
            if (c == '\'' || c == '"')
            {
                int close = QuotedEnd(p, end);
                if (close < 0) return -1;
                int k = close;
                while (k < end && _text[k] == ' ') k++;
                return k < end && _text[k] == ':' && (k + 1 == end || _text[k + 1] == ' ') ? k : -1;
            }
            if ("[]{}&*!|>%@`#,?-:".IndexOf(c) >= 0) return -1;
            for (int k = p; k < end; k++)
            {
                char ch = _text[k];
                if (ch == ':' && (k + 1 == end || _text[k + 1] == ' ')) return k;
                if (ch == '#' && _text[k - 1] == ' ') return -1;
            }
            return -1;
        }

        private YamlScalarNode? Key(int p, int colon)
        {
            char c = _text[p];
            if (c == '\'' || c == '"') return Quoted(p, QuotedEnd(p, colon + 1), out _);
            string key = _text.Substring(p, colon - p).TrimEnd(' ');
            return key.Length == 0 ? null : new YamlScalarNode(key) { Style = ScalarStyle.Plain };
        }

        /// <summary>A scalar or flow collection that starts at <paramref name="p"/> on the current line, or a block scalar.</summary>
        private YamlNode? Value(int p, int end, int indent)
        {
            char c = _text[p];
            YamlNode? node;
            int after;
            switch (c)
            {
                case '|':
                    return Literal(p, end, indent);
                case '>': case '&': case '*': case '!': case '%': case '@': case '`': case '?': case ']': case '}': case ',':
                    return null;
                case '-' when IsItem(p, end):
                    return null;
                case '[': case '{':
                    after = p;
                    node = Flow(ref after, end, 0);
                    break;
                case '\'': case '"':
                    after = QuotedEnd(p, end);
                    if (after < 0) return null;
                    node = Quoted(p, after, out _);
                    break;
                default:
                    node = Plain(p, end, out after);
                    break;
            }
            if (node is null || !RestIsComment(after, end)) return null;
            _line++;
            // A deeper line after a one-line value would continue it (a multi-line plain scalar): not in the subset.
            SkipInsignificant();
            if (!AtEnd && _indent[_line] > indent) return null;
            return node;
        }

        private bool RestIsComment(int p, int end)
        {
            int k = p;
            while (k < end && _text[k] == ' ') k++;
            return k >= end || (_text[k] == '#' && k > 0 && _text[k - 1] == ' ');
        }

        private YamlScalarNode? Plain(int p, int end, out int after)
        {
            int k = p;
            while (k < end)
            {
                char ch = _text[k];
                if (ch == '#' && k > p && _text[k - 1] == ' ') break;
                if (ch == ':' && (k + 1 == end || _text[k + 1] == ' ')) { after = k; return null; }
                k++;
            }
            after = k;
            string value = _text.Substring(p, k - p).TrimEnd(' ');
            return new YamlScalarNode(value) { Style = ScalarStyle.Plain };
        }

        /// <summary>The position just after the closing quote of a one-line quoted scalar at <paramref name="p"/>, or -1.</summary>
        private int QuotedEnd(int p, int end)
        {
            char q = _text[p];
            for (int k = p + 1; k < end; k++)
            {
                char ch = _text[k];
                if (q == '\'' && ch == '\'')
                {
                    if (k + 1 < end && _text[k + 1] == '\'') { k++; continue; }
                    return k + 1;
                }
                if (q == '"')
                {
                    if (ch == '\\') { k++; continue; }
                    if (ch == '"') return k + 1;
                }
            }
            return -1;
        }

        private YamlScalarNode? Quoted(int p, int after, out bool ok)
        {
            ok = false;
            if (after < 0) return null;
            char q = _text[p];
            var sb = new StringBuilder(after - p);
            for (int k = p + 1; k < after - 1; k++)
            {
                char ch = _text[k];
                if (q == '\'')
                {
                    if (ch == '\'') k++;
                    sb.Append(ch);
                    continue;
                }
                if (ch != '\\')
                {
                    sb.Append(ch);
                    continue;
                }
                char e = _text[++k];
                switch (e)
                {
                    case '\\': case '"': case '/': sb.Append(e); break;
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case '0': sb.Append('\0'); break;
                    case ' ': sb.Append(' '); break;
                    case 'u':
                        if (k + 4 >= after - 1 || !int.TryParse(_text.Substring(k + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code)) return null;
                        if (char.IsSurrogate((char)code)) return null;
                        sb.Append((char)code);
                        k += 4;
                        break;
                    default:
                        return null;
                }
            }
            ok = true;
            return new YamlScalarNode(sb.ToString()) { Style = q == '\'' ? ScalarStyle.SingleQuoted : ScalarStyle.DoubleQuoted };
        }

        /// <summary>A one-line flow collection: <c>[a, 'b', {k: v}]</c>.</summary>
        private YamlNode? Flow(ref int p, int end, int depth)
        {
            if (depth > 32) return null;
            char open = _text[p];
            char close = open == '[' ? ']' : '}';
            p++;
            var items = new List<YamlNode>();
            var map = open == '{' ? new YamlMappingNode() : null;
            while (true)
            {
                SkipSpaces(ref p, end);
                if (p >= end) return null;
                if (_text[p] == close)
                {
                    p++;
                    return map ?? (YamlNode)new YamlSequenceNode(items);
                }
                var first = FlowScalarOrCollection(ref p, end, depth, key: map is not null);
                if (first is null) return null;
                SkipSpaces(ref p, end);
                if (map is not null)
                {
                    if (p >= end || _text[p] != ':' || first is not YamlScalarNode) return null;
                    p++;
                    if (p < end && _text[p] != ' ') return null;
                    SkipSpaces(ref p, end);
                    var value = FlowScalarOrCollection(ref p, end, depth, key: false);
                    if (value is null) return null;
                    try
                    {
                        map.Add(first, value);
                    }
                    catch (ArgumentException)
                    {
                        return null;
                    }
                    SkipSpaces(ref p, end);
                }
                else
                {
                    if (p < end && _text[p] == ':') return null; // a single-pair mapping inside a sequence
                    items.Add(first);
                }
                if (p < end && _text[p] == ',')
                {
                    p++;
                    SkipSpaces(ref p, end);
                    if (p < end && _text[p] == close) return null; // a trailing comma: left to YamlDotNet
                    continue;
                }
                if (p < end && _text[p] == close) continue;
                return null;
            }
        }

        private void SkipSpaces(ref int p, int end)
        {
            while (p < end && _text[p] == ' ') p++;
        }

        private YamlNode? FlowScalarOrCollection(ref int p, int end, int depth, bool key)
        {
            char c = _text[p];
            if (c == '[' || c == '{') return Flow(ref p, end, depth + 1);
            if (c == '\'' || c == '"')
            {
                int after = QuotedEnd(p, end);
                var node = Quoted(p, after, out _);
                p = after;
                return node;
            }
            if ("]},#&*!|>%@`?".IndexOf(c) >= 0) return null;
            int k = p;
            while (k < end)
            {
                char ch = _text[k];
                if (ch == ',' || ch == ']' || ch == '}' || ch == '[' || ch == '{') break;
                if (ch == ':' && (k + 1 == end || _text[k + 1] == ' ' || _text[k + 1] == ',' || _text[k + 1] == ']' || _text[k + 1] == '}')) break;
                if (ch == '#' && _text[k - 1] == ' ') return null;
                k++;
            }
            if (k < end && (_text[k] == '[' || _text[k] == '{')) return null;
            if (k < end && _text[k] == ':' && !key) return null;
            string value = _text.Substring(p, k - p).TrimEnd(' ');
            if (value.Length == 0) return null;
            p = k;
            return new YamlScalarNode(value) { Style = ScalarStyle.Plain };
        }

        /// <summary><c>|</c> or <c>|-</c>: the more-indented lines that follow, joined by line feeds.</summary>
        private YamlNode? Literal(int p, int end, int indent)
        {
            bool strip;
            if (p + 1 == end || _text[p + 1] == ' ') strip = false;
            else if (_text[p + 1] == '-' && (p + 2 == end || _text[p + 2] == ' ')) strip = true;
            else return null;
            if (!RestIsComment(strip ? p + 2 : p + 1, end)) return null;
            _line++;
            int first = _line;
            while (first < _starts.Count && _content[first] >= _ends[first]) first++;
            if (first >= _starts.Count || _indent[first] <= indent)
            {
                // An empty block scalar: not worth the subset.
                return null;
            }
            int contentIndent = _indent[first];
            var lines = new List<string>();
            int l = _line;
            for (; l < _starts.Count; l++)
            {
                if (_content[l] >= _ends[l])
                {
                    // A blank line: kept, unless it is trailing (decided below). Spaces beyond the indentation would be content.
                    if (_ends[l] - _starts[l] > contentIndent) return null;
                    lines.Add(string.Empty);
                    continue;
                }
                if (_indent[l] < contentIndent)
                {
                    if (_indent[l] > indent) return null;
                    break;
                }
                lines.Add(_text.Substring(_starts[l] + contentIndent, _ends[l] - _starts[l] - contentIndent));
            }
            if (!strip && l >= _starts.Count && !_text.EndsWith("\n", StringComparison.Ordinal)) return null; // no final line break to clip
            int count = lines.Count;
            while (count > 0 && lines[count - 1].Length == 0) count--;
            string value = string.Join("\n", lines.GetRange(0, count));
            if (!strip) value += "\n";
            // Trailing blank lines belong to nothing; the next significant line starts after them.
            _line = l;
            return new YamlScalarNode(value) { Style = ScalarStyle.Literal };
        }
    }
}
