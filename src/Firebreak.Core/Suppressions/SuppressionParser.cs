using System;
using System.Collections.Generic;
using System.Globalization;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages;
using Firebreak.Core.Rules;
using Firebreak.Core.Text;

namespace Firebreak.Core.Suppressions;

/// <summary>
/// Reads <c>firebreak:ignore FB1001[,FB1002] [until=YYYY-MM-DD] -- reason</c> from comments. A reason is required, IDs
/// must be known and the date must not have passed; otherwise the suppression is kept with its problem so the engine
/// can report it (FB0003) instead of silently ignoring or honouring it.
/// </summary>
public static class SuppressionParser
{
    public const string Directive = "firebreak:ignore";

    public static IReadOnlyList<Suppression> Parse(SourceText text, IEnumerable<CommentTrivia> comments, DateTime today)
    {
        var result = new List<Suppression>();
        foreach (var comment in comments)
        {
            int at = DirectiveStart(comment.Text);
            if (at < 0) continue;
            int offsetInComment = LocateInHost(text, comment, at);
            var span = TextSpan.FromBounds(offsetInComment, comment.Span.End);
            int line = text.GetPosition(offsetInComment).Line;
            result.Add(ParseDirective(comment.Text.Substring(at + Directive.Length), span, line, today));
        }
        return result;
    }

    /// <summary>
    /// Where the directive starts when the comment IS a directive: it must open the comment (after blanks and comment
    /// decoration such as <c>#</c>, <c>*</c>, <c>/</c>, <c>!</c>, <c>-</c>), so prose that mentions the syntax, like this
    /// sentence's <c>firebreak:ignore</c>, is not read as one.
    /// </summary>
    internal static int DirectiveStart(string commentText)
    {
        int i = 0;
        while (i < commentText.Length && (char.IsWhiteSpace(commentText[i]) || "#/*!-".IndexOf(commentText[i]) >= 0)) i++;
        return string.Compare(commentText, i, Directive, 0, Directive.Length, StringComparison.OrdinalIgnoreCase) == 0 ? i : -1;
    }

    private static int LocateInHost(SourceText text, CommentTrivia comment, int at)
    {
        int found = text.Text.IndexOf(Directive, comment.Span.Start, Math.Max(0, Math.Min(comment.Span.Length, text.Length - comment.Span.Start)), StringComparison.OrdinalIgnoreCase);
        return found >= 0 ? found : comment.Span.Start;
    }

    internal static Suppression ParseDirective(string rest, TextSpan span, int line, DateTime today)
    {
        string body = rest;
        string? reason = null;
        int dashes = rest.IndexOf("--", StringComparison.Ordinal);
        if (dashes >= 0)
        {
            body = rest.Substring(0, dashes);
            reason = rest.Substring(dashes + 2).Trim();
            // A comment closer that the lexer left in (`-->`, `*/`) is not part of the reason.
            foreach (var closer in new[] { "-->", "*/" })
            {
                if (reason.EndsWith(closer, StringComparison.Ordinal)) reason = reason.Substring(0, reason.Length - closer.Length).Trim();
            }
            if (reason.StartsWith(">", StringComparison.Ordinal)) reason = null;
        }

        var ids = new List<string>();
        DateTime? until = null;
        string? problem = null;
        foreach (var raw in body.Split(new[] { ' ', '\t', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string token = raw.Trim();
            if (token.StartsWith("until=", StringComparison.OrdinalIgnoreCase))
            {
                if (DateTime.TryParseExact(token.Substring(6), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) until = date;
                else problem ??= $"'{token}' is not a date of the form until=YYYY-MM-DD";
                continue;
            }
            if (RuleCatalog.Find(token) is { } rule) ids.Add(rule.Id);
            else problem ??= $"'{token}' is not a Firebreak rule ID";
        }

        if (problem is null && ids.Count == 0) problem = "it names no rule ID (write firebreak:ignore FBnnnn -- reason)";
        if (problem is null && string.IsNullOrWhiteSpace(reason)) problem = "it gives no reason (write the reason after ' -- ')";
        if (problem is null && until is { } expiry && expiry.Date < today.Date)
            problem = $"it expired on {expiry:yyyy-MM-dd}";
        return new Suppression(span, line, ids, reason, until, problem);
    }
}
