using System.Collections.Generic;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Shell;

/// <summary>
/// One shell word (an argument, an assignment value, a redirection target) as its quoting and expansion parts.
/// A word is static when it contains no expansion; its value is then the text the shell would pass to the program.
/// </summary>
public sealed class ShellWord : ShellNode
{
    private readonly string _source;
    private bool _decoded;
    private string? _value;
    private OffsetMap? _map;

    internal ShellWord(string source, TextSpan span, IReadOnlyList<ShellWordPart> parts) : base(span)
    {
        _source = source;
        Parts = parts;
    }

    public IReadOnlyList<ShellWordPart> Parts { get; }

    /// <summary>The word as written, quotes included.</summary>
    public string RawText => _source.Substring(Span.Start, Span.Length);

    /// <summary>True when the word has no parameter, command, arithmetic or process expansion.</summary>
    public bool IsStatic => StaticValue != null;

    /// <summary>The value with quotes removed and escapes resolved, or null when the word is dynamic.</summary>
    public string? StaticValue
    {
        get
        {
            EnsureDecoded();
            return _value;
        }
    }

    public bool TryGetStaticValue(out string value)
    {
        value = StaticValue ?? string.Empty;
        return _value != null;
    }

    /// <summary>
    /// The source span of the characters [start, start+length) of <see cref="StaticValue"/>: a flag inside a quoted
    /// word, an escaped character with its backslash. Returns the word's span when the word is dynamic.
    /// </summary>
    public TextSpan MapValueSpan(int start, int length)
    {
        EnsureMap();
        if (_value == null || _map == null) return Span;
        if (start >= _value.Length) return new TextSpan(Span.End, 0);
        if (length <= 0) return new TextSpan(_map.Start(start), 0);
        int last = System.Math.Min(start + length, _value.Length) - 1;
        return TextSpan.FromBounds(_map.Start(start), _map.End(last));
    }

    /// <summary>The static text before the first expansion (<c>--context=</c> of <c>--context=$CTX</c>); the whole value when static.</summary>
    public string LiteralPrefix => GetLiteralPrefix(out _);

    internal string GetLiteralPrefix(out OffsetMap map)
    {
        if (TryGetValueMap(out var value, out map)) return value;
        var decoder = new ShellWordDecoder(_source);
        decoder.DecodePrefix(Parts);
        map = decoder.Offsets;
        return decoder.Text;
    }

    /// <summary>
    /// The word as the text a nested shell would see (<c>bash -c "rm $DIR"</c>): static parts resolved, parameters kept as
    /// written, command substitutions (already run by this shell) replaced by the dynamic placeholder <c>$_</c>.
    /// </summary>
    internal string GetReparseText(out OffsetMap map)
    {
        // A static word reads to a nested shell exactly as its value (the decoding is the same part by part): share
        // the value and its map rather than decode a second copy.
        if (TryGetValueMap(out var value, out map)) return value;
        var decoder = new ShellWordDecoder(_source);
        decoder.DecodeForReparse(Parts);
        map = decoder.Offsets;
        return decoder.Text;
    }

    /// <summary>For static words: per value character, the source start and end of the text that produced it.</summary>
    internal bool TryGetValueMap(out string value, out OffsetMap map)
    {
        EnsureMap();
        value = _value ?? string.Empty;
        map = _map ?? OffsetMap.Empty;
        return _value != null;
    }

    private void EnsureDecoded()
    {
        if (_decoded) return;
        _decoded = true;
        // Fast path, most words: one unquoted literal run without backslashes is its own value, shared with the equal
        // words before it (program names and flags repeat: `-f`, `rm`, `kubectl`).
        if (IsPlainLiteral())
        {
            _value = StringTable.Substring(_source, Parts[0].Span.Start, Parts[0].Span.Length);
            return;
        }
        if (!AllStatic(Parts)) return;
        var decoder = new ShellWordDecoder(_source, recordOffsets: false);
        decoder.DecodeParts(Parts);
        _value = decoder.Text;
    }

