using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Firebreak.Core.Languages.Hcl;
using Firebreak.Core.Platforms.Terraform;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Terraform;

/// <summary>
/// FB2105: an IAM role that CI assumes through OIDC (GitHub Actions, GitLab) with no <c>sub</c> condition, or with a
/// wildcard repository: any repository on the platform (or in the organisation) can take the role.
/// </summary>
public sealed class CiOidcTrustUnscopedRule : TerraformModuleRule
{
    private static readonly RuleDescriptor Rule = RuleCatalog.CiOidcTrustUnscoped;
    private static readonly string[] Issuers = { "token.actions.githubusercontent.com", "gitlab.com" };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Rule };

    protected override void Check(TerraformModuleInstance instance, Reporter reporter)
    {
        foreach (var role in instance.ManagedResources("aws_iam_role"))
        {
            if (role.Body.Attribute("assume_role_policy") is not { } policy) continue;
            var document = PolicyDocuments.Read(instance.Evaluator.Evaluate(policy.Value));
            foreach (var statement in document.Get("Statement").AsItems())
            {
                if (statement.Get("Effect").AsString() is { } effect && effect != "Allow") continue;
                var federated = statement.Get("Principal").Get("Federated");
                var issuer = Issuer(Principals(federated))
                    // Federated = aws_iam_openid_connect_provider.github.arn is computed: the condition keys name the issuer.
                    ?? (IsWebIdentity(statement.Get("Action")) && !federated.IsWhollyKnown ? IssuerOfKeys(statement.Get("Condition").Attributes.Values.SelectMany(op => op.Attributes.Keys)) : null);
                if (issuer is null) continue;
                var subjects = new List<string>();
                bool hasSubject = false, unknownSubject = false;
                foreach (var op in statement.Get("Condition").Attributes)
                    foreach (var key in op.Value.Attributes)
                    {
                        if (!key.Key.Equals(issuer + ":sub", StringComparison.OrdinalIgnoreCase)) continue;
                        hasSubject = true;
                        foreach (var v in key.Value.AsItems())
                            if (v.AsString() is { } s) subjects.Add(s); else unknownSubject = true;
                        if (!key.Value.IsKnown) unknownSubject = true;
                    }
                if (!statement.Get("Condition").IsWhollyKnown && !hasSubject) continue;
                var problem = Problem(issuer, hasSubject, subjects, unknownSubject);
                if (problem is null) continue;
                var span = IamPolicyWildcardRule.FindKey(policy.Value, "Condition") ?? policy.Span;
                reporter.Report(Rule, role.Document, span, Rule.FormatMessage(role.Address, problem));
            }
        }
        foreach (var provider in instance.ManagedResources("google_iam_workload_identity_pool_provider"))
            CheckWorkloadIdentityProvider(instance, provider, reporter);
        foreach (var document in instance.Resources.Where(r => r.IsData && r.Type == "aws_iam_policy_document"))
        {
            foreach (var statement in document.Body.Blocks("statement"))
            {
                if (instance.Evaluator.Evaluate(statement.Body, "effect", TerraformValue.String("Allow")).AsString() != "Allow") continue;
                var identifiers = statement.Body.Blocks("principals")
                    .Where(p => instance.Evaluator.Evaluate(p.Body, "type", TerraformValue.Unknown).AsString() == "Federated")
                    .SelectMany(p => Principals(instance.Evaluator.Evaluate(p.Body, "identifiers", TerraformValue.Unknown)))
                    .ToArray();
                var conditions = statement.Body.Blocks("condition").Select(c => instance.Evaluator.Evaluate(c.Body, "variable", TerraformValue.Unknown).AsString()).Where(v => v is not null);
                var issuer = Issuer(identifiers) ?? (identifiers.Any(i => i is null) ? IssuerOfKeys(conditions!) : null);
                if (issuer is null) continue;
                if (statement.Body.Blocks("dynamic").Any()) continue;
                var subjects = new List<string>();
                bool hasSubject = false, unknownSubject = false;
                HclBlock? subjectCondition = null;
                foreach (var condition in statement.Body.Blocks("condition"))
                {
                    var variable = instance.Evaluator.Evaluate(condition.Body, "variable", TerraformValue.Unknown);
                    if (!variable.IsKnown) { unknownSubject = true; hasSubject = true; continue; }
                    if (!string.Equals(variable.AsString(), issuer + ":sub", StringComparison.OrdinalIgnoreCase)) continue;
                    hasSubject = true;
                    subjectCondition = condition;
                    var values = instance.Evaluator.Evaluate(condition.Body, "values", TerraformValue.Unknown);
                    if (!values.IsKnown) unknownSubject = true;
                    foreach (var v in values.AsItems())
                        if (v.AsString() is { } s) subjects.Add(s); else unknownSubject = true;
                }
                var problem = Problem(issuer, hasSubject, subjects, unknownSubject);
                if (problem is null) continue;
                var span = subjectCondition?.Body.Attribute("values")?.Span ?? statement.TypeSpan;
                reporter.Report(Rule, document.Document, span, Rule.FormatMessage(document.Address, problem));
            }
        }
    }

    /// <summary>Each principal as a string, or its known end when it is built from unknown parts (an account ID); null when nothing is known.</summary>
    private static IEnumerable<string?> Principals(TerraformValue value) =>
        value.Kind is TerraformValueKind.List ? value.Items.Select(Principal) : new[] { Principal(value) };

    private static string? Principal(TerraformValue value) =>
        value.AsString() ?? (value.KnownSuffix.Length > 0 ? value.KnownSuffix : null);

    private static bool IsWebIdentity(TerraformValue action) =>
        action.AsItems().Any(a => a.AsString() is "sts:AssumeRoleWithWebIdentity" or "sts:*" or "*");

    /// <summary>The CI issuer a condition key (<c>token.actions.githubusercontent.com:aud</c>) belongs to.</summary>
    private static string? IssuerOfKeys(IEnumerable<string> keys) =>
        keys.Select(k => k.Split(':')[0]).FirstOrDefault(i => Issuers.Contains(i, StringComparer.OrdinalIgnoreCase))?.ToLowerInvariant();

    private static string? Issuer(IEnumerable<string?> federated)
    {
        foreach (var principal in federated)
        {
            if (principal is null) continue;
            foreach (var issuer in Issuers)
                if (principal == issuer || principal.EndsWith("oidc-provider/" + issuer, StringComparison.Ordinal)) return issuer;
        }
        return null;
    }

    // A CEL condition pins the repository when it compares the repository (or the subject that contains it) for equality.
    private static readonly Regex PinsRepository = new(
        @"\b(assertion\.(repository|repository_id|sub|project_path|project_id)|attribute\.repository)\s*(==|in\b)",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// Google workload identity federation: a provider for GitHub or GitLab without an <c>attribute_condition</c> on the
    /// repository lets any repository's workflow exchange its token for the pool's service accounts.
    /// </summary>
    private static void CheckWorkloadIdentityProvider(TerraformModuleInstance instance, TerraformResource provider, Reporter reporter)
    {
        var issuerUri = provider.Body.Block("oidc") is { } oidc ? instance.Evaluator.Evaluate(oidc.Body, "issuer_uri", TerraformValue.Unknown).AsString() : null;
        var issuer = issuerUri is null ? null : Issuers.FirstOrDefault(i => issuerUri.TrimEnd('/').EndsWith("//" + i, StringComparison.OrdinalIgnoreCase));
        if (issuer is null) return;
        var condition = provider.Body.Attribute("attribute_condition");
        if (condition is null)
        {
            reporter.Report(Rule, provider.Document, provider.HeaderSpan,
                Rule.FormatMessage(provider.Address, $"trusts `{issuer}` with no `attribute_condition`: any repository on the platform can impersonate the pool's service accounts"));
            return;
        }
        var text = instance.Evaluator.Evaluate(condition.Value).AsString();
        if (text is not null && !PinsRepository.IsMatch(text))
            reporter.Report(Rule, provider.Document, condition.Span,
                Rule.FormatMessage(provider.Address, $"trusts `{issuer}` with an `attribute_condition` that does not pin the repository: any repository it admits can impersonate the pool's service accounts"));
    }

    private static string? Problem(string issuer, bool hasSubject, List<string> subjects, bool unknownSubject)
    {
        if (!hasSubject) return $"trusts `{issuer}` with no `sub` condition: any repository on the platform can assume it";
        if (unknownSubject) return null;
        var wildcard = subjects.FirstOrDefault(s => WildcardRepository(issuer, s));
        return wildcard is null ? null : $"trusts `{issuer}` for subject `{wildcard}`, which matches any repository";
    }

    /// <summary>GitHub: <c>repo:owner/name:…</c>; GitLab: <c>project_path:group/project:…</c>. A <c>*</c> before the repository's end is a wildcard repository.</summary>
    private static bool WildcardRepository(string issuer, string subject)
    {
        string prefix = issuer == "gitlab.com" ? "project_path:" : "repo:";
        if (!subject.StartsWith(prefix, StringComparison.Ordinal)) return subject.IndexOf('*') >= 0 || subject.IndexOf('?') >= 0;
        string rest = subject.Substring(prefix.Length);
        int colon = rest.IndexOf(':');
        string repository = colon < 0 ? rest : rest.Substring(0, colon);
        return repository.IndexOf('*') >= 0 || repository.IndexOf('?') >= 0 || repository.IndexOf('/') < 0;
    }
}
