using System;
using System.Collections.Generic;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Starlark;

public enum StarlarkTokenKind
{
    Identifier,
    String,
    Number,
    Punctuation,
    Newline,
    End,
}

/// <summary>One token; <see cref="Value"/> is a string literal's value (escapes resolved) or the token's text.</summary>
public readonly struct StarlarkToken
{
    public StarlarkToken(StarlarkTokenKind kind, TextSpan span, string value)
    {
        Kind = kind;
        Span = span;
        Value = value;
    }

    public StarlarkTokenKind Kind { get; }
    public TextSpan Span { get; }
    public string Value { get; }

    public bool Is(string punctuation) => Kind == StarlarkTokenKind.Punctuation && Value == punctuation;
}

/// <summary>A keyword argument of a call: <c>decision = "prompt"</c>.</summary>
public sealed class StarlarkArgument
{
    internal StarlarkArgument(string name, TextSpan nameSpan, TextSpan valueSpan, string? stringValue, IReadOnlyList<string?> listValues)
    {
        Name = name;
        NameSpan = nameSpan;
        ValueSpan = valueSpan;
        StringValue = stringValue;
        ListValues = listValues;
    }

    public string Name { get; }
    public TextSpan NameSpan { get; }
    public TextSpan ValueSpan { get; }

    /// <summary>The value when it is one string literal; null otherwise.</summary>
    public string? StringValue { get; }

    /// <summary>For a list literal: each item's string value (null for an item that is not a string literal).</summary>
    public IReadOnlyList<string?> ListValues { get; }
}

/// <summary>A call made at the top level of a file: <c>prefix_rule(pattern = ["git", "push"], decision = "prompt")</c>.</summary>
public sealed class StarlarkCall
{
    internal StarlarkCall(string name, TextSpan nameSpan, TextSpan span, IReadOnlyList<StarlarkArgument> keywords, int positionalCount, string argumentsText)
    {
        Name = name;
        NameSpan = nameSpan;
        Span = span;
        Keywords = keywords;
        PositionalCount = positionalCount;
        ArgumentsText = argumentsText;
    }

    public string Name { get; }
    public TextSpan NameSpan { get; }

    /// <summary>From the name to the closing parenthesis.</summary>
    public TextSpan Span { get; }

    public IReadOnlyList<StarlarkArgument> Keywords { get; }
    public int PositionalCount { get; }

    /// <summary>The source text between the parentheses (for fingerprints).</summary>
    public string ArgumentsText { get; }

    public StarlarkArgument? Keyword(string name)
    {
        foreach (var keyword in Keywords)
            if (keyword.Name == name) return keyword;
        return null;
    }
}

