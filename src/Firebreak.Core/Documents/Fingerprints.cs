using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace Firebreak.Core.Documents;

/// <summary>
/// Line-independent fingerprints: SHA-256 over rule, path, the node's whitespace-normalized text (or the rule's own
/// key) and an occurrence counter for identical nodes. Moving code up or down a file keeps the fingerprint.
/// </summary>
public static class Fingerprints
{
    public const string Key = "firebreak/v1";

    internal static string Compute(string ruleId, string path, string identity, int occurrence)
    {
        string input = ruleId + "\n" + path + "\n" + Normalize(identity) + "\n" + occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(input));
        var builder = new StringBuilder(32);
        for (int i = 0; i < 16; i++) builder.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { space = builder.Length > 0; continue; }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Gives each finding its fingerprint; counters run in the (deterministic) order given.</summary>
    internal static IReadOnlyList<Finding> Assign(IEnumerable<PendingFinding> ordered)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Finding>();
        foreach (var pending in ordered)
        {
            string identity = pending.FingerprintText ?? pending.Location.Snippet;
            string key = pending.Rule.Id + "\n" + pending.Location.Path + "\n" + Normalize(identity);
            occurrences.TryGetValue(key, out int count);
            occurrences[key] = count + 1;
            string fingerprint = Compute(pending.Rule.Id, pending.Location.Path, identity, count);
            result.Add(new Finding(pending.Rule, pending.Level, pending.Message, pending.Location, fingerprint, pending.Related));
        }
        return result;
    }
}
