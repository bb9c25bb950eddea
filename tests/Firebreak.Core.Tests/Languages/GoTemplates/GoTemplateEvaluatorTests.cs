using System.Linq;
using Firebreak.Core.Languages.GoTemplates;
using Firebreak.Core.Languages.Yaml;
using Xunit;

namespace Firebreak.Core.Tests.Languages.GoTemplates;

public class GoTemplateEvaluatorTests
{
    private const string Values = """
        image:
          repository: postgres
          tag: "16.4"
        persistence:
          whenDeleted: Delete
          empty: ""
          nothing:
        resources:
          limits: { cpu: 1 }
        """;

    private static YamlScalar Evaluated(string template, string key)
    {
        var values = new GoTemplateValues(YamlParser.Parse(Values).RootMapping, "pg");
        var yaml = GoTemplateEvaluator.Evaluate(YamlParser.Parse(GoTemplateMask.Mask(template)), template, values);
        return yaml.RootMapping!.Scalar(key)!;
    }

    [Theory]
    [InlineData("k: {{ .Values.persistence.whenDeleted }}", "Delete")]
    [InlineData("k: {{- .Values.persistence.whenDeleted -}}", "Delete")]
    [InlineData("k: {{ $.Values.persistence.whenDeleted }}", "Delete")]
    [InlineData("k: {{ .Values.persistence.whenDeleted | quote }}", "Delete")]
    [InlineData("k: {{ quote .Values.persistence.whenDeleted }}", "Delete")]
    [InlineData("k: {{ .Values.persistence.whenDeleted | lower }}", "delete")]
    [InlineData("k: {{ .Values.persistence.missing | default \"Retain\" }}", "Retain")]
    [InlineData("k: {{ .Values.persistence.empty | default \"Retain\" }}", "Retain")]
    [InlineData("k: {{ .Values.persistence.nothing | default \"Retain\" }}", "Retain")]
    [InlineData("k: {{ default \"Retain\" .Values.persistence.whenDeleted }}", "Delete")]
    [InlineData("k: \"{{ .Values.image.repository }}:{{ .Values.image.tag }}\"", "postgres:16.4")]
    [InlineData("k: {{ .Release.Name }}-{{ .Chart.Name }}", "release-name-pg")]
    [InlineData("k: {{ .Release.Namespace }}", "default")]
    public void Simple_actions_take_the_values_yaml_defaults(string template, string expected)
    {
        var scalar = Evaluated(template, "k");
        Assert.Equal(expected, scalar.Value);
        // The span is still the scalar's in the template: a finding points at the line to change.
        Assert.Equal(template.IndexOf("{{", System.StringComparison.Ordinal) - (template.Contains("k: \"") ? 1 : 0), scalar.Span.Start);
    }

    [Theory]
    [InlineData("k: {{ include \"pg.fullname\" . }}")]
    [InlineData("k: {{ .Values.persistence.missing }}")]
    [InlineData("k: {{ .Values.resources }}")]
    [InlineData("k: {{ printf \"%s-x\" .Values.image.tag }}")]
    [InlineData("k: {{ (.Values.image).tag }}")]
    [InlineData("k: {{ if .Values.x }}a{{ else }}b{{ end }}")]
    [InlineData("k: {{ .Values.image.tag | sha256sum }}")]
    public void Anything_else_stays_masked(string template)
    {
        var scalar = Evaluated(template, "k");
        Assert.True(GoTemplateMask.IsTemplated(scalar.Value), scalar.Value);
    }

    [Fact]
    public void Without_chart_values_nothing_changes()
    {
        const string template = "k: {{ .Values.persistence.whenDeleted }}";
        var parsed = YamlParser.Parse(GoTemplateMask.Mask(template));
        Assert.Same(parsed, GoTemplateEvaluator.Evaluate(parsed, template, GoTemplateValues.None));
    }

    [Fact]
    public void Block_scalars_are_left_masked()
    {
        const string template = "k: |\n  echo {{ .Values.image.tag }}\n";
        Assert.True(GoTemplateMask.IsTemplated(Evaluated(template, "k").Value));
    }
}
