using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Sql;

public enum SqlDestructionKind
{
    DropDatabase,
    DropSchema,
    DropTable,
    Truncate,
    DeleteWithoutWhere,
    UpdateWithoutWhere,
}

/// <summary>A statement that destroys data, and the part of it that says so (<c>DROP TABLE users</c>).</summary>
public sealed class SqlDestruction
{
    internal SqlDestruction(SqlDestructionKind kind, SqlStatement statement, TextSpan span, string? target, bool cascade)
    {
        Kind = kind;
        Statement = statement;
        Span = span;
        Target = target;
        Cascade = cascade;
    }

    public SqlDestructionKind Kind { get; }
    public SqlStatement Statement { get; }

    /// <summary>From the verb to the first object name, in the coordinates of the lexed text.</summary>
    public TextSpan Span { get; }

    /// <summary>The (first) object name as written, or null when it is missing.</summary>
    public string? Target { get; }

    /// <summary><c>CASCADE</c>: dependent objects go too.</summary>
    public bool Cascade { get; }

    /// <summary>Finds the destructive statements of <paramref name="text"/>; <paramref name="step"/> is the step the text starts in.</summary>
    public static IEnumerable<SqlDestruction> Find(string text, MigrationStep step = MigrationStep.None)
    {
        // Produced as found: a script of a million statements is read, not held.
        foreach (var statement in SqlStatements.Split(text, step))
            if (Of(statement) is { } destruction) yield return destruction;
    }

    public static SqlDestruction? Of(SqlStatement s)
    {
        var tokens = s.Tokens;
        if (tokens.Count < 2) return null;
        int verb = 0;
        if (s.IsKeyword(0, "WITH"))
        {
            // WITH … AS (…) DELETE/UPDATE: the verb is the first top-level DML keyword after the CTEs.
            verb = -1;
            int depth = 0;
            for (int i = 1; i < tokens.Count; i++)
            {
                if (tokens[i].Kind == SqlTokenKind.OpenParen) depth++;
                else if (tokens[i].Kind == SqlTokenKind.CloseParen) depth--;
                else if (depth == 0 && (s.IsKeyword(i, "DELETE") || s.IsKeyword(i, "UPDATE") || s.IsKeyword(i, "SELECT") || s.IsKeyword(i, "INSERT") || s.IsKeyword(i, "MERGE")))
                {
                    verb = i;
                    break;
                }
            }
            if (verb < 0) return null;
        }

        if (s.IsKeyword(verb, "DROP"))
        {
            int k = verb + 1;
            if (s.IsKeyword(k, "TEMPORARY") || s.IsKeyword(k, "TEMP")) return null;
            SqlDestructionKind kind;
            if (s.IsKeyword(k, "DATABASE")) kind = SqlDestructionKind.DropDatabase;
            else if (s.IsKeyword(k, "SCHEMA")) kind = SqlDestructionKind.DropSchema;
            else if (s.IsKeyword(k, "TABLE")) kind = SqlDestructionKind.DropTable;
            else return null;
            k++;
            if (s.IsKeyword(k, "IF") && s.IsKeyword(k + 1, "EXISTS")) k += 2;
            return Build(kind, s, verb, k);
        }
        if (s.IsKeyword(verb, "TRUNCATE"))
        {
            int k = verb + 1;
            if (s.IsKeyword(k, "TABLE")) k++;
            if (s.IsKeyword(k, "ONLY")) k++;
            return Build(SqlDestructionKind.Truncate, s, verb, k);
        }
        if (s.IsKeyword(verb, "DELETE"))
        {
            int k = verb + 1;
            if (s.IsKeyword(k, "FROM")) k++;
            if (s.IsKeyword(k, "ONLY")) k++;
            if (HasTopLevel(s, verb + 1, "WHERE", "LIMIT", "TOP") || HasTopLevel(s, verb + 1, "CURRENT")) return null;
            return Build(SqlDestructionKind.DeleteWithoutWhere, s, verb, k);
        }
        if (s.IsKeyword(verb, "UPDATE"))
        {
            int k = verb + 1;
            if (s.IsKeyword(k, "ONLY")) k++;
            if (!HasTopLevel(s, verb + 1, "SET") || HasTopLevel(s, verb + 1, "WHERE", "LIMIT", "TOP")) return null;
            return Build(SqlDestructionKind.UpdateWithoutWhere, s, verb, k);
        }
        return null;
    }

    private static bool HasTopLevel(SqlStatement s, int from, params string[] keywords)
    {
        int depth = 0;
        for (int i = from; i < s.Tokens.Count; i++)
        {
            var kind = s.Tokens[i].Kind;
            if (kind == SqlTokenKind.OpenParen) depth++;
            else if (kind == SqlTokenKind.CloseParen) depth--;
            else if (depth == 0)
                foreach (var keyword in keywords)
                    if (s.IsKeyword(i, keyword)) return true;
        }
        return false;
    }

    /// <summary>The span runs from the verb to the end of the (possibly qualified) name at <paramref name="nameIndex"/>.</summary>
    private static SqlDestruction? Build(SqlDestructionKind kind, SqlStatement s, int verb, int nameIndex)
    {
        var tokens = s.Tokens;
        if (nameIndex >= tokens.Count) return null;
        if (IsTemplateStart(s, tokens[nameIndex]))
        {
            // A name filled in by a template or client variable (`{{.DB_NAME}}`, `:dbname`, `@db`, `${DB}`): the name is
            // the run of adjacent tokens it spans.
            int end = nameIndex;
            while (end + 1 < tokens.Count && tokens[end + 1].Span.Start == tokens[end].Span.End && tokens[end + 1].Kind != SqlTokenKind.Semicolon) end++;
            return Build(kind, s, verb, nameIndex, end);
        }
        if (tokens[nameIndex].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier))
            return null;
        int last = nameIndex;
        while (last + 2 < tokens.Count && tokens[last + 1].Kind == SqlTokenKind.Symbol && s.TextOf(tokens[last + 1]) == "."
               && tokens[last + 2].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
            last += 2;
        return Build(kind, s, verb, nameIndex, last);
    }

    private static bool IsTemplateStart(SqlStatement s, SqlToken token) =>
        token.Kind == SqlTokenKind.Symbol && s.TextOf(token) is { Length: > 0 } text && text[0] is '{' or ':' or '@' or '$';

    private static SqlDestruction Build(SqlDestructionKind kind, SqlStatement s, int verb, int nameIndex, int last)
    {
        var tokens = s.Tokens;
        var span = TextSpan.FromBounds(tokens[verb].Span.Start, tokens[last].Span.End);
        string target = s.TextOf(tokens[nameIndex]);
        for (int i = nameIndex + 1; i <= last; i++) target += s.TextOf(tokens[i]);
        bool cascade = false;
        for (int i = last + 1; i < tokens.Count; i++) cascade |= s.IsKeyword(i, "CASCADE");
        return new SqlDestruction(kind, s, span, target, cascade);
    }
}
