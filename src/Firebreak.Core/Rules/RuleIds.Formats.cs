namespace Firebreak.Core.Rules;

/// <summary>Kubernetes manifests and Helm charts, CloudFormation/SAM templates (issue 10).</summary>
public static partial class RuleIds
{
    public const string StatefulSetDeletesClaims = "FB1110";
    public const string DatabaseVolumeReclaimDelete = "FB1111";
    public const string KubernetesClusterAdminBinding = "FB2110";
    public const string KubernetesAutomationMayDeleteData = "FB2111";
    public const string InClusterBackup = "FB3105";
}
