using System;
using System.Collections.Generic;
using System.Text;

namespace Firebreak.Core.Text;

/// <summary>
/// Text that lives inside another file (a shell script in a YAML block scalar, SQL in a heredoc, a GraphQL body in a
/// curl argument) together with the map from its offsets back to the host file's offsets. Parsers see only
/// <see cref="Value"/>; findings are mapped back with <see cref="MapToHost(TextSpan)"/>.
/// </summary>
public sealed class EmbeddedText
{
    private readonly int[] _embeddedStarts;
    private readonly int[] _hostStarts;
    private readonly int[] _lengths;

    private EmbeddedText(string value, int[] embeddedStarts, int[] hostStarts, int[] lengths, int hostEnd)
    {
        Value = value;
        _embeddedStarts = embeddedStarts;
        _hostStarts = hostStarts;
        _lengths = lengths;
        HostEnd = hostEnd;
    }

    public string Value { get; }

    /// <summary>Host offset just past the embedded region; where an offset at the very end maps.</summary>
    public int HostEnd { get; }

    /// <summary>Text copied verbatim from one contiguous host region.</summary>
    public static EmbeddedText Contiguous(string value, int hostStart) =>
        new(value, new[] { 0 }, new[] { hostStart }, new[] { value.Length }, hostStart + value.Length);

    /// <summary>
    /// A decoded text whose characters came from where <paramref name="offsets"/> says, mapped as <see cref="Builder"/>
    /// would map it character by character, without copying the text again (an 8 MB quoted word is one string, not three).
    /// </summary>
    public static EmbeddedText FromOffsets(string value, OffsetMap offsets, int hostEnd)
    {
        var embedded = new List<int>();
        var host = new List<int>();
        var lengths = new List<int>();
        for (int i = 0; i < value.Length; i++)
        {
            int h = offsets.Start(i);
            int last = lengths.Count - 1;
            if (last >= 0 && host[last] + lengths[last] == h && embedded[last] + lengths[last] == i)
            {
                lengths[last]++;
                continue;
            }
            embedded.Add(i);
            host.Add(h);
            lengths.Add(1);
        }
        return new EmbeddedText(value, embedded.ToArray(), host.ToArray(), lengths.ToArray(), hostEnd);
    }

    /// <summary>An embedded text inside another embedded text, starting at <paramref name="innerStart"/> of it.</summary>
    public EmbeddedText Slice(int innerStart, int length)
    {
        var builder = new Builder();
        for (int i = innerStart; i < innerStart + length && i < Value.Length; i++)
            builder.Append(Value[i], MapToHost(i));
        return builder.Build(MapToHost(Math.Min(innerStart + length, Value.Length)));
    }

    /// <summary>Maps an offset of <see cref="Value"/> to an offset of the host.</summary>
    public int MapToHost(int offset)
    {
        if (_embeddedStarts.Length == 0) return HostEnd;
        if (offset >= Value.Length) return HostEnd;
        int index = Array.BinarySearch(_embeddedStarts, offset);
        if (index < 0) index = ~index - 1;
        if (index < 0) index = 0;
        int delta = offset - _embeddedStarts[index];
        if (delta >= _lengths[index]) return _hostStarts[index] + _lengths[index];
        return _hostStarts[index] + delta;
    }

    /// <summary>Maps a span; the end maps from its last character, so a span never swallows host text after it.</summary>
    public TextSpan MapToHost(TextSpan span)
    {
        int start = MapToHost(span.Start);
        if (span.Length == 0) return new TextSpan(start, 0);
        int end = MapToHost(span.End - 1) + 1;
        return end <= start ? new TextSpan(start, 0) : TextSpan.FromBounds(start, end);
    }

    /// <summary>Builds an embedded text one character (or run) at a time, recording where each came from.</summary>
    public sealed class Builder
    {
        private readonly StringBuilder _text;
        private readonly List<int> _embeddedStarts = new();
        private readonly List<int> _hostStarts = new();
        private readonly List<int> _lengths = new();

        public Builder() => _text = new StringBuilder();

        /// <param name="capacity">The length the text will about have: one buffer instead of a doubling series.</param>
        public Builder(int capacity) => _text = new StringBuilder(Math.Max(16, capacity));

        public int Length => _text.Length;

        public Builder Append(char c, int hostOffset)
        {
            int last = _lengths.Count - 1;
            if (last >= 0 && _hostStarts[last] + _lengths[last] == hostOffset && _embeddedStarts[last] + _lengths[last] == _text.Length)
            {
                _lengths[last]++;
            }
            else
            {
                _embeddedStarts.Add(_text.Length);
                _hostStarts.Add(hostOffset);
                _lengths.Add(1);
            }
            _text.Append(c);
            return this;
        }

        public Builder Append(string run, int hostOffset) => Append(run, 0, run.Length, hostOffset);

        /// <summary>
        /// <paramref name="length"/> characters of <paramref name="source"/> from <paramref name="start"/>, which sit at
        /// <paramref name="hostOffset"/> onwards in the host: one run, copied once (no substring first).
        /// </summary>
        public Builder Append(string source, int start, int length, int hostOffset)
        {
            if (length <= 0) return this;
            int last = _lengths.Count - 1;
            if (last >= 0 && _hostStarts[last] + _lengths[last] == hostOffset && _embeddedStarts[last] + _lengths[last] == _text.Length)
            {
                _lengths[last] += length;
            }
            else
            {
                _embeddedStarts.Add(_text.Length);
                _hostStarts.Add(hostOffset);
                _lengths.Add(length);
            }
            _text.Append(source, start, length);
            return this;
        }

        public EmbeddedText Build(int hostEnd) =>
            new(_text.ToString(), _embeddedStarts.ToArray(), _hostStarts.ToArray(), _lengths.ToArray(), hostEnd);
    }
}
