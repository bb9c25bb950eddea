using System;
using System.Collections.Generic;

namespace Firebreak.Core.Credentials;

/// <summary>
/// Tells values that only stand in for a secret (<c>xxx</c>, <c>&lt;token&gt;</c>, <c>${VAR}</c>, <c>changeme</c>,
/// repeated characters, low entropy) from values that could be one. Errs on the quiet side for obvious fakes only:
/// the words checked are ones a random token body practically never contains.
/// </summary>
internal static class PlaceholderDetector
{
    private static readonly string[] Markers =
    {
        "example", "changeme", "change_me", "change-me", "dummy", "placeholder", "your", "sample", "redacted",
        "replace", "insert", "xxxx", "<", ">", "${", "$(", "{{", "}}", "***", "\u2026", "...",
    };

    /// <param name="value">The value as matched.</param>
    /// <param name="prefixLength">Length of the fixed prefix (<c>ghp_</c>) to leave out of the body checks.</param>
    /// <param name="minEntropy">Shannon entropy, bits per character, below which the value is a placeholder.</param>
    public static bool IsPlaceholder(string value, int prefixLength, double minEntropy)
    {
        foreach (string marker in Markers)
        {
            if (value.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        }

        string body = prefixLength > 0 && prefixLength < value.Length ? value.Substring(prefixLength) : value;
        if (IsRepetitive(body)) return true;
        return ShannonEntropy(value) < minEntropy;
    }

    /// <summary>All letters and digits the same (separators ignored), or a run of 8 identical characters.</summary>
    private static bool IsRepetitive(string body)
    {
        char first = '\0';
        bool allSame = true;
        int run = 0;
        char previous = '\0';
        foreach (char c in body)
        {
            run = c == previous ? run + 1 : 1;
            previous = c;
            if (run >= 8) return true;
            if (!char.IsLetterOrDigit(c)) continue;
            if (first == '\0') first = c;
            else if (c != first) allSame = false;
        }
        return allSame;
    }

    public static double ShannonEntropy(string value)
    {
        if (value.Length == 0) return 0;
        var counts = new Dictionary<char, int>();
        foreach (char c in value) counts[c] = counts.TryGetValue(c, out int n) ? n + 1 : 1;
        double entropy = 0;
        foreach (int count in counts.Values)
        {
            double p = (double)count / value.Length;
            entropy -= p * Math.Log(p, 2);
        }
        return entropy;
    }
}
