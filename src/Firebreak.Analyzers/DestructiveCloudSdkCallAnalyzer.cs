using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Firebreak.Analyzers.CSharp;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Firebreak.Analyzers;

/// <summary>
/// FB1040: a cloud or cluster SDK call that deletes stored data or its backups — the SDK twin of the CLI commands
/// FB1001 reads (<c>aws s3api delete-bucket</c> is <c>IAmazonS3.DeleteBucketAsync</c>). Operations are matched by
/// method name first, then by the SDK type that declares them (or that the client implements); the types are resolved
/// once per compilation and nothing is registered when none is referenced. Test code stays quiet (tests clean up what
/// they created).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DestructiveCloudSdkCallAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = FirebreakDiagnostics.ById[RuleIds.DestructiveCloudSdkCall];

    private enum Condition { Always, ForceDeleteWithoutRecovery, NotCoveredByFB1004 }

    private sealed class Operation
    {
        public Operation(string[] types, string[] methods, string destroys, bool isBackupOrAll, Condition condition = Condition.Always)
        {
            Types = types;
            Methods = methods;
            Destroys = destroys;
            IsBackupOrAll = isBackupOrAll;
            When = condition;
        }

        public string[] Types { get; }
        public string[] Methods { get; }
        public string Destroys { get; }

        /// <summary>What goes is a backup, a whole resource group, a key or a purge: nothing is left to restore from (an error).</summary>
        public bool IsBackupOrAll { get; }
        public Condition When { get; }
    }

    private static readonly string[] Kubernetes = { "k8s.IKubernetes", "k8s.Kubernetes", "k8s.ICoreV1Operations", "k8s.CoreV1OperationsExtensions", "k8s.KubernetesExtensions" };

    private static readonly Operation[] Operations =
    {
        new(new[] { "Amazon.RDS.IAmazonRDS" }, new[] { "DeleteDBInstance" }, "the RDS database instance", false, Condition.NotCoveredByFB1004),
        new(new[] { "Amazon.RDS.IAmazonRDS" }, new[] { "DeleteDBCluster" }, "the RDS/Aurora database cluster", false, Condition.NotCoveredByFB1004),
        new(new[] { "Amazon.RDS.IAmazonRDS" }, new[] { "DeleteDBSnapshot", "DeleteDBClusterSnapshot", "DeleteDBInstanceAutomatedBackup" }, "an RDS snapshot or automated backup, a copy a restore would come from", true),
        new(new[] { "Amazon.S3.IAmazonS3" }, new[] { "DeleteBucket" }, "the S3 bucket", false),
        new(new[] { "Amazon.S3.IAmazonS3" }, new[] { "DeleteObjects" }, "up to a thousand S3 objects in one call", false),
        new(new[] { "Amazon.DynamoDBv2.IAmazonDynamoDB" }, new[] { "DeleteTable" }, "the DynamoDB table with every item in it", false),
        new(new[] { "Amazon.DynamoDBv2.IAmazonDynamoDB" }, new[] { "DeleteBackup" }, "a DynamoDB backup, a copy a restore would come from", true),
        new(new[] { "Amazon.EC2.IAmazonEC2" }, new[] { "DeleteVolume" }, "the EBS volume and its data", false),
        new(new[] { "Amazon.EC2.IAmazonEC2" }, new[] { "DeleteSnapshot" }, "an EBS snapshot, a copy a restore would come from", true),
        new(new[] { "Amazon.ElasticFileSystem.IAmazonElasticFileSystem" }, new[] { "DeleteFileSystem" }, "the EFS file system and every file on it", false),
        new(new[] { "Amazon.Backup.IAmazonBackup" }, new[] { "DeleteRecoveryPoint" }, "an AWS Backup recovery point, a copy a restore would come from", true),
        new(new[] { "Amazon.Backup.IAmazonBackup" }, new[] { "DeleteBackupVault" }, "an AWS Backup vault, where the recovery points live", true),
        new(new[] { "Amazon.KeyManagementService.IAmazonKeyManagementService" }, new[] { "ScheduleKeyDeletion" }, "the KMS key after its waiting period, and with it every piece of data encrypted under it (snapshots and backups included)", true),
        new(new[] { "Amazon.SecretsManager.IAmazonSecretsManager" }, new[] { "DeleteSecret" }, "the secret at once, with `ForceDeleteWithoutRecovery = true` (no recovery window)", false, Condition.ForceDeleteWithoutRecovery),
        new(new[] { "Azure.ResourceManager.Resources.ResourceGroupResource" }, new[] { "Delete" }, "the Azure resource group with every resource in it (databases, storage, vaults, and backups kept in the group)", true),
        new(new[]
        {
            "Azure.ResourceManager.Sql.SqlServerResource", "Azure.ResourceManager.Sql.SqlDatabaseResource",
            "Azure.ResourceManager.PostgreSql.FlexibleServers.PostgreSqlFlexibleServerResource", "Azure.ResourceManager.MySql.FlexibleServers.MySqlFlexibleServerResource",
            "Azure.ResourceManager.CosmosDB.CosmosDBAccountResource", "Azure.ResourceManager.Storage.StorageAccountResource",
            "Azure.ResourceManager.KeyVault.KeyVaultResource",
        }, new[] { "Delete" }, "the Azure resource and the data it holds", false),
        new(new[] { "Azure.Storage.Blobs.BlobContainerClient" }, new[] { "Delete", "DeleteIfExists" }, "the blob container with every blob in it", false),
        new(new[] { "Azure.Storage.Blobs.BlobServiceClient" }, new[] { "DeleteBlobContainer" }, "the blob container with every blob in it", false),
        new(new[] { "Azure.Security.KeyVault.Secrets.SecretClient" }, new[] { "PurgeDeletedSecret" }, "a deleted secret for good (purge ends soft delete)", true),
        new(new[] { "Azure.Security.KeyVault.Keys.KeyClient" }, new[] { "PurgeDeletedKey" }, "a deleted key for good (purge ends soft delete), and the data encrypted under it", true),
        new(new[] { "Google.Cloud.Storage.V1.StorageClient" }, new[] { "DeleteBucket" }, "the Cloud Storage bucket", false),
        new(new[] { "Google.Cloud.Sql.V1.SqlInstancesServiceClient", "Google.Apis.SQLAdmin.v1beta4.InstancesResource", "Google.Apis.SQLAdmin.v1.InstancesResource" }, new[] { "Delete" }, "the Cloud SQL instance, and its automated backups with it", false),
        new(new[] { "Google.Cloud.Spanner.Admin.Instance.V1.InstanceAdminClient" }, new[] { "DeleteInstance" }, "the Spanner instance with every database in it", false),
        new(new[] { "Google.Cloud.Spanner.Admin.Database.V1.DatabaseAdminClient" }, new[] { "DropDatabase" }, "the Spanner database", false),
        new(new[] { "Google.Cloud.Firestore.Admin.V1.FirestoreAdminClient" }, new[] { "DeleteDatabase" }, "the Firestore database", false),
        new(Kubernetes, new[] { "DeleteNamespace" }, "the Kubernetes namespace with everything in it (its persistent volume claims, and the volumes they bind when the reclaim policy is Delete)", false),
        new(Kubernetes, new[] { "DeleteNamespacedPersistentVolumeClaim", "DeleteCollectionNamespacedPersistentVolumeClaim" }, "the persistent volume claim (and its volume's data when the reclaim policy is Delete)", false),
        new(Kubernetes, new[] { "DeletePersistentVolume", "DeleteCollectionPersistentVolume" }, "the persistent volume (and the disk behind it when the reclaim policy is Delete)", false),
    };

    /// <summary>Each SDK type the rule knows, with the operations (sync names) it declares, for the loose-file stubs.</summary>
    internal static IEnumerable<(string Type, string[] Methods)> KnownOperations() =>
        Operations.SelectMany(o => o.Types.Select(t => (Type: t, o.Methods)))
            .GroupBy(e => e.Type, StringComparer.Ordinal)
            .Select(g => (g.Key, g.SelectMany(e => e.Methods).Distinct(StringComparer.Ordinal).ToArray()));

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
        var byMethod = new Dictionary<string, List<(Operation Operation, INamedTypeSymbol Type)>>(StringComparer.Ordinal);
        foreach (var operation in Operations)
        {
            foreach (var typeName in operation.Types)
            {
                if (compilation.GetTypeByMetadataName(typeName) is not { } type) continue;
                foreach (var method in operation.Methods)
                {
                    if (!byMethod.TryGetValue(method, out var list)) byMethod[method] = list = new List<(Operation, INamedTypeSymbol)>();
                    list.Add((operation, type));
                }
            }
        }
        if (byMethod.Count == 0) return;
        var testCode = new TestCode();
        start.RegisterOperationAction(c => Analyze(c, byMethod, testCode), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, Dictionary<string, List<(Operation Operation, INamedTypeSymbol Type)>> byMethod, TestCode testCode)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        string name = method.Name.EndsWith("WithHttpMessagesAsync", StringComparison.Ordinal)
            ? method.Name.Substring(0, method.Name.Length - "WithHttpMessagesAsync".Length)
            : CallSites.SyncName(method.Name);
        if (!byMethod.TryGetValue(name, out var candidates)) return;
        var declaring = method.ContainingType.OriginalDefinition;
        foreach (var (operation, type) in candidates)
        {
            if (!ValueFolding.IsOrDerivesFrom(declaring, type)) continue;
            if (!Applies(operation.When, invocation)) return;
            if (testCode.IsInTest(context.ContainingSymbol)) return;
            string message = $"`{method.Name}` deletes {operation.Destroys}"
                + (operation.IsBackupOrAll
                    ? "; nothing is left to restore from. Keep this out of unattended code, or require an approval before it runs."
                    : "; keep a backup that does not die with it, and guard the call (an approval, an allow-list of names) so it can never reach production.");
            var severity = operation.IsBackupOrAll ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            context.ReportDiagnostic(Diagnostic.Create(Rule, CallSites.NameLocation(invocation), severity, null, null, message));
            return;
        }
    }

    private static bool Applies(Condition condition, IInvocationOperation invocation) => condition switch
    {
        Condition.ForceDeleteWithoutRecovery => CallSites.ArgumentValues(invocation.Arguments).Any(v => RequestSets(v, "ForceDeleteWithoutRecovery")),
        // The request's SkipFinalSnapshot/DeleteAutomatedBackups = true is FB1004's (an error at the flag): one finding, not two.
        Condition.NotCoveredByFB1004 => !CallSites.ArgumentValues(invocation.Arguments).Any(v => RequestSets(v, "SkipFinalSnapshot") || RequestSets(v, "DeleteAutomatedBackups")),
        _ => true,
    };

    /// <summary>The request object (written here, or in a local assigned once) sets <paramref name="property"/> to true.</summary>
    private static bool RequestSets(IOperation value, string property) =>
        ValueFolding.Unwrap(value) is IObjectCreationOperation { Initializer: { } initializer }
        && initializer.Initializers.OfType<ISimpleAssignmentOperation>().Any(a =>
            a.Target is IPropertyReferenceOperation target && target.Property.Name == property && ValueFolding.Bool(a.Value) == true);
}
