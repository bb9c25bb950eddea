using System;
using System.Collections.Generic;

namespace Firebreak.Core.Text;

/// <summary>
/// The text of one file with its line map. Lines end at \n, \r\n or a lone \r, as editors and SARIF viewers count them.
/// </summary>
public sealed class SourceText
{
    private int[]? _lineStarts;

    private string? _text;
    private readonly byte[]? _utf8;
    private readonly int _length;

    public SourceText(string path, string text)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        _text = text ?? throw new ArgumentNullException(nameof(text));
        _length = text.Length;
    }

    /// <summary>
    /// A text kept as its UTF-8 bytes between uses: <paramref name="utf8"/> must be valid UTF-8 without a byte order mark,
    /// and <paramref name="decoded"/> exactly its decoding. <see cref="ReleaseText"/> drops the string, and the next use of
    /// <see cref="Text"/> decodes the bytes again: a scan of 100,000 files holds their bytes, not twice as many UTF-16
    /// characters.
    /// </summary>
    internal SourceText(string path, byte[] utf8, string decoded)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        _utf8 = utf8 ?? throw new ArgumentNullException(nameof(utf8));
        _text = decoded ?? throw new ArgumentNullException(nameof(decoded));
        _length = decoded.Length;
    }

    /// <summary>
    /// A text read as valid UTF-8 without a byte order mark and not decoded yet: <paramref name="length"/> is the length of
    /// its decoding, which the first use of <see cref="Text"/> makes (and <see cref="ReleaseText"/> drops again).
    /// </summary>
    internal SourceText(string path, byte[] utf8, int length)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        _utf8 = utf8 ?? throw new ArgumentNullException(nameof(utf8));
        _length = length;
    }

    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>For a text kept as UTF-8 (see the constructor), drops the decoded string until it is asked for again.</summary>
    public void ReleaseText()
    {
        if (_utf8 is not null) System.Threading.Volatile.Write(ref _text, null);
    }

    private string Inflate()
    {
        string text = Utf8.GetString(_utf8!);
        return System.Threading.Interlocked.CompareExchange(ref _text, text, null) ?? text;
    }

    // Built when a position is first asked for (most files report nothing), in one array of the exact size: an 8 MB
    // file of short lines has four million of them.
    private int[] LineStarts => _lineStarts ?? System.Threading.Interlocked.CompareExchange(ref _lineStarts, ComputeLineStarts(Text), null) ?? _lineStarts!;

    /// <summary>The path as the host names it: repository-relative, with forward slashes.</summary>
    public string Path { get; }
    public string Text => System.Threading.Volatile.Read(ref _text) ?? Inflate();
    public int Length => _length;
    public int LineCount => LineStarts.Length;

    public LinePosition GetPosition(int offset)
    {
        if (offset < 0) offset = 0;
        if (offset > _length) offset = _length;
        var starts = LineStarts;
        int line = Array.BinarySearch(starts, offset);
        if (line < 0) line = ~line - 1;
        return new LinePosition(line, offset - starts[line]);
    }

    public int GetLineStart(int line)
    {
        var starts = LineStarts;
        return starts[Math.Max(0, Math.Min(line, starts.Length - 1))];
    }

    /// <summary>The span of a line without its line break.</summary>
    public TextSpan GetLineSpan(int line)
    {
        int start = GetLineStart(line);
        var starts = LineStarts;
        int end = line + 1 < starts.Length ? starts[line + 1] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
        return TextSpan.FromBounds(start, end);
    }

    public string GetLineText(int line)
    {
        var span = GetLineSpan(line);
        return Text.Substring(span.Start, span.Length);
    }

    public int GetOffset(LinePosition position)
    {
        int start = GetLineStart(position.Line);
        return Math.Min(start + position.Character, Text.Length);
    }

    public string ToString(TextSpan span) => Text.Substring(span.Start, Math.Min(span.Length, Text.Length - span.Start));

    private static int[] ComputeLineStarts(string text)
    {
        int count = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                count++;
            }
            else if (c == '\n')
            {
                count++;
            }
        }
        var starts = new int[count];
        int n = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts[n++] = i + 1;
            }
            else if (c == '\n')
            {
                starts[n++] = i + 1;
            }
        }
        return starts;
    }
}
