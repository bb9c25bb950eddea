using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Firebreak.Core.Credentials;

/// <summary>
/// Expands the fake-body templates of catalogue examples (<c>ghp_{alnum:36}</c>), so that the catalogue file never
/// holds a token-shaped string that secret scanners (GitHub push protection among them) would stop.
/// Bodies cycle through their alphabet and end in FAKE where the alphabet allows: obviously not a real secret,
/// yet varied enough to pass the placeholder and entropy checks.
/// </summary>
internal static class CatalogExampleExpander
{
    private const string Digits = "0123456789";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static readonly Regex Template = new(
        @"\{(?:(?<class>alnum|lower|upper|hex|digit|b64|url):(?<n>[0-9]{1,4})|(?<uuid>uuid)|jwt:(?<role>[a-z_]+)|pem:(?<label>[A-Z0-9 ]+)(?<json>\|json)?)\}",
        RegexOptions.CultureInvariant);

    /// <param name="offset">Rotates every body; tests use another offset to get fakes that are not the catalogue's own.</param>
    public static string Expand(string example, int offset = 0) => Template.Replace(example, m => ExpandOne(m, offset));

    private static string ExpandOne(Match m, int offset)
    {
        if (m.Groups["class"].Success)
            return Body(m.Groups["class"].Value, int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture), offset);
        if (m.Groups["uuid"].Success)
            return Body("hex", 8, offset) + "-" + Body("hex", 4, offset + 8) + "-" + Body("hex", 4, offset + 12) + "-"
                + Body("hex", 4, offset + 3) + "-" + Body("hex", 12, offset + 7);
        if (m.Groups["role"].Success)
            return Jwt(m.Groups["role"].Value, offset);
        return Pem(m.Groups["label"].Value, m.Groups["json"].Success ? "\\n" : "\n", offset);
    }

    public static string Body(string alphabetName, int length, int offset = 0)
    {
        (string alphabet, string? marker) = alphabetName switch
        {
            "alnum" => (Digits + Lower + Upper, "FAKE"),
            "lower" => (Digits + Lower, "fake"),
            "upper" => (Digits + Upper, "FAKE"),
            "hex" => ("0123456789abcdef", (string?)null),
            "digit" => (Digits, null),
            "b64" => (Digits + Lower + Upper + "+/", "FAKE"),
            "url" => (Digits + Lower + Upper + "-_", "FAKE"),
            _ => throw new ArgumentOutOfRangeException(nameof(alphabetName), alphabetName, "unknown template alphabet"),
        };
        bool marked = marker is not null && length >= 12;
        int cycled = marked ? length - marker!.Length : length;
        var sb = new StringBuilder(length);
        for (int i = 0; i < cycled; i++) sb.Append(alphabet[(i + offset) % alphabet.Length]);
        if (marked) sb.Append(marker);
        return sb.ToString();
    }

    private static string Jwt(string role, int offset)
    {
        // Standard {"alg":"HS256","typ":"JWT"} header; payload shaped like a Supabase project key.
        const string header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
        string payload = "{\"iss\":\"supabase\",\"ref\":\"fakeprojectref000\",\"role\":\"" + role + "\",\"iat\":1700000000,\"exp\":1900000000}";
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return header + "." + encoded + "." + Body("url", 43, offset);
    }

    private static string Pem(string label, string newline, int offset)
    {
        var sb = new StringBuilder();
        sb.Append("-----BEGIN ").Append(label).Append("-----").Append(newline);
        for (int line = 0; line < 3; line++) sb.Append(Body("b64", 64, offset + line * 7)).Append(newline);
        sb.Append("-----END ").Append(label).Append("-----");
        if (newline == "\\n") sb.Append(newline);
        return sb.ToString();
    }
}
