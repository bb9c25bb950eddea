using Firebreak.Core.Platforms.GitHubActions;
using System.Collections.Generic;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Commands;

/// <summary>
/// A step's <c>run:</c> script with the job and step it belongs to: a view over <see cref="ShellSources"/>, which parses
/// each run block once (and registers its comments once) for every rule.
/// </summary>
public sealed class WorkflowRunScript
{
    private WorkflowRunScript(WorkflowStepOrigin origin, ShellSource source)
    {
        Job = origin.Job;
        Step = origin.Step;
        Source = source;
    }

    public WorkflowJob Job { get; }
    public WorkflowStep Step { get; }

    /// <summary>The parsed script and its unwrapped commands, spans in the workflow file.</summary>
    public ShellSource Source { get; }

    private static readonly ModelKey<IReadOnlyList<WorkflowRunScript>> ScriptsKey = new("github-run-scripts", static doc =>
    {
        var scripts = new List<WorkflowRunScript>();
        foreach (var source in ShellSources.Of(doc))
            if (source.WorkflowStep is { } origin) scripts.Add(new WorkflowRunScript(origin, source));
        return scripts;
    });

    public static IReadOnlyList<WorkflowRunScript> Of(DocumentContext document) => document.Get(ScriptsKey);
}
