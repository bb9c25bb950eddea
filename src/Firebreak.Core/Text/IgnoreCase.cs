using System;
using System.Collections.Generic;

namespace Firebreak.Core.Text;

/// <summary>
/// <c>text.IndexOf(needle, StringComparison.OrdinalIgnoreCase) &gt;= 0</c>, fast: the runtime's vectorized search
/// jumps to each character that can start an ASCII needle (its two cases, and the few non-ASCII letters the runtime's
/// ordinal ignore-case may fold to them, asked of the runtime itself: it differs with invariant globalization), and the
/// same ordinal ignore-case comparison confirms it. The case-blind search it replaces ran the
/// comparison at every position of every file (a tenth of a corpus scan's CPU, for the suppression directive and a few
/// prefilters).
/// </summary>
public static class IgnoreCase
{
    // The letters whose simple case mapping can reach an ASCII letter: dotless ı, dotted İ, long ſ, the Kelvin sign.
    private static readonly char[] Foldable = { '\u0131', '\u0130', '\u017F', '\u212A' };

    // Per ASCII character, the characters that can start a needle beginning with it: its cases, and the foldable
    // letters the runtime's ordinal ignore-case equates with it (asked once, of the runtime itself).
    private static readonly char[][] Starts = BuildStarts();

    private static char[][] BuildStarts()
    {
        var starts = new char[128][];
        for (int c = 0; c < 128; c++)
        {
            char lower = c >= 'A' && c <= 'Z' ? (char)(c + 32) : (char)c;
            char upper = lower >= 'a' && lower <= 'z' ? (char)(lower - 32) : lower;
            var list = new List<char>(3) { lower };
            if (upper != lower) list.Add(upper);
            foreach (char other in Foldable)
                if (string.Compare(other.ToString(), lower.ToString(), StringComparison.OrdinalIgnoreCase) == 0) list.Add(other);
            starts[c] = list.ToArray();
        }
        return starts;
    }

    public static bool Contains(string text, string needle)
    {
        if (needle.Length == 0) return true;
        char first = needle[0];
        if (first >= 128 || text.Length < needle.Length) return text.IndexOf(needle, StringComparison.OrdinalIgnoreCase) >= 0;
        var any = Starts[first];
        int last = text.Length - needle.Length;
        for (int i = text.IndexOfAny(any); i >= 0 && i <= last; i = i + 1 <= last ? text.IndexOfAny(any, i + 1) : -1)
        {
            if (string.Compare(text, i, needle, 0, needle.Length, StringComparison.OrdinalIgnoreCase) == 0) return true;
        }
        return false;
    }
}
