using System;

namespace Firebreak.Cli.Discovery;

/// <summary>
/// Recognises, by content and not by name, a file Firebreak wrote: a SARIF or JSON report (a baseline is one), the
/// HTML blast-radius report, a GitLab Code Quality report. Only the opening of the file is read.
/// </summary>
public static class OwnOutput
{
    private const int Head = 4096;

    /// <summary>What the file is ("a SARIF report"), or null when it is not ours.</summary>
    /// <summary>
    /// Whether a file's UTF-8 bytes might be a report of ours (<see cref="Recognize"/> can say only of text whose first
    /// character after blanks is '{', '[' or '<'): false lets a file go undecoded without asking.
    /// </summary>
    public static bool MayBe(byte[] utf8)
    {
        foreach (byte b in utf8)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b is (byte)'{' or (byte)'[' or (byte)'<';
        }
        return false;
    }

    public static string? Recognize(string text)
    {
        // Read on every file of every scan: spans over the opening, no copy of it.
        var head = text.AsSpan(0, Math.Min(text.Length, Head));
        var trimmed = head.TrimStart("\uFEFF \t\r\n".AsSpan());
        if (trimmed.IsEmpty || (trimmed[0] != '{' && trimmed[0] != '[' && trimmed[0] != '<')) return null;
        if (trimmed[0] == '{')
        {
            if (Has(head, "\"$schema\"") && head.IndexOf("sarif".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0 && HasMember(head, "\"name\"", "\"Firebreak"))
                return "a SARIF report";
            if (HasMember(head, "\"tool\"", "\"firebreak") && Has(head, "\"findings\""))
                return "a JSON report";
        }
        if (trimmed[0] == '[' && HasMember(head, "\"check_name\"", "\"FB") && Has(head, "\"fingerprint\""))
            return "a GitLab Code Quality report";
        if (trimmed.StartsWith("<!DOCTYPE html>".AsSpan(), StringComparison.OrdinalIgnoreCase) && Has(head, "<meta name=\"generator\" content=\"Firebreak"))
            return "an HTML report";
        return null;
    }

    private static bool Has(ReadOnlySpan<char> text, string value) => text.IndexOf(value.AsSpan(), StringComparison.Ordinal) >= 0;

    /// <summary><c>"name": "value…"</c> with or without the blank after the colon (indented or compact JSON).</summary>
    private static bool HasMember(ReadOnlySpan<char> text, string quotedName, string quotedValuePrefix)
    {
        for (int from = 0; from < text.Length;)
        {
            int at = text.Slice(from).IndexOf(quotedName.AsSpan(), StringComparison.Ordinal);
            if (at < 0) return false;
            var rest = text.Slice(from + at + quotedName.Length);
            if (rest.StartsWith(":".AsSpan(), StringComparison.Ordinal))
            {
                rest = rest.Slice(1);
                if (rest.StartsWith(" ".AsSpan(), StringComparison.Ordinal)) rest = rest.Slice(1);
                if (rest.StartsWith(quotedValuePrefix.AsSpan(), StringComparison.Ordinal)) return true;
            }
            from += at + 1;
        }
        return false;
    }
}
