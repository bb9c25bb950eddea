using System.Collections.Generic;
using Firebreak.Core.Backups;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Backups;

/// <summary>FB3102: a backup CronJob writes into the PersistentVolumeClaim its database's pods mount.</summary>
public sealed class BackupJobOnDatabaseClaimRule : ProjectRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.BackupJobOnDatabaseClaim;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override void Analyze(ProjectContext project, FindingSink sink)
    {
        foreach (var colocation in KubernetesBackupColocation.In(project))
        {
            var related = new[]
            {
                new RelatedLocation(SourceLocation.Create(colocation.DatabaseDocument.Text, colocation.DatabaseClaim.Span),
                    $"{colocation.Database.Kind} '{colocation.Database.Name}' keeps its data on this claim"),
            };
            sink.Report(Descriptor, colocation.BackupDocument, colocation.Claim.Span,
                $"{colocation.Backup.Kind} '{colocation.Backup.Name}' backs up into PersistentVolumeClaim `{colocation.Claim.Value}`, which {colocation.Database.Kind} '{colocation.Database.Name}' mounts for its data: deleting the claim, its namespace or the volume behind it loses the database and its backups together. Write backups to a separate claim, and ship them to object storage outside the cluster.",
                fingerprintText: "k8s-claim:" + colocation.Backup.Name + ":" + colocation.Claim.Value, related: related);
        }
    }
}
