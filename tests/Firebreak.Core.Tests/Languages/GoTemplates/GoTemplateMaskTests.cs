using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.GoTemplates;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Languages.GoTemplates;

/// <summary>Helm templates are read as written: actions masked, the YAML around them parsed with the template's spans.</summary>
public sealed class GoTemplateMaskTests
{
    private const string Deployment = """
        {{- if .Values.enabled }}
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "app.fullname" . }}
          labels: {{- include "app.labels" . | nindent 4 }}
            app.kubernetes.io/component: api
        spec:
          replicas: {{ .Values.replicaCount }}
          template:
            spec:
              containers:
                - name: {{ .Chart.Name }}
                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
                  {{- with .Values.resources }}
                  resources:
                    {{- toYaml . | nindent 12 }}
                  {{- end }}
        {{- end }}
        """;

    [Fact]
    public void Masking_keeps_length_and_line_breaks()
    {
        string masked = GoTemplateMask.Mask(Deployment);
        Assert.Equal(Deployment.Length, masked.Length);
        Assert.Equal(Deployment.Count(c => c == '\n'), masked.Count(c => c == '\n'));
        Assert.DoesNotContain("{{", masked);
    }

    [Fact]
    public void The_yaml_around_the_actions_parses_with_the_templates_spans()
    {
        var yaml = YamlParser.Parse(GoTemplateMask.Mask(Deployment));
        Assert.Empty(yaml.Diagnostics);
        var root = yaml.RootMapping!;
        Assert.Equal("Deployment", root.ScalarValue("kind"));
        var labels = root.Mapping("metadata")!.Mapping("labels")!;
        Assert.Equal("api", labels.ScalarValue("app.kubernetes.io/component"));
        var replicas = root.Mapping("spec")!.Scalar("replicas")!;
        Assert.True(GoTemplateMask.IsTemplated(replicas.Value));
        Assert.Equal("{{ .Values.replicaCount }}", Deployment.Substring(replicas.Span.Start, replicas.Span.Length));
        var container = (YamlMapping)root.Mapping("spec")!.Mapping("template")!.Mapping("spec")!.Sequence("containers")!.Items[0];
        Assert.Equal("{{ .Chart.Name }}", Deployment.Substring(container.Scalar("name")!.Span.Start, container.Scalar("name")!.Span.Length));
    }

    [Theory]
    [InlineData("a: {{ \"}}\" }}\nb: 1\n")]
    [InlineData("a: {{ `}}` }}\nb: 1\n")]
    [InlineData("{{/* a comment: with }} and\n   a second line */}}\nb: 1\n")]
    [InlineData("{{- /* trimmed */ -}}\nb: 1\n")]
    public void Strings_and_comments_inside_actions_do_not_end_them(string template)
    {
        var yaml = YamlParser.Parse(GoTemplateMask.Mask(template));
        Assert.Empty(yaml.Diagnostics);
        Assert.Equal("1", yaml.RootMapping!.ScalarValue("b"));
    }

    [Fact]
    public void A_value_of_a_sequence_item_stays_a_value()
    {
        const string template = "items:\n- name: {{ .Values.name }}\n  image: x\n";
        var yaml = YamlParser.Parse(GoTemplateMask.Mask(template));
        var item = (YamlMapping)yaml.RootMapping!.Sequence("items")!.Items[0];
        Assert.True(GoTemplateMask.IsTemplated(item.ScalarValue("name")!));
        Assert.Equal("x", item.ScalarValue("image"));
    }

    [Fact]
    public void An_unclosed_action_stops_masking_and_is_reported_as_invalid_yaml()
    {
        var result = RuleHarness.Analyze(("chart/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: {{ .Values.a\n"));
        Assert.Contains(result.Findings, f => f.RuleId == "FB0001");
    }

    [Fact]
    public void Templates_of_one_chart_that_cannot_be_read_give_one_note_for_the_chart()
    {
        const string broken = "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: {{ .Values.a\n";
        var result = RuleHarness.Analyze(
            ("charts/api/templates/a.yaml", broken), ("charts/api/templates/b.yaml", broken), ("charts/api/templates/c.yaml", broken),
            ("charts/web/templates/a.yaml", broken));
        var notes = result.Findings.Where(f => f.RuleId == "FB0001").ToArray();
        Assert.Equal(new[] { "charts/api/templates/a.yaml", "charts/web/templates/a.yaml" }, notes.Select(n => n.Location.Path).ToArray());
        Assert.Contains("2 more templates of chart `charts/api`", notes[0].Message, System.StringComparison.Ordinal);
        Assert.Equal(new[] { "charts/api/templates/b.yaml", "charts/api/templates/c.yaml" }, notes[0].RelatedLocations.Select(r => r.Location.Path).ToArray());
    }

    [Fact]
    public void Chart_templates_are_helm_templates_and_other_yaml_is_not()
    {
        Assert.Equal(FileKind.HelmTemplate, FileKindDetector.Detect("charts/api/templates/deployment.yaml", Deployment));
        Assert.Equal(FileKind.Kubernetes, FileKindDetector.Detect("charts/api/templates/static.yaml", "apiVersion: v1\nkind: ConfigMap\n"));
        Assert.Equal(FileKind.Kubernetes, FileKindDetector.Detect("k8s/deployment.yaml", "apiVersion: v1\nkind: ConfigMap\n"));
    }

    [Fact]
    public void A_well_formed_chart_gives_no_parse_note_and_its_rules_point_into_the_template()
    {
        RuleHarness.Verify("charts/db/templates/snapshotclass.yaml", """
            {{- if .Values.snapshots.enabled }}
            apiVersion: snapshot.storage.k8s.io/v1
            kind: VolumeSnapshotClass
            metadata:
              name: {{ include "db.fullname" . }}-snapshots
              labels:
                {{- include "db.labels" . | nindent 4 }}
            driver: {{ .Values.snapshots.driver | quote }}
            deletionPolicy: {|FB3103:Delete|}
            {{- end }}
            """, "FB3103", "FB0001");
    }
}
