using System;
using System.Collections.Generic;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Platforms.GitHubActions;

/// <summary>
/// A <c>uses:</c> that runs code of the repository itself: a step's <c>./.github/actions/x</c> (a composite action,
/// <c>action.yml</c> or <c>action.yaml</c> in that folder) or a job's <c>./.github/workflows/x.yml</c> (a reusable
/// workflow). Both paths are read from the repository root, where the runner checks the code out.
/// </summary>
public sealed class LocalUse
{
    private LocalUse(YamlScalar reference, DocumentContext target, WorkflowJob? job)
    {
        Reference = reference;
        Target = target;
        Job = job;
    }

    /// <summary>The <c>uses:</c> value, where a finding about the call points.</summary>
    public YamlScalar Reference { get; }

    /// <summary>The composite action or reusable workflow of the scan that runs.</summary>
    public DocumentContext Target { get; }

    /// <summary>The workflow job that makes the call; null inside a composite action.</summary>
    public WorkflowJob? Job { get; }

    /// <summary>The local calls of a workflow's jobs and steps, or of a composite action's steps.</summary>
    public static IReadOnlyList<LocalUse> Of(DocumentContext document, ProjectContext project)
    {
        var uses = new List<LocalUse>();
        if (document.Kind == FileKind.GitHubWorkflow && GitHubWorkflow.Of(document) is { } workflow)
        {
            foreach (var job in workflow.Jobs)
            {
                if (job.Body.Scalar("uses") is { } called && Resolve(called.Value, project) is { Kind: FileKind.GitHubWorkflow } calledWorkflow)
                    uses.Add(new LocalUse(called, calledWorkflow, job));
                AddSteps(job.Steps, job, project, uses);
            }
        }
        else if (document.Kind == FileKind.GitHubAction && CompositeRuns(document) is { } runs)
        {
            AddSteps(WorkflowStep.From(runs), null, project, uses);
        }
        return uses;
    }

    /// <summary>The action or workflow file a local reference names, or null for a remote or missing one.</summary>
    public static DocumentContext? Resolve(string reference, ProjectContext project)
    {
        if (!reference.StartsWith("./", StringComparison.Ordinal)) return null;
        string path = reference;
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path.Substring(2);
        path = path.TrimEnd('/');
        if (path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal)) return project.Find(path);
        return project.Find(path + "/action.yml") ?? project.Find(path + "/action.yaml");
    }

    /// <summary>The <c>runs:</c> of a composite action; other actions run JavaScript or a container, not repository steps.</summary>
    private static YamlMapping? CompositeRuns(DocumentContext action) =>
        action.Yaml.RootMapping?.Mapping("runs") is { } runs && string.Equals(runs.ScalarValue("using"), "composite", StringComparison.OrdinalIgnoreCase)
            ? runs
            : null;

    private static void AddSteps(IReadOnlyList<WorkflowStep> steps, WorkflowJob? job, ProjectContext project, List<LocalUse> uses)
    {
        foreach (var step in steps)
            if (step.UsesScalar is { } reference && Resolve(reference.Value, project) is { Kind: FileKind.GitHubAction } action && CompositeRuns(action) != null)
                uses.Add(new LocalUse(reference, action, job));
    }
}