    private bool IsPlainLiteral() =>
        Parts.Count == 1 && Parts[0] is ShellLiteralPart literal && _source.IndexOf('\\', literal.Span.Start, literal.Span.Length) < 0;

    private static bool AllStatic(IReadOnlyList<ShellWordPart> parts)
    {
        for (int i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part is ShellDoubleQuotedPart dq)
            {
                if (!AllStatic(dq.Parts)) return false;
            }
            else if (part is not (ShellLiteralPart or ShellSingleQuotedPart or ShellAnsiCQuotedPart))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Source offsets per value character, computed only when a caller maps into the value.</summary>
    private void EnsureMap()
    {
        EnsureDecoded();
        if (_value == null || _map != null) return;
        if (IsPlainLiteral())
        {
            _map = OffsetMap.Contiguous(Parts[0].Span.Start, _value.Length);
            return;
        }
        var decoder = new ShellWordDecoder(_source);
        decoder.DecodeParts(Parts);
        _map = decoder.Offsets;
    }

    public override string ToString() => RawText;
}

/// <summary>Resolves quotes and escapes of static parts, recording where each value character came from.</summary>
internal sealed class ShellWordDecoder
{
    private readonly string _source;

    private readonly bool _recordOffsets;

    public ShellWordDecoder(string source, bool recordOffsets = true)
    {
        _source = source;
        _recordOffsets = recordOffsets;
    }

    // While every character so far is the next source character (a quoted literal without escapes: most of them), the
    // value is that source run, taken as one substring at the end; the builder is filled only once a character differs.
    // An 8 MB `psql -c "…"` is then one copy of its text, not builder chunks and their copy.
    private StringBuilder? _value; // made when the first character differs from its source
    private bool _contiguous = true;
    private int _runStart;
    private int _runLength;

    private OffsetMap? _offsets;

    /// <summary>Where each character came from; empty when the decoder was made not to record it.</summary>
    public OffsetMap Offsets => _offsets ??= new OffsetMap();

    /// <summary>The decoded text.</summary>
    public string Text => !_contiguous ? _value!.ToString() : _runLength == 0 ? string.Empty : _source.Substring(_runStart, _runLength);

    private void Add(char c, int start, int end)
    {
        if (_recordOffsets) Offsets.Add(start, end);
        if (_contiguous)
        {
            if (end == start + 1 && _source[start] == c && (_runLength == 0 || start == _runStart + _runLength))
            {
                if (_runLength++ == 0) _runStart = start;
                return;
            }
            _contiguous = false;
            _value = new StringBuilder(_runLength + 16);
            if (_runLength > 0) _value.Append(_source, _runStart, _runLength);
        }
        _value!.Append(c);
    }

    public bool DecodeParts(IReadOnlyList<ShellWordPart> parts)
    {
        for (int i = 0; i < parts.Count; i++)
            if (!DecodePart(parts[i])) return false;
        return true;
    }

    /// <summary>Decodes static parts up to the first dynamic one; returns false when it stopped early.</summary>
    public bool DecodePrefix(IReadOnlyList<ShellWordPart> parts)
    {
        foreach (var part in parts)
        {
            if (part is ShellDoubleQuotedPart dq)
            {
                if (!DecodePrefix(dq.Parts)) return false;
            }
            else if (!DecodePart(part))
            {
                return false;
            }
        }
        return true;
    }

