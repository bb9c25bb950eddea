using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Hcl;
using Firebreak.Core.Text;

namespace Firebreak.Core.Tests.Languages.Hcl;

public class HclBodyTests
{
    internal static string At(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    [Fact]
    public void Attribute_and_block_spans_are_exact()
    {
        const string text = "resource \"aws_db_instance\" main {\n  skip_final_snapshot = true # firebreak:ignore FB1001 -- test db\n}\n";
        var file = HclParser.Parse(text);

        Assert.Empty(file.Diagnostics);
        var block = Assert.Single(file.Body.Blocks("resource"));
        Assert.Equal("resource", At(text, block.TypeSpan));
        Assert.Equal(text.TrimEnd('\n'), At(text, block.Span));
        Assert.Equal(new[] { "\"aws_db_instance\"", "main" }, block.Labels.Select(l => At(text, l.Span)));
        Assert.Equal(new[] { "aws_db_instance", "main" }, block.Labels.Select(l => l.Value));
        Assert.True(block.Labels[0].IsQuoted);
        Assert.False(block.Labels[1].IsQuoted);

        var attr = block.Body.Attribute("skip_final_snapshot");
        Assert.NotNull(attr);
        Assert.Equal("skip_final_snapshot", At(text, attr!.NameSpan));
        Assert.Equal("skip_final_snapshot = true", At(text, attr.Span));
        Assert.Equal("true", At(text, attr.Value.Span));
        Assert.True(attr.Value.AsLiteral()!.IsTrue);

        var comment = Assert.Single(file.Comments);
        Assert.Equal("# firebreak:ignore FB1001 -- test db", At(text, comment.Span));
        Assert.Equal(" firebreak:ignore FB1001 -- test db", comment.GetContent(text));
    }

    [Fact]
    public void All_comment_forms_are_kept_in_order()
    {
        const string text = "# hash\n// slashes\n/* block\n spans lines */ a = 1 /* inline */\nb = 2 // tail\r\n";
        var file = HclParser.Parse(text);

        Assert.Empty(file.Diagnostics);
        Assert.Equal(new[] { "# hash", "// slashes", "/* block\n spans lines */", "/* inline */", "// tail" }, file.Comments.Select(c => At(text, c.Span)));
        Assert.Equal(new[] { HclCommentKind.Hash, HclCommentKind.DoubleSlash, HclCommentKind.Block, HclCommentKind.Block, HclCommentKind.DoubleSlash }, file.Comments.Select(c => c.Kind));
        Assert.Equal(new[] { "a", "b" }, file.Body.Attributes.Select(a => a.Name));
    }

    [Fact]
    public void Nested_and_single_line_blocks()
    {
        const string text = """
            resource "aws_s3_bucket" "logs" {
              lifecycle { prevent_destroy = false }
              versioning {
                enabled = true
              }
              empty {}
            }
            terraform {}
            """;
        var file = HclParser.Parse(text);

        Assert.Empty(file.Diagnostics);
        var bucket = file.Body.Block("resource")!;
        Assert.Equal("aws_s3_bucket", bucket.Label(0));
        Assert.Equal("logs", bucket.Label(1));
        Assert.Null(bucket.Label(2));
        Assert.Equal(new[] { "lifecycle", "versioning", "empty" }, bucket.Body.AllBlocks.Select(b => b.Type));
        var lifecycle = bucket.Body.Block("lifecycle")!;
        Assert.Equal("lifecycle { prevent_destroy = false }", At(text, lifecycle.Span));
        Assert.True(lifecycle.Body.Attribute("prevent_destroy")!.Value.AsLiteral()!.IsFalse);
        Assert.Single(file.Body.Blocks("terraform"));
        Assert.Empty(file.Body.Blocks("data"));
    }

    [Fact]
    public void Quoted_label_escapes_are_decoded()
    {
        const string text = "provisioner \"local\\u002dexec\" {}\n";
        var file = HclParser.Parse(text);

        Assert.Empty(file.Diagnostics);
        var label = file.Body.Block("provisioner")!.Labels[0];
        Assert.Equal("local-exec", label.Value);
        Assert.Equal("\"local\\u002dexec\"", At(text, label.Span));
    }

    [Fact]
    public void Crlf_line_endings_and_bom()
    {
        const string text = "\uFEFFa = 1\r\nb {\r\n  c = \"x\"\r\n}\r\n";
        var file = HclParser.Parse(text);

        Assert.Empty(file.Diagnostics);
        Assert.Equal("1", At(text, file.Body.Attribute("a")!.Value.Span));
        Assert.Equal("\"x\"", At(text, file.Body.Block("b")!.Body.Attribute("c")!.Value.Span));
    }

    [Fact]
    public void Identifiers_may_contain_dashes_and_unicode()
    {
        const string text = "my-attr = 1\nnamé = 2\n";
        var file = HclParser.Parse(text);

        Assert.Empty(file.Diagnostics);
        Assert.Equal(new[] { "my-attr", "namé" }, file.Body.Attributes.Select(a => a.Name));
    }
}
