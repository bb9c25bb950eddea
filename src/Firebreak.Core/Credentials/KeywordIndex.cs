using System;
using System.Collections.Generic;

namespace Firebreak.Core.Credentials;

/// <summary>
/// Finds every occurrence of a fixed set of keywords (token prefixes, variable names, header names) in one pass,
/// case-insensitively. Keywords are bucketed by their first two characters, so most positions cost one table
/// lookup and no compare; a text without any keyword is rejected after this single pass (STYLE 4: cheap test first).
/// </summary>
internal sealed class KeywordIndex
{
    private const int Ascii = 128;

    // [first * 128 + second] -> keywords starting with those two characters (lower-cased), longest first.
    private readonly string[]?[] _byFirstTwo = new string[Ascii * Ascii][];
    private readonly Text.AsciiPairs _pairs = new();
    private readonly bool _allAscii = true;

    public KeywordIndex(IEnumerable<string> keywords)
    {
        var buckets = new Dictionary<int, List<string>>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string keyword in keywords)
        {
            if (keyword.Length < 2 || !seen.Add(keyword)) continue;
            char first = char.ToLowerInvariant(keyword[0]);
            char second = char.ToLowerInvariant(keyword[1]);
            if (first >= Ascii || second >= Ascii)
                throw new ArgumentException($"keyword '{keyword}' must start with two ASCII characters");
            int key = first * Ascii + second;
            if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = new List<string>();
            list.Add(keyword);
            _pairs.AddKeyword(key, keyword);
            _allAscii &= Text.AsciiPairs.IsAscii(keyword);
        }
        foreach (var pair in buckets)
        {
            pair.Value.Sort((a, b) => b.Length.CompareTo(a.Length));
            _byFirstTwo[pair.Key] = pair.Value.ToArray();
        }
    }

    /// <summary>Calls <paramref name="onHit"/> for each (position, keyword) found; overlapping hits are all reported.</summary>
    public void FindAll(string text, Action<int, string> onHit)
    {
        for (int i = _pairs.Next(text, 0, out int key); i >= 0; i = _pairs.Next(text, i + 1, out key))
        {
            foreach (string keyword in _byFirstTwo[key]!)
            {
                // Keywords here all start with two ASCII characters; the rest is compared inline while it is ASCII.
                bool hit = _allAscii
                    ? Text.AsciiPairs.MatchesAfterPair(text, i, keyword)
                    : i + keyword.Length <= text.Length && string.Compare(text, i, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0;
                if (hit) onHit(i, keyword);
            }
        }
    }
}
