using System;

namespace Firebreak.Core.Text;

/// <summary>
/// Shares the strings that parse trees repeat in every file (attribute and block names, <c>var</c>, <c>string</c>,
/// resource types): one instance per distinct short string in a slot, instead of one copy per occurrence. A fixed
/// table of slots per thread, last writer wins: a collision costs a fresh string, never a wrong one, and the table never
/// grows, so an attacker's file of distinct names cannot make it hold more (64 KB per thread that parses).
/// </summary>
internal static class StringTable
{
    private const int Slots = 1 << 13;
    private const int MaxLength = 48;
    // One table per thread: the parsers run on every core, and a shared table's slots are written from all of them,
    // so its cache lines went back and forth between the cores.
    [ThreadStatic] private static string?[]? t_table;

    private static string?[] Table => t_table ??= new string?[Slots];

    /// <summary><paramref name="value"/>, or the equal instance the table holds (the copy is then left to the collector).</summary>
    public static string Share(string value)
    {
        int length = value.Length;
        if (length == 0) return string.Empty;
        if (length > MaxLength) return value;
        int slot = Slot(value, 0, length);
        var table = Table;
        var existing = table[slot];
        if (existing is not null && existing.Length == length && string.CompareOrdinal(existing, value) == 0) return existing;
        table[slot] = value;
        return value;
    }

    /// <summary>
    /// The slot of a string from its length and five of its characters (both ends and the middle), in constant time:
    /// it runs for every identifier of every parse. Strings that agree on all of them share a slot, and the comparison
    /// tells them apart (the later one is then a fresh string).
    /// </summary>
    private static int Slot(string text, int start, int length)
    {
        int end = start + length - 1;
        uint hash = (uint)length * 2654435761u;
        hash = (hash ^ text[start]) * 16777619;
        hash = (hash ^ text[end]) * 16777619;
        hash = (hash ^ text[start + (length >> 1)]) * 16777619;
        if (length > 2)
        {
            hash = (hash ^ text[start + 1]) * 16777619;
            hash = (hash ^ text[end - 1]) * 16777619;
        }
        return (int)((hash ^ (hash >> 15)) & (Slots - 1));
    }

    /// <summary><c>text.Substring(start, length)</c>, the shared instance when the table holds it.</summary>
    public static string Substring(string text, int start, int length)
    {
        if (length == 0) return string.Empty;
        if (length > MaxLength) return text.Substring(start, length);
        int slot = Slot(text, start, length);
        var table = Table;
        var existing = table[slot];
        if (existing is not null && existing.Length == length && existing.AsSpan().SequenceEqual(text.AsSpan(start, length))) return existing;
        var created = text.Substring(start, length);
        table[slot] = created;
        return created;
    }
}
