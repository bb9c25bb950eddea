namespace Firebreak.Core.Text;

/// <summary>
/// The first test of a keyword scan at each position: do the two characters there, both ASCII and folded to lower case,
/// start some keyword? One bit per pair (2 KB, in cache), so a position no keyword starts at costs two loads, a fold
/// and a bit test instead of a bucket look-up.
/// </summary>
internal sealed class AsciiPairs
{
    public const int Ascii = 128;

    /// <summary>ASCII folded to lower case, by character.</summary>
    public static readonly byte[] Lower = BuildLower();

    private readonly ulong[] _bits = new ulong[Ascii * Ascii / 64];

    // The second test, after a pair matched: the third character too, hashed into 64 K bits (8 KB). Common pairs ("se",
    // "to", "de") start many words and few keywords; the triple rejects most of them before any keyword is compared.
    // A pair that starts a keyword the triple cannot describe (two characters long, or a non-ASCII third) is marked open.
    private const int TripleBits = 1 << 16;
    private readonly ulong[] _triples = new ulong[TripleBits / 64];
    private readonly ulong[] _open = new ulong[Ascii * Ascii / 64];

    private static int TripleKey(int pair, int third) => (int)(((uint)((pair << 7) | third) * 2654435761u) >> 16);

    /// <summary>
    /// Adds a keyword under <paramref name="pair"/>, the key of its first two characters as the caller folds them (a
    /// non-ASCII character that folds to ASCII, as the Kelvin sign lower-cases to k, is bucketed by its fold).
    /// </summary>
    public void AddKeyword(int pair, string keyword)
    {
        Add(pair);
        if (keyword.Length >= 3 && keyword[2] < Ascii)
        {
            int triple = TripleKey(pair, Lower[keyword[2]]);
            _triples[triple >> 6] |= 1UL << (triple & 63);
        }
        else
        {
            _open[pair >> 6] |= 1UL << (pair & 63);
        }
    }

    /// <summary>
    /// After the pair at <paramref name="i"/> matched: false when no keyword can start there, judged by the third
    /// character (ASCII; any other leaves the answer to the keyword comparison).
    /// </summary>
    public bool ThirdMayMatch(string text, int i, int pair)
    {
        if ((_open[pair >> 6] & (1UL << (pair & 63))) != 0) return true;
        if (i + 2 >= text.Length) return false; // every keyword of this pair is three characters or longer
        int third = text[i + 2];
        if (third >= Ascii) return true;
        int triple = TripleKey(pair, Lower[third]);
        return (_triples[triple >> 6] & (1UL << (triple & 63))) != 0;
    }

    private void Add(int key) => _bits[key >> 6] |= 1UL << (key & 63);

    public bool Contains(int key) => (_bits[key >> 6] & (1UL << (key & 63))) != 0;

    /// <summary>
    /// The first position at or after <paramref name="from"/> where two ASCII characters form a pair of the set (its key
    /// in <paramref name="key"/>) and the third does not rule every keyword out, or -1. Positions whose pair holds a
    /// non-ASCII character are passed over.
    /// </summary>
    public int Next(string text, int from, out int key)
    {
        var bits = _bits;
        var lower = Lower;
        int last = text.Length - 1;
        for (int i = from; i < last; i++)
        {
            int c = text[i], d = text[i + 1];
            if ((c | d) >= Ascii) continue;
            int k = (lower[c] << 7) | lower[d];
            if ((bits[k >> 6] & (1UL << (k & 63))) == 0 || !ThirdMayMatch(text, i, k)) continue;
            key = k;
            return i;
        }
        key = -1;
        return -1;
    }

    /// <summary>
    /// Whether <paramref name="keyword"/> (ASCII) occurs at <paramref name="at"/> under ordinal ignore-case comparison,
    /// its first two characters already known to match: ASCII characters compared folded, inline; a non-ASCII character
    /// in the text (which may still upper-case to ASCII, as dotless ı does) leaves the answer to the runtime's comparison.
    /// </summary>
    public static bool MatchesAfterPair(string text, int at, string keyword)
    {
        if (at + keyword.Length > text.Length) return false;
        var lower = Lower;
        for (int k = 2; k < keyword.Length; k++)
        {
            int t = text[at + k];
            if (t >= Ascii) return string.Compare(text, at, keyword, 0, keyword.Length, System.StringComparison.OrdinalIgnoreCase) == 0;
            if (lower[t] != lower[keyword[k]]) return false;
        }
        return true;
    }

    /// <summary>Whether every character of <paramref name="text"/> is ASCII.</summary>
    public static bool IsAscii(string text)
    {
        foreach (char c in text)
            if (c >= Ascii) return false;
        return true;
    }

    private static byte[] BuildLower()
    {
        var lower = new byte[Ascii];
        for (int c = 0; c < Ascii; c++) lower[c] = (byte)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        return lower;
    }
}
