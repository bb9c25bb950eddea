using System;
using System.Collections.Generic;
using Firebreak.Core.Rules;

namespace Firebreak.Core.Platforms.Pulumi;

/// <summary>What value of a property is unsafe.</summary>
public enum PulumiUnsafeWhen
{
    True,
    False,
    Zero,
}

/// <summary>One unsafe setting of a Pulumi resource type, on the Terraform rule that has the same meaning.</summary>
public sealed class PulumiUnsafeSetting
{
    public PulumiUnsafeSetting(string property, PulumiUnsafeWhen when, string ruleId, string message, string fix)
    {
        Property = property;
        When = when;
        RuleId = ruleId;
        Message = message;
        Fix = fix;
    }

    /// <summary>The property, dotted for nested ones (<c>settings.backupConfiguration.enabled</c>).</summary>
    public string Property { get; }
    public PulumiUnsafeWhen When { get; }
    public string RuleId { get; }

    /// <summary>{0} is the resource (<c>`orders` (aws:rds:Instance)</c>), {1} the setting as written.</summary>
    public string Message { get; }
    public string Fix { get; }
}

/// <summary>
/// Pulumi resource types (the provider's type token, as in Pulumi YAML) and their unsafe settings: the same
/// properties the C# analyzer reads on Pulumi .NET arguments (<c>Pulumi.Aws.Rds.InstanceArgs.SkipFinalSnapshot</c>),
/// in the provider schema's camelCase, on the Terraform rules' IDs.
/// </summary>
public static class PulumiResourceSettings
{
    private const string Destroy = "deleting it (`pulumi destroy`, a replacement, or removing it from the program)";

    private static readonly PulumiUnsafeSetting SkipFinalSnapshot = new("skipFinalSnapshot", PulumiUnsafeWhen.True, RuleIds.SkipFinalSnapshot,
        "{0} sets `{1}`: " + Destroy + " keeps no final snapshot, so the last state of the data is lost.", "set it to false with a `finalSnapshotIdentifier`");
    private static readonly PulumiUnsafeSetting DeletionProtection = new("deletionProtection", PulumiUnsafeWhen.False, RuleIds.DatabaseDeletionProtectionOff,
        "{0} sets `{1}`: one `pulumi destroy` or an accidental replacement deletes the database with no safety catch.", "set deletion protection on");
    private static readonly PulumiUnsafeSetting DynamoDeletionProtection = new("deletionProtectionEnabled", PulumiUnsafeWhen.False, RuleIds.DatabaseDeletionProtectionOff,
        "{0} sets `{1}`: one `pulumi destroy` or an accidental replacement deletes the table with no safety catch.", "set deletion protection on");
    private static readonly PulumiUnsafeSetting ForceDestroy = new("forceDestroy", PulumiUnsafeWhen.True, RuleIds.BucketForceDestroy,
        "{0} sets `{1}`: destroying it deletes every object (and version) in it instead of failing.", "remove it");
    private static readonly PulumiUnsafeSetting BackupRetentionZero = new("backupRetentionPeriod", PulumiUnsafeWhen.Zero, RuleIds.BackupsDisabled,
        "{0} sets `{1}`: automated backups are off, so there is no point-in-time restore.", "keep at least 7 days");
    private static readonly PulumiUnsafeSetting DeleteAutomatedBackups = new("deleteAutomatedBackups", PulumiUnsafeWhen.True, RuleIds.AutomatedBackupsDeletedWithInstance,
        "{0} sets `{1}`: deleting the instance deletes its automated backups with it, so point-in-time restore goes too.", "set it to false");
    private static readonly PulumiUnsafeSetting CloudSqlBackupsOff = new("settings.backupConfiguration.enabled", PulumiUnsafeWhen.False, RuleIds.BackupsDisabled,
        "{0} sets `{1}` in its backup configuration: Cloud SQL takes no automated backups.", "enable them");

    private static readonly Dictionary<string, PulumiUnsafeSetting[]> ByType = new(StringComparer.Ordinal)
    {
        ["aws:rds:Instance"] = new[] { SkipFinalSnapshot, DeletionProtection, BackupRetentionZero, DeleteAutomatedBackups },
        ["aws:rds:Cluster"] = new[] { SkipFinalSnapshot, DeletionProtection, BackupRetentionZero },
        ["aws:docdb:Cluster"] = new[] { SkipFinalSnapshot, DeletionProtection },
        ["aws:neptune:Cluster"] = new[] { SkipFinalSnapshot, DeletionProtection },
        ["aws:redshift:Cluster"] = new[] { SkipFinalSnapshot },
        ["aws:dynamodb:Table"] = new[] { DynamoDeletionProtection },
        ["aws:s3:Bucket"] = new[] { ForceDestroy },
        ["aws:s3:BucketV2"] = new[] { ForceDestroy },
        ["gcp:storage:Bucket"] = new[] { ForceDestroy },
        ["gcp:sql:DatabaseInstance"] = new[] { DeletionProtection, CloudSqlBackupsOff },
        ["gcp:spanner:Database"] = new[] { DeletionProtection },
    };

    /// <summary>Types that hold data, for <c>options.protect</c> (FB1104's meaning).</summary>
    private static readonly HashSet<string> Stateful = new(StringComparer.Ordinal)
    {
        "aws:rds:Instance", "aws:rds:Cluster", "aws:docdb:Cluster", "aws:neptune:Cluster", "aws:redshift:Cluster", "aws:dynamodb:Table",
        "aws:s3:Bucket", "aws:s3:BucketV2", "aws:efs:FileSystem", "aws:ebs:Volume", "aws:elasticache:ReplicationGroup", "aws:backup:Vault",
        "aws:kms:Key", "gcp:storage:Bucket", "gcp:sql:DatabaseInstance", "gcp:spanner:Database", "gcp:spanner:Instance", "gcp:compute:Disk",
        "gcp:bigquery:Dataset", "gcp:kms:CryptoKey", "azure-native:sql:Server", "azure-native:sql:Database", "azure-native:storage:StorageAccount",
        "azure-native:dbforpostgresql:Server", "azure-native:dbforpostgresql:FlexibleServer", "azure-native:dbformysql:Server",
        "azure-native:dbformysql:FlexibleServer", "azure-native:documentdb:DatabaseAccount", "azure-native:keyvault:Vault",
        "azure:sql:SqlServer", "azure:mssql:Server", "azure:mssql:Database", "azure:storage:Account", "azure:keyvault:KeyVault",
        "azure:postgresql:FlexibleServer", "azure:mysql:FlexibleServer", "azure:cosmosdb:Account",
    };

    public static IReadOnlyList<PulumiUnsafeSetting> For(string type) =>
        ByType.TryGetValue(type, out var settings) ? settings : Array.Empty<PulumiUnsafeSetting>();

    public static bool IsStateful(string type) => Stateful.Contains(type);

    /// <summary>The IAM attachment types whose <c>policyArn</c> names a managed policy.</summary>
    public static bool IsPolicyAttachment(string type) =>
        type is "aws:iam:RolePolicyAttachment" or "aws:iam:UserPolicyAttachment" or "aws:iam:GroupPolicyAttachment" or "aws:iam:PolicyAttachment";
}
