using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Testing;

namespace Firebreak.Analyzers.Tests;

/// <summary>FB1004 on C# code, with the AWS and EF Core SDKs stubbed as source (and a look-alike namespace that must stay quiet).</summary>
public sealed class DestructiveDatabaseCallAnalyzerTests
{
    private const string RdsStubs = """
        namespace Amazon.RDS.Model
        {
            public class DeleteDBInstanceRequest
            {
                public string DBInstanceIdentifier { get; set; }
                public bool SkipFinalSnapshot { get; set; }
                public string FinalDBSnapshotIdentifier { get; set; }
                public bool DeleteAutomatedBackups { get; set; }
            }

            // AWSSDK v4 makes value-type properties nullable: true reaches them through a conversion.
            public class DeleteDBClusterRequest
            {
                public string DBClusterIdentifier { get; set; }
                public bool? SkipFinalSnapshot { get; set; }
                public bool? DeleteAutomatedBackups { get; set; }
            }
        }
        """;

    private const string EfStubs = """
        namespace Microsoft.EntityFrameworkCore.Infrastructure
        {
            public class DatabaseFacade
            {
                public virtual bool EnsureDeleted() => true;
                public virtual System.Threading.Tasks.Task<bool> EnsureDeletedAsync(System.Threading.CancellationToken cancellationToken = default) => System.Threading.Tasks.Task.FromResult(true);
                public virtual bool EnsureCreated() => true;
            }
        }

        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContext { public Infrastructure.DatabaseFacade Database { get; } = new Infrastructure.DatabaseFacade(); }
        }
        """;

    private const string XunitStubs = """
        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }
        namespace NUnit.Framework { public sealed class TestFixtureAttribute : System.Attribute { } }
        namespace Microsoft.VisualStudio.TestTools.UnitTesting { public sealed class TestMethodAttribute : System.Attribute { } }
        """;

    private static CSharpAnalyzerTest<DestructiveDatabaseCallAnalyzer, DefaultVerifier> Test(params string[] sources)
    {
        var test = new CSharpAnalyzerTest<DestructiveDatabaseCallAnalyzer, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        foreach (var source in sources) test.TestState.Sources.Add(source);
        return test;
    }

    private static DiagnosticResult Error(int location) =>
        new DiagnosticResult(RuleIds.DestructiveDatabaseCall, DiagnosticSeverity.Error).WithLocation(location);

