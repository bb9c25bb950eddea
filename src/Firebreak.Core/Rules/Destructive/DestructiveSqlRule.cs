using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Firebreak.Core.Commands;
using Firebreak.Core.Languages.Sql;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Destructive;

/// <summary>
/// FB1003: SQL that drops a database, schema or table, truncates a table, or deletes/updates every row — in a
/// <c>.sql</c> file or handed to a client (<c>psql -c</c>, a heredoc, <c>mysql -e</c>, <c>sqlcmd -Q</c>, <c>echo … | psql</c>).
/// A migration's down step is expected to drop what its up step created, and stays quiet.
/// </summary>
public sealed class DestructiveSqlRule : ShellCommandRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.DestructiveSql;


    private static readonly KeywordPrefilter Keywords = new(new[] { "drop", "truncate", "delete", "update" });

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) => kind == FileKind.Sql || ShellSources.CanHoldShell(kind);

    public override bool MightMatch(string text) => Keywords.ContainsAny(text);

    /// <summary>A <c>.sql</c> file's own statements (it holds no scripts, so no command follows).</summary>
    protected override void AnalyzeOther(ShellCommandScope scope)
    {
        var document = scope.Document;
        if (document.Kind != FileKind.Sql) return;
        var step = SqlStatements.StepOfPath(document.Path);
        foreach (var destruction in SqlDestruction.Find(document.Text.Text, step))
            Report(document, scope.Sink, destruction, destruction.Span, "This statement", production: false, where: null);
    }

    /// <summary>SQL handed to a database client (<c>psql -c</c>, a heredoc, a piped file of the scan).</summary>
    protected override void Check(ShellCommand command, ShellSource source, ShellCommandScope scope)
    {
        if (!SqlClientInput.IsClient(command.Name)) return;
        var document = scope.Document;
        foreach (var input in SqlClientInput.Of(command))
        {
            var span = command.Span;
            string text = document.Text.Text;
            bool production = EnvironmentClassifier.IsProduction(text, Math.Min(span.Start, text.Length), Math.Min(span.End, text.Length))
                || source.Context.Environment != null && EnvironmentClassifier.IsProduction(source.Context.Environment);
            string? where = source.Context.Environment != null && EnvironmentClassifier.IsProduction(source.Context.Environment)
                ? $"{source.Host} '{source.Context.Name}' with `environment: {source.Context.Environment}`"
                : null;
            bool? local = null; // IsLocal reads the command's options: once per input, and only for a test database's name
            foreach (var destruction in SqlDestruction.Find(input.Text.Value))
                Report(document, scope.Sink, destruction, input.Text.MapToHost(destruction.Span), $"SQL sent through {input.Via}", production, where,
                    localTest: !production && IsTestName(destruction.Target) && (local ??= input.IsLocal));
        }
    }

    /// <summary>
    /// <c>test</c>, <c>test_app</c>, <c>app_test</c>: the scratch database a test container or a CI service starts
    /// empty. Dropping it on a local server loses nothing the run did not create.
    /// </summary>
    private static bool IsTestName(string? target)
    {
        if (target is null || target.IndexOf("test", StringComparison.OrdinalIgnoreCase) < 0) return false; // most names, without a copy
        var name = target.Trim('`', '"', '[', ']').ToLowerInvariant();
        return name is "test" or "tests" or "testdb" or "test_db" || name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test", StringComparison.Ordinal) || name.EndsWith("_tests", StringComparison.Ordinal);
    }

    private static void Report(DocumentContext document, FindingSink sink, SqlDestruction destruction, TextSpan span, string subject, bool production, string? where, bool localTest = false)
    {
        if (destruction.Statement.Step == MigrationStep.Down || sink.CountIfFull(Descriptor, document, span)) return;
        string target = destruction.Target ?? "the table";
        string what = destruction.Kind switch
        {
            SqlDestructionKind.DropDatabase => $"drops the database {target} with every table and row in it",
            SqlDestructionKind.DropSchema => $"drops the schema {target}" + (destruction.Cascade ? " and, with CASCADE, every table in it" : " and what it holds"),
            SqlDestructionKind.DropTable => $"drops the table {target} with all its rows" + (destruction.Cascade ? " and, with CASCADE, the objects that depend on it" : string.Empty),
            SqlDestructionKind.Truncate => $"deletes every row of {target}",
            SqlDestructionKind.DeleteWithoutWhere => $"deletes every row of {target}: the DELETE has no WHERE",
            _ => $"overwrites the updated columns in every row of {target}: the UPDATE has no WHERE",
        };
        var level = destruction.Kind is SqlDestructionKind.DropDatabase || destruction.Kind is SqlDestructionKind.DropSchema && destruction.Cascade
            ? FindingLevel.Error
            : Descriptor.DefaultLevel;
        string message = $"{subject} `{Slice(document.Text.Text, span)}` {what}.";
        if (where != null) message += $" It runs in {where}.";
        else if (production) message += " The command names a production target.";
        if (production) level = FindingLevel.Error;
        if (localTest)
        {
            // A local server's test database: what it loses is what the run created. Said, not raised.
            sink.Report(Descriptor, document, span,
                $"{subject} `{Slice(document.Text.Text, span)}` {what} on a local server (no remote host): a test database the run recreates, so this is a note; make sure the script never runs against a shared server.",
                FindingLevel.Note, destruction.Kind + ":" + target);
            return;
        }
        if (level == FindingLevel.Error && destruction.Kind is SqlDestructionKind.DropDatabase or SqlDestructionKind.DropSchema) message += " Only a backup taken elsewhere brings it back.";
        message += destruction.Kind is SqlDestructionKind.DeleteWithoutWhere or SqlDestructionKind.UpdateWithoutWhere
            ? " Add a WHERE clause, or take a backup just before and require a review."
            : " Take a backup just before and keep the statement in a reviewed migration, not in a script that can run unattended.";
        sink.Report(Descriptor, document, span, message, level, destruction.Kind + ":" + target);
    }

    private static string Slice(string text, TextSpan span) =>
        span.Start >= text.Length ? string.Empty : text.Substring(span.Start, Math.Min(span.Length, text.Length - span.Start));
}
