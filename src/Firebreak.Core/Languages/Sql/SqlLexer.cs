using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Sql;

public enum SqlTokenKind
{
    /// <summary>A keyword or unquoted identifier.</summary>
    Word,

    /// <summary><c>"name"</c>, <c>`name`</c>, <c>[name]</c>.</summary>
    QuotedIdentifier,

    /// <summary><c>'text'</c>, <c>E'text'</c>, <c>N'text'</c>, <c>$$text$$</c>, <c>$tag$text$tag$</c>.</summary>
    String,
    Number,
    Comment,
    Semicolon,
    OpenParen,
    CloseParen,

    /// <summary>Any other character (operators, commas, dots, parameters).</summary>
    Symbol,
}

public readonly struct SqlToken
{
    public SqlToken(SqlTokenKind kind, TextSpan span)
    {
        Kind = kind;
        Span = span;
    }

    public SqlTokenKind Kind { get; }
    public TextSpan Span { get; }
}

/// <summary>
/// A dialect-tolerant SQL lexer: strings (<c>''</c> doubling, <c>E'\''</c> escapes), quoted identifiers in the three
/// styles, PostgreSQL dollar quoting, <c>--</c> and nested <c>/* */</c> comments. It never throws: an unterminated
/// string or comment runs to the end of the text.
/// </summary>
public static class SqlLexer
{
    /// <summary>The tokens, produced as they are read: a long script is never held as one token list.</summary>
    public static IEnumerable<SqlToken> Lex(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int start = i;
            if (!char.IsWhiteSpace(c)) WorkBudget.Charge(Budget.Tokens);
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '-' && Next(text, i) == '-')
            {
                while (i < text.Length && text[i] != '\n') i++;
                yield return new SqlToken(SqlTokenKind.Comment, TextSpan.FromBounds(start, i));
                continue;
            }
            if (c == '/' && Next(text, i) == '*')
            {
                int depth = 0;
                while (i < text.Length)
                {
                    if (text[i] == '/' && Next(text, i) == '*') { depth++; i += 2; continue; }
                    if (text[i] == '*' && Next(text, i) == '/') { depth--; i += 2; if (depth == 0) break; continue; }
                    i++;
                }
                yield return new SqlToken(SqlTokenKind.Comment, TextSpan.FromBounds(start, i));
                continue;
            }
            if (c == '\'')
            {
                i = SkipQuoted(text, i, '\'', backslashEscapes: false);
                yield return new SqlToken(SqlTokenKind.String, TextSpan.FromBounds(start, i));
                continue;
            }
            if ((c is 'E' or 'e') && Next(text, i) == '\'')
            {
                i = SkipQuoted(text, i + 1, '\'', backslashEscapes: true);
                yield return new SqlToken(SqlTokenKind.String, TextSpan.FromBounds(start, i));
                continue;
            }
            if (c is '"' or '`')
            {
                i = SkipQuoted(text, i, c, backslashEscapes: false);
                yield return new SqlToken(SqlTokenKind.QuotedIdentifier, TextSpan.FromBounds(start, i));
                continue;
            }
            if (c == '[')
            {
                i = SkipQuoted(text, i, ']', backslashEscapes: false);
                yield return new SqlToken(SqlTokenKind.QuotedIdentifier, TextSpan.FromBounds(start, i));
                continue;
            }
            if (c == '$' && TryDollarQuote(text, i, out int end))
            {
                i = end;
                yield return new SqlToken(SqlTokenKind.String, TextSpan.FromBounds(start, i));
                continue;
            }
            if (char.IsLetter(c) || c == '_' || c == '@' || c == '#')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$' or '@' or '#')) i++;
                yield return new SqlToken(SqlTokenKind.Word, TextSpan.FromBounds(start, i));
                continue;
            }
            if (char.IsDigit(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '.')) i++;
                yield return new SqlToken(SqlTokenKind.Number, TextSpan.FromBounds(start, i));
                continue;
            }
            i++;
            var kind = c switch
            {
                ';' => SqlTokenKind.Semicolon,
                '(' => SqlTokenKind.OpenParen,
                ')' => SqlTokenKind.CloseParen,
                _ => SqlTokenKind.Symbol,
            };
            yield return new SqlToken(kind, new TextSpan(start, 1));
        }
    }

    private static char Next(string text, int i) => i + 1 < text.Length ? text[i + 1] : '\0';

    /// <summary>From the opening quote at <paramref name="i"/> to just past the closing one; a doubled quote is an escape.</summary>
    private static int SkipQuoted(string text, int i, char close, bool backslashEscapes)
    {
        i++;
        while (i < text.Length)
        {
            char c = text[i];
            if (backslashEscapes && c == '\\') { i += 2; continue; }
            if (c == close)
            {
                if (Next(text, i) == close) { i += 2; continue; }
                return i + 1;
            }
            i++;
        }
        return text.Length;
    }

    /// <summary><c>$$…$$</c> or <c>$tag$…$tag$</c>; <c>$1</c> (a parameter) is not a quote.</summary>
    private static bool TryDollarQuote(string text, int i, out int end)
    {
        end = i;
        int j = i + 1;
        while (j < text.Length && (char.IsLetter(text[j]) || text[j] == '_' || (j > i + 1 && char.IsDigit(text[j])))) j++;
        if (j >= text.Length || text[j] != '$') return false;
        string tag = text.Substring(i, j - i + 1);
        int close = text.IndexOf(tag, j + 1, StringComparison.Ordinal);
        end = close < 0 ? text.Length : close + tag.Length;
        return true;
    }
}
