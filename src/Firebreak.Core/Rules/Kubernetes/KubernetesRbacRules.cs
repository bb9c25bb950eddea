using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.GoTemplates;
using Firebreak.Core.Platforms.Kubernetes;

namespace Firebreak.Core.Rules.Kubernetes;

/// <summary>The RBAC objects of every manifest of a scan, and how a binding's role reference resolves.</summary>
internal sealed class KubernetesRbacIndex
{
    private readonly Dictionary<string, KubernetesRole> _clusterRoles = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Name), KubernetesRole> _roles = new();

    public KubernetesRbacIndex(ProjectContext project)
    {
        var models = new List<KubernetesRbac>();
        foreach (var document in project.Documents) if (document.Kind.IsKubernetesManifest()) models.Add(KubernetesRbac.Of(document));
        foreach (var role in models.SelectMany(m => m.Roles))
        {
            if (role.Kind == "ClusterRole") _clusterRoles[role.Name] = role;
            else _roles[(role.Namespace ?? "default", role.Name)] = role;
        }
        Bindings = models.SelectMany(m => m.Bindings).ToArray();
    }

    public IReadOnlyList<KubernetesRoleBinding> Bindings { get; }

    public KubernetesRole? RoleOf(KubernetesRoleBinding binding)
    {
        if (GoTemplateMask.IsTemplated(binding.RoleName.Value)) return null;
        if (binding.RoleKind == "ClusterRole") return _clusterRoles.TryGetValue(binding.RoleName.Value, out var cluster) ? cluster : null;
        return _roles.TryGetValue((binding.Namespace ?? "default", binding.RoleName.Value), out var role) ? role : null;
    }

    /// <summary>A rule allowing every verb on every resource of every API group.</summary>
    public static KubernetesPolicyRule? Wildcard(KubernetesRole role) =>
        role.Rules.FirstOrDefault(r => r.Verb("*") is not null && r.Resources.Any(x => x.Value == "*") && r.ApiGroups.Any(g => g.Value == "*"));

    /// <summary>Service accounts, and the groups that stand for all service accounts (of a namespace, or of the cluster).</summary>
    public static IReadOnlyList<KubernetesSubject> ServiceAccounts(KubernetesRoleBinding binding) =>
        binding.Subjects.Where(s => s.Kind == "ServiceAccount" || (s.Kind == "Group" && s.Name.StartsWith("system:serviceaccounts", StringComparison.Ordinal))).ToArray();

    public static string Describe(KubernetesSubject subject) =>
        subject.Kind == "ServiceAccount" ? $"ServiceAccount '{(subject.Namespace is null ? "" : subject.Namespace + "/")}{subject.Name}'" : $"every service account in group '{subject.Name}'";
}

/// <summary>FB2110: a service account bound to <c>cluster-admin</c> or to a role that allows everything.</summary>
public sealed class KubernetesClusterAdminBindingRule : ProjectRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.KubernetesClusterAdminBinding;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override void Analyze(ProjectContext project, FindingSink sink)
    {
        var index = new KubernetesRbacIndex(project);
        foreach (var binding in index.Bindings)
        {
            var accounts = KubernetesRbacIndex.ServiceAccounts(binding);
            if (accounts.Count == 0) continue;
            string who = string.Join(", ", accounts.Select(KubernetesRbacIndex.Describe));
            string scope = binding.Kind == "ClusterRoleBinding" ? "in every namespace" : $"in namespace '{binding.Namespace ?? "default"}'";
            if (binding.RoleKind == "ClusterRole" && binding.RoleName.Value == "cluster-admin")
            {
                sink.Report(Descriptor, binding.Document, binding.RoleName.Span,
                    $"{binding.Kind} '{binding.Name}' gives {who} `cluster-admin` {scope}: a pod running as it, or anyone who reads its token, can delete every namespace, volume and secret. Bind a role with the verbs and resources the job needs.",
                    fingerprintText: "k8s-admin:" + binding.Name);
                continue;
            }
            if (index.RoleOf(binding) is { } role && KubernetesRbacIndex.Wildcard(role) is { } rule)
                sink.Report(Descriptor, binding.Document, binding.RoleName.Span,
                    $"{binding.Kind} '{binding.Name}' gives {who} {role.Kind} '{role.Name}', which allows every verb on every resource, {scope}: a pod running as it can delete every namespace, volume and secret it reaches. List the verbs and resources the job needs.",
                    fingerprintText: "k8s-wildcard:" + binding.Name,
                    related: new[] { new RelatedLocation(SourceLocation.Create(role.Document.Text, rule.Verb("*")!.Span), $"{role.Kind} '{role.Name}' allows every verb on every resource") });
        }
    }
}

