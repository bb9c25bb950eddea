using Firebreak.Core.Documents;

namespace Firebreak.Core.Languages.Yaml;

/// <summary>A document's YAML tree: parsed once, on first use, with its problems reported to the document.</summary>
public static class YamlModels
{
    public static readonly ModelKey<YamlFile> Key = new("yaml", static doc =>
    {
        // A Helm template is read as written: its actions masked, the YAML around them parsed with the template's spans.
        string text = doc.Kind == FileKind.HelmTemplate ? GoTemplates.GoTemplateMask.Mask(doc.Text.Text) : doc.Text.Text;
        var yaml = YamlParser.Parse(text);
        foreach (var diagnostic in yaml.Diagnostics) doc.ReportParseProblem("YAML", diagnostic);
        // Simple actions (`.Values.x`, `default`, `quote`) take the chart's values.yaml defaults when the scan holds them.
        return doc.Kind == FileKind.HelmTemplate ? GoTemplates.GoTemplateEvaluator.Evaluate(yaml, doc.Text.Text, doc.Get(GoTemplates.GoTemplateValues.Key)) : yaml;
    });

    extension(DocumentContext document)
    {
        /// <summary>The file parsed as YAML (any YAML kind), once.</summary>
        public YamlFile Yaml => document.Get(Key);
    }
}
