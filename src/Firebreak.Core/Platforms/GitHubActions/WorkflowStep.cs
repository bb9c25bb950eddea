using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;

namespace Firebreak.Core.Platforms.GitHubActions;

/// <summary>One item of a job's <c>steps:</c>: a <c>run:</c> script or a <c>uses:</c> action with its <c>with:</c> inputs.</summary>
public sealed class WorkflowStep
{
    public WorkflowStep(int index, YamlMapping body)
    {
        Index = index;
        Body = body;
        Env = WorkflowEnvEntry.From(body, EnvLevel.Step);
    }

    public int Index { get; }
    public YamlMapping Body { get; }
    public string? Name => Body.ScalarValue("name");

    /// <summary>The action reference, e.g. <c>actions/checkout@v4</c> or <c>./.github/actions/deploy</c>.</summary>
    public string? Uses => Body.ScalarValue("uses");
    public YamlScalar? UsesScalar => Body.Scalar("uses");

    /// <summary>The <c>run:</c> script scalar; map it to the file with <c>YamlScalarText.ToEmbeddedText</c>.</summary>
    public YamlScalar? Run => Body.Scalar("run");
    public string? Shell => Body.ScalarValue("shell");
    public YamlMapping? With => Body.Mapping("with");
    public IReadOnlyList<WorkflowEnvEntry> Env { get; }

    /// <summary>The action name without its ref, lower-case: <c>actions/checkout</c>.</summary>
    public string? ActionName
    {
        get
        {
            if (Uses is not { } uses) return null;
            int at = uses.IndexOf('@');
            return (at < 0 ? uses : uses.Substring(0, at)).ToLowerInvariant();
        }
    }

    public bool UsesAction(string action) => string.Equals(ActionName, action, StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<WorkflowStep> From(YamlMapping job)
    {
        var steps = new List<WorkflowStep>();
        if (job.Sequence("steps") is not { } sequence) return steps;
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i].Resolve() is YamlMapping body) steps.Add(new WorkflowStep(i, body));
        }
        return steps;
    }
}

/// <summary>A job's <c>environment:</c> (a name, or a mapping with <c>name:</c> and <c>url:</c>).</summary>
public sealed class WorkflowEnvironment
{
    public WorkflowEnvironment(string name, YamlNode node)
    {
        Name = name;
        Node = node;
    }

    public string Name { get; }

    /// <summary>The name's node, where findings about the environment point.</summary>
    public YamlNode Node { get; }

    /// <summary>
    /// An expression (<c>${{ inputs.env }}</c>) picks the environment at run time; it is still an environment, so its
    /// protection rules and environment secrets apply, but which one cannot be told.
    /// </summary>
    public bool IsDynamic => Name.IndexOf("${{", StringComparison.Ordinal) >= 0;

    public static WorkflowEnvironment? From(YamlMapping job)
    {
        switch (job["environment"])
        {
            case YamlScalar { IsNull: false } scalar:
                return new WorkflowEnvironment(scalar.Value, scalar);
            case YamlMapping mapping when mapping.Scalar("name") is { IsNull: false } name:
                return new WorkflowEnvironment(name.Value, name);
            default:
                return null;
        }
    }
}
