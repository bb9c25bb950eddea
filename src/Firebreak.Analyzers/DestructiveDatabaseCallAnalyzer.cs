using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Analyzers.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Firebreak.Analyzers;

/// <summary>
/// FB1004, natively on C#: SDK calls that delete a database or its backups. EF Core's
/// <c>DatabaseFacade.EnsureDeleted()</c> drops the whole database (a warning, quiet in tests); an RDS
/// <c>DeleteDBInstanceRequest</c> / <c>DeleteDBClusterRequest</c> with <c>SkipFinalSnapshot = true</c> or
/// <c>DeleteAutomatedBackups = true</c> deletes it with nothing to restore from (an error). Shaped like NetAnalyzers'
/// <c>DoNotUseAccountSAS</c>: the SDK types are resolved once per compilation and nothing is registered without them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DestructiveDatabaseCallAnalyzer : DiagnosticAnalyzer
{
    private const string DatabaseFacadeName = "Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade";
    private const string DeleteDBInstanceRequestName = "Amazon.RDS.Model.DeleteDBInstanceRequest";
    private const string DeleteDBClusterRequestName = "Amazon.RDS.Model.DeleteDBClusterRequest";
    private const string SkipFinalSnapshot = "SkipFinalSnapshot";
    private const string DeleteAutomatedBackups = "DeleteAutomatedBackups";

    private static readonly DiagnosticDescriptor Rule = FirebreakDiagnostics.ById[RuleIds.DestructiveDatabaseCall];

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
        var databaseFacade = compilation.GetTypeByMetadataName(DatabaseFacadeName);
        var deleteRequests = new[] { DeleteDBInstanceRequestName, DeleteDBClusterRequestName }
            .Select(compilation.GetTypeByMetadataName).OfType<INamedTypeSymbol>().ToImmutableArray();

        // A project that references a test framework is a test project: EnsureDeleted there resets a throwaway database.
        if (databaseFacade is not null && !TestCode.IsTestProject(compilation))
        {
            var testCode = new TestCode();
            start.RegisterOperationAction(c => AnalyzeInvocation(c, databaseFacade, testCode), OperationKind.Invocation);
        }

        if (!deleteRequests.IsEmpty)
            start.RegisterOperationAction(c => AnalyzeAssignment(c, deleteRequests), OperationKind.SimpleAssignment);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol databaseFacade, TestCode testCode)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("EnsureDeleted" or "EnsureDeletedAsync")) return;
        if (!IsOrDerivesFrom(method.ContainingType, databaseFacade)) return;
        if (testCode.IsInTest(context.ContainingSymbol)) return;

        context.ReportDiagnostic(Diagnostic.Create(Rule, NameLocation(invocation), DiagnosticSeverity.Warning, null, null,
            $"`{method.Name}()` drops the whole database this context connects to, with all its data; outside tests, apply migrations instead, or guard the call so it can never run against a shared or production database."));
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol> deleteRequests)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target) return;
        string property = target.Property.Name;
        if (property is not (SkipFinalSnapshot or DeleteAutomatedBackups)) return;
        var request = target.Property.ContainingType;
        if (!deleteRequests.Contains(request, SymbolEqualityComparer.Default)) return;
        if (ConstantBool(assignment.Value) != true) return;

        bool isInstance = request.Name == "DeleteDBInstanceRequest";
        string what = isInstance ? "instance" : "cluster";
        string message;
        if (property == SkipFinalSnapshot)
        {
            message = isInstance && !KeepsAutomatedBackups(assignment)
                ? $"`{request.Name}` with `SkipFinalSnapshot = true` deletes the database with no final snapshot, and `DeleteAutomatedBackups` defaults to true, so its automated backups go too unless set false: nothing is left to restore from. Set `FinalDBSnapshotIdentifier` instead and `DeleteAutomatedBackups = false`."
                : $"`{request.Name}` with `SkipFinalSnapshot = true` deletes the database {what} with no final snapshot; set `FinalDBSnapshotIdentifier` instead so it can be restored.";
        }
        else
        {
            message = $"`{request.Name}` with `DeleteAutomatedBackups = true` deletes the automated backups together with the database {what}, so point-in-time restore goes with it; set `DeleteAutomatedBackups = false` and keep a final snapshot.";
        }

        // The code fix sets the flag to false (and names a final snapshot).
        var fix = ImmutableDictionary<string, string?>.Empty.Add(UnsafeIacSettingAnalyzer.FixProperty, "false");
        context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), DiagnosticSeverity.Error, null, fix, message));
    }

    /// <summary>The same object initializer says <c>DeleteAutomatedBackups = false</c>.</summary>
    private static bool KeepsAutomatedBackups(ISimpleAssignmentOperation assignment) =>
        assignment.Parent is IObjectOrCollectionInitializerOperation initializer
        && initializer.Initializers.OfType<ISimpleAssignmentOperation>().Any(a =>
            a.Target is IPropertyReferenceOperation { Property.Name: DeleteAutomatedBackups } && ConstantBool(a.Value) == false);

    /// <summary>A constant <c>true</c>/<c>false</c>, through the implicit conversion to <c>bool?</c> (AWSSDK v4 properties are nullable).</summary>
    private static bool? ConstantBool(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;
        return value.ConstantValue is { HasValue: true, Value: bool b } ? b : null;
    }

    private static bool IsOrDerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (; type is not null; type = type.BaseType)
            if (SymbolEqualityComparer.Default.Equals(type, baseType)) return true;
        return false;
    }

    /// <summary>The method name of the call (<c>EnsureDeleted</c>), the smallest span that says what happens.</summary>
    internal static Location NameLocation(IInvocationOperation invocation) => invocation.Syntax switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.GetLocation(),
        InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } => binding.Name.GetLocation(),
        _ => invocation.Syntax.GetLocation(),
    };
}
