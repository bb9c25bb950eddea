using System.Threading.Tasks;
using Firebreak.Analyzers.Tests.Stubs;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Firebreak.Analyzers.Tests;

/// <summary>Pulumi .NET and AWS CDK .NET stacks on the Terraform rules' IDs (FB1101–FB1103, FB3001, FB3004, FB2101) and FB1041.</summary>
public sealed class UnsafeIacSettingAnalyzerTests
{
    private static CSharpAnalyzerTest<UnsafeIacSettingAnalyzer, DefaultVerifier> Test(params string[] sources)
    {
        var test = new CSharpAnalyzerTest<UnsafeIacSettingAnalyzer, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        foreach (var source in sources) test.TestState.Sources.Add("#nullable enable\n" + source);
        return test;
    }

    private static DiagnosticResult Result(string id, int location, DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
        new DiagnosticResult(id, severity).WithLocation(location);

    [Fact]
    public async Task Pulumi_resource_arguments_report_the_Terraform_rules_at_the_assignment()
    {
        var test = Test(SdkStubs.Pulumi, """
            using Pulumi;
            using Pulumi.Aws.Rds;
            using Pulumi.Aws.S3;
            class Infra : Stack
            {
                const bool Skip = true;
                Infra()
                {
                    var days = 0;
                    var db = new Instance("orders", new InstanceArgs
                    {
                        Engine = "postgres",
                        {|#0:SkipFinalSnapshot = Skip|},
                        {|#1:DeletionProtection = false|},
                        {|#2:BackupRetentionPeriod = days|},
                        {|#3:DeleteAutomatedBackups = true|},
                    });
                    var args = new BucketV2Args();
                    {|#4:args.ForceDestroy = true|};
                    new BucketV2("uploads", args);
                    new Pulumi.Gcp.Sql.DatabaseInstance("main", new Pulumi.Gcp.Sql.DatabaseInstanceArgs
                    {
                        Settings = new Pulumi.Gcp.Sql.Inputs.DatabaseInstanceSettingsArgs
                        {
                            BackupConfiguration = new Pulumi.Gcp.Sql.Inputs.DatabaseInstanceSettingsBackupConfigurationArgs { {|#5:Enabled = false|} },
                        },
                    });
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Result(RuleIds.SkipFinalSnapshot, 0).WithMessage(
            "`Instance` \"orders\" sets `SkipFinalSnapshot = Skip`: deleting it (`pulumi destroy`, a replacement, or removing it from the program) keeps no final snapshot, so the last state of the data is lost; set it to false with a `FinalSnapshotIdentifier`."));
        test.ExpectedDiagnostics.Add(Result(RuleIds.DatabaseDeletionProtectionOff, 1));
        test.ExpectedDiagnostics.Add(Result(RuleIds.BackupsDisabled, 2, DiagnosticSeverity.Error));
        test.ExpectedDiagnostics.Add(Result(RuleIds.AutomatedBackupsDeletedWithInstance, 3));
        test.ExpectedDiagnostics.Add(Result(RuleIds.BucketForceDestroy, 4).WithMessage(
            "`args` (BucketV2Args) sets `args.ForceDestroy = true`: destroying it deletes every object (and version) in it instead of failing; remove it."));
        test.ExpectedDiagnostics.Add(Result(RuleIds.BackupsDisabled, 5, DiagnosticSeverity.Error));
        await test.RunAsync();
    }

    [Fact]
    public async Task Safe_Pulumi_twins_unknown_values_and_look_alike_types_are_quiet()
    {
        await Test(SdkStubs.Pulumi, """
            using Pulumi;
            using Pulumi.Aws.Rds;
            class Infra : Stack
            {
                Infra(bool fromConfig)
                {
                    var skip = true;
                    skip = fromConfig;
                    new Instance("orders", new InstanceArgs
                    {
                        SkipFinalSnapshot = false,
                        FinalSnapshotIdentifier = "orders-final",
                        DeletionProtection = true,
                        BackupRetentionPeriod = 7,
                        DeleteAutomatedBackups = skip,
                    });
                    new MyCompany.Pulumi.Aws.Rds.InstanceArgs { SkipFinalSnapshot = true };
                }
            }
            namespace MyCompany.Pulumi.Aws.Rds { public sealed class InstanceArgs { public bool SkipFinalSnapshot { get; set; } } }
            """).RunAsync();
    }

    [Fact]
    public async Task CDK_props_report_RemovalPolicy_DESTROY_AutoDeleteObjects_zero_retention_and_wildcard_actions()
    {
        var test = Test(SdkStubs.Cdk, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.DynamoDB;
            using Amazon.CDK.AWS.IAM;
            using Amazon.CDK.AWS.RDS;
            using Amazon.CDK.AWS.S3;
            class DataStack : Stack
            {
                DataStack()
                {
                    new DatabaseInstance(this, "Orders", new DatabaseInstanceProps
                    {
                        {|#0:RemovalPolicy = RemovalPolicy.DESTROY|},
                        {|#1:DeletionProtection = false|},
                        {|#2:BackupRetention = Duration.Days(0)|},
                    });
                    new Bucket(this, "Uploads", new BucketProps { {|#3:RemovalPolicy = RemovalPolicy.DESTROY|}, {|#4:AutoDeleteObjects = true|} });
                    var table = new Table(this, "Sessions", new TableProps());
                    table.ApplyRemovalPolicy({|#5:RemovalPolicy.DESTROY|});
                    new PolicyStatement(new PolicyStatementProps { {|#6:Actions = new[] { "*" }|}, Resources = new[] { "*" } });
                    new PolicyStatement(new PolicyStatementProps { Effect = Effect.DENY, Actions = new[] { "*" } });
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Result(RuleIds.SkipFinalSnapshot, 0).WithMessage(
            "`DatabaseInstance` \"Orders\" sets `RemovalPolicy = RemovalPolicy.DESTROY`: when it leaves the stack, is replaced, or the stack is deleted, CloudFormation deletes the database with no final snapshot, so the last state of the data is lost; use `RemovalPolicy.SNAPSHOT` (the default) or `RETAIN`."));
        test.ExpectedDiagnostics.Add(Result(RuleIds.DatabaseDeletionProtectionOff, 1));
        test.ExpectedDiagnostics.Add(Result(RuleIds.BackupsDisabled, 2, DiagnosticSeverity.Error));
        test.ExpectedDiagnostics.Add(Result(RuleIds.StatefulResourceDestroyedWithStack, 3));
        test.ExpectedDiagnostics.Add(Result(RuleIds.BucketForceDestroy, 4));
        test.ExpectedDiagnostics.Add(Result(RuleIds.StatefulResourceDestroyedWithStack, 5).WithMessage(
            "`table` calls `ApplyRemovalPolicy(RemovalPolicy.DESTROY)`: when it leaves the stack, is replaced, or the stack is deleted, CloudFormation deletes it with the data it holds; use `RemovalPolicy.RETAIN` (the default for stateful resources)."));
        test.ExpectedDiagnostics.Add(Result(RuleIds.IamPolicyWildcard, 6, DiagnosticSeverity.Error));
        await test.RunAsync();
    }

    [Fact]
    public async Task CDK_L1_constructs_with_DeletionPolicy_DELETE_report_at_the_assignment_and_safe_policies_are_quiet()
    {
        var test = Test(SdkStubs.Cdk, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.RDS;
            using Amazon.CDK.AWS.S3;
            class DataStack : Stack
            {
                const CfnDeletionPolicy Policy = CfnDeletionPolicy.DELETE;

                DataStack()
                {
                    var orders = new CfnDBInstance(this, "Orders");
                    {|#0:orders.CfnOptions.DeletionPolicy = CfnDeletionPolicy.DELETE|};
                    var uploads = new CfnBucket(this, "Uploads");
                    {|#1:uploads.CfnOptions.UpdateReplacePolicy = Policy|};

                    var kept = new CfnDBInstance(this, "Kept");
                    kept.CfnOptions.DeletionPolicy = CfnDeletionPolicy.SNAPSHOT;
                    kept.CfnOptions.UpdateReplacePolicy = CfnDeletionPolicy.RETAIN;
                    var logs = new LookAlike.CfnDBInstance();
                    logs.CfnOptions.DeletionPolicy = CfnDeletionPolicy.DELETE;
                }
            }
            namespace LookAlike
            {
                class CfnDBInstance { public Amazon.CDK.ICfnResourceOptions CfnOptions => null!; }
            }
            """);
        test.ExpectedDiagnostics.Add(Result(RuleIds.SkipFinalSnapshot, 0).WithMessage(
            "`orders` (CfnDBInstance) sets `orders.CfnOptions.DeletionPolicy = CfnDeletionPolicy.DELETE`: when it leaves the stack or the stack is deleted (and, for `UpdateReplacePolicy`, when a change replaces it), CloudFormation deletes the database with no final snapshot, so the last state of the data is lost; use `CfnDeletionPolicy.SNAPSHOT` or `RETAIN`."));
        test.ExpectedDiagnostics.Add(Result(RuleIds.StatefulResourceDestroyedWithStack, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Safe_CDK_twins_are_quiet()
    {
        await Test(SdkStubs.Cdk, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.RDS;
            using Amazon.CDK.AWS.S3;
            class DataStack : Stack
            {
                DataStack()
                {
                    new DatabaseInstance(this, "Orders", new DatabaseInstanceProps { RemovalPolicy = RemovalPolicy.SNAPSHOT, DeletionProtection = true, BackupRetention = Duration.Days(14) });
                    new Bucket(this, "Uploads", new BucketProps { RemovalPolicy = RemovalPolicy.RETAIN, Versioned = true });
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task AdministratorAccess_attached_in_Pulumi_or_CDK_is_FB2102_at_the_value()
    {
        var test = Test(SdkStubs.Pulumi, SdkStubs.Cdk, """
            using Pulumi;
            using Pulumi.Aws.Iam;
            class Infra : Stack
            {
                const string Admin = "arn:aws:iam::aws:policy/AdministratorAccess";
                Infra()
                {
                    new RolePolicyAttachment("deploy", new RolePolicyAttachmentArgs { Role = "deploy", {|#0:PolicyArn = Admin|} });
                    new RolePolicyAttachment("ops", new RolePolicyAttachmentArgs { Role = "ops", {|#1:PolicyArn = ManagedPolicy.AdministratorAccess|} });
                    new Role("ci", new RoleArgs { {|#2:ManagedPolicyArns = new[] { "arn:aws:iam::aws:policy/ReadOnlyAccess", Admin }|} });
                    Amazon.CDK.AWS.IAM.ManagedPolicy.FromAwsManagedPolicyName({|#3:"AdministratorAccess"|});
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Result(RuleIds.AdministratorAccessAttached, 0, DiagnosticSeverity.Error));
        test.ExpectedDiagnostics.Add(Result(RuleIds.AdministratorAccessAttached, 1, DiagnosticSeverity.Error));
        test.ExpectedDiagnostics.Add(Result(RuleIds.AdministratorAccessAttached, 2, DiagnosticSeverity.Error));
        test.ExpectedDiagnostics.Add(Result(RuleIds.AdministratorAccessAttached, 3, DiagnosticSeverity.Error));
        await test.RunAsync();
    }

    [Fact]
    public async Task Scoped_policies_and_unknown_ARNs_are_quiet()
    {
        await Test(SdkStubs.Pulumi, SdkStubs.Cdk, """
            using Pulumi;
            using Pulumi.Aws.Iam;
            class Infra : Stack
            {
                Infra(string fromConfig)
                {
                    new RolePolicyAttachment("deploy", new RolePolicyAttachmentArgs { Role = "deploy", PolicyArn = "arn:aws:iam::aws:policy/ReadOnlyAccess" });
                    new RolePolicyAttachment("ops", new RolePolicyAttachmentArgs { Role = "ops", PolicyArn = fromConfig });
                    new Role("ci", new RoleArgs { ManagedPolicyArns = new[] { "arn:aws:iam::aws:policy/ReadOnlyAccess" } });
                    Amazon.CDK.AWS.IAM.ManagedPolicy.FromAwsManagedPolicyName("AmazonS3ReadOnlyAccess");
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Protect_false_on_a_stateful_resource_of_a_production_program_is_FB1104()
    {
        var test = Test(SdkStubs.Pulumi);
        test.TestState.Sources.Clear();
        test.TestState.Sources.Add(("/src/Stubs.cs", SdkStubs.Pulumi));
        test.TestState.Sources.Add(("/src/envs/prod/Orders.cs", """
            using Pulumi;
            using Pulumi.Aws.Rds;
            class Orders : Stack
            {
                Orders()
                {
                    new Instance("orders", new InstanceArgs { Engine = "postgres" }, new CustomResourceOptions { {|#0:Protect = false|} });
                    new Instance("kept", new InstanceArgs { Engine = "postgres" }, new CustomResourceOptions { Protect = false, RetainOnDelete = true });
                    new Instance("guarded", new InstanceArgs { Engine = "postgres" }, new CustomResourceOptions { Protect = true });
                    new Pulumi.Aws.Iam.Role("ci", new Pulumi.Aws.Iam.RoleArgs(), new CustomResourceOptions { Protect = false });
                }
            }
            """));
        test.TestState.Sources.Add(("/src/envs/staging/Orders.cs", """
            using Pulumi;
            using Pulumi.Aws.Rds;
            class StagingOrders : Stack
            {
                StagingOrders() => new Instance("orders", new InstanceArgs { Engine = "postgres" }, new CustomResourceOptions { Protect = false });
            }
            """));
        test.ExpectedDiagnostics.Add(Result(RuleIds.ProductionResourceWithoutPreventDestroy, 0).WithMessage(
            "`Instance` \"orders\" in a production program sets `Protect = false`: `pulumi destroy`, a replacement or removing it from the program deletes it and its data; set `Protect = true` (or `RetainOnDelete = true`)."));
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_Pulumi_or_CDK_nothing_is_registered()
    {
        var telemetry = await AnalyzerTelemetry.Of(new UnsafeIacSettingAnalyzer(), "class Program { bool SkipFinalSnapshot { get; set; } void M() { SkipFinalSnapshot = true; } }");
        Assert.Equal(1, telemetry.CompilationStartActionsCount);
        Assert.Equal(0, telemetry.OperationActionsCount);
        var with = await AnalyzerTelemetry.Of(new UnsafeIacSettingAnalyzer(), "class Program { }", SdkStubs.Cdk);
        Assert.True(with.OperationActionsCount > 0);
    }
}
