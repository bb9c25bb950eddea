namespace Firebreak.Core.Credentials;

/// <summary>
/// From a variable or header name found in a text, finds where its value starts, across the ways files write
/// an assignment: <c>KEY=v</c>, <c>export KEY="v"</c>, <c>KEY: v</c>, <c>"KEY": "v"</c>, <c>KEY = 'v'</c>,
/// <c>\"KEY\": \"v\"</c> (JSON in a string), <c>ENV KEY v</c>, <c>-H "Name: v"</c>, and the Kubernetes/compose
/// <c>- name: KEY⏎ value: v</c> pair.
/// </summary>
internal static class AssignmentValueLocator
{
    /// <summary>
    /// The end of the whole name that starts at <paramref name="start"/> with <paramref name="name"/>, or -1 when
    /// the hit is only part of a longer word. Variables may carry extra <c>_</c>-separated segments
    /// (<c>STAGING_RAILWAY_TOKEN</c>, <c>RAILWAY_TOKEN_PROD</c>); header names must stand alone.
    /// </summary>
    public static int NameEnd(string text, int start, string name, bool isHeader)
    {
        int end = start + name.Length;
        if (isHeader)
        {
            if (start > 0 && IsHeaderChar(text[start - 1])) return -1;
            if (end < text.Length && IsHeaderChar(text[end])) return -1;
            return end;
        }

        if (start > 0 && IsIdentifierChar(text[start - 1]) && text[start - 1] != '_') return -1;
        if (end < text.Length && IsIdentifierChar(text[end]))
        {
            if (text[end] != '_') return -1;
            while (end < text.Length && IsIdentifierChar(text[end])) end++;
        }
        return end;
    }

    /// <summary>Where the value assigned to the name ending at <paramref name="nameEnd"/> starts, or -1.</summary>
    /// <param name="scheme">When not null, the value must be preceded by this word (<c>Bearer</c>), which is skipped.</param>
    public static int ValueStart(string text, int nameEnd, string? scheme)
    {
        int i = SkipQuotes(text, nameEnd);
        int afterName = i;
        i = SkipBlanks(text, i);

        int operators = 0;
        while (i < text.Length && operators < 2 && (text[i] == '=' || text[i] == ':' || text[i] == '>'))
        {
            i++;
            operators++;
        }

        if (operators == 0)
        {
            if (i < text.Length && (text[i] == '\n' || text[i] == '\r'))
            {
                // "- name: KEY" followed by "value: v" on the next line.
                i = SkipLineBreakAndIndent(text, i);
                if (!StartsWith(text, i, "value")) return -1;
                i = SkipBlanks(text, SkipQuotes(text, i + 5));
                if (i >= text.Length || text[i] != ':') return -1;
                i++;
            }
            else if (i == afterName)
            {
                // Neither operator nor blank: KEYWORD followed directly by something else.
                return -1;
            }
            // else: "ENV KEY value" (blank-separated); the value regex decides.
        }

        i = SkipQuotes(text, SkipBlanks(text, i));
        if (scheme is not null)
        {
            if (!StartsWith(text, i, scheme)) return -1;
            i += scheme.Length;
            if (i >= text.Length || (text[i] != ' ' && text[i] != '\t')) return -1;
            i = SkipBlanks(text, i);
        }
        return i < text.Length ? i : -1;
    }

    private static int SkipQuotes(string text, int i)
    {
        while (i < text.Length && (text[i] == '"' || text[i] == '\'' || text[i] == '`' || text[i] == '\\')) i++;
        return i;
    }

    private static int SkipBlanks(string text, int i)
    {
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t')) i++;
        return i;
    }

    private static int SkipLineBreakAndIndent(string text, int i)
    {
        if (i < text.Length && text[i] == '\r') i++;
        if (i < text.Length && text[i] == '\n') i++;
        return SkipBlanks(text, i);
    }

    private static bool StartsWith(string text, int i, string word) =>
        i + word.Length <= text.Length && string.Compare(text, i, word, 0, word.Length, System.StringComparison.OrdinalIgnoreCase) == 0;

    private static bool IsIdentifierChar(char c) => c == '_' || (c < 128 && char.IsLetterOrDigit(c));

    private static bool IsHeaderChar(char c) => c == '-' || IsIdentifierChar(c);
}
