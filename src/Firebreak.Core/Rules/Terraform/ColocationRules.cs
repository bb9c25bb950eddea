using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Languages.Hcl;
using Firebreak.Core.Platforms.Terraform;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Terraform;

/// <summary>FB3006: S3 replication into the same bucket, or into a bucket in the same region as its source.</summary>
public sealed class S3ReplicationColocatedRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.S3ReplicationColocated;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        var module = instance.Module;
        foreach (var replication in instance.ManagedResources("aws_s3_bucket_replication_configuration"))
        {
            var sourceExpression = replication.Body.Attribute("bucket")?.Value;
            if (sourceExpression is null) continue;
            var sourceBucket = BucketResource(sourceExpression, module);
            // A bucket's id is its name: read it from the bucket resource when the source refers to one.
            var sourceName = (sourceBucket is null
                ? instance.Evaluator.Evaluate(sourceExpression)
                : instance.Evaluator.Evaluate(sourceBucket.Body, "bucket", TerraformValue.Unknown)).AsString();
            foreach (var rule in replication.Body.Blocks("rule"))
            {
                if (rule.Body.Block("destination")?.Body.Attribute("bucket") is not { } destination) continue;
                var destinationBucket = BucketResource(destination.Value, module);
                var destinationArn = instance.Evaluator.Evaluate(destination.Value).AsString();
                string? problem = null;
                if (sourceBucket is not null && destinationBucket == sourceBucket ||
                    sourceName is not null && destinationArn is not null && BucketName(destinationArn) == BucketName(sourceName))
                    problem = "into its own source bucket";
                else if (sourceBucket is not null && destinationBucket is not null && SameRegion(instance, sourceBucket, destinationBucket) is { } region)
                    problem = $"into a bucket in the same region ({region})";
                if (problem is not null)
                    reporter.Report(Rule, replication.Document, destination.Span, Rule.FormatMessage(replication.Address, problem));
            }
        }
    }

    private static TerraformResource? BucketResource(HclExpression expression, TerraformModule module)
    {
        var steps = expression.AsTraversal();
        return steps is { Count: >= 2 } && steps[0].Name == "aws_s3_bucket" ? module.FindManaged("aws_s3_bucket", steps[1].Name) : null;
    }

    private static string BucketName(string nameOrArn) => nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn.Substring(nameOrArn.LastIndexOf(':') + 1) : nameOrArn;

    /// <summary>The region both buckets are in when it is known to be the same (same provider configuration, or equal regions).</summary>
    private static string? SameRegion(TerraformModuleInstance instance, TerraformResource a, TerraformResource b)
    {
        string providerA = ProviderReference(a), providerB = ProviderReference(b);
        var regionA = Region(instance, providerA);
        var regionB = Region(instance, providerB);
        if (providerA == providerB) return regionA ?? "same provider configuration";
        return regionA is not null && regionA == regionB ? regionA : null;
    }

}

/// <summary>FB3007: an Azure backup vault in the same resource group as what it protects.</summary>
public sealed class AzureBackupVaultColocatedRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.AzureBackupVaultColocated;

    // protection resource type → (attribute naming the vault, attribute naming the protected resource)
    private static readonly Dictionary<string, (string Vault, string Source)> Protections = new(StringComparer.Ordinal)
    {
        ["azurerm_backup_protected_vm"] = ("recovery_vault_name", "source_vm_id"),
        ["azurerm_backup_protected_file_share"] = ("recovery_vault_name", "source_storage_account_id"),
        ["azurerm_data_protection_backup_instance_disk"] = ("vault_id", "disk_id"),
        ["azurerm_data_protection_backup_instance_blob_storage"] = ("vault_id", "storage_account_id"),
        ["azurerm_data_protection_backup_instance_postgresql_flexible_server"] = ("vault_id", "server_id"),
        ["azurerm_data_protection_backup_instance_kubernetes_cluster"] = ("vault_id", "kubernetes_cluster_id"),
        ["azurerm_data_protection_backup_instance_mysql_flexible_server"] = ("vault_id", "server_id"),
    };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        var module = instance.Module;
        foreach (var protection in instance.Resources)
        {
            if (protection.IsData || !Protections.TryGetValue(protection.Type, out var link)) continue;
            var vault = Referenced(protection.Body.Attribute(link.Vault)?.Value, module);
            var source = Referenced(protection.Body.Attribute(link.Source)?.Value, module);
            if (vault is null || source is null || vault.Body.Attribute("resource_group_name") is not { } vaultGroup) continue;
            var vaultGroupId = Identity(vaultGroup.Value, instance);
            var sourceGroupId = Identity(source.Body.Attribute("resource_group_name")?.Value, instance);
            if (vaultGroupId is null || vaultGroupId != sourceGroupId) continue;
            reporter.Report(Rule, vault.Document, vaultGroup.Span, Rule.FormatMessage(vault.Address, source.Address));
        }
    }

    private static TerraformResource? Referenced(HclExpression? expression, TerraformModule module)
    {
        var steps = expression?.AsTraversal();
        return steps is { Count: >= 2 } && steps[0].Name != "data" ? module.FindManaged(steps[0].Name, steps[1].Name) : null;
    }
}
