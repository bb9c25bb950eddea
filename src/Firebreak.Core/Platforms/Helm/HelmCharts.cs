using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.GoTemplates;
using Firebreak.Core.Languages.Yaml;

namespace Firebreak.Core.Platforms.Helm;

/// <summary>
/// The charts of a scan: a folder holding <c>templates/</c>, with its <c>values.yaml</c> (and <c>Chart.yaml</c>) among
/// the scanned files. Each template of such a chart is given the chart's values before any rule reads it, so that
/// <c>whenDeleted: {{ .Values.persistence.whenDeleted }}</c> is read as the default the chart ships.
/// </summary>
public static class HelmCharts
{
    public sealed class Phase : DocumentPhase
    {
        public override IReadOnlyList<DocumentContext> Apply(IReadOnlyList<DocumentContext> documents, AnalysisOptions options)
        {
            Dictionary<string, DocumentContext>? byPath = null;
            var charts = new Dictionary<string, GoTemplateValues>(StringComparer.Ordinal);
            foreach (var document in documents)
            {
                if (document.Kind != FileKind.HelmTemplate || ChartRoot(document.Path) is not { } root) continue;
                if (byPath is null)
                {
                    byPath = new Dictionary<string, DocumentContext>(StringComparer.Ordinal);
                    foreach (var other in documents) byPath[other.Path.Replace('\\', '/')] = other;
                }
                if (!charts.TryGetValue(root, out var values)) charts[root] = values = Read(root, byPath);
                if (values.Values is not null) document.Provide(GoTemplateValues.Key, values);
            }
            return documents;
        }
    }

    /// <summary>The chart folder of a template (<c>charts/db</c> for <c>charts/db/templates/sts.yaml</c>; "" at the root).</summary>
    public static string? ChartRoot(string path)
    {
        string normalized = path.Replace('\\', '/');
        if (normalized.StartsWith("templates/", StringComparison.Ordinal)) return string.Empty;
        int at = normalized.LastIndexOf("/templates/", StringComparison.Ordinal);
        return at < 0 ? null : normalized.Substring(0, at);
    }

    private static GoTemplateValues Read(string root, Dictionary<string, DocumentContext> byPath)
    {
        string prefix = root.Length == 0 ? string.Empty : root + "/";
        if (!byPath.TryGetValue(prefix + "values.yaml", out var valuesFile) && !byPath.TryGetValue(prefix + "values.yml", out valuesFile))
            return GoTemplateValues.None;
        try
        {
            if (valuesFile.Yaml.RootMapping is not { } values) return GoTemplateValues.None;
            string? name = null;
            if (byPath.TryGetValue(prefix + "Chart.yaml", out var chart)) name = chart.Yaml.RootMapping?.ScalarValue("name");
            return new GoTemplateValues(values, name);
        }
        catch (BudgetExceededException)
        {
            return GoTemplateValues.None; // that file's analysis has stopped (noted); the templates stay masked
        }
    }
}
