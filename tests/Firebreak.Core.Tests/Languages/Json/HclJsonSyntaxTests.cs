using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Hcl;
using Firebreak.Core.Text;

namespace Firebreak.Core.Tests.Languages.Json;

public class HclJsonSyntaxTests
{
    private static string At(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    private const string Text = """
        {
          "//": "firebreak:ignore FB1001 -- test fixture",
          "resource": {
            "aws_db_instance": {
              "main": {
                "skip_final_snapshot": true,
                "identifier": "db-${var.env}",
                "allocated_storage": 20,
                "tags": { "Name": "db" },
                "lifecycle": { "prevent_destroy": false }
              },
              "replica": [{ "replicate_source_db": "${aws_db_instance.main.identifier}" }]
            }
          },
          "variable": { "env": { "default": "staging" } },
          "locals": { "m": { "a": 1 } },
          "output": { "id": { "value": "${aws_db_instance.main.id}" } }
        }
        """;

    [Fact]
    public void Resources_map_to_blocks_with_labels()
    {
        var file = HclParser.ParseJson(Text);

        Assert.Empty(file.Diagnostics);
        var resources = file.Body.Blocks("resource").ToList();
        Assert.Equal(new[] { "main", "replica" }, resources.Select(r => r.Label(1)));
        var main = resources[0];
        Assert.Equal("aws_db_instance", main.Label(0));
        Assert.Equal("\"resource\"", At(Text, main.TypeSpan));
        Assert.Equal("\"main\"", At(Text, main.Labels[1].Span));
        Assert.True(main.Body.Attribute("skip_final_snapshot")!.Value.AsLiteral()!.IsTrue);
        Assert.Equal("\"skip_final_snapshot\"", At(Text, main.Body.Attribute("skip_final_snapshot")!.NameSpan));
        Assert.Equal("20", main.Body.Attribute("allocated_storage")!.Value.AsLiteral()!.Text);
        Assert.IsType<HclObjectExpression>(main.Body.Attribute("tags")!.Value);
        Assert.True(main.Body.Block("lifecycle")!.Body.Attribute("prevent_destroy")!.Value.AsLiteral()!.IsFalse);
    }

    [Fact]
    public void Strings_with_interpolation_are_templates_with_exact_spans_when_unescaped()
    {
        var file = HclParser.ParseJson(Text);
        var main = file.Body.Blocks("resource").First().Body;
        var t = Assert.IsType<HclTemplateExpression>(main.Attribute("identifier")!.Value);
        Assert.Equal("\"db-${var.env}\"", At(Text, t.Span));
        var interp = Assert.IsType<HclTemplateInterpolation>(t.Parts[1]);
        Assert.Equal("var.env", At(Text, interp.Expression.Span));

        var replica = file.Body.Blocks("resource").Last().Body.Attribute("replicate_source_db")!.Value;
        Assert.Equal(new[] { "aws_db_instance", "main", "identifier" }, replica.AsTraversal()!.Select(s => s.Name));
    }

    [Fact]
    public void Attribute_only_bodies_and_comments()
    {
        var file = HclParser.ParseJson(Text);
        Assert.Equal("staging", file.Body.Block("variable")!.Body.Attribute("default")!.Value.AsString());
        Assert.IsType<HclObjectExpression>(file.Body.Block("locals")!.Body.Attribute("m")!.Value);
        Assert.NotNull(file.Body.Block("output")!.Body.Attribute("value"));
        var comment = Assert.Single(file.Comments);
        Assert.Equal(HclCommentKind.JsonProperty, comment.Kind);
        Assert.Contains("firebreak:ignore FB1001", At(Text, comment.Span));
    }

    [Fact]
    public void Broken_json_still_yields_a_partial_body()
    {
        const string text = "{\"resource\": {\"aws_s3_bucket\": {\"b\": {\"force_destroy\": true,}}}, \"locals\": {\"a\": \"${\"}}";
        var file = HclParser.ParseJson(text);
        Assert.NotEmpty(file.Diagnostics);
        Assert.True(file.Body.Block("resource")!.Body.Attribute("force_destroy")!.Value.AsLiteral()!.IsTrue);
    }

    [Fact]
    public void Schema_less_block_or_map_heuristics()
    {
        const string text = """
            {
              "terraform": { "backend": { "s3": { "bucket": "state" } } },
              "resource": { "aws_instance": { "web": {
                "metadata_options": { "http_tokens": "required" },
                "labels_map": { "Name": "web", "k8s.io/role": "x" },
                "ebs_block_device": [{ "device_name": "/dev/sdb" }, { "device_name": "/dev/sdc" }],
                "dynamic": { "ingress": { "for_each": "${var.rules}", "content": { "port": "${ingress.value}" } } },
                "keepers": { "id": "1" }
              } } }
            }
            """;
        var file = HclParser.ParseJson(text);

        Assert.Empty(file.Diagnostics);
        Assert.Equal("s3", file.Body.Block("terraform")!.Body.Block("backend")!.Label(0));
        var web = file.Body.Block("resource")!.Body;
        Assert.NotNull(web.Block("metadata_options"));
        Assert.IsType<HclObjectExpression>(web.Attribute("labels_map")!.Value);
        Assert.Equal(2, web.Blocks("ebs_block_device").Count());
        var dynamic = web.Block("dynamic")!;
        Assert.Equal("ingress", dynamic.Label(0));
        Assert.NotNull(dynamic.Body.Block("content"));
        Assert.IsType<HclObjectExpression>(web.Attribute("keepers")!.Value);
    }

    [Fact]
    public void Non_object_root_is_reported()
    {
        Assert.NotEmpty(HclParser.ParseJson("[1]").Diagnostics);
        Assert.Empty(HclParser.ParseJson("[1]").Body.Items);
    }
}
