using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Firebreak.Core.Commands;
using Firebreak.Core.Platforms.GitHubActions;
using Firebreak.Core.Platforms.GitLabCi;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Destructive;

/// <summary>
/// FB1010: a pipeline step runs a destructive operation (what FB1001/FB1002 find), inline or in repository code it
/// calls (a script, a local composite action, a local reusable workflow), on an automatic trigger, in a job that
/// nothing gates: no protected-looking <c>environment:</c> (whose required reviewers would pause it) and, on GitLab, no
/// <c>when: manual</c>. Railway's own GitHub Actions example —
/// <c>railway environment delete pr-… || true</c> on <c>pull_request</c> — is the shape.
/// </summary>
public sealed class DestructiveStepWithoutGateRule : ProjectRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.DestructiveStepWithoutGate;

    private static readonly string[] AutomaticTriggers = { "push", "pull_request", "pull_request_target", "schedule" };

    /// <summary>
    /// Environments made per branch or pull request, or named for throwaway use: teams do not put reviewers on them.
    /// Other names are taken as protected, since protection rules live in the platform's settings, not the repository.
    /// </summary>
    private static readonly Regex EphemeralEnvironment = new(
        @"^(pr|preview|previews|review|dev|develop|development|test|testing|ci|sandbox|tmp|temp|ephemeral)([-_/]|$)|github\.(event\.number|event\.pull_request|head_ref)|CI_MERGE_REQUEST|CI_COMMIT_REF",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>How deep calls are followed (script → action → workflow → …); the visited set stops cycles sooner.</summary>
    private const int MaxCallDepth = 6;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    /// <summary>Every pipeline's scripts are walked (a called script's are built again: few are).</summary>
    public override bool ReadsTreesOf(DocumentContext document) =>
        document.Kind is FileKind.GitHubWorkflow or FileKind.GitLabCi or FileKind.GitHubAction;

    public override void Analyze(ProjectContext project, FindingSink sink)
    {
        var included = GitLabIncludes(project);
        foreach (var document in project.Documents)
        {
            bool include = included.Contains(document);
            if (!include && document.Kind is not (FileKind.GitHubWorkflow or FileKind.GitLabCi)) continue;
            var reported = new HashSet<int>();
            foreach (var source in include ? ShellSources.OfGitLabInclude(document) : ShellSources.Of(document))
            {
                if (Ungated(document, source.Context, include) is not { } run) continue;
                var inline = include && document.Kind != FileKind.GitLabCi ? DestructiveOperations.InSource(source, document.Catalogs) : DestructiveOperations.In(document, source);
                foreach (var operation in inline)
                {
                    // The whole command: the gate is about the step that runs it, not one word of it.
                    if (!reported.Add(operation.CommandSpan.Start)) continue;
                    var level = Level(run, operation.ProductionTarget);
                    sink.Report(Descriptor, document, operation.CommandSpan, Message(run, $"`{operation.Display}`", level), level,
                        $"{run.Job}:{operation.Display}");
                }
                foreach (var command in source.Commands)
                    if (ScriptInvocation.Resolve(command, project) is { } script) ReportCall(document, command.Span, script, run, project, reported, sink);
            }
            if (include) continue;
            foreach (var use in LocalUse.Of(document, project))
            {
                // A job's `uses:` (reusable workflow) or a step's (composite action) runs repository code in this job.
                if (use.Job is { } job && Ungated(document, JobContext(document, job), gitLabInclude: false) is { } run)
                    ReportCall(document, use.Reference.Span, use.Target, run, project, reported, sink);
            }
        }
    }

    /// <summary>
    /// A call of repository code — a script, a local composite action, a local reusable workflow — reported at the call
    /// when what it runs, followed through its own calls, destroys data; the operations are related locations.
    /// </summary>
    private static void ReportCall(DocumentContext document, TextSpan call, DocumentContext target, UngatedRun run, ProjectContext project,
        HashSet<int> reported, FindingSink sink)
    {
        var found = new List<(DocumentContext Document, DestructiveOperation Operation)>();
        Collect(target, project, found, new HashSet<string>(StringComparer.Ordinal), 0);
        if (found.Count == 0 || !reported.Add(call.Start)) return;
        var level = Level(run, found.Any(f => f.Operation.ProductionTarget));
        string operations = string.Join(", ", found.Select(f => $"`{f.Operation.Display}`").Distinct().Take(3));
        var related = found.Take(5).Select(f => new RelatedLocation(SourceLocation.Create(f.Document.Text, f.Operation.Span),
            $"`{f.Operation.Display}` in {f.Document.Path}")).ToArray();
        sink.Report(Descriptor, document, call, Message(run, $"{target.Path} (which runs {operations})", level), level,
            $"{run.Job}:{target.Path}", related);
    }

    /// <summary>The YAML files that <c>.gitlab-ci.yml</c> files of the scan include locally, transitively.</summary>
    private static HashSet<DocumentContext> GitLabIncludes(ProjectContext project)
    {
        var included = new HashSet<DocumentContext>();
        var pending = new Queue<DocumentContext>(project.OfKind(FileKind.GitLabCi));
        while (pending.Count > 0)
        {
            var document = pending.Dequeue();
            if (GitLabPipeline.Of(document) is not { } pipeline) continue;
            foreach (var path in pipeline.LocalIncludes)
            {
                if (project.Find(path) is { Kind: FileKind.Yaml or FileKind.GitLabCi } target && included.Add(target)) pending.Enqueue(target);
            }
        }
        return included;
    }

    /// <summary>
    /// The destructive operations of a script, composite action or reusable workflow, and of the repository code it
    /// calls in turn. A called workflow's jobs run in the caller's context, but a job's own protected environment (or a
    /// manual-only <c>if:</c>) still gates it.
    /// </summary>
    private static void Collect(DocumentContext target, ProjectContext project, List<(DocumentContext, DestructiveOperation)> found, HashSet<string> visited, int depth)
    {
        if (depth > MaxCallDepth || !visited.Add(target.Path)) return;
        bool workflow = target.Kind == FileKind.GitHubWorkflow;
        foreach (var source in ShellSources.Of(target))
        {
            if (workflow && GatedJob(target, source.Context)) continue;
            foreach (var operation in DestructiveOperations.In(target, source)) found.Add((target, operation));
            foreach (var command in source.Commands)
                if (ScriptInvocation.Resolve(command, project) is { } next) Collect(next, project, found, visited, depth + 1);
        }
        foreach (var use in LocalUse.Of(target, project))
        {
            if (use.Job != null && GatedJob(target, JobContext(target, use.Job))) continue;
            Collect(use.Target, project, found, visited, depth + 1);
        }
    }

    /// <summary>A workflow job as <see cref="ShellSources"/> describes the job of a <c>run:</c> step.</summary>
    private static ShellHostContext JobContext(DocumentContext document, WorkflowJob job) =>
        new(job.Id, job.Environment?.Name, job.Environment?.Node.Span, GitHubWorkflow.Of(document)?.Triggers ?? Array.Empty<string>());

    /// <summary>A protected-looking environment, or an <c>if:</c> that admits only a manual run, stops the job.</summary>
    private static bool GatedJob(DocumentContext document, ShellHostContext job) =>
        (job.Environment != null && !EphemeralEnvironment.IsMatch(job.Environment)) || OnlyRunByHand(document, job.Name);

    private static FindingLevel Level(UngatedRun run, bool productionTarget) =>
        run.FromPullRequest || run.Production || productionTarget ? FindingLevel.Error : FindingLevel.Warning;

    private static string Message(UngatedRun run, string what, FindingLevel level)
    {
        string why = level == FindingLevel.Error
            ? run.FromPullRequest ? ", and a pull request's code decides when it runs, so this is an error" : ", and it deploys to production, so this is an error"
            : string.Empty;
        return $"{what} destroys data in {run.Describe()}, which runs on `{run.Trigger}` with no gate: {run.MissingGate}{why}. {run.GateAdvice}";
    }

    /// <summary>Why the script's job runs unattended, or null when a gate or a manual-only trigger stops it.</summary>
    private static UngatedRun? Ungated(DocumentContext document, ShellHostContext context, bool gitLabInclude)
    {
        if (document.Kind == FileKind.GitHubWorkflow && !gitLabInclude)
        {
            var trigger = AutomaticTriggers.FirstOrDefault(t => context.Triggers.Contains(t, StringComparer.Ordinal));
            if (trigger is null) return null;
            if (GatedJob(document, context)) return null;
            string? environment = context.Environment;
            bool pullRequest = context.Triggers.Any(t => t is "pull_request" or "pull_request_target");
            return new UngatedRun(context.Name ?? "?", pullRequest ? context.Triggers.First(t => t is "pull_request" or "pull_request_target") : trigger,
                pullRequest, IsProduction(context.Name, environment),
                environment == null ? "no `environment:`" : $"environment `{environment}` is made per change and has no reviewers",
                "Give the job an `environment:` with required reviewers, or run it only by hand (`workflow_dispatch`).");
        }

        if (GitLabPipeline.Of(document) is not { } pipeline) return null;
        if (context.Name is null)
        {
            // Top-level before_script/after_script run in every job: ungated when any job is.
            var open = pipeline.Jobs.FirstOrDefault(j => UngatedJob(j));
            return open is null ? null : GitLab(open, "before_script/after_script of every job");
        }
        var job = pipeline.Job(context.Name);
        return job is null || !UngatedJob(job) ? null : GitLab(job, null);
    }

    /// <summary>A job whose <c>if:</c> admits only <c>workflow_dispatch</c> runs when a person starts it.</summary>
    private static bool OnlyRunByHand(DocumentContext document, string? jobId)
    {
        if (jobId is null || GitHubWorkflow.Of(document) is not { } workflow) return false;
        var condition = workflow.Jobs.FirstOrDefault(j => j.Id == jobId)?.Body.ScalarValue("if");
        if (condition is null || condition.IndexOf("||", StringComparison.Ordinal) >= 0) return false;
        return ManualOnly.IsMatch(condition);
    }

    private static readonly Regex ManualOnly = new(@"github\.event_name\s*==\s*'workflow_dispatch'", RegexOptions.CultureInvariant);

    private static bool UngatedJob(GitLabJob job) =>
        !job.IsManual && (job.Environment is null || EphemeralEnvironment.IsMatch(job.Environment.Value));

    private static UngatedRun GitLab(GitLabJob job, string? scope)
    {
        string trigger = job.RunsOnMergeRequests ? "merge_request_event" : job.RunsOnSchedule ? "schedule" : "push";
        string? environment = job.Environment?.Value;
        return new UngatedRun(scope ?? job.Name, trigger, job.RunsOnMergeRequests, IsProduction(job.Name, environment),
            environment == null ? "no `when: manual` and no `environment:`" : $"no `when: manual`, and environment `{environment}` is made per change",
            "Add `when: manual`, or deploy through a protected environment with approvals.");
    }

    private static bool IsProduction(string? job, string? environment) =>
        (environment != null && DestructiveCommandMatcher.LooksLikeProduction(environment)) ||
        (job != null && DestructiveCommandMatcher.LooksLikeProduction(job));

    private sealed class UngatedRun
    {
        public UngatedRun(string job, string trigger, bool fromPullRequest, bool production, string missingGate, string gateAdvice)
        {
            Job = job;
            Trigger = trigger;
            FromPullRequest = fromPullRequest;
            Production = production;
            MissingGate = missingGate;
            GateAdvice = gateAdvice;
        }

        public string Job { get; }
        public string Trigger { get; }
        public bool FromPullRequest { get; }
        public bool Production { get; }
        public string MissingGate { get; }
        public string GateAdvice { get; }

        public string Describe() => Job.IndexOf(' ') >= 0 ? Job : $"job '{Job}'";
    }
}
