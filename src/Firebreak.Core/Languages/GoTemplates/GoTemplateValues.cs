using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;

namespace Firebreak.Core.Languages.GoTemplates;

/// <summary>
/// What a Helm template's simple actions are evaluated against: the chart's <c>values.yaml</c> defaults and its name.
/// A template whose chart values are not in the scan (a single file in the IDE) has <see cref="None"/>, and its actions
/// stay masked.
/// </summary>
public sealed class GoTemplateValues
{
    public static GoTemplateValues None { get; } = new(null, null);

    /// <summary>Given to a template by the scan's Helm phase; <see cref="None"/> when nothing gave it.</summary>
    public static readonly ModelKey<GoTemplateValues> Key = new("helm-values", static _ => None);

    public GoTemplateValues(YamlMapping? values, string? chartName)
    {
        Values = values;
        ChartName = chartName;
    }

    /// <summary>The root mapping of <c>values.yaml</c>.</summary>
    public YamlMapping? Values { get; }

    /// <summary><c>name</c> of <c>Chart.yaml</c>, for <c>.Chart.Name</c>.</summary>
    public string? ChartName { get; }
}
