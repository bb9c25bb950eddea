using System;
using Firebreak.Core.Text;

namespace Firebreak.Core.Tests.Text;

/// <summary>Offsets kept as runs answer exactly what per-character arrays answered, in any order of lookups.</summary>
public sealed class OffsetMapTests
{
    [Fact]
    public void Runs_answer_like_per_character_arrays()
    {
        var random = new Random(7);
        var map = new OffsetMap();
        var starts = new int[5000];
        var ends = new int[5000];
        int source = 3;
        for (int i = 0; i < starts.Length; i++)
        {
            // Mostly plain characters, some escapes (two source characters), some expansions (one character, wide).
            int kind = random.Next(10);
            int width = kind == 0 ? 2 : kind == 1 ? 5 : 1;
            if (kind == 2) source += random.Next(1, 4); // a skipped quote
            starts[i] = source;
            ends[i] = source + width;
            map.Add(starts[i], ends[i]);
            source += width;
        }
        Assert.Equal(starts.Length, map.Count);
        for (int i = 0; i < starts.Length; i++)
        {
            Assert.Equal(starts[i], map.Start(i));
            Assert.Equal(ends[i], map.End(i));
        }
        for (int n = 0; n < 2000; n++)
        {
            int i = random.Next(starts.Length);
            Assert.Equal(starts[i], map.Start(i));
            Assert.Equal(ends[i], map.End(i));
        }
    }

    [Fact]
    public void A_plain_word_of_a_million_characters_is_one_run()
    {
        var map = new OffsetMap();
        for (int i = 0; i < 1_000_000; i++) map.Add(10 + i, 11 + i);
        Assert.Equal(1_000_000, map.Count);
        Assert.Equal(10 + 999_999, map.Start(999_999));
        Assert.Equal(10 + 1_000_000, map.End(999_999));
        var contiguous = OffsetMap.Contiguous(10, 1_000_000);
        Assert.Equal(map.Start(123_456), contiguous.Start(123_456));
    }

    [Fact]
    public void An_embedded_text_made_from_offsets_maps_as_one_built_character_by_character()
    {
        var random = new Random(11);
        var map = new OffsetMap();
        var builder = new EmbeddedText.Builder();
        var value = new System.Text.StringBuilder();
        int source = 0;
        for (int i = 0; i < 3000; i++)
        {
            source += random.Next(10) == 0 ? 2 : 1;
            char c = (char)('a' + random.Next(26));
            value.Append(c);
            map.Add(source, source + 1);
            builder.Append(c, source);
        }
        var built = builder.Build(source + 1);
        var made = EmbeddedText.FromOffsets(value.ToString(), map, source + 1);
        Assert.Equal(built.Value, made.Value);
        for (int i = 0; i <= built.Value.Length; i++) Assert.Equal(built.MapToHost(i), made.MapToHost(i));
    }
}