    [Fact]
    public async Task Reports_SkipFinalSnapshot_true_in_an_instance_initializer_as_an_error_that_names_the_lost_backups()
    {
        var test = Test(RdsStubs, """
            using Amazon.RDS.Model;
            class Cleanup
            {
                DeleteDBInstanceRequest Request() => new DeleteDBInstanceRequest { DBInstanceIdentifier = "orders", {|#0:SkipFinalSnapshot = true|} };
            }
            """);
        test.ExpectedDiagnostics.Add(Error(0).WithMessage(
            "`DeleteDBInstanceRequest` with `SkipFinalSnapshot = true` deletes the database with no final snapshot, and `DeleteAutomatedBackups` defaults to true, so its automated backups go too unless set false: nothing is left to restore from. Set `FinalDBSnapshotIdentifier` instead and `DeleteAutomatedBackups = false`."));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_a_later_assignment_on_a_cluster_request_through_a_nullable_property()
    {
        var test = Test(RdsStubs, """
            using Amazon.RDS.Model;
            class Cleanup
            {
                DeleteDBClusterRequest Request(string id)
                {
                    var request = new DeleteDBClusterRequest { DBClusterIdentifier = id };
                    {|#0:request.SkipFinalSnapshot = true|};
                    return request;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Error(0).WithMessage(
            "`DeleteDBClusterRequest` with `SkipFinalSnapshot = true` deletes the database cluster with no final snapshot; set `FinalDBSnapshotIdentifier` instead so it can be restored."));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_DeleteAutomatedBackups_true_and_leaves_out_the_default_when_the_initializer_keeps_backups()
    {
        var test = Test(RdsStubs, """
            using Amazon.RDS.Model;
            class Cleanup
            {
                object[] Requests() => new object[]
                {
                    new DeleteDBInstanceRequest { {|#0:SkipFinalSnapshot = true|}, DeleteAutomatedBackups = false },
                    new DeleteDBInstanceRequest { FinalDBSnapshotIdentifier = "final", {|#1:DeleteAutomatedBackups = true|} },
                };
            }
            """);
        test.ExpectedDiagnostics.Add(Error(0).WithMessage(
            "`DeleteDBInstanceRequest` with `SkipFinalSnapshot = true` deletes the database instance with no final snapshot; set `FinalDBSnapshotIdentifier` instead so it can be restored."));
        test.ExpectedDiagnostics.Add(Error(1).WithMessage(
            "`DeleteDBInstanceRequest` with `DeleteAutomatedBackups = true` deletes the automated backups together with the database instance, so point-in-time restore goes with it; set `DeleteAutomatedBackups = false` and keep a final snapshot."));
        await test.RunAsync();
    }

    [Fact]
    public async Task SkipFinalSnapshot_false_a_final_snapshot_and_a_non_constant_value_are_quiet()
    {
        await Test(RdsStubs, """
            using Amazon.RDS.Model;
            class Cleanup
            {
                object[] Requests(bool skip) => new object[]
                {
                    new DeleteDBInstanceRequest { SkipFinalSnapshot = false, FinalDBSnapshotIdentifier = "final", DeleteAutomatedBackups = false },
                    new DeleteDBClusterRequest { SkipFinalSnapshot = false },
                    new DeleteDBClusterRequest { SkipFinalSnapshot = skip },
                };
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_look_alike_request_in_another_namespace_is_quiet()
    {
        await Test(RdsStubs.Replace("namespace Amazon.RDS.Model", "namespace MyCompany.Amazon.RDS.Model"), """
            using MyCompany.Amazon.RDS.Model;
            class Cleanup
            {
                object Request() => new DeleteDBInstanceRequest { SkipFinalSnapshot = true, DeleteAutomatedBackups = true };
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Reports_EnsureDeleted_and_EnsureDeletedAsync_as_warnings_at_the_method_name()
    {
        var test = Test(EfStubs, """
            using Microsoft.EntityFrameworkCore;
            class Startup
            {
                async System.Threading.Tasks.Task Reset(DbContext context, DbContext maybe)
                {
                    context.Database.{|#0:EnsureDeleted|}();
                    await context.Database.{|#1:EnsureDeletedAsync|}();
                    maybe?.Database.{|#2:EnsureDeleted|}();
                    context.Database.EnsureCreated();
                }
            }
            """);
        for (int i = 0; i < 3; i++)
            test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.DestructiveDatabaseCall, DiagnosticSeverity.Warning).WithLocation(i));
        test.ExpectedDiagnostics[0] = test.ExpectedDiagnostics[0].WithMessage(
            "`EnsureDeleted()` drops the whole database this context connects to, with all its data; outside tests, apply migrations instead, or guard the call so it can never run against a shared or production database.");
        await test.RunAsync();
    }

    [Fact]
    public async Task EnsureDeleted_in_xunit_NUnit_and_MSTest_test_classes_is_quiet()
    {
        await Test(EfStubs, XunitStubs, """
            using Microsoft.EntityFrameworkCore;
            public class OrdersTests : System.IDisposable
            {
                private readonly DbContext _context = new DbContext();
                [Xunit.Fact] public void Saves() { }
                public void Dispose() => _context.Database.EnsureDeleted(); // a helper of a test class
            }

            [NUnit.Framework.TestFixture]
            public class FixtureTests { void Reset(DbContext c) => c.Database.EnsureDeleted(); }

            public class MsTests
            {
                [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod]
                public void Reset() => new DbContext().Database.EnsureDeleted();
            }
            """).RunAsync();
    }

    [Fact]
    public async Task EnsureDeleted_anywhere_in_a_project_that_references_xunit_is_quiet()
    {
        var test = Test(EfStubs, """
            using Microsoft.EntityFrameworkCore;
            public class DatabaseFixture { public void Reset(DbContext c) => c.Database.EnsureDeleted(); }
            """);
        test.TestState.AdditionalProjects["xunit.core"].Sources.Add("namespace Xunit { public sealed class FactAttribute : System.Attribute { } }");
        test.TestState.AdditionalProjectReferences.Add("xunit.core");
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_either_SDK_the_analyzer_registers_nothing_after_compilation_start()
    {
        var without = await Telemetry("class Program { static void Main() { } }");
        Assert.Equal(1, without.CompilationStartActionsCount);
        Assert.Equal(0, without.OperationActionsCount);

        var with = await Telemetry("class Program { static void Main() { } }", RdsStubs, EfStubs);
        Assert.Equal(2, with.OperationActionsCount);
    }

    private static async Task<AnalyzerTelemetryInfo> Telemetry(params string[] sources)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create("app", sources.Select(s => CSharpSyntaxTree.ParseText(s)), references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzer = new DestructiveDatabaseCallAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync());
        return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
    }
}
