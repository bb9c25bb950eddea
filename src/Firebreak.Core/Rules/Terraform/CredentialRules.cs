using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Languages.Hcl;
using Firebreak.Core.Languages.Json;
using Firebreak.Core.Platforms.Terraform;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Terraform;

/// <summary>FB2101: IAM policies that allow <c>Action: "*"</c>, or write actions on <c>Resource: "*"</c>.</summary>
public sealed class IamPolicyWildcardRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.IamPolicyWildcard;
    private static readonly HashSet<string> PolicyResources = new(StringComparer.Ordinal)
    {
        "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy",
    };
    // Verbs that destroy or overwrite data or its protections; other writes (AssignIpv6Addresses, PutMetricData is
    // included as Put) on "*" are common in AWS's own recommended policies and are not this rule's concern.
    private static readonly string[] DestructivePrefixes =
    {
        "Delete", "Terminate", "Remove", "Put", "Update", "Modify", "Purge", "Drop", "Detach", "Disable", "Reset", "Revoke",
        "Cancel", "Stop", "Restore", "Write", "BatchWrite", "BatchDelete", "Deregister", "Disassociate", "Replace", "Overwrite",
        "Truncate", "Expire", "Abort", "Empty", "Pass", "Attach", "Schedule",
    };

    // Telemetry services whose writes on "*" are the documented norm (log groups, metrics, traces) and lose no data.
    private static readonly HashSet<string> TelemetryServices = new(StringComparer.OrdinalIgnoreCase) { "logs", "cloudwatch", "xray" };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        foreach (var resource in instance.Resources)
        {
            if (resource.IsData && resource.Type == "aws_iam_policy_document") CheckDocument(instance, resource, reporter);
            else if (!resource.IsData && PolicyResources.Contains(resource.Type) && resource.Body.Attribute("policy") is { } policy)
                CheckJsonPolicy(instance, resource, policy, reporter);
            else if (!resource.IsData && resource.Type == "aws_iam_role")
                foreach (var inline in resource.Body.Blocks("inline_policy"))
                    if (inline.Body.Attribute("policy") is { } p) CheckJsonPolicy(instance, resource, p, reporter);
        }
    }

    private void CheckDocument(TerraformModuleInstance instance, TerraformResource document, Reporter reporter)
    {
        foreach (var statement in document.Body.Blocks("statement"))
        {
            if (instance.Evaluator.Evaluate(statement.Body, "effect", TerraformValue.String("Allow")).AsString() != "Allow") continue;
            var actionsAttribute = statement.Body.Attribute("actions");
            var resourcesAttribute = statement.Body.Attribute("resources");
            var actions = Strings(instance.Evaluator.Evaluate(actionsAttribute?.Value));
            var resources = Strings(instance.Evaluator.Evaluate(resourcesAttribute?.Value));
            var problem = Problem(actions, resources);
            if (problem is null) continue;
            var span = problem.Value.OnAction ? actionsAttribute!.Span : resourcesAttribute!.Span;
            reporter.Report(Rule, document.Document, span, Rule.FormatMessage(document.Address, problem.Value.Text));
        }
    }

    private void CheckJsonPolicy(TerraformModuleInstance instance, TerraformResource resource, HclAttribute policy, Reporter reporter)
    {
        var document = PolicyDocuments.Read(instance.Evaluator.Evaluate(policy.Value));
        foreach (var statement in document.Get("Statement").AsItems())
        {
            if (statement.Get("Effect").AsString() is { } effect && effect != "Allow") continue;
            var problem = Problem(Strings(statement.Get("Action")), Strings(statement.Get("Resource")));
            if (problem is null) continue;
            var span = FindKey(policy.Value, problem.Value.OnAction ? "Action" : "Resource") ?? policy.Span;
            reporter.Report(Rule, resource.Document, span, Rule.FormatMessage(resource.Address, problem.Value.Text));
        }
    }

    private static (bool OnAction, string Text)? Problem(IReadOnlyList<string> actions, IReadOnlyList<string> resources)
    {
        if (actions.Contains("*")) return (true, "allows every action (`\"*\"`)");
        if (!resources.Contains("*")) return null;
        var write = actions.FirstOrDefault(IsWrite);
        return write is null ? null : (false, $"allows `{write}` on every resource (`\"*\"`)");
    }

    private static bool IsWrite(string action)
    {
        int colon = action.IndexOf(':');
        if (colon > 0 && TelemetryServices.Contains(action.Substring(0, colon))) return false;
        string verb = colon < 0 ? action : action.Substring(colon + 1);
        if (verb.Length == 0 || verb[0] == '*') return true; // "s3:*", "*Bucket"
        return DestructivePrefixes.Any(p => verb.StartsWith(p, StringComparison.Ordinal) || p.StartsWith(verb.TrimEnd('*'), StringComparison.Ordinal) && verb.EndsWith("*", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Strings(TerraformValue value) =>
        value.AsItems().Select(v => v.AsString()).Where(s => s is not null).Select(s => s!).ToArray();

    /// <summary>The <c>Action = …</c> item inside an object literal of the expression (jsonencode), if written there.</summary>
    internal static TextSpan? FindKey(HclExpression expression, string key)
    {
        foreach (var e in expression.DescendantsAndSelf())
            if (e is HclObjectExpression o)
                foreach (var item in o.Items)
                    if (item.KeyName == key && item.Value.DescendantsAndSelf().Any(v => v.AsString() == "*")) return item.Span;
        // The wildcard came through a reference (local.actions): point at the key that holds it.
        foreach (var e in expression.DescendantsAndSelf())
            if (e is HclObjectExpression o)
                foreach (var item in o.Items)
                    if (item.KeyName == key) return item.Span;
        return null;
    }
}

/// <summary>Reads a policy from a value: the structure behind jsonencode, a JSON string (heredoc), or an object.</summary>
internal static class PolicyDocuments
{
    public static TerraformValue Read(TerraformValue value)
    {
        if (value.EncodedFrom is { } structure) return structure;
        if (value.Kind == TerraformValueKind.Object) return value;
        if (value.Kind == TerraformValueKind.String)
        {
            var json = JsonParser.Parse(value.StringValue!);
            if (json.Diagnostics.Count == 0) return TerraformValue.FromJson(json.Root);
        }
        return TerraformValue.Unknown;
    }
}

/// <summary>FB2102: the AWS-managed <c>AdministratorAccess</c> policy attached to a role, user or group.</summary>
public sealed class AdministratorAccessAttachedRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.AdministratorAccessAttached;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        foreach (var resource in instance.Resources)
        {
            if (resource.IsData) continue;
            if (resource.Type is "aws_iam_role_policy_attachment" or "aws_iam_user_policy_attachment" or "aws_iam_group_policy_attachment" or "aws_iam_policy_attachment"
                && resource.Body.Attribute("policy_arn") is { } arn && AnyInstance(instance, resource, arn.Value, IsAdministrator))
                reporter.Report(Rule, resource.Document, arn.Span, Rule.FormatMessage(resource.Address), arn, resource);
            if (resource.Type == "aws_iam_role" && resource.Body.Attribute("managed_policy_arns") is { } arns &&
                AnyInstance(instance, resource, arns.Value, v => v.AsItems().Any(IsAdministrator)))
                reporter.Report(Rule, resource.Document, arns.Span, Rule.FormatMessage(resource.Address), arns, resource);
        }
    }

    // "arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess" is unknown only in its partition.
    private static bool IsAdministrator(TerraformValue value) =>
        value.AsString() is { } s
            ? s.StartsWith("arn:", StringComparison.Ordinal) && s.EndsWith(":policy/AdministratorAccess", StringComparison.Ordinal)
            : value.KnownPrefix.StartsWith("arn:", StringComparison.Ordinal) && value.KnownSuffix.EndsWith(":policy/AdministratorAccess", StringComparison.Ordinal);
}

