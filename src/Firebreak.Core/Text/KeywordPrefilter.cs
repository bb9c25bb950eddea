using System;
using System.Collections.Generic;

namespace Firebreak.Core.Text;

/// <summary>
/// "Does the text contain any of these keywords, ignoring case?" in one pass over the text, with the answer of
/// <c>text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase) &gt;= 0</c> for some keyword. A rule's cheap test runs
/// on every file: one scan per keyword (a catalogue has dozens) made it the costliest line of a corpus scan.
/// Keywords are bucketed by their first two characters folded to ASCII lower case; each candidate position is
/// confirmed with the same ordinal ignore-case comparison. Keywords that do not start with two ASCII characters are
/// searched for the old way.
/// </summary>
public sealed class KeywordPrefilter
{
    private const int Ascii = 128;

    // [first * 128 + second] -> keywords starting with those two characters (folded).
    private readonly string[]?[] _byFirstTwo = new string[Ascii * Ascii][];
    private readonly bool[] _isFirst = new bool[Ascii];
    private readonly AsciiPairs _pairs = new();
    private readonly List<string> _others = new();
    private readonly bool _matchesEverything;

    public KeywordPrefilter(IEnumerable<string> keywords)
    {
        if (keywords is null) throw new ArgumentNullException(nameof(keywords));
        var buckets = new Dictionary<int, List<string>>();
        foreach (string keyword in keywords)
        {
            if (keyword.Length == 0) _matchesEverything = true;
            if (keyword.Length < 2 || keyword[0] >= Ascii || keyword[1] >= Ascii)
            {
                _others.Add(keyword);
                continue;
            }
            int first = Lower(keyword[0]), key = first * Ascii + Lower(keyword[1]);
            if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = new List<string>();
            list.Add(keyword);
            _isFirst[first] = true;
            _pairs.Add(key);
        }
        foreach (var pair in buckets) _byFirstTwo[pair.Key] = pair.Value.ToArray();
    }

    public bool ContainsAny(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        if (_matchesEverything) return true;
        int last = text.Length - 1;
        var isFirst = _isFirst;
        var pairs = _pairs;
        var lower = AsciiPairs.Lower;
        for (int i = 0; i < last; i++)
        {
            int ch = text[i], next = text[i + 1];
            int c, d;
            if ((ch | next) < Ascii)
            {
                // Nearly every position: both characters ASCII, one bit says whether a keyword starts with them.
                int key = (lower[ch] << 7) | lower[next];
                if (!pairs.Contains(key)) continue;
                c = key >> 7;
                d = key & (Ascii - 1);
            }
            else
            {
                c = Fold((char)ch);
                if (c < 0 || !isFirst[c]) continue;
                d = Fold((char)next);
                if (d < 0) continue;
            }
            var bucket = _byFirstTwo[c * Ascii + d];
            if (bucket is null) continue;
            foreach (string keyword in bucket)
            {
                if (i + keyword.Length <= text.Length
                    && string.Compare(text, i, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0)
                    return true;
            }
        }
        foreach (string keyword in _others)
            if (text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        return false;
    }

    private static int Lower(char c) => c >= 'A' && c <= 'Z' ? c + 32 : c;

    /// <summary>
    /// The ASCII character (lower case) a character may equal under ordinal ignore-case comparison, which compares
    /// upper-case forms (dotless ı and long ſ upper-case to I and S), or -1 when it can equal no ASCII character. The
    /// comparison itself confirms every candidate, so this only has to be generous.
    /// </summary>
    private static int Fold(char c)
    {
        if (c < Ascii) return Lower(c);
        char upper = char.ToUpperInvariant(c);
        return upper < Ascii ? Lower(upper) : -1;
    }
}
