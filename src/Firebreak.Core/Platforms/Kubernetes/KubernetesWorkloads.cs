using System;
using System.Collections.Generic;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Platforms.Kubernetes;

/// <summary>
/// The workloads of a Kubernetes manifest file (every YAML document): kind, name, namespace, container images and
/// command lines, and the PersistentVolumeClaims their pods mount. Built once per file.
/// </summary>
public sealed class KubernetesWorkloads
{
    private KubernetesWorkloads(IReadOnlyList<KubernetesWorkload> workloads, IReadOnlyList<YamlMapping> objects)
    {
        Workloads = workloads;
        Objects = objects;
    }

    public IReadOnlyList<KubernetesWorkload> Workloads { get; }

    /// <summary>Every top-level object of the file (for kinds that are not workloads, such as VolumeSnapshotClass).</summary>
    public IReadOnlyList<YamlMapping> Objects { get; }

    private static readonly ModelKey<KubernetesWorkloads> WorkloadsKey = new("kubernetes-workloads", static doc => Build(doc.Yaml));

    /// <summary>Every workload of every Kubernetes manifest of a scan, with its file.</summary>
    public static IEnumerable<(DocumentContext Document, KubernetesWorkload Workload)> InProject(ProjectContext project)
    {
        foreach (var document in project.Documents)
        {
            if (!document.Kind.IsKubernetesManifest()) continue;
            foreach (var workload in Of(document).Workloads) yield return (document, workload);
        }
    }

    public static KubernetesWorkloads Of(DocumentContext document) =>
        document.Get(WorkloadsKey);

    private static KubernetesWorkloads Build(YamlFile yaml)
    {
        var workloads = new List<KubernetesWorkload>();
        var objects = new List<YamlMapping>();
        foreach (var document in yaml.Documents)
        {
            if (document.Root is not YamlMapping root) continue;
            objects.Add(root);
            if (root.ScalarValue("kind") is not { } kind || root.Mapping("metadata")?.ScalarValue("name") is not { } name) continue;
            var pod = PodSpec(root, kind);
            if (pod == null) continue;
            workloads.Add(new KubernetesWorkload(kind, name, root.Mapping("metadata")?.ScalarValue("namespace") ?? "default", root, pod));
        }
        return new KubernetesWorkloads(workloads, objects);
    }

    private static YamlMapping? PodSpec(YamlMapping root, string kind) => kind switch
    {
        "Pod" => root.Mapping("spec"),
        "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" => root.Mapping("spec")?.Mapping("template")?.Mapping("spec"),
        "CronJob" => root.Mapping("spec")?.Mapping("jobTemplate")?.Mapping("spec")?.Mapping("template")?.Mapping("spec"),
        _ => null,
    };
}

public sealed class KubernetesWorkload
{
    internal KubernetesWorkload(string kind, string name, string ns, YamlMapping root, YamlMapping pod)
    {
        Kind = kind;
        Name = name;
        Namespace = ns;
        Root = root;
        var images = new List<string>();
        var commands = new List<string>();
        var environment = new List<string>();
        foreach (var key in new[] { "containers", "initContainers" })
        {
            if (pod.Sequence(key) is not { } containers) continue;
            foreach (var item in containers.Items)
            {
                if (item.Resolve() is not YamlMapping container) continue;
                if (container.ScalarValue("image") is { } image) images.Add(image);
                var words = new List<string>();
                foreach (var part in new[] { "command", "args" })
                    if (container.Sequence(part) is { } sequence)
                        foreach (var word in sequence.Items)
                            if (word.Resolve() is YamlScalar scalar) words.Add(scalar.Value);
                if (words.Count > 0) commands.Add(string.Join(" ", words));
                if (container.Sequence("env") is { } env)
                    foreach (var variable in env.Items)
                        if (variable.Resolve() is YamlMapping pair && pair.ScalarValue("name") is { } variableName && pair.ScalarValue("value") is { } value)
                            environment.Add(variableName + "=" + value);
            }
        }
        Images = images;
        CommandLines = commands;
        Environment = environment;
        var claims = new List<YamlScalar>();
        if (pod.Sequence("volumes") is { } volumes)
            foreach (var item in volumes.Items)
                if (item.Resolve() is YamlMapping volume && volume.Mapping("persistentVolumeClaim")?.Scalar("claimName") is { IsNull: false } claim)
                    claims.Add(claim);
        Claims = claims;
        var templates = new List<YamlScalar>();
        if (kind == "StatefulSet" && root.Mapping("spec")?.Sequence("volumeClaimTemplates") is { } claimTemplates)
            foreach (var item in claimTemplates.Items)
                if (item.Resolve() is YamlMapping template && template.Mapping("metadata")?.Scalar("name") is { IsNull: false } templateName)
                    templates.Add(templateName);
        ClaimTemplates = templates;
    }

    public string Kind { get; }
    public string Name { get; }
    public string Namespace { get; }
    public YamlMapping Root { get; }
    public IReadOnlyList<string> Images { get; }

    /// <summary>Each container's <c>command</c> + <c>args</c> joined with spaces, for keyword tests.</summary>
    public IReadOnlyList<string> CommandLines { get; }

    /// <summary>Each container's literal <c>env</c> entries as <c>NAME=value</c> (a <c>valueFrom</c> has no text to read).</summary>
    public IReadOnlyList<string> Environment { get; }

    /// <summary>The <c>metadata.name</c> scalar: where a finding about the workload itself points.</summary>
    public YamlScalar? NameScalar => Root.Mapping("metadata")?.Scalar("name");

    /// <summary>The <c>claimName</c> of every PersistentVolumeClaim volume of the pod.</summary>
    public IReadOnlyList<YamlScalar> Claims { get; }

    /// <summary>A StatefulSet's <c>volumeClaimTemplates</c> names; its PVCs are <c>&lt;template&gt;-&lt;name&gt;-&lt;ordinal&gt;</c>.</summary>
    public IReadOnlyList<YamlScalar> ClaimTemplates { get; }

    public bool MountsClaim(string claim, out YamlScalar? where)
    {
        foreach (var scalar in Claims)
        {
            if (string.Equals(scalar.Value, claim, StringComparison.Ordinal))
            {
                where = scalar;
                return true;
            }
        }
        foreach (var template in ClaimTemplates)
        {
            string prefix = template.Value + "-" + Name + "-";
            if (claim.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(claim.Substring(prefix.Length), out _))
            {
                where = template;
                return true;
            }
        }
        where = null;
        return false;
    }
}