/// <summary>
/// A small Starlark reader, enough for the policy files agents use (Codex <c>.rules</c>): a tokenizer that knows
/// comments, single-, double- and triple-quoted strings with escapes and raw/bytes prefixes, numbers and brackets, and
/// the top-level calls with their keyword arguments. A word inside a string or a comment is never a call. Never throws;
/// charges the file's token budget.
/// </summary>
public static class StarlarkReader
{
    public static (IReadOnlyList<StarlarkCall> Calls, IReadOnlyList<SyntaxDiagnostic> Diagnostics) ReadCalls(string text)
    {
        var diagnostics = new List<SyntaxDiagnostic>();
        var tokens = Tokenize(text, diagnostics);
        var calls = new List<StarlarkCall>();
        int depth = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == StarlarkTokenKind.Punctuation)
            {
                if (token.Value is "(" or "[" or "{") depth++;
                else if (token.Value is ")" or "]" or "}") depth = Math.Max(0, depth - 1);
                continue;
            }
            bool statementStart = i == 0 || tokens[i - 1].Kind == StarlarkTokenKind.Newline || tokens[i - 1].Is(";");
            if (depth != 0 || token.Kind != StarlarkTokenKind.Identifier || !statementStart || i + 1 >= tokens.Count || !tokens[i + 1].Is("(")) continue;
            int close = Matching(tokens, i + 1);
            if (close < 0)
            {
                diagnostics.Add(new SyntaxDiagnostic(tokens[i + 1].Span, $"'(' of {token.Value} is not closed"));
                break;
            }
            calls.Add(ReadCall(text, tokens, i, close));
            i = close;
        }
        return (calls, diagnostics);
    }

    private static int Matching(List<StarlarkToken> tokens, int open)
    {
        int depth = 0;
        for (int k = open; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (t.Kind != StarlarkTokenKind.Punctuation) continue;
            if (t.Value is "(" or "[" or "{") depth++;
            else if (t.Value is ")" or "]" or "}" && --depth == 0) return k;
        }
        return -1;
    }

    private static StarlarkCall ReadCall(string text, List<StarlarkToken> tokens, int name, int close)
    {
        var keywords = new List<StarlarkArgument>();
        int positional = 0;
        int k = name + 2;
        while (k < close)
        {
            while (k < close && tokens[k].Kind == StarlarkTokenKind.Newline) k++;
            if (k >= close) break;
            // One argument runs to the next comma at this depth.
            int end = k;
            int depth = 0;
            while (end < close)
            {
                var t = tokens[end];
                if (t.Kind == StarlarkTokenKind.Punctuation)
                {
                    if (t.Value is "(" or "[" or "{") depth++;
                    else if (t.Value is ")" or "]" or "}") depth--;
                    else if (t.Value == "," && depth == 0) break;
                }
                end++;
            }
            if (tokens[k].Kind == StarlarkTokenKind.Identifier && k + 1 < end && tokens[k + 1].Is("="))
            {
                int valueStart = k + 2;
                while (valueStart < end && tokens[valueStart].Kind == StarlarkTokenKind.Newline) valueStart++;
                var valueSpan = valueStart < end ? TextSpan.FromBounds(tokens[valueStart].Span.Start, tokens[end - 1].Span.End) : tokens[k + 1].Span;
                string? single = valueStart == end - 1 && tokens[valueStart].Kind == StarlarkTokenKind.String ? tokens[valueStart].Value : null;
                var items = new List<string?>();
                if (valueStart < end && tokens[valueStart].Is("["))
                {
                    int item = valueStart + 1;
                    while (item < end - 1)
                    {
                        while (item < end - 1 && tokens[item].Kind == StarlarkTokenKind.Newline) item++;
                        if (item >= end - 1) break;
                        int itemEnd = item;
                        int d = 0;
                        while (itemEnd < end - 1 && !(d == 0 && tokens[itemEnd].Is(",")))
                        {
                            if (tokens[itemEnd].Value is "(" or "[" or "{" && tokens[itemEnd].Kind == StarlarkTokenKind.Punctuation) d++;
                            else if (tokens[itemEnd].Value is ")" or "]" or "}" && tokens[itemEnd].Kind == StarlarkTokenKind.Punctuation) d--;
                            itemEnd++;
                        }
                        int last = itemEnd;
                        while (last > item && tokens[last - 1].Kind == StarlarkTokenKind.Newline) last--;
                        items.Add(last == item + 1 && tokens[item].Kind == StarlarkTokenKind.String ? tokens[item].Value : null);
                        item = itemEnd + 1;
                    }
                }
                keywords.Add(new StarlarkArgument(tokens[k].Value, tokens[k].Span, valueSpan, single, items));
            }
            else
            {
                positional++;
            }
            k = end + 1;
        }
        int argsStart = tokens[name + 1].Span.End;
        int argsEnd = tokens[close].Span.Start;
        return new StarlarkCall(tokens[name].Value, tokens[name].Span, TextSpan.FromBounds(tokens[name].Span.Start, tokens[close].Span.End),
            keywords, positional, text.Substring(argsStart, Math.Max(0, argsEnd - argsStart)));
    }

    public static List<StarlarkToken> Tokenize(string text, List<SyntaxDiagnostic> diagnostics)
    {
        var tokens = new List<StarlarkToken>();
        int i = 0;
        int brackets = 0;
        while (i < text.Length)
        {
            WorkBudget.Charge(Budget.Tokens);
            char c = text[i];
            if (c == '\n')
            {
                // Inside brackets a line break is only white space, as in Python.
                if (brackets == 0) tokens.Add(new StarlarkToken(StarlarkTokenKind.Newline, new TextSpan(i, 1), "\n"));
                i++;
                continue;
            }
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '\\' && i + 1 < text.Length && text[i + 1] == '\n') { i += 2; continue; }
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            int start = i;
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                string word = text.Substring(start, i - start);
                // A string prefix (r, b, rb, br) right before a quote.
                if (i < text.Length && text[i] is '"' or '\'' && word.Length <= 2 && IsStringPrefix(word))
                {
                    tokens.Add(ReadString(text, ref i, start, raw: word.IndexOf('r') >= 0 || word.IndexOf('R') >= 0, diagnostics));
                    continue;
                }
                tokens.Add(new StarlarkToken(StarlarkTokenKind.Identifier, TextSpan.FromBounds(start, i), word));
                continue;
            }
            if (char.IsDigit(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '.')) i++;
                tokens.Add(new StarlarkToken(StarlarkTokenKind.Number, TextSpan.FromBounds(start, i), text.Substring(start, i - start)));
                continue;
            }
            if (c is '"' or '\'')
            {
                tokens.Add(ReadString(text, ref i, start, raw: false, diagnostics));
                continue;
            }
            if (c is '(' or '[' or '{') brackets++;
            else if (c is ')' or ']' or '}') brackets = Math.Max(0, brackets - 1);
            tokens.Add(new StarlarkToken(StarlarkTokenKind.Punctuation, new TextSpan(i, 1), c.ToString()));
            i++;
        }
        tokens.Add(new StarlarkToken(StarlarkTokenKind.End, new TextSpan(text.Length, 0), string.Empty));
        return tokens;
    }

    private static bool IsStringPrefix(string word)
    {
        foreach (char p in word)
            if (p is not ('r' or 'R' or 'b' or 'B')) return false;
        return true;
    }

    private static StarlarkToken ReadString(string text, ref int i, int start, bool raw, List<SyntaxDiagnostic> diagnostics)
    {
        char quote = text[i];
        bool triple = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        i += triple ? 3 : 1;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                if (raw) { value.Append(c).Append(text[i + 1]); i += 2; continue; }
                char next = text[i + 1];
                value.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', '\n' => '\0', _ => next });
                if (next == '\n') value.Length--;
                i += 2;
                continue;
            }
            if (c == quote && (!triple || (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)))
            {
                i += triple ? 3 : 1;
                return new StarlarkToken(StarlarkTokenKind.String, TextSpan.FromBounds(start, i), value.ToString());
            }
            if (c == '\n' && !triple) break;
            value.Append(c);
            i++;
        }
        diagnostics.Add(new SyntaxDiagnostic(TextSpan.FromBounds(start, Math.Min(i, text.Length)), "string is not closed"));
        return new StarlarkToken(StarlarkTokenKind.String, TextSpan.FromBounds(start, Math.Min(i, text.Length)), value.ToString());
    }
}
