using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Toml;

/// <summary>One <c>key = value</c> line of a TOML file, with the table it is in and exact spans.</summary>
public sealed class TomlKeyValue
{
    public TomlKeyValue(string table, string key, TextSpan keySpan, string value, TextSpan valueSpan, bool isString)
    {
        Table = table;
        Key = key;
        KeySpan = keySpan;
        Value = value;
        ValueSpan = valueSpan;
        IsString = isString;
    }

    /// <summary>The enclosing <c>[table]</c> name; empty at top level.</summary>
    public string Table { get; }
    public string Key { get; }
    public TextSpan KeySpan { get; }

    /// <summary>A string's content (quotes removed, basic escapes not resolved), or the raw text of any other value.</summary>
    public string Value { get; }

    /// <summary>The value as written, quotes included.</summary>
    public TextSpan ValueSpan { get; }
    public bool IsString { get; }
}

/// <summary>
/// Reads the single-line <c>key = value</c> entries and <c>[table]</c> headers of a TOML file — enough for the handful of
/// settings agent configurations put there (Codex <c>sandbox_mode</c>, <c>approval_policy</c>). Multi-line arrays and
/// strings are skipped, never misread as keys.
/// </summary>
public static class TomlKeyValueLexer
{
    public static IReadOnlyList<TomlKeyValue> Read(string text)
    {
        var entries = new List<TomlKeyValue>();
        string table = string.Empty;
        int depth = 0; // open brackets of a multi-line array or inline table
        bool inMultilineString = false;
        int lineStart = 0;
        while (lineStart <= text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            string line = text.Substring(lineStart, lineEnd - lineStart).TrimEnd('\r');
            int tripleQuotes = Count(line, "\"\"\"") + Count(line, "'''");
            if (inMultilineString)
            {
                if (tripleQuotes % 2 == 1) inMultilineString = false;
            }
            else if (depth > 0)
            {
                depth += Balance(line);
            }
            else
            {
                int p = 0;
                while (p < line.Length && (line[p] == ' ' || line[p] == '\t')) p++;
                if (p < line.Length && line[p] == '[')
                {
                    int close = line.IndexOf(']', p);
                    if (close > p) table = line.Substring(p, close - p + 1).Trim('[', ']', ' ');
                }
                else if (p < line.Length && line[p] != '#')
                {
                    ReadEntry(line, p, lineStart, table, entries);
                    depth = Math.Max(0, Balance(line));
                    if (tripleQuotes % 2 == 1) inMultilineString = true;
                }
            }
            if (lineEnd >= text.Length) break;
            lineStart = lineEnd + 1;
        }
        return entries;
    }

    private static void ReadEntry(string line, int p, int lineStart, string table, List<TomlKeyValue> entries)
    {
        int eq = line.IndexOf('=', p);
        if (eq <= p) return;
        string rawKey = line.Substring(p, eq - p).TrimEnd();
        string key = rawKey.Trim('"', '\'');
        var keySpan = new TextSpan(lineStart + p, rawKey.Length);
        if (key.Length == 0) return;
        int v = eq + 1;
        while (v < line.Length && (line[v] == ' ' || line[v] == '\t')) v++;
        if (v >= line.Length) return;
        char quote = line[v];
        if ((quote == '"' || quote == '\'') && !line.Substring(v).StartsWith(new string(quote, 3), StringComparison.Ordinal))
        {
            int close = v + 1;
            while (close < line.Length && line[close] != quote)
            {
                if (quote == '"' && line[close] == '\\') close++;
                close++;
            }
            if (close >= line.Length) return;
            entries.Add(new TomlKeyValue(table, key, keySpan,
                line.Substring(v + 1, close - v - 1), TextSpan.FromBounds(lineStart + v, lineStart + close + 1), isString: true));
            return;
        }
        int end = line.IndexOf('#', v);
        if (end < 0) end = line.Length;
        string raw = line.Substring(v, end - v).TrimEnd();
        entries.Add(new TomlKeyValue(table, key, keySpan, raw, new TextSpan(lineStart + v, raw.Length), isString: false));
    }

    private static int Balance(string line)
    {
        int balance = 0;
        char quote = '\0';
        foreach (char c in line)
        {
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c == '"' || c == '\'') quote = c;
            else if (c == '#') break;
            else if (c == '[' || c == '{') balance++;
            else if (c == ']' || c == '}') balance--;
        }
        return balance;
    }

    private static int Count(string line, string what)
    {
        int count = 0, at = 0;
        while ((at = line.IndexOf(what, at, StringComparison.Ordinal)) >= 0) { count++; at += what.Length; }
        return count;
    }
}
