using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;

namespace Firebreak.Core.Platforms.Kubernetes;

/// <summary>
/// The RBAC objects of a manifest file: Roles and ClusterRoles with their rules, RoleBindings and ClusterRoleBindings
/// with their role reference and subjects. Facts only; which grants are too wide is the rules' call.
/// </summary>
public sealed class KubernetesRbac
{
    private KubernetesRbac(IReadOnlyList<KubernetesRole> roles, IReadOnlyList<KubernetesRoleBinding> bindings)
    {
        Roles = roles;
        Bindings = bindings;
    }

    public IReadOnlyList<KubernetesRole> Roles { get; }
    public IReadOnlyList<KubernetesRoleBinding> Bindings { get; }

    private static readonly ModelKey<KubernetesRbac> RbacKey = new("kubernetes-rbac", static doc => Build(doc, KubernetesWorkloads.Of(doc).Objects));

    public static KubernetesRbac Of(DocumentContext document) =>
        document.Get(RbacKey);

    private static KubernetesRbac Build(DocumentContext document, IReadOnlyList<YamlMapping> objects)
    {
        var roles = new List<KubernetesRole>();
        var bindings = new List<KubernetesRoleBinding>();
        foreach (var root in objects)
        {
            string? kind = root.ScalarValue("kind");
            var metadata = root.Mapping("metadata");
            if (metadata?.Scalar("name") is not { IsNull: false } name) continue;
            string? ns = metadata.ScalarValue("namespace");
            if (kind is "Role" or "ClusterRole")
            {
                var rules = new List<KubernetesPolicyRule>();
                if (root.Sequence("rules") is { } ruleList)
                    foreach (var item in ruleList.Items)
                        if (item.Resolve() is YamlMapping rule)
                            rules.Add(new KubernetesPolicyRule(Words(rule, "apiGroups"), Words(rule, "resources"), Words(rule, "verbs"), rule));
                roles.Add(new KubernetesRole(document, kind, name.Value, ns, rules, root));
            }
            else if (kind is "RoleBinding" or "ClusterRoleBinding" && root.Mapping("roleRef") is { } roleRef && roleRef.Scalar("name") is { IsNull: false } roleName)
            {
                var subjects = new List<KubernetesSubject>();
                if (root.Sequence("subjects") is { } subjectList)
                    foreach (var item in subjectList.Items)
                        if (item.Resolve() is YamlMapping subject && subject.ScalarValue("kind") is { } subjectKind && subject.Scalar("name") is { IsNull: false } subjectName)
                            subjects.Add(new KubernetesSubject(subjectKind, subjectName.Value, subject.ScalarValue("namespace") ?? ns, subjectName));
                bindings.Add(new KubernetesRoleBinding(document, kind, name.Value, ns, roleRef.ScalarValue("kind") ?? "ClusterRole", roleName, subjects));
            }
        }
        return new KubernetesRbac(roles, bindings);
    }

    private static IReadOnlyList<YamlScalar> Words(YamlMapping rule, string key)
    {
        var words = new List<YamlScalar>();
        if (rule.Sequence(key) is { } sequence)
        {
            foreach (var item in sequence.Items)
                if (item.Resolve() is YamlScalar { IsNull: false } scalar) words.Add(scalar);
        }
        else if (rule.Scalar(key) is { IsNull: false } single)
        {
            words.Add(single);
        }
        return words;
    }
}

public sealed record KubernetesRole(DocumentContext Document, string Kind, string Name, string? Namespace, IReadOnlyList<KubernetesPolicyRule> Rules, YamlMapping Root);

/// <summary>One entry of a role's <c>rules:</c>; the scalars keep their spans.</summary>
public sealed record KubernetesPolicyRule(IReadOnlyList<YamlScalar> ApiGroups, IReadOnlyList<YamlScalar> Resources, IReadOnlyList<YamlScalar> Verbs, YamlMapping Node)
{
    public YamlScalar? Verb(string verb)
    {
        foreach (var scalar in Verbs)
            if (string.Equals(scalar.Value, verb, StringComparison.Ordinal)) return scalar;
        return null;
    }

    /// <summary>Whether the rule names <paramref name="resource"/> (or <c>*</c>) in the core API group (or <c>*</c>).</summary>
    public bool CoversCoreResource(string resource)
    {
        bool core = ApiGroups.Count == 0;
        foreach (var group in ApiGroups) core |= group.Value is "" or "*";
        if (!core) return false;
        foreach (var scalar in Resources)
            if (scalar.Value == "*" || string.Equals(scalar.Value, resource, StringComparison.Ordinal)) return true;
        return false;
    }
}

public sealed record KubernetesRoleBinding(DocumentContext Document, string Kind, string Name, string? Namespace, string RoleKind, YamlScalar RoleName, IReadOnlyList<KubernetesSubject> Subjects);

public sealed record KubernetesSubject(string Kind, string Name, string? Namespace, YamlScalar NameNode);
