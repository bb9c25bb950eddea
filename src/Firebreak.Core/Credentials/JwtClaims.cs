using System;
using System.Text;

namespace Firebreak.Core.Credentials;

/// <summary>Just enough JWT reading to tell a Supabase service_role key from an anon key. No signature check.</summary>
internal static class JwtClaims
{
    public static bool HasRole(string jwt, string role)
    {
        string? payload = DecodePayload(jwt);
        if (payload is null) return false;
        // Compact JSON as issued; tolerate spaces around the colon.
        int at = payload.IndexOf("\"role\"", StringComparison.Ordinal);
        if (at < 0) return false;
        int i = at + 6;
        while (i < payload.Length && (payload[i] == ' ' || payload[i] == ':')) i++;
        string expected = "\"" + role + "\"";
        return string.CompareOrdinal(payload, i, expected, 0, expected.Length) == 0;
    }

    private static string? DecodePayload(string jwt)
    {
        int first = jwt.IndexOf('.');
        if (first < 0) return null;
        int second = jwt.IndexOf('.', first + 1);
        if (second < 0) return null;
        var b64 = new StringBuilder(jwt, first + 1, second - first - 1, second - first + 3);
        b64.Replace('-', '+').Replace('_', '/');
        while (b64.Length % 4 != 0) b64.Append('=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(b64.ToString()));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