/// <summary>FB2103: <c>roles/owner</c> or <c>roles/editor</c> granted on a Google Cloud project, folder or organization.</summary>
public sealed class GoogleBasicRoleGrantedRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.GoogleBasicRoleGranted;
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "google_project_iam_member", "google_project_iam_binding", "google_folder_iam_member", "google_folder_iam_binding",
        "google_organization_iam_member", "google_organization_iam_binding",
    };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        foreach (var resource in instance.Resources)
        {
            // data "google_iam_policy" feeds google_project_iam_policy (authoritative): its bindings grant the roles.
            if (resource.IsData && resource.Type == "google_iam_policy")
            {
                foreach (var binding in resource.Body.Blocks("binding"))
                    if (binding.Body.Attribute("role") is { } bindingRole && instance.Evaluator.Evaluate(bindingRole.Value).AsString() is "roles/owner" or "roles/editor")
                        reporter.Report(Rule, resource.Document, bindingRole.Span, Rule.FormatMessage(resource.Address, instance.Evaluator.Evaluate(bindingRole.Value).AsString()));
                continue;
            }
            if (resource.IsData || !Types.Contains(resource.Type) || resource.Body.Attribute("role") is not { } role) continue;
            // role = each.value over toset(var.roles): one of the instances may be the basic role.
            var basic = instance.Evaluator.EvaluateEach(resource, role.Value).Select(v => v.AsString()).FirstOrDefault(r => r is "roles/owner" or "roles/editor");
            if (basic is not null) reporter.Report(Rule, resource.Document, role.Span, Rule.FormatMessage(resource.Address, basic));
        }
    }
}

