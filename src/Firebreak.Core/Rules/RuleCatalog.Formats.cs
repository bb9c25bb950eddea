using System.Collections.Generic;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules;

public static partial class RuleCatalog
{
    public static readonly RuleDescriptor StatefulSetDeletesClaims = new(
        RuleIds.StatefulSetDeletesClaims,
        "StatefulSetDeletesClaims",
        RuleFamily.DestructiveOperation,
        "StatefulSet deletes its PersistentVolumeClaims",
        "{0}",
        "A StatefulSet whose `persistentVolumeClaimRetentionPolicy` says `whenDeleted: Delete` (or `whenScaled: Delete`): deleting the StatefulSet (a `helm uninstall`, a `kubectl delete -f`, a renamed release) or scaling it down deletes the claims of its pods, and with the usual `reclaimPolicy: Delete` the volumes and their data. The Kubernetes default is `Retain` for both.",
        FindingLevel.Warning,
        7.5,
        RulePrecision.VeryHigh,
        "kubernetes");

    public static readonly RuleDescriptor DatabaseVolumeReclaimDelete = new(
        RuleIds.DatabaseVolumeReclaimDelete,
        "DatabaseVolumeReclaimDelete",
        RuleFamily.DestructiveOperation,
        "Database volume is deleted with its claim",
        "{0}",
        "A StorageClass whose `reclaimPolicy` is `Delete` (written, or absent: Delete is the default) or a PersistentVolume with `persistentVolumeReclaimPolicy: Delete`, holding a database's data: a database pod's claim names the class (directly or through a StatefulSet's `volumeClaimTemplates`) or the volume's `claimRef`. Deleting the claim, or the namespace it lives in, deletes the disk and the data on it.",
        FindingLevel.Warning,
        7.0,
        RulePrecision.High,
        "kubernetes");

    public static readonly RuleDescriptor KubernetesClusterAdminBinding = new(
        RuleIds.KubernetesClusterAdminBinding,
        "KubernetesClusterAdminBinding",
        RuleFamily.UnscopedCredential,
        "Service account bound to cluster-admin or a wildcard role",
        "{0}",
        "A RoleBinding or ClusterRoleBinding gives a ServiceAccount (or every service account of a namespace) `cluster-admin`, or a role whose rules allow every verb on every resource. Any pod that runs as it — and anything that reads its token — can delete every namespace, volume and secret in reach.",
        FindingLevel.Error,
        8.5,
        RulePrecision.High,
        "kubernetes");

    public static readonly RuleDescriptor KubernetesAutomationMayDeleteData = new(
        RuleIds.KubernetesAutomationMayDeleteData,
        "KubernetesAutomationMayDeleteData",
        RuleFamily.UnscopedCredential,
        "CI, agent or operator service account may delete volumes, namespaces or secrets",
        "{0}",
        "A ServiceAccount whose name says it belongs to CI/CD, a deployer, an agent or an operator is bound to a role that may `delete` or `deletecollection` PersistentVolumeClaims, PersistentVolumes, Namespaces or Secrets (its own rules in the scan, or the built-in `admin`/`edit` roles). Its token is one command away from deleting the data it was never meant to touch.",
        FindingLevel.Warning,
        7.5,
        RulePrecision.Medium,
        "kubernetes");

    internal static IEnumerable<RuleDescriptor> FormatRules() => new[]
    {
        StatefulSetDeletesClaims,
        DatabaseVolumeReclaimDelete,
        KubernetesClusterAdminBinding,
        KubernetesAutomationMayDeleteData,
    };
}
