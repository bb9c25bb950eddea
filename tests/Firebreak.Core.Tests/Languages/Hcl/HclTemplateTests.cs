using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Hcl;

namespace Firebreak.Core.Tests.Languages.Hcl;

public class HclTemplateTests
{
    private static (string Text, HclTemplateExpression Template) Parse(string text)
    {
        var file = HclParser.Parse(text);
        Assert.Empty(file.Diagnostics);
        return (text, Assert.IsType<HclTemplateExpression>(file.Body.Attribute("x")!.Value));
    }

    [Fact]
    public void Interpolation_parts_and_spans()
    {
        var (text, t) = Parse("x = \"arn:${var.partition}:s3:::${aws_s3_bucket.b.id}/*\"\n");
        Assert.Equal(new[] { "arn:", "${var.partition}", ":s3:::", "${aws_s3_bucket.b.id}", "/*" }, t.Parts.Select(p => HclBodyTests.At(text, p.Span)));
        var interp = Assert.IsType<HclTemplateInterpolation>(t.Parts[3]);
        Assert.Equal("aws_s3_bucket.b.id", HclBodyTests.At(text, interp.Expression.Span));
        Assert.Null(t.AsLiteral());
    }

    [Fact]
    public void If_else_directive()
    {
        var (text, t) = Parse("x = \"%{ if var.prod }prod%{ else }dev-${var.n}%{ endif }\"\n");
        var dir = Assert.IsType<HclTemplateIf>(Assert.Single(t.Parts));
        Assert.Equal("var.prod", HclBodyTests.At(text, dir.Condition.Span));
        Assert.Equal("prod", Assert.IsType<HclTemplateLiteral>(Assert.Single(dir.Then)).Value);
        Assert.Equal(2, dir.Else!.Count);
        Assert.Equal("%{ if var.prod }prod%{ else }dev-${var.n}%{ endif }", HclBodyTests.At(text, dir.Span));
    }

    [Fact]
    public void For_directive_with_strip_markers()
    {
        var (text, t) = Parse("x = <<EOT\n%{ for k, ip in var.ips ~}\nserver ${ip}\n%{ endfor ~}\nEOT\n");
        Assert.True(t.IsHeredoc);
        var loop = Assert.IsType<HclTemplateFor>(Assert.Single(t.Parts));
        Assert.Equal("k", loop.KeyVariable);
        Assert.Equal("ip", loop.ValueVariable);
        Assert.Equal("var.ips", HclBodyTests.At(text, loop.Collection.Span));
        var first = Assert.IsType<HclTemplateLiteral>(loop.Body[0]);
        Assert.Equal("server ", first.Value);
        Assert.Equal("\nserver ", HclBodyTests.At(text, first.Span));
    }

    [Fact]
    public void Strip_markers_trim_neighbouring_literals()
    {
        var (_, t) = Parse("x = \"a   ${~ var.b ~}   c\"\n");
        Assert.Equal("a", ((HclTemplateLiteral)t.Parts[0]).Value);
        Assert.Equal("c", ((HclTemplateLiteral)t.Parts[2]).Value);
        var interp = (HclTemplateInterpolation)t.Parts[1];
        Assert.True(interp.StripLeft && interp.StripRight);
    }

    [Fact]
    public void Escaped_sequences_are_literal()
    {
        var (_, t) = Parse("x = \"$${var.a} %%{if} \\\\ \\n\"\n");
        Assert.Equal("${var.a} %{if} \\ \n", t.AsString());
    }

    [Fact]
    public void Heredoc_span_and_literal_value()
    {
        var (text, t) = Parse("x = <<EOF\nline one\n  line two\nEOF\ny = 1\n");
        Assert.Equal("<<EOF\nline one\n  line two\nEOF", HclBodyTests.At(text, t.Span));
        Assert.Equal("line one\n  line two\n", t.AsString());
        Assert.False(t.IsFlushHeredoc);
    }

    [Fact]
    public void Flush_heredoc_removes_common_indent_and_allows_indented_marker()
    {
        var file = HclParser.Parse("resource \"a\" \"b\" {\n  policy = <<-POLICY\n    {\n      \"Action\": \"*\"\n    }\n  POLICY\n  other = 2\n}\n");
        Assert.Empty(file.Diagnostics);
        var body = file.Body.Block("resource")!.Body;
        var t = Assert.IsType<HclTemplateExpression>(body.Attribute("policy")!.Value);
        Assert.True(t.IsFlushHeredoc);
        Assert.Equal("{\n  \"Action\": \"*\"\n}\n", t.AsString());
        Assert.NotNull(body.Attribute("other"));
    }

    [Fact]
    public void Flush_heredoc_dedents_literal_parts_around_interpolations()
    {
        var (text, t) = Parse("x = <<-EOT\n    gcloud run ${var.job} \\\n      --project ${var.p}\n\n    done\n    EOT\n");
        Assert.Equal(new[] { "gcloud run ", " \\\n  --project ", "\n\ndone\n" }, t.Parts.OfType<HclTemplateLiteral>().Select(l => l.Value));
        Assert.Equal("    gcloud run ", HclBodyTests.At(text, t.Parts[0].Span));
    }

    [Fact]
    public void Flush_heredoc_line_starting_with_a_sequence_has_no_indent()
    {
        var (_, t) = Parse("x = <<-EOT\n  a\n${b}\nEOT\n");
        Assert.Equal("  a\n", ((HclTemplateLiteral)t.Parts[0]).Value);
    }

    [Fact]
    public void Heredoc_with_interpolation_and_crlf()
    {
        var (text, t) = Parse("x = <<EOT\r\nhello ${var.name}\r\nEOT\r\n");
        var interp = Assert.IsType<HclTemplateInterpolation>(t.Parts[1]);
        Assert.Equal("var.name", HclBodyTests.At(text, interp.Expression.Span));
    }

    [Fact]
    public void Nested_quotes_inside_interpolation()
    {
        var (text, t) = Parse("x = \"${join(\",\", [for s in var.l : \"${s}-x\"])}\"\n");
        var call = Assert.IsType<HclFunctionCallExpression>(((HclTemplateInterpolation)Assert.Single(t.Parts)).Expression);
        Assert.Equal("\",\"", HclBodyTests.At(text, call.Arguments[0].Span));
        Assert.IsType<HclForExpression>(call.Arguments[1]);
    }

    [Fact]
    public void Empty_string_is_an_empty_literal()
    {
        var (_, t) = Parse("x = \"\"\n");
        Assert.Empty(t.Parts);
        Assert.Equal("", t.AsString());
    }
}