/// <summary>FB2111: a CI, deployer, agent or operator service account may delete claims, volumes, namespaces or secrets.</summary>
public sealed class KubernetesAutomationMayDeleteDataRule : ProjectRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.KubernetesAutomationMayDeleteData;

    /// <summary>Words of a service account name (split on '-', '_', '.', ':') that say automation runs as it.</summary>
    private static readonly Regex AutomationName = new(
        @"(^|[-_.:])(ci|cd|cicd|ci-cd|deploy|deployer|deployment|github|gitlab|runner|jenkins|argocd|argo|flux|fluxcd|tekton|spinnaker|agent|automation|pipeline|terraform|atlantis|operator)([-_.:]|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly string[] DataResources = { "persistentvolumeclaims", "persistentvolumes", "namespaces", "secrets" };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override void Analyze(ProjectContext project, FindingSink sink)
    {
        var index = new KubernetesRbacIndex(project);
        foreach (var binding in index.Bindings)
        {
            var accounts = KubernetesRbacIndex.ServiceAccounts(binding).Where(s => s.Kind == "ServiceAccount" && AutomationName.IsMatch(s.Name)).ToArray();
            if (accounts.Length == 0 || binding.RoleName.Value == "cluster-admin") continue;
            string who = string.Join(", ", accounts.Select(KubernetesRbacIndex.Describe));
            string scope = binding.Kind == "ClusterRoleBinding" ? "in every namespace" : $"in namespace '{binding.Namespace ?? "default"}'";
            if (binding.RoleKind == "ClusterRole" && binding.RoleName.Value is "admin" or "edit" && index.RoleOf(binding) is null)
            {
                sink.Report(Descriptor, binding.Document, binding.RoleName.Span,
                    $"{binding.Kind} '{binding.Name}' gives {who} the built-in `{binding.RoleName.Value}` role {scope}, which may delete PersistentVolumeClaims and Secrets: the automation's token is one command away from deleting the data. Bind a role with the verbs and resources the job needs.",
                    fingerprintText: "k8s-builtin:" + binding.Name);
                continue;
            }
            if (index.RoleOf(binding) is not { } role || KubernetesRbacIndex.Wildcard(role) is not null) continue;
            foreach (var rule in role.Rules)
            {
                var verb = rule.Verb("delete") ?? rule.Verb("deletecollection") ?? rule.Verb("*");
                // A rule scoped to named objects (`resourceNames`) reaches only those.
                if (verb is null || rule.Node.FindPair("resourceNames") is not null) continue;
                var resources = DataResources.Where(rule.CoversCoreResource).ToArray();
                if (resources.Length == 0) continue;
                sink.Report(Descriptor, binding.Document, binding.RoleName.Span,
                    $"{binding.Kind} '{binding.Name}' lets {who} `{verb.Value}` {string.Join(", ", resources)} {scope} ({role.Kind} '{role.Name}'): the automation's token is one command away from deleting the data. Drop the delete verbs, or scope them with `resourceNames`.",
                    fingerprintText: "k8s-delete:" + binding.Name,
                    related: new[] { new RelatedLocation(SourceLocation.Create(role.Document.Text, verb.Span), $"{role.Kind} '{role.Name}' allows `{verb.Value}` here") });
                break;
            }
        }
    }
}
