using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Backups;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.GoTemplates;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Platforms.Kubernetes;
using Firebreak.Core.Rules.Backups;

namespace Firebreak.Core.Rules.Kubernetes;

/// <summary>Which manifests of a scan hold a database, and the claims and storage classes its data lives on.</summary>
internal static class KubernetesStorage
{
    public static IEnumerable<(DocumentContext Document, YamlMapping Root)> Objects(ProjectContext project, string kind) =>
        project.Documents.Where(d => d.Kind.IsKubernetesManifest())
            .SelectMany(d => KubernetesWorkloads.Of(d).Objects.Where(o => o.ScalarValue("kind") == kind).Select(o => (d, o)));

    /// <summary>A database server's pods: a database image, not a backup or client job.</summary>
    public static bool IsDatabase(KubernetesWorkload workload) =>
        workload.Kind is "StatefulSet" or "Deployment" or "Pod" &&
        workload.Images.Any(i => !GoTemplateMask.IsTemplated(i) && ColocatedBackups.DatabaseImage.IsMatch(i) && !ColocatedBackups.BackupImage.IsMatch(i));

    public static string? Known(YamlScalar? scalar) =>
        scalar is null || scalar.IsNull || GoTemplateMask.IsTemplated(scalar.Value) ? null : scalar.Value;
}