/// <summary>FB2104: Azure <c>Owner</c> or <c>Contributor</c> assigned at subscription (or management group) scope.</summary>
public sealed class AzureSubscriptionRoleAssignmentRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.AzureSubscriptionRoleAssignment;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        foreach (var resource in instance.ManagedResources("azurerm_role_assignment"))
        {
            if ((resource.Body.Attribute("role_definition_name") ?? resource.Body.Attribute("role_definition_id")) is not { } role) continue;
            var scope = resource.Body.Attribute("scope")?.Value;
            if (scope is null) continue;
            var name = instance.Evaluator.EvaluateEach(resource, role.Value)
                .Select(v => role.Name == "role_definition_id" ? BuiltInRoleName(v) ?? RoleDefinitionDataName(role.Value, instance) : v.AsString())
                .FirstOrDefault(n => n is "Owner" or "Contributor" or "User Access Administrator");
            if (name is null || ScopeOf(scope, instance) is not { } where) continue;
            reporter.Report(Rule, resource.Document, role.Span, Rule.FormatMessage(resource.Address, name, where));
        }
    }

    // Built-in role definition IDs are the same in every tenant: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
    private static readonly Dictionary<string, string> BuiltInRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["8e3af657-a8ff-443c-a75c-2fe8c4bcb635"] = "Owner",
        ["b24988ac-6180-42a0-ab88-20f7382dd24c"] = "Contributor",
        ["18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"] = "User Access Administrator",
    };

    /// <summary><c>data.azurerm_role_definition.x.id</c> (or <c>.role_definition_id</c>): the role its <c>name</c> looks up.</summary>
    private static string? RoleDefinitionDataName(HclExpression expression, TerraformModuleInstance instance)
    {
        var steps = expression.AsTraversal();
        if (steps is not { Count: 4 } || steps[0].Name != "data" || steps[1].Name != "azurerm_role_definition" || steps[3].Name is not ("id" or "role_definition_id")) return null;
        var lookup = instance.Module.Resources.FirstOrDefault(r => r.IsData && r.Type == "azurerm_role_definition" && r.Name == steps[2].Name);
        return lookup is null ? null : instance.Evaluator.Evaluate(lookup.Body, "name", TerraformValue.Unknown).AsString();
    }

    /// <summary>The role a <c>…/roleDefinitions/&lt;guid&gt;</c> ID names, read from its known end.</summary>
    private static string? BuiltInRoleName(TerraformValue id)
    {
        var text = id.AsString() ?? id.KnownSuffix;
        int slash = text.LastIndexOf('/');
        return slash >= 0 && text.Substring(0, slash).EndsWith("/roleDefinitions", StringComparison.OrdinalIgnoreCase) &&
               BuiltInRoles.TryGetValue(text.Substring(slash + 1), out var name) ? name : null;
    }

    private const string Subscription = "a whole subscription";
    private const string ManagementGroup = "a management group (every subscription under it)";

    /// <summary>What the scope names when it is a subscription or a management group; null for anything narrower.</summary>
    private static string? ScopeOf(HclExpression scope, TerraformModuleInstance instance)
    {
        var steps = scope.AsTraversal();
        if (steps is { Count: >= 3 } && steps[0].Name == "data" && steps[1].Name == "azurerm_subscription") return Subscription;
        if (steps is { Count: >= 3 } && steps[0].Name == "data" && steps[1].Name == "azurerm_management_group") return ManagementGroup;
        // A management group the module creates: azurerm_management_group.x.id.
        if (steps is { Count: 3 } && steps[0].Name == "azurerm_management_group" && steps[2].Name == "id" &&
            instance.Module.FindManaged("azurerm_management_group", steps[1].Name) is not null)
            return ManagementGroup;
        var evaluated = instance.Evaluator.Evaluate(scope);
        // "/subscriptions/${var.subscription_id}": the unknown part is the subscription's ID, nothing follows it.
        if (!evaluated.IsKnown)
        {
            if (evaluated.KnownPrefix.Equals("/subscriptions/", StringComparison.OrdinalIgnoreCase) && evaluated.KnownSuffix.Trim('/').Length == 0) return Subscription;
            if (evaluated.KnownPrefix.Equals("/providers/Microsoft.Management/managementGroups/", StringComparison.OrdinalIgnoreCase) && evaluated.KnownSuffix.Trim('/').Length == 0) return ManagementGroup;
            return null;
        }
        var value = evaluated.AsString();
        if (value is null) return null;
        var parts = value.Trim('/').Split('/');
        if (parts.Length == 2 && parts[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)) return Subscription;
        return value.IndexOf("/providers/Microsoft.Management/managementGroups/", StringComparison.OrdinalIgnoreCase) >= 0 && parts.Length == 4 ? ManagementGroup : null;
    }
}