    public void DecodeForReparse(IReadOnlyList<ShellWordPart> parts)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case ShellDoubleQuotedPart dq:
                    DecodeForReparse(dq.Parts);
                    break;
                case ShellParameterPart:
                case ShellArithmeticPart:
                    for (int i = part.Span.Start; i < part.Span.End; i++) Add(_source[i], i, i + 1);
                    break;
                case ShellCommandSubstitutionPart:
                case ShellProcessSubstitutionPart:
                case ShellArrayPart:
                    Add('$', part.Span.Start, part.Span.End);
                    Add('_', part.Span.Start, part.Span.End);
                    break;
                default:
                    DecodePart(part);
                    break;
            }
        }
    }

    private bool DecodePart(ShellWordPart part)
    {
        switch (part)
        {
            case ShellLiteralPart literal:
                DecodeLiteral(literal.Span, literal.Quoting);
                return true;
            case ShellSingleQuotedPart single:
                for (int i = single.ContentSpan.Start; i < single.ContentSpan.End; i++) Add(_source[i], i, i + 1);
                return true;
            case ShellAnsiCQuotedPart ansi:
                DecodeAnsiC(ansi.ContentSpan);
                return true;
            case ShellDoubleQuotedPart dq:
                return DecodeParts(dq.Parts);
            default:
                return false;
        }
    }

    private void DecodeLiteral(TextSpan span, ShellLiteralQuoting quoting)
    {
        int end = span.End;
        for (int i = span.Start; i < end; i++)
        {
            char c = _source[i];
            if (c != '\\' || i + 1 >= end)
            {
                Add(c, i, i + 1);
                continue;
            }
            char next = _source[i + 1];
            if (next == '\n')
            {
                i++; // line continuation: contributes nothing
                continue;
            }
            if (next == '\r' && i + 2 < end && _source[i + 2] == '\n')
            {
                i += 2;
                continue;
            }
            bool escapes = quoting switch
            {
                ShellLiteralQuoting.Unquoted => true,
                ShellLiteralQuoting.DoubleQuoted => next is '$' or '`' or '"' or '\\',
                _ => next is '$' or '`' or '\\',
            };
            if (escapes)
            {
                Add(next, i, i + 2);
                i++;
            }
            else
            {
                Add(c, i, i + 1);
            }
        }
    }

    private void DecodeAnsiC(TextSpan span)
    {
        int end = span.End;
        for (int i = span.Start; i < end; i++)
        {
            char c = _source[i];
            if (c != '\\' || i + 1 >= end)
            {
                Add(c, i, i + 1);
                continue;
            }
            int start = i;
            char e = _source[++i];
            switch (e)
            {
                case 'n': Add('\n', start, i + 1); break;
                case 't': Add('\t', start, i + 1); break;
                case 'r': Add('\r', start, i + 1); break;
                case 'a': Add('\a', start, i + 1); break;
                case 'b': Add('\b', start, i + 1); break;
                case 'f': Add('\f', start, i + 1); break;
                case 'v': Add('\v', start, i + 1); break;
                case 'e':
                case 'E': Add('\u001b', start, i + 1); break;
                case 'x':
                case 'u':
                case 'U':
                {
                    int max = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int value = 0, n = 0;
                    while (n < max && i + 1 < end && Hex.Value(_source[i + 1]) >= 0)
                    {
                        value = value * 16 + Hex.Value(_source[++i]);
                        n++;
                    }
                    if (n == 0) { Add('\\', start, start + 1); Add(e, start + 1, i + 1); break; }
                    if (value > 0xFFFF && value <= 0x10FFFF)
                    {
                        string pair = char.ConvertFromUtf32(value);
                        Add(pair[0], start, i + 1);
                        Add(pair[1], start, i + 1);
                    }
                    else
                    {
                        Add((char)(value > 0xFFFF ? 0xFFFD : value), start, i + 1);
                    }
                    break;
                }
                case 'c':
                    if (i + 1 < end) { char x = _source[++i]; Add((char)(x & 0x1F), start, i + 1); }
                    else Add('c', start, i + 1);
                    break;
                default:
                    if (e >= '0' && e <= '7')
                    {
                        int value = e - '0', n = 1;
                        while (n < 3 && i + 1 < end && _source[i + 1] >= '0' && _source[i + 1] <= '7')
                        {
                            value = value * 8 + (_source[++i] - '0');
                            n++;
                        }
                        Add((char)(value & 0xFF), start, i + 1);
                    }
                    else if (e is '\\' or '\'' or '"' or '?')
                    {
                        Add(e, start, i + 1);
                    }
                    else
                    {
                        Add('\\', start, start + 1);
                        Add(e, i, i + 1);
                    }
                    break;
            }
        }
    }
}
