using System;
using System.Linq;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Hcl;

namespace Firebreak.Core.Tests.Languages.Hcl;

public class HclRecoveryTests
{
    [Fact]
    public void Missing_closing_brace_keeps_later_blocks()
    {
        const string text = "resource \"aws_db_instance\" \"a\" {\n  skip_final_snapshot = true\n\nresource \"aws_db_instance\" \"b\" {\n  deletion_protection = false\n}\n";
        var file = HclParser.Parse(text);

        var d = Assert.Single(file.Diagnostics);
        Assert.Contains("missing '}'", d.Message);
        Assert.Equal("{", HclBodyTests.At(text, d.Span));
        var blocks = file.Body.Blocks("resource").ToList();
        Assert.Equal(new[] { "a", "b" }, blocks.Select(b => b.Label(1)));
        Assert.NotNull(blocks[0].Body.Attribute("skip_final_snapshot"));
        Assert.NotNull(blocks[1].Body.Attribute("deletion_protection"));
    }

    [Fact]
    public void Bad_token_skips_to_the_next_line()
    {
        const string text = "a = 1\nb = @@@\nc = 3\n% junk\nd = [1, 2\ne = 5\n";
        var file = HclParser.Parse(text);

        Assert.True(file.Diagnostics.Count >= 3);
        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, file.Body.Attributes.Select(a => a.Name));
        Assert.IsType<HclErrorExpression>(file.Body.Attribute("b")!.Value);
        Assert.Equal("5", file.Body.Attribute("e")!.Value.AsLiteral()!.Text);
    }

    [Fact]
    public void Unterminated_string_stops_at_the_line_end()
    {
        const string text = "a = \"open\nb = 2\n";
        var file = HclParser.Parse(text);

        Assert.Contains(file.Diagnostics, d => d.Message.Contains("Unterminated string"));
        Assert.Equal("2", file.Body.Attribute("b")!.Value.AsLiteral()!.Text);
    }

    [Fact]
    public void Unterminated_heredoc_and_comment_are_reported()
    {
        Assert.Contains(HclParser.Parse("a = <<EOF\nnever closed\n").Diagnostics, d => d.Message.Contains("heredoc"));
        Assert.Contains(HclParser.Parse("a = 1 /* open").Diagnostics, d => d.Message.Contains("comment"));
    }

    [Fact]
    public void Two_items_on_one_line_is_an_error()
    {
        var file = HclParser.Parse("a = 1 b = 2\nc = 3\n");
        Assert.Single(file.Diagnostics);
        Assert.NotNull(file.Body.Attribute("c"));
    }

    [Theory]
    [InlineData("b { x = 1\n}\n", "single-argument")]
    [InlineData("b { x = 1 y = 2 }\n", "single-argument")]
    [InlineData("b { c { x = 1 } }\n", "only a single argument")]
    [InlineData("b {\n  x = 1 }\n", "Missing newline after attribute")]
    [InlineData("b {\n} c {}\n", "Missing newline after block")]
    public void Single_line_block_rules_match_hcl(string text, string message)
    {
        var file = HclParser.Parse(text);
        Assert.Contains(file.Diagnostics, d => d.Message.Contains(message));
        Assert.Equal("b", file.Body.Items[0] is HclBlock b ? b.Type : null);
    }

    [Theory]
    [InlineData("a = 1 +\n  2\n")]
    [InlineData("a = b ?\n c : d\n")]
    [InlineData("a = b ? c :\n d\n")]
    [InlineData("a = x.0.1\n")]
    [InlineData("a = x.y.*.z.*.w\n")]
    [InlineData("a = [1,,2]\n")]
    [InlineData("a = {a = 1 b = 2}\n")]
    public void Rejected_like_hashicorp_hcl(string text)
    {
        Assert.NotEmpty(HclParser.Parse(text).Diagnostics);
    }

    [Theory]
    [InlineData("a = (1\n + 2)\n")]
    [InlineData("a = [1\n, 2]\n")]
    [InlineData("a = <<EOF\nx\nEOF  \n")]
    [InlineData("a = 1.e5\n")]
    [InlineData("a = f (1)\n")]
    public void Accepted_like_hashicorp_hcl(string text)
    {
        Assert.Empty(HclParser.Parse(text).Diagnostics);
    }

    [Fact]
    public void Single_line_block_with_one_argument_is_valid()
    {
        var file = HclParser.Parse("b { x = [1, 2] }\nc {}\n");
        Assert.Empty(file.Diagnostics);
        Assert.NotNull(file.Body.Block("b")!.Body.Attribute("x"));
    }

    [Fact]
    public void Stray_closing_brace_is_reported()
    {
        var file = HclParser.Parse("}\na = 1\n");
        Assert.Single(file.Diagnostics);
        Assert.NotNull(file.Body.Attribute("a"));
    }

    [Fact]
    public void Unbalanced_template_directives_are_reported()
    {
        Assert.NotEmpty(HclParser.Parse("a = \"%{ if x }y\"\n").Diagnostics);
        Assert.NotEmpty(HclParser.Parse("a = \"y%{ endfor }\"\n").Diagnostics);
        Assert.NotEmpty(HclParser.Parse("a = \"${ x \"\n").Diagnostics);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("(", ")")]
    [InlineData("{a=", "}")]
    [InlineData("-", "")]
    [InlineData("!", "")]
    [InlineData("\"${", "}\"")]
    [InlineData("f(", ")")]
    [InlineData("a ? b : ", "")]
    public void Deep_nesting_is_bounded(string open, string close)
    {
        var sb = new StringBuilder("x = ");
        for (int i = 0; i < 10_000; i++) sb.Append(open);
        sb.Append('1');
        for (int i = 0; i < 10_000; i++) sb.Append(close);
        sb.Append("\ny = 2\n");
        var file = HclParser.Parse(sb.ToString());

        Assert.Contains(file.Diagnostics, d => d.Message.Contains("too deep"));
        Assert.NotNull(file.Body.Attribute("x"));
    }

    [Fact]
    public void Ten_thousand_unclosed_brackets_do_not_overflow()
    {
        var file = HclParser.Parse("x = " + new string('[', 10_000));
        Assert.NotEmpty(file.Diagnostics);
    }

    [Fact]
    public void Deeply_nested_blocks_are_bounded()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 5_000; i++) sb.Append("b {\n");
        for (int i = 0; i < 5_000; i++) sb.Append("}\n");
        var file = HclParser.Parse(sb.ToString());
        Assert.Contains(file.Diagnostics, d => d.Message.Contains("too deep"));
    }

    [Fact]
    public void Every_prefix_of_a_realistic_file_parses_without_throwing()
    {
        string text = TerraformSample.Text;
        Assert.True(text.Length > 3000);
        Assert.Empty(HclParser.Parse(text).Diagnostics);
        for (int i = 0; i <= text.Length; i++)
        {
            var file = HclParser.Parse(text.Substring(0, i));
            AssertSpansInRange(file, i);
        }
    }

    [Fact]
    public void Random_garbage_never_throws()
    {
        var random = new Random(1234);
        const string alphabet = "abc_-019 \t\n\r\"'$%{}[]()<>=!&|?:.,*/#~\\+EOF";
        for (int round = 0; round < 3000; round++)
        {
            var chars = new char[random.Next(0, 200)];
            for (int i = 0; i < chars.Length; i++)
                chars[i] = random.Next(20) == 0 ? (char)random.Next(0, 0xFFFF) : alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            AssertSpansInRange(HclParser.Parse(text), text.Length);
            AssertSpansInRange(HclParser.ParseJson(text), text.Length);
        }
    }

    [Fact]
    public void Mutated_realistic_file_never_throws()
    {
        var random = new Random(99);
        string text = TerraformSample.Text;
        for (int round = 0; round < 1000; round++)
        {
            var chars = text.ToCharArray();
            for (int k = 0; k < 5; k++) chars[random.Next(chars.Length)] = "{}[]()\"$%<>=\n#"[random.Next(14)];
            var mutated = new string(chars);
            AssertSpansInRange(HclParser.Parse(mutated), mutated.Length);
        }
    }

    private static void AssertSpansInRange(HclFile file, int length)
    {
        foreach (var d in file.Diagnostics) Assert.True(d.Span.End <= length, d.ToString());
        foreach (var c in file.Comments) Assert.True(c.Span.End <= length);
        foreach (var item in file.Body.Items) Assert.True(item.Span.End <= length && item.Span.Start >= 0);
    }
}
