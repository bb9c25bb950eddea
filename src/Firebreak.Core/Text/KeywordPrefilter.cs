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

    /// <summary>Every bucketed keyword is ASCII: compared inline after its first two characters.</summary>
    private readonly bool _asciiBuckets = true;
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
            _pairs.AddKeyword(key, keyword);
        }
        foreach (var pair in buckets) _byFirstTwo[pair.Key] = pair.Value.ToArray();
        _starts = StartsOf(_isFirst);
        foreach (var bucket in _byFirstTwo)
            if (bucket is not null)
                foreach (string keyword in bucket) _asciiBuckets &= AsciiPairs.IsAscii(keyword);
    }

    public bool ContainsAny(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        if (_matchesEverything) return true;
        int last = text.Length - 1;
        if (_starts is { } starts)
        {
            // Few characters can start a keyword (`drop`, `truncate`, … start with d, t or u in either case): the
            // runtime's vectorized search jumps from one such character to the next.
            var span = text.AsSpan();
            for (int i = 0; i < last; i++)
            {
                int found = span.Slice(i, last - i).IndexOfAny(starts);
                if (found < 0) break;
                i += found;
                if (MatchesAt(text, i)) return true;
            }
        }
        else
        {
            var pairs = _pairs;
            var lower = AsciiPairs.Lower;
            for (int i = 0; i < last; i++)
            {
                // The common case inline: two ASCII characters that start no keyword.
                int ch = text[i], next = text[i + 1];
                if ((ch | next) < Ascii)
                {
                    int key = (lower[ch] << 7) | lower[next];
                    if (!pairs.Contains(key) || !pairs.ThirdMayMatch(text, i, key)) continue;
                }
                if (MatchesAt(text, i)) return true;
            }
        }
        foreach (string keyword in _others)
            if (text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        return false;
    }

    /// <summary>Whether a bucketed keyword starts at <paramref name="i"/> (which has a character after it).</summary>
    private bool MatchesAt(string text, int i)
    {
        int ch = text[i], next = text[i + 1];
        int c, d;
        if ((ch | next) < Ascii)
        {
            // Nearly every position: both characters ASCII, one bit says whether a keyword starts with them.
            int key = (AsciiPairs.Lower[ch] << 7) | AsciiPairs.Lower[next];
            if (!_pairs.Contains(key) || !_pairs.ThirdMayMatch(text, i, key)) return false;
            if (_asciiBuckets)
            {
                foreach (string keyword in _byFirstTwo[key]!)
                    if (AsciiPairs.MatchesAfterPair(text, i, keyword)) return true;
                return false;
            }
            c = key >> 7;
            d = key & (Ascii - 1);
        }
        else
        {
            c = Fold((char)ch);
            if (c < 0 || !_isFirst[c]) return false;
            d = Fold((char)next);
            if (d < 0) return false;
        }
        var bucket = _byFirstTwo[c * Ascii + d];
        if (bucket is null) return false;
        foreach (string keyword in bucket)
        {
            if (i + keyword.Length <= text.Length
                && string.Compare(text, i, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0)
                return true;
        }
        return false;
    }

    /// <summary>
    /// At most this many characters (both cases) for the jump search: with more (most letters), the next one is a
    /// character or two away and a search call per hit costs more than testing every position.
    /// </summary>
    private const int MaxStarts = 6;

    /// <summary>Every character that can start a bucketed keyword, when few enough for the jump search; else null.</summary>
    private readonly char[]? _starts;

    private static char[]? StartsOf(bool[] isFirst)
    {
        var starts = new List<char>();
        for (int c = 0; c < Ascii; c++)
        {
            if (!isFirst[c]) continue;
            // A keyword starting with i or s also starts where the text has dotless ı or long ſ (their upper case is
            // ASCII): those take the position-by-position test, as do the other non-ASCII characters.
            if (c == 'i' || c == 's') return null;
            starts.Add((char)c);
            if (c >= 'a' && c <= 'z') starts.Add((char)(c - 32));
        }
        return starts.Count <= MaxStarts ? starts.ToArray() : null;
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
