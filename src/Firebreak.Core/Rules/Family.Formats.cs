using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules.Kubernetes;

namespace Firebreak.Core.Rules;

// Kubernetes, Helm, CloudFormation, Pulumi YAML, Ansible and other formats (FB1110, FB1111, FB2110, FB2111, FB3105).

/// <summary>Kubernetes manifests and Helm charts, CloudFormation/SAM templates (issue 10).</summary>
public static partial class RuleIds
{
    public const string StatefulSetDeletesClaims = "FB1110";
    public const string DatabaseVolumeReclaimDelete = "FB1111";
    public const string KubernetesClusterAdminBinding = "FB2110";
    public const string KubernetesAutomationMayDeleteData = "FB2111";
    public const string InClusterBackup = "FB3105";
}

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

    public static readonly RuleDescriptor InClusterBackup = new(
        RuleIds.InClusterBackup,
        "InClusterBackup",
        RuleFamily.ColocatedBackup,
        "Kubernetes backups stay inside the cluster they protect",
        "{0}",
        "Backups a Kubernetes manifest describes whose every copy stays in the cluster: a Velero `BackupStorageLocation` whose object store is served from a cluster (`http://minio.velero.svc:9000`), a CloudNativePG `Cluster` backed up with volume snapshots only or to a barman object store inside a cluster, a Crunchy `PostgresCluster` whose pgBackRest repositories are all volumes, a Percona database whose backup storages are all `filesystem`, a Zalando postgres-operator configuration whose WAL or logical-backup endpoint is inside a cluster. Losing the cluster, its storage or the namespace loses the data and its backups together. A database with no backup described is not reported.",
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
        InClusterBackup,
        KubernetesClusterAdminBinding,
        KubernetesAutomationMayDeleteData,
    };
}

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
