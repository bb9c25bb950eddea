using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Firebreak.Analyzers.CSharp;
using Firebreak.Core.Languages.Sql;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Firebreak.Analyzers;

/// <summary>
/// FB1003 in C#: SQL that a program hands to the database — Entity Framework Core's <c>ExecuteSqlRaw</c>,
/// <c>ExecuteSql[Interpolated]</c> and <c>FromSql*</c>, an ADO.NET command's text (<c>SqlCommand</c>,
/// <c>NpgsqlCommand</c>, <c>MySqlCommand</c>: any <c>DbCommand</c>), Dapper's <c>Execute*</c>/<c>Query*</c> — folded to
/// its constant text and lexed by the engine's SQL classifier (the one the <c>.sql</c> files and <c>psql -c</c> go
/// through). EF Core migrations: <c>DropTable</c>, <c>DropColumn</c>, <c>DropSchema</c> and destructive <c>Sql(…)</c>
/// in <c>Up</c> (a <c>Down</c> undoes what its <c>Up</c> made, and stays quiet). Test projects and test classes stay quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DestructiveSqlInCodeAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = FirebreakDiagnostics.ById[RuleIds.DestructiveSql];

    private const string EfDatabaseExtensions = "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions";
    private const string EfQueryableExtensions = "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions";
    private const string DapperSqlMapper = "Dapper.SqlMapper";
    private const string DbCommandName = "System.Data.Common.DbCommand";
    private const string IDbCommandName = "System.Data.IDbCommand";
    private const string MigrationBuilderName = "Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder";

    private static readonly string[] SqlParameterNames = { "sql", "cmdText", "commandText" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext start)
    {
        var compilation = start.Compilation;
        if (TestCode.IsTestProject(compilation)) return;
        var sqlMethodTypes = new[] { EfDatabaseExtensions, EfQueryableExtensions, DapperSqlMapper }
            .Select(compilation.GetTypeByMetadataName).OfType<INamedTypeSymbol>().ToImmutableArray();
        var commandTypes = new[] { DbCommandName, IDbCommandName }
            .Select(compilation.GetTypeByMetadataName).OfType<INamedTypeSymbol>().ToImmutableArray();
        var migrationBuilder = compilation.GetTypeByMetadataName(MigrationBuilderName);
        if (sqlMethodTypes.IsEmpty && commandTypes.IsEmpty && migrationBuilder is null) return;

        var testCode = new TestCode();
        if (!sqlMethodTypes.IsEmpty || migrationBuilder is not null)
            start.RegisterOperationAction(c => AnalyzeInvocation(c, sqlMethodTypes, migrationBuilder, testCode), OperationKind.Invocation);
        if (!commandTypes.IsEmpty)
        {
            start.RegisterOperationAction(c => AnalyzeCommandCreation(c, commandTypes, testCode), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeCommandText(c, commandTypes, testCode), OperationKind.SimpleAssignment);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol> sqlMethodTypes, INamedTypeSymbol? migrationBuilder, TestCode testCode)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        string name = method.Name;
        if (migrationBuilder is not null && name is "DropTable" or "DropColumn" or "DropSchema" or "Sql"
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, migrationBuilder))
        {
            AnalyzeMigration(context, invocation, testCode);
            return;
        }
        if (!(name.StartsWith("ExecuteSql", System.StringComparison.Ordinal) || name.StartsWith("FromSql", System.StringComparison.Ordinal)
              || name.StartsWith("Execute", System.StringComparison.Ordinal) || name.StartsWith("Query", System.StringComparison.Ordinal))) return;
        if (!sqlMethodTypes.Contains(method.ContainingType.OriginalDefinition, SymbolEqualityComparer.Default)) return;
        if (CallSites.Argument(invocation, SqlParameterNames) is not { } sql) return;
        if (testCode.IsInTest(context.ContainingSymbol)) return;
        ReportSql(context, sql.Value, $"`{name}`");
    }

    private static void AnalyzeCommandCreation(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol> commandTypes, TestCode testCode)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol type || !commandTypes.Any(t => ValueFolding.IsOrDerivesFrom(type, t))) return;
        if (CallSites.Argument(creation, SqlParameterNames) is not { } sql) return;
        if (testCode.IsInTest(context.ContainingSymbol)) return;
        ReportSql(context, sql.Value, $"`new {type.Name}(…)`");
    }

    private static void AnalyzeCommandText(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol> commandTypes, TestCode testCode)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "CommandText" } target) return;
        var type = target.Instance?.Type ?? target.Property.ContainingType;
        if (!commandTypes.Any(t => ValueFolding.IsOrDerivesFrom(type, t))) return;
        if (testCode.IsInTest(context.ContainingSymbol)) return;
        ReportSql(context, assignment.Value, $"`{type.Name}.CommandText`");
    }

    private static void AnalyzeMigration(OperationAnalysisContext context, IInvocationOperation invocation, TestCode testCode)
    {
        // Only the Up step of a migration: Down drops what Up created, and a builder passed elsewhere is unknown.
        if (context.ContainingSymbol is not IMethodSymbol { Name: "Up" } || testCode.IsInTest(context.ContainingSymbol)) return;
        string method = invocation.TargetMethod.Name;
        if (method == "Sql")
        {
            if (CallSites.Argument(invocation, "sql") is { } sql) ReportSql(context, sql.Value, "the migration's `Sql`");
            return;
        }
        string? name = CallSites.Argument(invocation, "name") is { } n ? ValueFolding.String(n.Value) : null;
        string? table = CallSites.Argument(invocation, "table") is { } t ? ValueFolding.String(t.Value) : null;
        string? message = method switch
        {
            "DropTable" => $"The migration's Up step drops the table {name ?? "it names"} with all its rows (`DropTable`).",
            "DropColumn" => $"The migration's Up step drops the column {name ?? "it names"}{(table is null ? string.Empty : " of " + table)} with its data in every row (`DropColumn`).",
            _ => $"The migration's Up step drops the schema {name ?? "it names"} and what it holds (`DropSchema`).",
        };
        message += " Applying it cannot be undone by the Down step; copy the data first or keep it in a reviewed, backed-up release.";
        context.ReportDiagnostic(Diagnostic.Create(Rule, CallSites.NameLocation(invocation), DiagnosticSeverity.Warning, null, null, message));
    }

    private static void ReportSql(OperationAnalysisContext context, IOperation value, string via)
    {
        if (ValueFolding.String(value) is not { } sql) return;
        foreach (var destruction in SqlDestruction.Find(sql))
        {
            var span = destruction.Span;
            string statement = sql.Substring(span.Start, span.Length);
            var (what, level) = Describe(destruction);
            string message = $"SQL sent through {via} `{statement}` {what}."
                + (level == DiagnosticSeverity.Error && destruction.Kind is SqlDestructionKind.DropDatabase or SqlDestructionKind.DropSchema ? " Only a backup taken elsewhere brings it back." : string.Empty)
                + (destruction.Kind is SqlDestructionKind.DeleteWithoutWhere or SqlDestructionKind.UpdateWithoutWhere
                    ? " Add a WHERE clause, or take a backup just before and require a review."
                    : " Take a backup just before and keep the statement in a reviewed migration, not in code that can run unattended.");
            context.ReportDiagnostic(Diagnostic.Create(Rule, ValueFolding.LocationIn(value, span.Start, span.Length), level, null, null, message));
        }
    }

    /// <summary>The same words and levels as the engine's FB1003 over <c>.sql</c> files and <c>psql -c</c>.</summary>
    internal static (string What, DiagnosticSeverity Level) Describe(SqlDestruction destruction)
    {
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
        bool error = destruction.Kind is SqlDestructionKind.DropDatabase || destruction.Kind is SqlDestructionKind.DropSchema && destruction.Cascade;
        return (what, error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning);
    }
}
