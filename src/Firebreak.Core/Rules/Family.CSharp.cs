using System.Collections.Generic;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules;

// C# rules run by the analyzer package (FB1004, FB1040, FB1041).

/// <summary>Rules found natively in C# code by Firebreak.Analyzers.</summary>
public static partial class RuleIds
{
    public const string DestructiveDatabaseCall = "FB1004";
    public const string DestructiveCloudSdkCall = "FB1040";
    public const string StatefulResourceDestroyedWithStack = "FB1041";
}

/// <summary>Rules that only C# code can break, reported by the native analyzers in Firebreak.Analyzers.</summary>
public static partial class RuleCatalog
{
    public static readonly RuleDescriptor DestructiveDatabaseCall = new(
        RuleIds.DestructiveDatabaseCall,
        "DestructiveDatabaseCall",
        RuleFamily.DestructiveOperation,
        "Destructive database call in C#",
        "{0}",
        "C# code calls an SDK that deletes a database or its backups: Entity Framework Core's `Database.EnsureDeleted()` / `EnsureDeletedAsync()` drops the whole database the context points at (a warning; quiet in test projects and test classes, where it resets a throwaway database), and an AWS RDS `DeleteDBInstanceRequest` or `DeleteDBClusterRequest` that sets `SkipFinalSnapshot = true` (no final snapshot; for an instance `DeleteAutomatedBackups` defaults to true, so the automated backups go too) or `DeleteAutomatedBackups = true` (an error). Types are matched by their full metadata name, so look-alikes in other namespaces are not reported.",
        FindingLevel.Error,
        9.0,
        RulePrecision.High)
    {
        IsCSharpOnly = true,
    };

    public static readonly RuleDescriptor DestructiveCloudSdkCall = new(
        RuleIds.DestructiveCloudSdkCall,
        "DestructiveCloudSdkCall",
        RuleFamily.DestructiveOperation,
        "Cloud SDK call deletes data or its backups",
        "{0}",
        "C# code calls a cloud or cluster SDK operation that deletes stored data or the backups of it: AWS (RDS instances, clusters and snapshots, S3 buckets and DeleteObjects, DynamoDB tables and backups, EC2 volumes and snapshots, EFS file systems, AWS Backup recovery points and vaults, KMS ScheduleKeyDeletion, Secrets Manager delete with ForceDeleteWithoutRecovery), Azure Resource Manager (resource groups, SQL, PostgreSQL, MySQL, Cosmos DB, storage accounts, key vaults; blob containers; purging deleted key vault secrets and keys), Google Cloud (Cloud SQL instances, Storage buckets, Spanner instances and databases, Firestore databases) and the Kubernetes client (namespaces, persistent volume claims and volumes). Error when what is deleted is a backup, a resource group, a key or a purge (nothing to restore from); warning otherwise. Types are matched by their full metadata name; nothing is checked in a project that references none of these SDKs.",
        FindingLevel.Warning,
        8.0,
        RulePrecision.High)
    {
        IsCSharpOnly = true,
    };

    public static readonly RuleDescriptor StatefulResourceDestroyedWithStack = new(
        RuleIds.StatefulResourceDestroyedWithStack,
        "StatefulResourceDestroyedWithStack",
        RuleFamily.DestructiveOperation,
        "Stateful resource is deleted with its stack",
        "{0}",
        "A CloudFormation or SAM template whose stateful resource (DynamoDB table, EFS/FSx file system, DocumentDB/Neptune/Redshift cluster, ElastiCache/MemoryDB, OpenSearch domain, EBS volume, Backup vault) has no `DeletionPolicy` (Delete is the default) or `DeletionPolicy: Delete` (S3 buckets and KMS keys only when written), or keeps it on delete but not on replacement (`UpdateReplacePolicy`); or an AWS CDK stack written in C# that sets `RemovalPolicy.DESTROY` on a resource that holds data (a DynamoDB table, an EFS file system, an EBS volume, an S3 bucket, a Backup vault, a KMS key, a log group): when the construct leaves the stack, is renamed, or the stack is deleted, CloudFormation deletes the resource and its data. Databases are FB1102 (deleted without a final snapshot) and `AutoDeleteObjects` is FB1103.",
        FindingLevel.Warning,
        7.0,
        RulePrecision.VeryHigh)
    {
    };

    internal static IEnumerable<RuleDescriptor> CSharpRules() => new[]
    {
        DestructiveDatabaseCall,
        DestructiveCloudSdkCall,
        StatefulResourceDestroyedWithStack,
    };
}
