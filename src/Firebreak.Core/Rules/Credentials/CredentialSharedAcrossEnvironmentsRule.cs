using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Firebreak.Core.Credentials;
using Firebreak.Core.Platforms.GitHubActions;
using Firebreak.Core.Platforms.GitLabCi;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Commands;

namespace Firebreak.Core.Rules.Credentials;

/// <summary>
/// FB2004: one credential for several environments — the incident's "token with permissions across environments".
/// The same secret reaches jobs that deploy to different environments (told by <c>environment:</c>, else by the job's
/// name or the <c>--environment</c> its commands pass), unless every such job declares its own <c>environment:</c>
/// (GitHub then resolves the secret per environment); or a production-named secret reaches a job with no
/// <c>environment:</c>, whose protection rules would have gated it.
/// </summary>
public sealed class CredentialSharedAcrossEnvironmentsRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.CredentialSharedAcrossEnvironments;
    private static readonly string[] EnvironmentFlags = { "--environment", "--env", "-e", "--stage" };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) => kind is FileKind.GitHubWorkflow or FileKind.GitLabCi;

    public override bool MightMatch(string text) => text.IndexOf("secrets.", StringComparison.Ordinal) >= 0 || text.IndexOf('$') >= 0;

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        if (document.Kind == FileKind.GitLabCi)
        {
            AnalyzeGitLab(document, sink);
            return;
        }
        if (GitHubWorkflow.Of(document) is not { } workflow) return;
        string host = document.Text.Text;
        var scripts = WorkflowRunScript.Of(document);

        var workflowRefs = workflow.Env.SelectMany(e => WorkflowReferences.In(e.Value, host)).Where(r => r.Kind == ContextReferenceKind.Secret).ToArray();
        var uses = new List<SecretUse>();
        foreach (var job in workflow.Jobs)
        {
            var target = TargetOf(job, scripts.Where(s => s.Job == job));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var reference in workflowRefs.Concat(WorkflowReferences.In(job.Body, host).Where(r => r.Kind == ContextReferenceKind.Secret)))
            {
                if (seen.Add(reference.Name)) uses.Add(new SecretUse(reference, job, target));
            }
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in uses.GroupBy(u => u.Reference.Name, StringComparer.Ordinal))
        {
            var targeted = group.Where(u => u.Target is not null).ToArray();
            var classes = targeted.Select(u => u.Target!.Class).Distinct(StringComparer.Ordinal).ToArray();
            if (classes.Length < 2) continue;
            // Every job has its own declared environment: the secret can be an environment secret, one per environment —
            // unless its name says it is an account-wide token, which reaches every environment wherever it is stored.
            bool blanket = BlanketTokenNames.BlanketKind(document.Catalogs.Tokens, group.Key) is not null;
            if (!blanket && targeted.All(u => u.Target!.Declared) && targeted.Select(u => u.Target!.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() == targeted.Length) continue;

            var first = targeted[0];
            string jobs = string.Join(" and ", targeted.Select(u => $"job '{u.Job.Id}' ({u.Target!.Describe()})"));
            var related = targeted.Skip(1).Select(u => new RelatedLocation(SourceLocation.Create(document.Text, u.Reference.Span.Start < u.Job.Pair.Key.Span.Start ? u.Job.Pair.Key.Span : u.Reference.Span),
                $"also used by job '{u.Job.Id}' ({u.Target!.Describe()})")).ToArray();
            reported.Add(group.Key);
            sink.Report(Descriptor, document, first.Reference.Span,
                $"`secrets.{group.Key}` is used by {jobs}: one credential reaches {string.Join(" and ", classes)}, so a command meant for one can change or delete the other. Give each job `environment:` with its own `{group.Key}` as an environment secret, scoped to that environment on the platform.",
                fingerprintText: "shared:" + group.Key, related: related);
        }

        foreach (var use in uses)
        {
            if (reported.Contains(use.Reference.Name) || use.Job.Environment is not null || !EnvironmentClassifier.IsProduction(use.Reference.Name)) continue;
            reported.Add(use.Reference.Name);
            sink.Report(Descriptor, document, use.Reference.Span,
                $"`secrets.{use.Reference.Name}` looks like a production credential and reaches job '{use.Job.Id}', which has no `environment:`: no protection rule or reviewer stands between a push and production. Declare `environment: production` on the job and move the secret into that environment.",
                fingerprintText: "prod-without-env:" + use.Reference.Name);
        }
    }

    private static JobTarget? TargetOf(WorkflowJob job, IEnumerable<WorkflowRunScript> scripts)
    {
        if (job.Environment is { IsDynamic: false } environment) return new JobTarget(environment.Name, declared: true, "environment: " + environment.Name);
        if (job.Environment is { IsDynamic: true }) return null;
        if (ClassOf(job.Id) is not null) return new JobTarget(job.Id, declared: false, "by its name");
        if (job.Name is { } name && ClassOf(name) is not null) return new JobTarget(name, declared: false, "by its name");
        foreach (var script in scripts)
        {
            foreach (var command in script.Source.Commands)
            {
                var words = command.Arguments;
                for (int i = 1; i < words.Count; i++)
                {
                    string? value = words[i].Value;
                    if (value is null) continue;
                    foreach (string flag in EnvironmentFlags)
                    {
                        string? target = value == flag && i + 1 < words.Count ? words[i + 1].Value
                            : value.StartsWith(flag + "=", StringComparison.Ordinal) ? value.Substring(flag.Length + 1) : null;
                        if (target is not null && ClassOf(target) is not null) return new JobTarget(target, declared: false, $"`{flag} {target}`");
                    }
                }
            }
        }
        return null;
    }

    /// <summary>
    /// GitLab: the same credential variable used by jobs of different environments, unless every such job declares its
    /// own environment (the CI/CD variable can then be scoped per environment).
    /// </summary>
    private static void AnalyzeGitLab(DocumentContext document, FindingSink sink)
    {
        if (GitLabPipeline.Of(document) is not { } pipeline) return;
        var topLevel = pipeline.Variables.SelectMany(v => GitLabVariableUses.In(v.Value, document.Text.Text)).ToArray();
        var uses = new List<(GitLabJob Job, string Name, TextSpan Span, JobTarget Target)>();
        foreach (var job in pipeline.Jobs)
        {
            if (GitLabTargetOf(job) is not { } target) continue;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, span) in topLevel.Concat(GitLabVariableUses.ByJob(document, pipeline).Where(u => u.Job == job).Select(u => (u.Name, u.Span))))
                if (seen.Add(name)) uses.Add((job, name, span, target));
        }
        foreach (var group in uses.GroupBy(u => u.Name, StringComparer.Ordinal))
        {
            var targeted = group.ToArray();
            var classes = targeted.Select(u => u.Target.Class).Distinct(StringComparer.Ordinal).ToArray();
            if (classes.Length < 2) continue;
            bool blanket = BlanketTokenNames.BlanketKind(document.Catalogs.Tokens, group.Key) is not null;
            if (!blanket && targeted.All(u => u.Target.Declared) && targeted.Select(u => u.Target.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() == targeted.Length) continue;
            var first = targeted[0];
            string jobs = string.Join(" and ", targeted.Select(u => $"job '{u.Job.Name}' ({u.Target.Describe()})"));
            var related = targeted.Skip(1).Select(u => new RelatedLocation(
                SourceLocation.Create(document.Text, u.Span.Start < u.Job.Pair.Key.Span.Start ? u.Job.Pair.Key.Span : u.Span),
                $"also used by job '{u.Job.Name}' ({u.Target.Describe()})")).ToArray();
            sink.Report(Descriptor, document, first.Span,
                $"`${group.Key}` is used by {jobs}: one credential reaches {string.Join(" and ", classes)}, so a command meant for one can change or delete the other. Give each job `environment:` and define `{group.Key}` once per environment (environment-scoped, protected CI/CD variables), each scoped to that environment on the platform.",
                fingerprintText: "gitlab-shared:" + group.Key, related: related);
        }
    }

    private static JobTarget? GitLabTargetOf(GitLabJob job)
    {
        if (job.Environment is { } environment)
            return environment.Value.IndexOf('$') >= 0 ? null : new JobTarget(environment.Value, declared: true, "environment: " + environment.Value);
        return ClassOf(job.Name) is not null ? new JobTarget(job.Name, declared: false, "by its name") : null;
    }

    /// <summary>The environment class a name stands for; null when it names none.</summary>
    internal static string? ClassOf(string name)
    {
        return EnvironmentClassifier.Classify(name) switch
        {
            EnvironmentClass.Production => "production",
            EnvironmentClass.Staging => "staging",
            EnvironmentClass.Preview => "preview",
            EnvironmentClass.Development => "development",
            EnvironmentClass.Test => "test",
            _ => null,
        };
    }

    private sealed class SecretUse
    {
        public SecretUse(ContextReference reference, WorkflowJob job, JobTarget? target)
        {
            Reference = reference;
            Job = job;
            Target = target;
        }

        public ContextReference Reference { get; }
        public WorkflowJob Job { get; }
        public JobTarget? Target { get; }
    }

    private sealed class JobTarget
    {
        public JobTarget(string name, bool declared, string evidence)
        {
            Name = name;
            Declared = declared;
            Evidence = evidence;
            Class = ClassOf(name) ?? name.ToLowerInvariant();
        }

        public string Name { get; }
        public bool Declared { get; }
        public string Evidence { get; }
        public string Class { get; }

        public string Describe() => Declared ? Evidence : Class + ", " + Evidence;
    }
}
