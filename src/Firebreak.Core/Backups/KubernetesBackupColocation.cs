using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Platforms.Kubernetes;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Backups;

/// <summary>A backup CronJob/Job that writes into a PVC the database's own pods mount (across the files of a scan).</summary>
public sealed class KubernetesBackupColocation
{
    private KubernetesBackupColocation(DocumentContext backupDocument, KubernetesWorkload backup, YamlScalar claim, DocumentContext databaseDocument, KubernetesWorkload database, YamlScalar databaseClaim)
    {
        BackupDocument = backupDocument;
        Backup = backup;
        Claim = claim;
        DatabaseDocument = databaseDocument;
        Database = database;
        DatabaseClaim = databaseClaim;
    }

    public DocumentContext BackupDocument { get; }
    public KubernetesWorkload Backup { get; }

    /// <summary>The backup pod's <c>claimName</c>, where the finding points.</summary>
    public YamlScalar Claim { get; }
    public DocumentContext DatabaseDocument { get; }
    public KubernetesWorkload Database { get; }
    public YamlScalar DatabaseClaim { get; }

    /// <summary>Joins the per-file workload models of a scan; cheap, so both FB3102 and FB9001 call it.</summary>
    public static IReadOnlyList<KubernetesBackupColocation> In(ProjectContext project)
    {
        var workloads = KubernetesWorkloads.InProject(project).ToArray();
        var backups = workloads.Where(w => w.Workload.Kind is "CronJob" or "Job" && ColocatedBackups.IsBackupWorkload(w.Workload)).ToArray();
        if (backups.Length == 0) return System.Array.Empty<KubernetesBackupColocation>();
        var databases = workloads.Where(w => ColocatedBackups.IsDatabaseWorkload(w.Workload)).ToArray();
        var found = new List<KubernetesBackupColocation>();
        foreach (var backup in backups)
        {
            foreach (var claim in backup.Workload.Claims)
            {
                foreach (var database in databases)
                {
                    if (database.Workload.Namespace != backup.Workload.Namespace) continue;
                    if (!database.Workload.MountsClaim(claim.Value, out var where) || where is null) continue;
                    found.Add(new KubernetesBackupColocation(backup.Document, backup.Workload, claim, database.Document, database.Workload, where));
                    break;
                }
            }
        }
        return found;
    }
}
