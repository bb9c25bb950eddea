using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Shell;
using Firebreak.Core.Platforms.GitHubActions;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands;

/// <summary>
/// One shell script a file holds: a whole <c>.sh</c> file, a workflow step's <c>run:</c>, a Dockerfile <c>RUN</c>, a
/// Makefile recipe line. <see cref="Script"/> is in the coordinates of <see cref="Text"/>.Value; <see cref="Commands"/>
/// are already in file offsets.
/// </summary>
public sealed class ShellSource
{
    internal ShellSource(EmbeddedText text, string host, ShellScript script, IReadOnlyList<ShellCommand> commands, ShellHostContext context,
        WorkflowStepOrigin? workflowStep = null)
    {
        WorkflowStep = workflowStep;
        Text = text;
        Host = host;
        Script = script;
        Commands = commands;
        Context = context;
    }

    /// <summary>The script and its map back to the file.</summary>
    public EmbeddedText Text { get; }

    /// <summary>What holds it, for messages: "shell script", "workflow step", "Dockerfile RUN", "Makefile recipe"…</summary>
    public string Host { get; }

    /// <summary>The parse of <see cref="Text"/>.Value.</summary>
    public ShellScript Script { get; }

    /// <summary>Every executed command, wrappers unwrapped, spans in the file.</summary>
    public IReadOnlyList<ShellCommand> Commands { get; }

    public ShellHostContext Context { get; }

    /// <summary>For a workflow step's <c>run:</c>: the job and step it came from; null for every other host.</summary>
    public WorkflowStepOrigin? WorkflowStep { get; }

    /// <summary>
    /// Its place among its file's sources (<see cref="ShellSources.Of"/>): the same source when the file's sources are
    /// built again after a release, so facts about it (its destructive operations) are found by it.
    /// </summary>
    public int Ordinal { get; internal set; } = -1;
}

/// <summary>The GitHub Actions job and step a <c>run:</c> script belongs to.</summary>
public sealed class WorkflowStepOrigin
{
    internal WorkflowStepOrigin(WorkflowJob job, Platforms.GitHubActions.WorkflowStep step)
    {
        Job = job;
        Step = step;
    }

    public WorkflowJob Job { get; }
    public Platforms.GitHubActions.WorkflowStep Step { get; }
}

/// <summary>What the host says about where a script runs: the job, its deployment environment, the triggers.</summary>
public sealed class ShellHostContext
{
    public static ShellHostContext None { get; } = new(null, null, null, Array.Empty<string>());

    public ShellHostContext(string? name, string? environment, TextSpan? environmentSpan, IReadOnlyList<string> triggers)
    {
        Name = name;
        Environment = environment;
        EnvironmentSpan = environmentSpan;
        Triggers = triggers;
    }

    /// <summary>The job id, compose service, Makefile target, package.json script, task or recipe name.</summary>
    public string? Name { get; }

    /// <summary>The deployment environment the job declares (<c>environment: production</c>), or null.</summary>
    public string? Environment { get; }

    public TextSpan? EnvironmentSpan { get; }

    /// <summary>Workflow triggers (<c>push</c>, <c>pull_request_target</c>…); empty for other hosts.</summary>
    public IReadOnlyList<string> Triggers { get; }
}
