using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules.Azure;

namespace Firebreak.Core.Rules;

// Azure templates and Bicep (FB1106).

/// <summary>Bicep files and ARM templates (issue 10 item 4); the rules they share with Terraform keep their IDs.</summary>
public static partial class RuleIds
{
    public const string SoftDeleteOff = "FB1106";
}

public static partial class RuleCatalog
{
    public static readonly RuleDescriptor SoftDeleteOff = new(
        RuleIds.SoftDeleteOff,
        "SoftDeleteOff",
        RuleFamily.DestructiveOperation,
        "Soft delete or purge protection is off",
        "{0}",
        "A Bicep file or ARM template turns off what keeps deleted Azure data recoverable: a Key Vault with `enableSoftDelete: false`, or without purge protection (`enablePurgeProtection` false or absent: a deleted vault, and the keys that decrypt your databases and disks, can be purged at once); a storage account's blob service with blob or container soft delete disabled (`deleteRetentionPolicy.enabled: false`, `containerDeleteRetentionPolicy.enabled: false`) or a file service with share soft delete disabled; a Recovery Services vault with soft delete `Disabled` (`securitySettings.softDeleteSettings.softDeleteState`, or the older `backupconfig` `softDeleteFeatureState`), or a Data Protection backup vault with soft delete `Off`. One delete, by a person, a pipeline or an agent, is then final.",
        FindingLevel.Warning,
        7.0,
        RulePrecision.High,
        "azure");

    internal static IEnumerable<RuleDescriptor> AzureTemplateRules() => new[]
    {
        SoftDeleteOff,
    };
}

public static partial class BuiltInRules
{
    internal static IEnumerable<Rule> AzureTemplateFileRules() => new Rule[]
    {
        new AzureSoftDeleteOffRule(),
        new AzureBackupVaultImmutabilityRule(),
        new AzureRoleAssignmentScopeRule(),
        new AzureBackupVaultColocatedRule(),
    };

    internal static IEnumerable<ProjectRule> AzureTemplateProjectRules() => new ProjectRule[]
    {
        new AzureDatabaseWithoutDeleteLockTemplateRule(),
    };
}
