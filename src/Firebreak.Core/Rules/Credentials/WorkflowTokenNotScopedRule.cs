using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Platforms.GitHubActions;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Credentials;

/// <summary>
/// FB2001: the GITHUB_TOKEN reaches further than the job. Three shapes: no <c>permissions:</c> anywhere (the repository
/// default, write-all on older repositories), <c>write-all</c>, and write scopes at workflow level that every job
/// without its own block inherits. zizmor's <c>excessive-permissions</c> covers the same ground.
/// </summary>
public sealed class WorkflowTokenNotScopedRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.WorkflowTokenNotScoped;

    /// <summary>Triggers that run with untrusted input and a privileged token; an unscoped token there is worse.</summary>
    private static readonly string[] PrivilegedTriggers = { "pull_request_target", "workflow_run", "issue_comment" };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) => kind == FileKind.GitHubWorkflow;

    public override bool MightMatch(string text) => text.IndexOf("jobs", StringComparison.Ordinal) >= 0;

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        if (GitHubWorkflow.Of(document) is not { } workflow) return;
        string? privileged = PrivilegedTriggers.FirstOrDefault(workflow.IsTriggeredBy);
        FindingLevel level = privileged is null ? Descriptor.DefaultLevel : FindingLevel.Error;
        string because = privileged is null ? string.Empty : $" This workflow runs on `{privileged}`, where untrusted input meets the token.";

        var top = workflow.Permissions;
        if (top?.Shape == PermissionsShape.WriteAll)
        {
            sink.Report(Descriptor, document, top.Value.Span,
                "`permissions: write-all` at workflow level gives every job's GITHUB_TOKEN every write scope; set `permissions: {}` here and grant each job only the scopes it needs." + because,
                level, "workflow:write-all");
        }

        // A reusable workflow (only `workflow_call`) runs with the permissions its caller grants; the caller is checked.
        bool onlyCalled = workflow.Triggers.Count > 0 && workflow.Triggers.All(t => t == "workflow_call");
        var inheriting = new List<WorkflowJob>();
        foreach (var job in workflow.Jobs)
        {
            var own = job.Permissions;
            if (own is null)
            {
                inheriting.Add(job);
                if (top is null && !onlyCalled)
                {
                    sink.Report(Descriptor, document, job.Pair.Key.Span,
                        $"Job '{job.Id}' has no `permissions:` and neither has the workflow, so its GITHUB_TOKEN gets the repository default (write-all on older repositories and organisations); add `permissions:` with only the scopes this job needs." + because,
                        level, "job-default:" + job.Id);
                }
                continue;
            }
            if (own.Shape == PermissionsShape.WriteAll)
            {
                sink.Report(Descriptor, document, own.Value.Span,
                    $"`permissions: write-all` gives job '{job.Id}' a GITHUB_TOKEN with every write scope; list only the scopes this job needs." + because,
                    level, "job-write-all:" + job.Id);
            }
        }

        ReportUnusedIdToken(document, sink, workflow, inheriting, level);

        // Workflow-level write scopes are a problem when more than one job inherits them: each gets write it may not need.
        if (top?.Shape == PermissionsShape.Scopes && inheriting.Count > 1)
        {
            string jobs = string.Join(", ", inheriting.Select(j => j.Id));
            foreach (var scope in top.WriteScopes())
            {
                sink.Report(Descriptor, document, scope.Pair.Value.Span.Start > scope.Pair.Key.Span.Start ? Union(scope) : scope.Pair.Key.Span,
                    $"`{scope.Name}: write` at workflow level reaches every job without its own `permissions:` ({jobs}); grant it in the job that needs it and keep the workflow level read-only." + because,
                    level, "workflow-scope:" + scope.Name);
            }
        }
    }

    /// <summary>
    /// <c>id-token: write</c> lets a job mint OIDC tokens that cloud roles trust; granted to jobs that never ask for one,
    /// it is reach for nothing. A job uses it through an OIDC-consuming action, a reusable workflow it calls, or a script
    /// that requests the token itself.
    /// </summary>
    private static void ReportUnusedIdToken(DocumentContext document, FindingSink sink, GitHubWorkflow workflow, IReadOnlyList<WorkflowJob> inheriting, FindingLevel level)
    {
        // With more than one inheriting job, the workflow-level write-scope finding below already covers it.
        if (workflow.Permissions?.Find("id-token") is { IsWrite: true } top && inheriting.Count == 1 && !inheriting.Any(UsesIdToken))
        {
            sink.Report(Descriptor, document, Union(top),
                $"`id-token: write` at workflow level lets {Jobs(inheriting)} mint OIDC tokens, but none of them uses one; remove it, or grant it only to the job that authenticates with OIDC.",
                level, "id-token:workflow");
        }
        foreach (var job in workflow.Jobs)
        {
            if (job.Permissions?.Find("id-token") is { IsWrite: true } own && !UsesIdToken(job))
            {
                sink.Report(Descriptor, document, Union(own),
                    $"`id-token: write` lets job '{job.Id}' mint OIDC tokens that cloud roles trust, but no step of it uses one; remove the grant.",
                    level, "id-token:" + job.Id);
            }
        }
    }

    private static string Jobs(IReadOnlyList<WorkflowJob> jobs) =>
        jobs.Count == 1 ? $"job '{jobs[0].Id}'" : "jobs " + string.Join(", ", jobs.Select(j => j.Id));

    private static readonly string[] OidcActions =
    {
        "aws-actions/configure-aws-credentials", "google-github-actions/auth", "azure/login", "azure/oidc-login", "hashicorp/vault-action",
        "pypa/gh-action-pypi-publish", "actions/attest-build-provenance", "actions/attest", "actions/attest-sbom", "sigstore/gh-action-sigstore-python",
        "sigstore/cosign-installer", "octo-sts/action", "chainguard-dev/setup-chainctl", "cloudflare/wrangler-action", "pulumi/auth-actions",
        "digitalocean/action-doctl", "jfrog/setup-jfrog-cli", "docker/login-action", "actions/deploy-pages", "npm/cli",
    };

    private static readonly string[] OidcScriptMarkers =
    {
        "ACTIONS_ID_TOKEN_REQUEST", "--provenance", "cosign sign", "cosign attest", "gh attestation", "getIDToken", "id-token", "oidc", "OIDC", "npm publish", "trusted publish",
    };

    private static bool UsesIdToken(WorkflowJob job)
    {
        if (job.Uses is not null) return true; // a reusable workflow may need it; it is checked on its own
        foreach (var step in job.Steps)
        {
            if (step.ActionName is { } action && (OidcActions.Contains(action, StringComparer.OrdinalIgnoreCase) || action.StartsWith("./", StringComparison.Ordinal))) return true;
            if (step.Run?.Value is { } run && OidcScriptMarkers.Any(m => run.IndexOf(m, StringComparison.Ordinal) >= 0)) return true;
        }
        return false;
    }

    private static Text.TextSpan Union(PermissionScope scope) =>
        Text.TextSpan.FromBounds(scope.Pair.Key.Span.Start, scope.Pair.Value.Span.End);
}
