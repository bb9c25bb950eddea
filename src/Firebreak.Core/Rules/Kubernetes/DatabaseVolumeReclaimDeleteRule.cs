using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Platforms.Kubernetes;

namespace Firebreak.Core.Rules.Kubernetes;

/// <summary>
/// FB1111: the StorageClass or PersistentVolume a database's data lives on deletes the disk when the claim goes.
/// Joined across the files of a scan: the database workload, its claims (by name, or its StatefulSet's
/// <c>volumeClaimTemplates</c>), the claims' <c>storageClassName</c>, and the class or volume.
/// </summary>
public sealed class DatabaseVolumeReclaimDeleteRule : ProjectRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.DatabaseVolumeReclaimDelete;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override void Analyze(ProjectContext project, FindingSink sink)
    {
        var databases = KubernetesWorkloads.InProject(project).Where(w => KubernetesStorage.IsDatabase(w.Workload)).ToArray();
        if (databases.Length == 0) return;

        // The storage classes each database's claims name, with where they name them.
        var classUses = new List<KeyValuePair<string, (DocumentContext Document, YamlScalar Where, KubernetesWorkload Database)>>();
        var claimsByName = KubernetesStorage.Objects(project, "PersistentVolumeClaim")
            .Where(c => KubernetesStorage.Known(c.Root.Mapping("metadata")?.Scalar("name")) is not null)
            .ToLookup(c => KubernetesStorage.Known(c.Root.Mapping("metadata")!.Scalar("name"))!, StringComparer.Ordinal);
        var databaseClaims = new Dictionary<string, KubernetesWorkload>(StringComparer.Ordinal);
        foreach (var (document, database) in databases)
        {
            if (database.Kind == "StatefulSet" && database.Root.Mapping("spec")?.Sequence("volumeClaimTemplates") is { } templates)
            {
                foreach (var item in templates.Items)
                    if (item.Resolve() is YamlMapping template && template.Mapping("spec")?.Scalar("storageClassName") is { } storageClass &&
                        KubernetesStorage.Known(storageClass) is { } className)
                        classUses.Add(new(className, (document, storageClass, database)));
            }
            foreach (var claim in database.Claims)
            {
                databaseClaims[claim.Value] = database;
                var pvc = Nearest(claimsByName[claim.Value], document.Path);
                if (pvc.Root?.Mapping("spec")?.Scalar("storageClassName") is { } storageClass && KubernetesStorage.Known(storageClass) is { } className)
                    classUses.Add(new(className, (pvc.Document, storageClass, database)));
            }
        }

        // Class names are cluster-wide, but a repository may hold several clusters' (or examples') classes of one name:
        // each use resolves to the definition nearest to it in the folder tree.
        var classes = KubernetesStorage.Objects(project, "StorageClass")
            .Where(c => KubernetesStorage.Known(c.Root.Mapping("metadata")?.Scalar("name")) is not null)
            .ToLookup(c => KubernetesStorage.Known(c.Root.Mapping("metadata")!.Scalar("name"))!, StringComparer.Ordinal);
        var reported = new HashSet<YamlMapping>();
        foreach (var pair in classUses)
        {
            var use = pair.Value;
            var nearest = Nearest(classes[pair.Key], use.Document.Path);
            if (nearest.Root is not { } root || !reported.Add(root)) continue;
            var policy = root.Scalar("reclaimPolicy");
            if (policy is not null && policy.Value != "Delete") continue;
            string name = pair.Key;
            var span = policy?.Span ?? root.Mapping("metadata")!.Scalar("name")!.Span;
            sink.Report(Descriptor, nearest.Document, span,
                $"StorageClass '{name}' {(policy is null ? "has no `reclaimPolicy` (Delete is the default)" : "has `reclaimPolicy: Delete`")} and holds the data of database {use.Database.Kind} '{use.Database.Name}': deleting its claim or namespace deletes the disk with the data. Set `reclaimPolicy: Retain` on the class databases use.",
                fingerprintText: "storage-class:" + name,
                related: new[] { new RelatedLocation(SourceLocation.Create(use.Document.Text, use.Where.Span), $"{use.Database.Kind} '{use.Database.Name}' keeps its data on this class") });
        }

        foreach (var (document, root) in KubernetesStorage.Objects(project, "PersistentVolume"))
        {
            if (root.Mapping("spec") is not { } spec || spec.Scalar("persistentVolumeReclaimPolicy") is not { Value: "Delete" } policy) continue;
            if (KubernetesStorage.Known(spec.Mapping("claimRef")?.Scalar("name")) is not { } claim || !databaseClaims.TryGetValue(claim, out var database)) continue;
            string name = KubernetesStorage.Known(root.Mapping("metadata")?.Scalar("name")) ?? "this volume";
            sink.Report(Descriptor, document, policy.Span,
                $"PersistentVolume '{name}' has `persistentVolumeReclaimPolicy: Delete` and is bound to claim `{claim}` of database {database.Kind} '{database.Name}': deleting the claim or its namespace deletes the disk with the data. Use `Retain`.",
                fingerprintText: "pv:" + name);
        }
    }

    private static (DocumentContext Document, YamlMapping Root) Nearest(IEnumerable<(DocumentContext Document, YamlMapping Root)> candidates, string path) =>
        candidates.OrderByDescending(c => SharedFolderDepth(c.Document.Path, path)).ThenBy(c => c.Document.Path, StringComparer.Ordinal).FirstOrDefault();

    private static int SharedFolderDepth(string a, string b)
    {
        var x = a.Split('/');
        var y = b.Split('/');
        int depth = 0;
        while (depth < x.Length - 1 && depth < y.Length - 1 && x[depth] == y[depth]) depth++;
        return depth;
    }
}
