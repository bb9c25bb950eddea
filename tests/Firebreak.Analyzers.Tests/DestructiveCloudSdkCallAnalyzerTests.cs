using System.Threading.Tasks;
using Firebreak.Analyzers.Tests.Stubs;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Firebreak.Analyzers.Tests;

/// <summary>FB1040: cloud and cluster SDK deletes, through the SDK interfaces and the clients that implement them.</summary>
public sealed class DestructiveCloudSdkCallAnalyzerTests
{
    private static CSharpAnalyzerTest<DestructiveCloudSdkCallAnalyzer, DefaultVerifier> Test(params string[] sources)
    {
        var test = new CSharpAnalyzerTest<DestructiveCloudSdkCallAnalyzer, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        foreach (var source in sources) test.TestState.Sources.Add("#nullable enable\n" + source);
        return test;
    }

    private static DiagnosticResult Result(int location, DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
        new DiagnosticResult(RuleIds.DestructiveCloudSdkCall, severity).WithLocation(location);

    [Fact]
    public async Task AWS_deletes_are_reported_at_the_method_name_backups_as_errors()
    {
        var test = Test(SdkStubs.Aws, """
            using System.Threading.Tasks;
            using Amazon.RDS;
            using Amazon.RDS.Model;
            using Amazon.S3;
            using Amazon.SecretsManager;
            using Amazon.SecretsManager.Model;
            class StagingReset
            {
                async Task Run(IAmazonS3 s3, AmazonS3Client client, IAmazonRDS rds, IAmazonSecretsManager secrets)
                {
                    await s3.{|#0:DeleteBucketAsync|}("uploads-staging");
                    await client.{|#1:DeleteObjectsAsync|}(new Amazon.S3.Model.DeleteObjectsRequest { BucketName = "uploads" });
                    await client.ListBucketsAsync();
                    await rds.{|#2:DeleteDBSnapshotAsync|}(new DeleteDBSnapshotRequest { DBSnapshotIdentifier = "nightly" });
                    await rds.{|#3:DeleteDBInstanceAsync|}(new DeleteDBInstanceRequest { DBInstanceIdentifier = "orders", FinalDBSnapshotIdentifier = "orders-final" });
                    // FB1004 reports the flag; FB1040 stays quiet on the same call.
                    await rds.DeleteDBInstanceAsync(new DeleteDBInstanceRequest { DBInstanceIdentifier = "orders", SkipFinalSnapshot = true });
                    var force = new DeleteSecretRequest { SecretId = "db", ForceDeleteWithoutRecovery = true };
                    await secrets.{|#4:DeleteSecretAsync|}(force);
                    await secrets.DeleteSecretAsync(new DeleteSecretRequest { SecretId = "db", RecoveryWindowInDays = 30 });
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Result(0).WithMessage(
            "`DeleteBucketAsync` deletes the S3 bucket; keep a backup that does not die with it, and guard the call (an approval, an allow-list of names) so it can never reach production."));
        test.ExpectedDiagnostics.Add(Result(1));
        test.ExpectedDiagnostics.Add(Result(2, DiagnosticSeverity.Error).WithMessage(
            "`DeleteDBSnapshotAsync` deletes an RDS snapshot or automated backup, a copy a restore would come from; nothing is left to restore from. Keep this out of unattended code, or require an approval before it runs."));
        test.ExpectedDiagnostics.Add(Result(3));
        test.ExpectedDiagnostics.Add(Result(4));
        await test.RunAsync();
    }

    [Fact]
    public async Task Azure_resource_group_and_Kubernetes_namespace_deletes_are_reported()
    {
        var test = Test(SdkStubs.Azure, SdkStubs.Kubernetes, """
            using System.Threading.Tasks;
            using Azure;
            using k8s;
            class Teardown
            {
                async Task Run(Azure.ResourceManager.Resources.ResourceGroupResource group, IKubernetes kube)
                {
                    await group.{|#0:DeleteAsync|}(WaitUntil.Completed);
                    group.Get();
                    await kube.CoreV1.{|#1:DeleteNamespaceAsync|}("staging");
                    await kube.CoreV1.{|#2:DeleteNamespacedPersistentVolumeClaimAsync|}("data-postgres-0", "staging");
                    await kube.CoreV1.DeleteNamespacedPodAsync("api-0", "staging");
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Result(0, DiagnosticSeverity.Error));
        test.ExpectedDiagnostics.Add(Result(1));
        test.ExpectedDiagnostics.Add(Result(2));
        await test.RunAsync();
    }

    [Fact]
    public async Task Look_alike_clients_and_test_classes_are_quiet()
    {
        await Test(SdkStubs.Aws, SdkStubs.TestFrameworks, """
            using System.Threading.Tasks;
            public class BucketTests
            {
                [Xunit.Fact] public Task Cleanup() => new Amazon.S3.AmazonS3Client().DeleteBucketAsync("test-bucket");
            }
            namespace MyCompany.Storage
            {
                public interface IAmazonS3 { Task DeleteBucketAsync(string name); }
                class Use { Task Run(IAmazonS3 s3) => s3.DeleteBucketAsync("b"); }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Without_a_cloud_SDK_nothing_is_registered()
    {
        var telemetry = await AnalyzerTelemetry.Of(new DestructiveCloudSdkCallAnalyzer(), "class C { void DeleteBucket() { } void M() => DeleteBucket(); }");
        Assert.Equal(0, telemetry.OperationActionsCount);
        Assert.Equal(1, (await AnalyzerTelemetry.Of(new DestructiveCloudSdkCallAnalyzer(), "class C { }", SdkStubs.Aws)).OperationActionsCount);
    }
}
