using System;
using System.Collections.Generic;

namespace Firebreak.Core.Credentials;

/// <summary>
/// Finds every occurrence of a fixed set of keywords (token prefixes, variable names, header names) in one pass,
/// case-insensitively: each position costs one table lookup, and a keyword compare only where a keyword could start.
/// A text without any keyword is rejected after this single pass (STYLE 4: cheap test first).
/// </summary>
internal sealed class KeywordIndex
{
    private readonly string[][] _byFirstChar = new string[128][];

    public KeywordIndex(IEnumerable<string> keywords)
    {
        var buckets = new List<string>?[128];
        foreach (string keyword in keywords)
        {
            if (keyword.Length == 0) continue;
            char first = char.ToLowerInvariant(keyword[0]);
            if (first >= 128) throw new ArgumentException($"keyword '{keyword}' must start with an ASCII character");
            var bucket = buckets[first] ??= new List<string>();
            if (!bucket.Contains(keyword, StringComparer.OrdinalIgnoreCase)) bucket.Add(keyword);
        }
        for (int c = 0; c < 128; c++)
        {
            // Longest first, so RAILWAY_API_TOKEN is reported before a shorter keyword at the same place.
            _byFirstChar[c] = buckets[c] is { } b ? SortLongestFirst(b) : Array.Empty<string>();
        }
        // Upper-case letters share the lower-case bucket.
        for (char c = 'A'; c <= 'Z'; c++) _byFirstChar[c] = _byFirstChar[char.ToLowerInvariant(c)];
    }

    /// <summary>Calls <paramref name="onHit"/> for each (position, keyword) found; overlapping hits are all reported.</summary>
    public void FindAll(string text, Action<int, string> onHit)
    {
        var table = _byFirstChar;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c >= 128) continue;
            var bucket = table[c];
            for (int k = 0; k < bucket.Length; k++)
            {
                string keyword = bucket[k];
                if (i + keyword.Length <= text.Length
                    && string.Compare(text, i, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    onHit(i, keyword);
                }
            }
        }
    }

    private static string[] SortLongestFirst(List<string> list)
    {
        list.Sort((a, b) => b.Length.CompareTo(a.Length));
        return list.ToArray();
    }
}

internal static class ListExtensions
{
    public static bool Contains(this List<string> list, string value, StringComparer comparer)
    {
        foreach (string s in list) if (comparer.Equals(s, value)) return true;
        return false;
    }
}
