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
    public static string? Recognize(string text)
    {
        string head = text.Length > Head ? text.Substring(0, Head) : text;
        string trimmed = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith("{", StringComparison.Ordinal))
        {
            if (Has(head, "\"$schema\"") && head.IndexOf("sarif", StringComparison.OrdinalIgnoreCase) >= 0 && HasMember(head, "name", "Firebreak"))
                return "a SARIF report";
            if (HasMember(head, "tool", "firebreak") && Has(head, "\"findings\""))
                return "a JSON report";
        }
        if (trimmed.StartsWith("[", StringComparison.Ordinal) && HasMember(head, "check_name", "FB") && Has(head, "\"fingerprint\""))
            return "a GitLab Code Quality report";
        if (trimmed.StartsWith("<!DOCTYPE html>", StringComparison.OrdinalIgnoreCase) && Has(head, "<meta name=\"generator\" content=\"Firebreak"))
            return "an HTML report";
        return null;
    }

    private static bool Has(string text, string value) => text.IndexOf(value, StringComparison.Ordinal) >= 0;

    /// <summary><c>"name": "value…"</c> with or without the blank after the colon (indented or compact JSON).</summary>
    private static bool HasMember(string text, string name, string valuePrefix) =>
        Has(text, $"\"{name}\": \"{valuePrefix}") || Has(text, $"\"{name}\":\"{valuePrefix}");
}
