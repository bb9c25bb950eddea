using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules.Terraform;

namespace Firebreak.Core.Rules;

public static partial class BuiltInRules
{
    internal static IEnumerable<Rule> TerraformFileRules() => new Rule[] { new PlanDeletesStatefulResourceRule() };

    internal static IEnumerable<ProjectRule> TerraformProjectRules() => new ProjectRule[]
    {
        new DatabaseDeletionProtectionOffRule(),
        new SkipFinalSnapshotRule(),
        new BucketForceDestroyRule(),
        new ProductionResourceWithoutPreventDestroyRule(),
        new AzureDatabaseWithoutDeleteLockRule(),
        new IamPolicyWildcardRule(),
        new AdministratorAccessAttachedRule(),
        new GoogleBasicRoleGrantedRule(),
        new AzureSubscriptionRoleAssignmentRule(),
        new AutomatedBackupsDeletedWithInstanceRule(),
        new EveryBackupDiesWithInstanceRule(),
        new BackupPlanWithoutCopyActionRule(),
        new BackupVaultWithoutLockRule(),
        new BackupsDisabledRule(),
        new DynamoDbWithoutPointInTimeRecoveryRule(),
        new CiOidcTrustUnscopedRule(),
        new S3ReplicationColocatedRule(),
        new AzureBackupVaultColocatedRule(),
        new CloudSqlBackupsDeletedWithInstanceRule(),
    };
}
