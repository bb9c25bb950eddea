using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Backups;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.GoTemplates;
using Firebreak.Core.Platforms.Kubernetes;
using Firebreak.Core.Rules.Backups;

namespace Firebreak.Core.Rules.Kubernetes;

/// <summary>FB1110: a StatefulSet that deletes its PersistentVolumeClaims when it is deleted or scaled down.</summary>
public sealed class StatefulSetDeletesClaimsRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.StatefulSetDeletesClaims;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) => kind.IsKubernetesManifest();

    public override bool MightMatch(string text) => text.Contains("persistentVolumeClaimRetentionPolicy");

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        foreach (var workload in KubernetesWorkloads.Of(document).Workloads)
        {
            if (workload.Kind != "StatefulSet" || workload.Root.Mapping("spec")?.Mapping("persistentVolumeClaimRetentionPolicy") is not { } policy) continue;
            bool database = workload.Images.Any(i => !GoTemplateMask.IsTemplated(i) && ColocatedBackups.DatabaseImage.IsMatch(i));
            string what = database ? "database StatefulSet" : "StatefulSet";
            if (policy.Scalar("whenDeleted") is { Value: "Delete" } deleted)
                sink.Report(Descriptor, document, deleted.Span,
                    $"{what} '{workload.Name}' has `persistentVolumeClaimRetentionPolicy.whenDeleted: Delete`: deleting it (`helm uninstall`, `kubectl delete -f`, a renamed release) deletes every PersistentVolumeClaim of its pods, and with a Delete reclaim policy their volumes and data. Use `Retain` (the default) and delete claims on purpose.",
                    level: database ? FindingLevel.Error : null, fingerprintText: "sts-when-deleted:" + workload.Name);
            if (policy.Scalar("whenScaled") is { Value: "Delete" } scaled)
                sink.Report(Descriptor, document, scaled.Span,
                    $"{what} '{workload.Name}' has `persistentVolumeClaimRetentionPolicy.whenScaled: Delete`: scaling it down (a wrong `replicas:` in one commit) deletes the claims, and so the data, of every removed replica. Use `Retain` (the default).",
                    fingerprintText: "sts-when-scaled:" + workload.Name);
        }
    }
}
