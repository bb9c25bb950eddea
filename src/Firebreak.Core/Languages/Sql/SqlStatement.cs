using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Sql;

/// <summary>Which migration step a statement belongs to, from the file name or the tool's section markers.</summary>
public enum MigrationStep
{
    None,
    Up,
    Down,
}

/// <summary>One statement: its tokens without comments, split at <c>;</c> (and T-SQL <c>GO</c> lines).</summary>
public sealed class SqlStatement
{
    private readonly string _text;

    internal SqlStatement(string text, IReadOnlyList<SqlToken> tokens, MigrationStep step)
    {
        _text = text;
        Tokens = tokens;
        Step = step;
        Span = tokens.Count == 0 ? default : TextSpan.FromBounds(tokens[0].Span.Start, tokens[tokens.Count - 1].Span.End);
    }

    public IReadOnlyList<SqlToken> Tokens { get; }
    public TextSpan Span { get; }
    public MigrationStep Step { get; }

    public string TextOf(SqlToken token) => _text.Substring(token.Span.Start, token.Span.Length);

    /// <summary>True when token <paramref name="index"/> is the word <paramref name="keyword"/> (case-insensitive).</summary>
    public bool IsKeyword(int index, string keyword) =>
        index >= 0 && index < Tokens.Count && Tokens[index].Kind == SqlTokenKind.Word
        && string.Compare(_text, Tokens[index].Span.Start, keyword, 0, Math.Max(Tokens[index].Span.Length, keyword.Length), StringComparison.OrdinalIgnoreCase) == 0;

    public override string ToString() => _text.Substring(Span.Start, Span.Length);
}

/// <summary>Splits SQL text into statements and tells which migration step each belongs to.</summary>
public static class SqlStatements
{
    /// <summary>The statements, produced as they are read: a long script is never held whole as statements.</summary>
    public static IEnumerable<SqlStatement> Split(string text, MigrationStep initialStep = MigrationStep.None)
    {
        var current = new List<SqlToken>();
        var step = initialStep;
        var statementStep = step;
        foreach (var token in SqlLexer.Lex(text))
        {
            if (token.Kind == SqlTokenKind.Comment)
            {
                if (MarkerStep(text.Substring(token.Span.Start, token.Span.Length)) is { } marker)
                {
                    if (Take(text, current, statementStep) is { } before) yield return before;
                    step = statementStep = marker;
                }
                continue;
            }
            if (token.Kind == SqlTokenKind.Semicolon || IsBatchSeparator(text, token))
            {
                if (Take(text, current, statementStep) is { } statement) yield return statement;
                statementStep = step;
                continue;
            }
            if (current.Count == 0) statementStep = step;
            current.Add(token);
        }
        if (Take(text, current, statementStep) is { } last) yield return last;
    }

    private static SqlStatement? Take(string text, List<SqlToken> current, MigrationStep step)
    {
        if (current.Count == 0) return null;
        var statement = new SqlStatement(text, current.ToArray(), step);
        current.Clear();
        return statement;
    }

    /// <summary>T-SQL <c>GO</c> alone on its line.</summary>
    private static bool IsBatchSeparator(string text, SqlToken token)
    {
        if (token.Kind != SqlTokenKind.Word || token.Span.Length != 2
            || string.Compare(text, token.Span.Start, "GO", 0, 2, StringComparison.OrdinalIgnoreCase) != 0) return false;
        int before = token.Span.Start - 1;
        while (before >= 0 && text[before] is ' ' or '\t') before--;
        int after = token.Span.End;
        while (after < text.Length && text[after] is ' ' or '\t' or '\r') after++;
        return (before < 0 || text[before] == '\n') && (after >= text.Length || text[after] == '\n');
    }

    /// <summary>
    /// goose (<c>-- +goose Down</c>), sql-migrate (<c>-- +migrate Down</c>) and dbmate (<c>-- migrate:down</c>) sections.
    /// </summary>
    internal static MigrationStep? MarkerStep(string comment)
    {
        string c = comment.TrimStart('-', ' ', '\t').TrimEnd().ToLowerInvariant();
        if (c.StartsWith("+goose ", StringComparison.Ordinal) || c.StartsWith("+migrate ", StringComparison.Ordinal))
        {
            string rest = c.Substring(c.IndexOf(' ') + 1).Trim();
            if (rest.StartsWith("down", StringComparison.Ordinal)) return MigrationStep.Down;
            if (rest.StartsWith("up", StringComparison.Ordinal)) return MigrationStep.Up;
            return null;
        }
        if (c.StartsWith("migrate:down", StringComparison.Ordinal)) return MigrationStep.Down;
        if (c.StartsWith("migrate:up", StringComparison.Ordinal)) return MigrationStep.Up;
        return null;
    }

    /// <summary><c>0003_users.down.sql</c>, <c>20240101_drop_down.sql</c>, <c>down.sql</c> (golang-migrate, diesel, sqlx).</summary>
    public static MigrationStep StepOfPath(string path)
    {
        string name = path.Replace('\\', '/');
        name = name.Substring(name.LastIndexOf('/') + 1).ToLowerInvariant();
        if (IsStepName(name, "down")) return MigrationStep.Down;
        if (IsStepName(name, "up")) return MigrationStep.Up;
        return MigrationStep.None;
    }

    /// <summary><c>down.sql</c>, <c>x.down.sql</c>, <c>x_down.sql</c>, <c>x-down.sql</c>; not <c>teardown.sql</c>.</summary>
    private static bool IsStepName(string name, string step)
    {
        string suffix = step + ".sql";
        if (name == suffix) return true;
        if (!name.EndsWith(suffix, StringComparison.Ordinal)) return false;
        char before = name[name.Length - suffix.Length - 1];
        return before is '.' or '_' or '-';
    }
}
