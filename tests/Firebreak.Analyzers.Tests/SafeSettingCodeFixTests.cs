using System.Threading.Tasks;
using Firebreak.Analyzers.Tests.Stubs;
using Firebreak.CodeFixes;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Firebreak.Analyzers.Tests;

/// <summary>The mechanical safe forms, applied by the code fix and checked by re-running the analyzer on the result.</summary>
public sealed class SafeSettingCodeFixTests
{
    private static async Task Verify<TAnalyzer>(string stubs, string source, string fixedSource, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, SafeSettingCodeFix, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add("#nullable enable\n" + source);
        test.TestState.Sources.Add("#nullable enable\n" + stubs);
        test.FixedState.Sources.Add("#nullable enable\n" + fixedSource);
        test.FixedState.Sources.Add("#nullable enable\n" + stubs);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public void The_fix_hint_key_is_the_analyzers()
    {
        Assert.Equal(UnsafeIacSettingAnalyzer.FixProperty, typeof(SafeSettingCodeFix).GetField("FixProperty", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetRawConstantValue());
    }

    [Fact]
    public async Task Pulumi_Protect_false_in_a_production_program_becomes_true()
    {
        var test = new CSharpCodeFixTest<UnsafeIacSettingAnalyzer, SafeSettingCodeFix, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        const string before = """
            using Pulumi;
            using Pulumi.Aws.Rds;
            class Orders
            {
                object Db() => new Instance("orders", new InstanceArgs { Engine = "postgres" }, new CustomResourceOptions { {|#0:Protect = false|} });
            }
            """;
        test.TestState.Sources.Add(("/src/production/Orders.cs", before));
        test.TestState.Sources.Add(("/src/Stubs.cs", SdkStubs.Pulumi));
        test.FixedState.Sources.Add(("/src/production/Orders.cs", before.Replace("{|#0:Protect = false|}", "Protect = true")));
        test.FixedState.Sources.Add(("/src/Stubs.cs", SdkStubs.Pulumi));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.ProductionResourceWithoutPreventDestroy, DiagnosticSeverity.Warning).WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task Pulumi_SkipFinalSnapshot_becomes_false_with_a_final_snapshot_named_after_the_resource()
    {
        await Verify<UnsafeIacSettingAnalyzer>(SdkStubs.Pulumi, """
            using Pulumi.Aws.Rds;
            class Infra
            {
                object Db() => new Instance("orders", new InstanceArgs
                {
                    Engine = "postgres",
                    {|#0:SkipFinalSnapshot = true|},
                    {|#1:DeleteAutomatedBackups = true|},
                });
            }
            """, """
            using Pulumi.Aws.Rds;
            class Infra
            {
                object Db() => new Instance("orders", new InstanceArgs
                {
                    Engine = "postgres",
                    SkipFinalSnapshot = false,
                    FinalSnapshotIdentifier = "orders-final",
                    DeleteAutomatedBackups = false,
                });
            }
            """,
            new DiagnosticResult(RuleIds.SkipFinalSnapshot, DiagnosticSeverity.Warning).WithLocation(0),
            new DiagnosticResult(RuleIds.AutomatedBackupsDeletedWithInstance, DiagnosticSeverity.Warning).WithLocation(1));
    }

    [Fact]
    public async Task CDK_RemovalPolicy_DESTROY_becomes_SNAPSHOT_on_a_database_and_RETAIN_elsewhere_and_AutoDeleteObjects_false()
    {
        await Verify<UnsafeIacSettingAnalyzer>(SdkStubs.Cdk, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.DynamoDB;
            using Amazon.CDK.AWS.RDS;
            using Amazon.CDK.AWS.S3;
            class DataStack : Stack
            {
                DataStack()
                {
                    new DatabaseInstance(this, "Orders", new DatabaseInstanceProps { {|#0:RemovalPolicy = RemovalPolicy.DESTROY|}, {|#1:DeletionProtection = false|} });
                    new Bucket(this, "Uploads", new BucketProps { {|#2:AutoDeleteObjects = true|} });
                    new Table(this, "Sessions", new TableProps()).ApplyRemovalPolicy({|#3:RemovalPolicy.DESTROY|});
                }
            }
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.DynamoDB;
            using Amazon.CDK.AWS.RDS;
            using Amazon.CDK.AWS.S3;
            class DataStack : Stack
            {
                DataStack()
                {
                    new DatabaseInstance(this, "Orders", new DatabaseInstanceProps { RemovalPolicy = RemovalPolicy.SNAPSHOT, DeletionProtection = true });
                    new Bucket(this, "Uploads", new BucketProps { AutoDeleteObjects = false });
                    new Table(this, "Sessions", new TableProps()).ApplyRemovalPolicy(RemovalPolicy.RETAIN);
                }
            }
            """,
            new DiagnosticResult(RuleIds.SkipFinalSnapshot, DiagnosticSeverity.Warning).WithLocation(0),
            new DiagnosticResult(RuleIds.DatabaseDeletionProtectionOff, DiagnosticSeverity.Warning).WithLocation(1),
            new DiagnosticResult(RuleIds.BucketForceDestroy, DiagnosticSeverity.Warning).WithLocation(2),
            new DiagnosticResult(RuleIds.StatefulResourceDestroyedWithStack, DiagnosticSeverity.Warning).WithLocation(3));
    }

    [Fact]
    public async Task An_RDS_delete_request_keeps_a_final_snapshot_named_after_the_instance()
    {
        await Verify<DestructiveDatabaseCallAnalyzer>(SdkStubs.Aws, """
            using Amazon.RDS.Model;
            class Cleanup
            {
                object Request(string id) => new DeleteDBInstanceRequest { DBInstanceIdentifier = id, {|#0:SkipFinalSnapshot = true|}, DeleteAutomatedBackups = false };
            }
            """, """
            using Amazon.RDS.Model;
            class Cleanup
            {
                object Request(string id) => new DeleteDBInstanceRequest { DBInstanceIdentifier = id, SkipFinalSnapshot = false, FinalDBSnapshotIdentifier = id + "-final", DeleteAutomatedBackups = false };
            }
            """,
            new DiagnosticResult(RuleIds.DestructiveDatabaseCall, DiagnosticSeverity.Error).WithLocation(0));
    }
}
