using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Platforms.GitHubActions;
using Firebreak.Core.Platforms.GitLabCi;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Credentials;

/// <summary>
/// FB2002: secrets handed to more of a workflow than the step that uses them — <c>secrets: inherit</c>,
/// <c>toJSON(secrets)</c>, secrets in workflow-level <c>env:</c>, and <c>pull_request_target</c> workflows that check out
/// the pull request's code where secrets are present.
/// </summary>
public sealed class WorkflowSecretSprawlRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.WorkflowSecretSprawl;

    /// <summary>Expressions that name the pull request's own code (the head), not the base branch.</summary>
    private static readonly string[] PullRequestHeadRefs =
    {
        "github.event.pull_request.head", "github.head_ref", "refs/pull/", "github.event.pull_request.merge_commit_sha",
    };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) => kind is FileKind.GitHubWorkflow or FileKind.GitLabCi;

    public override bool MightMatch(string text) =>
        text.IndexOf("secrets", StringComparison.Ordinal) >= 0 || text.IndexOf("variables", StringComparison.Ordinal) >= 0;

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        if (document.Kind == FileKind.GitLabCi)
        {
            AnalyzeGitLab(document, sink);
            return;
        }
        if (GitHubWorkflow.Of(document) is not { } workflow) return;
        string host = document.Text.Text;

        foreach (var job in workflow.Jobs)
        {
            if (job.SecretsInherit is { } inherit)
            {
                sink.Report(Descriptor, document, inherit.Span,
                    $"`secrets: inherit` gives the workflow called by job '{job.Id}' ({job.Uses ?? "a reusable workflow"}) every repository, organisation and environment secret, production tokens included; pass only the secrets it uses by name (`secrets: {{ NAME: ${{{{ secrets.NAME }}}} }}`).",
                    fingerprintText: "inherit:" + job.Id);
            }
        }

        var allReferences = WorkflowReferences.In(workflow.Root, host);
        foreach (var reference in allReferences.Where(r => r.Kind == ContextReferenceKind.AllSecrets))
        {
            sink.Report(Descriptor, document, reference.Span,
                "`toJSON(secrets)` puts every secret of the repository, organisation and environment into one value, where any step or log can read them all; reference the secrets this step needs by name.",
                FindingLevel.Error, "tojson");
        }

        ReportWorkflowLevelEnv(document, sink, workflow, host);
        ReportPullRequestTargetCheckout(document, sink, workflow, allReferences);
    }

    private static void ReportWorkflowLevelEnv(DocumentContext document, FindingSink sink, GitHubWorkflow workflow, string host)
    {
        if (workflow.Env.Count == 0) return;
        string jobs = string.Join(", ", workflow.Jobs.Select(j => j.Id));
        foreach (var entry in workflow.Env)
        {
            foreach (var reference in WorkflowReferences.In(entry.Value, host).Where(r => r.Kind == ContextReferenceKind.Secret))
            {
                sink.Report(Descriptor, document, reference.Span,
                    $"`{entry.Name}` in workflow-level `env:` gives `secrets.{reference.Name}` to every step of every job ({jobs}), third-party actions included; move it to the `env:` of the step that uses it.",
                    fingerprintText: "workflow-env:" + entry.Name);
            }
        }
    }

    private static void ReportPullRequestTargetCheckout(DocumentContext document, FindingSink sink, GitHubWorkflow workflow, IReadOnlyList<ContextReference> references)
    {
        if (!workflow.IsTriggeredBy("pull_request_target")) return;
        var secretNames = references.Where(r => r.Kind != ContextReferenceKind.Variable).Select(r => r.Name.Length == 0 ? "toJSON(secrets)" : r.Name).Distinct().ToArray();
        foreach (var job in workflow.Jobs)
        {
            foreach (var step in job.Steps)
            {
                if (!step.UsesAction("actions/checkout") || step.With?.Scalar("ref") is not { } reference) continue;
                if (!PullRequestHeadRefs.Any(h => reference.Value.IndexOf(h, StringComparison.Ordinal) >= 0)) continue;
                string secrets = secretNames.Length == 0
                    ? "the GITHUB_TOKEN with write access to the base repository"
                    : "the base repository's secrets (" + string.Join(", ", secretNames) + ")";
                sink.Report(Descriptor, document, reference.Span,
                    $"This `pull_request_target` workflow checks out the pull request's own code in job '{job.Id}' and runs it with {secrets}: anyone who opens a pull request can read them. Build untrusted code under `pull_request` (no secrets) and pass results to a separate privileged workflow.",
                    FindingLevel.Error, "prt-checkout:" + job.Id);
            }
        }
    }

    /// <summary>
    /// GitLab: a credential re-exported in top-level <c>variables:</c> (<c>RAILWAY_API_TOKEN: $RAILWAY_API_TOKEN</c>) is
    /// given to every job, including those that never deploy and those a merge request runs.
    /// </summary>
    private static void AnalyzeGitLab(DocumentContext document, FindingSink sink)
    {
        if (GitLabPipeline.Of(document) is not { } pipeline || pipeline.Variables.Count == 0) return;
        string jobs = string.Join(", ", pipeline.Jobs.Select(j => j.Name));
        foreach (var variable in pipeline.Variables)
        {
            var references = GitLabVariableUses.In(variable.Value, document.Text.Text).ToArray();
            if (references.Length == 0 && !(GitLabVariableUses.LooksLikeCredential(variable.Name) && variable.Value?.Value.IndexOf('$') >= 0)) continue;
            var span = references.Length > 0 ? references[0].Span : variable.Value!.Span;
            string name = references.Length > 0 ? references[0].Name : variable.Name;
            sink.Report(Descriptor, document, span,
                $"`{variable.Name}` in top-level `variables:` gives `${name}` to every job of the pipeline ({jobs}), whether it deploys or not; set it in the `variables:` of the job that uses it, and make the CI/CD variable protected and scoped to that job's environment.",
                fingerprintText: "gitlab-top-variables:" + variable.Name);
        }
    }
}
