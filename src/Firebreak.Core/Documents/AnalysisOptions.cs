using System;
using System.Collections.Generic;

namespace Firebreak.Core.Documents;

/// <summary>What a host decides for the engine: levels per rule, the date suppressions expire against, parallelism.</summary>
public sealed record AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>Level per rule ID; <see cref="FindingLevel.None"/> disables the rule.</summary>
    public IReadOnlyDictionary<string, FindingLevel> RuleLevels { get; init; } = new Dictionary<string, FindingLevel>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The date <c>until=</c> is compared with; hosts pass today's (UTC) date.</summary>
    /// <summary>Per-file work limits, indexed by <see cref="Budget"/>; <see cref="WorkMeter.DefaultLimits"/> when null.</summary>
    public long[]? BudgetLimits { get; init; }

    public DateTime Today { get; init; } = new(2000, 1, 1);


    /// <summary>
    /// Variable files given on the command line (<c>--var-file</c>, scan-relative paths, in order): applied to every root
    /// module after its <c>terraform.tfvars</c> and <c>*.auto.tfvars</c>, as <c>terraform plan -var-file</c> would.
    /// </summary>
    public IReadOnlyList<string> TerraformVarFiles { get; init; } = Array.Empty<string>();

    /// <summary>
    /// When set, findings are reported for these paths only, and per-file rules run on these files only: the other files
    /// are context (a workflow's scripts, a module's callers) read by the cross-file rules. An editor re-analysing the one
    /// file being typed in, inside its repository, sets it; null reports every file.
    /// </summary>
    public IReadOnlyCollection<string>? ReportedPaths { get; init; }

    /// <summary>Files analyzed at once; output does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    private IReadOnlyDictionary<object, object> _settings = new Dictionary<object, object>();

    /// <summary>A setting defined by a layer above (the catalogues); its default when the host gave none.</summary>
    public T Get<T>(OptionKey<T> key) where T : class =>
        _settings.TryGetValue(key, out var value) ? (T)value : key.Default;

    /// <summary>These options with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public AnalysisOptions With<T>(OptionKey<T> key, T value) where T : class
    {
        var settings = new Dictionary<object, object>();
        foreach (var pair in _settings) settings[pair.Key] = pair.Value;
        settings[key] = value;
        return this with { _settings = settings };
    }

    public FindingLevel LevelOf(RuleDescriptor rule, FindingLevel reported) =>
        RuleLevels.TryGetValue(rule.Id, out var configured) ? configured : reported;

    /// <summary>Runs the rules that are off by default (<see cref="RuleDescriptor.EnabledByDefault"/>); the guard sets it.</summary>
    public bool EnableOptInRules { get; init; }

    public bool IsEnabled(RuleDescriptor rule) =>
        RuleLevels.TryGetValue(rule.Id, out var configured)
            ? configured != FindingLevel.None
            : rule.EnabledByDefault || EnableOptInRules;
}
