using System.Collections.Generic;
using Firebreak.Core.Rules.Azure;

namespace Firebreak.Core.Rules;

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
