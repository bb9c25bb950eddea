using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;

namespace Firebreak.Core.Platforms.GitHubActions;

public enum EnvLevel
{
    Workflow,
    Job,
    Step,
}

/// <summary>One <c>NAME: value</c> entry of an <c>env:</c> block at workflow, job or step level.</summary>
public sealed class WorkflowEnvEntry
{
    public WorkflowEnvEntry(EnvLevel level, string name, YamlPair pair)
    {
        Level = level;
        Name = name;
        Pair = pair;
    }

    public EnvLevel Level { get; }
    public string Name { get; }
    public YamlPair Pair { get; }
    public YamlNode Value => Pair.Value;

    /// <summary>The value's text when it is a scalar (an expression such as <c>${{ secrets.X }}</c> included).</summary>
    public string? ValueText => (Pair.Value.Resolve() as YamlScalar)?.Value;

    public static IReadOnlyList<WorkflowEnvEntry> From(YamlMapping? owner, EnvLevel level)
    {
        var entries = new List<WorkflowEnvEntry>();
        if (owner?.Mapping("env") is not { } env) return entries;
        foreach (var pair in env.Pairs)
        {
            if (pair.KeyText is { } name) entries.Add(new WorkflowEnvEntry(level, name, pair));
        }
        return entries;
    }
}
