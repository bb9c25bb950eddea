using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages;

/// <summary>
/// Finds the comments of a file kind that has no full parser here yet (Dockerfile, TOML, .env, SQL, Makefile, …):
/// a small lexer that knows the kind's comment markers and its string quotes, so a <c>#</c> inside a string is not a
/// comment. Languages with a parser take their comments from the parser instead.
/// </summary>
public sealed class CommentLexer
{
    public static readonly CommentLexer Hash = new(lineMarkers: new[] { "#" }, blockStart: null, blockEnd: null, quotes: "\"'", hashNeedsSpace: true);
    public static readonly CommentLexer HashAndSlashes = new(lineMarkers: new[] { "#", "//" }, blockStart: "/*", blockEnd: "*/", quotes: "\"", hashNeedsSpace: false);
    public static readonly CommentLexer Sql = new(lineMarkers: new[] { "--" }, blockStart: "/*", blockEnd: "*/", quotes: "'\"", hashNeedsSpace: false);
    public static readonly CommentLexer SlashesOnly = new(lineMarkers: new[] { "//" }, blockStart: "/*", blockEnd: "*/", quotes: "\"", hashNeedsSpace: false);
    public static readonly CommentLexer Markdown = new(lineMarkers: Array.Empty<string>(), blockStart: "<!--", blockEnd: "-->", quotes: "", hashNeedsSpace: false);

    private readonly string[] _lineMarkers;
    private readonly string? _blockStart;
    private readonly string? _blockEnd;
    private readonly string _quotes;
    private readonly bool _hashNeedsSpace;

    private CommentLexer(string[] lineMarkers, string? blockStart, string? blockEnd, string quotes, bool hashNeedsSpace)
    {
        _lineMarkers = lineMarkers;
        _blockStart = blockStart;
        _blockEnd = blockEnd;
        _quotes = quotes;
        _hashNeedsSpace = hashNeedsSpace;
    }

    public IReadOnlyList<CommentTrivia> Lex(string text)
    {
        var comments = new List<CommentTrivia>();
        int i = 0;
        char quote = '\0';
        while (i < text.Length)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"') { i += 2; continue; }
                if (c == quote || c == '\n') quote = '\0';
                i++;
                continue;
            }
            if (_quotes.IndexOf(c) >= 0 && c != '\0')
            {
                // A quote inside a word (it's, don't) in prose-like files is not a string start.
                if (!(c == '\'' && i > 0 && char.IsLetter(text[i - 1]))) quote = c;
                i++;
                continue;
            }
            if (_blockStart is not null && string.CompareOrdinal(text, i, _blockStart, 0, _blockStart.Length) == 0)
            {
                int end = text.IndexOf(_blockEnd!, i + _blockStart.Length, StringComparison.Ordinal);
                int stop = end < 0 ? text.Length : end + _blockEnd!.Length;
                int bodyEnd = end < 0 ? text.Length : end;
                comments.Add(new CommentTrivia(TextSpan.FromBounds(i, stop), text.Substring(i + _blockStart.Length, bodyEnd - i - _blockStart.Length)));
                i = stop;
                continue;
            }
            string? marker = LineMarkerAt(text, i);
            if (marker is not null)
            {
                int end = text.IndexOf('\n', i);
                if (end < 0) end = text.Length;
                int contentEnd = end > i && text[end - 1] == '\r' ? end - 1 : end;
                comments.Add(new CommentTrivia(TextSpan.FromBounds(i, contentEnd), text.Substring(i + marker.Length, contentEnd - i - marker.Length)));
                i = end;
                continue;
            }
            i++;
        }
        return comments;
    }

    private string? LineMarkerAt(string text, int i)
    {
        foreach (var marker in _lineMarkers)
        {
            if (string.CompareOrdinal(text, i, marker, 0, marker.Length) != 0) continue;
            // In shell-like files `#` starts a comment only at a word start (`a#b` is a word).
            if (marker == "#" && _hashNeedsSpace && i > 0 && !char.IsWhiteSpace(text[i - 1]) && text[i - 1] != ';') continue;
            return marker;
        }
        return null;
    }
}
