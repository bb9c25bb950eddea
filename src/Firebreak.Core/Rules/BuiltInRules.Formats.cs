using System.Collections.Generic;
using Firebreak.Core.Rules.Kubernetes;

namespace Firebreak.Core.Rules;

public static partial class BuiltInRules
{
    internal static IEnumerable<Rule> FormatFileRules() => new Rule[]
    {
        new Ansible.AnsibleDestroysDataRule(),
        new Ansible.AnsibleUngatedProductionRule(),
        new Pulumi.PulumiYamlUnsafeSettingRule(),
        new Pulumi.PulumiYamlAdministratorAccessRule(),
        new Pulumi.PulumiYamlProductionUnprotectedRule(),
        new StatefulSetDeletesClaimsRule(),
        new InClusterBackupRule(),
        new CloudFormation.CloudFormationDeletionPolicyRule(),
        new CloudFormation.CloudFormationDeletionProtectionRule(),
        new CloudFormation.CloudFormationRdsBackupRule(),
        new CloudFormation.CloudFormationDynamoDbPitrRule(),
        new CloudFormation.CloudFormationBackupRule(),
        new CloudFormation.CloudFormationIamRule(),
    };

    internal static IEnumerable<ProjectRule> FormatProjectRules() => new ProjectRule[]
    {
        new DatabaseVolumeReclaimDeleteRule(),
        new KubernetesClusterAdminBindingRule(),
        new KubernetesAutomationMayDeleteDataRule(),
    };
}
