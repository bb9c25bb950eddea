using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Hcl;

namespace Firebreak.Core.Tests.Languages.Hcl;

public class HclExpressionTests
{
    private static (string Text, HclExpression Expr) Parse(string expression)
    {
        string text = "x = " + expression + "\n";
        var file = HclParser.Parse(text);
        Assert.Empty(file.Diagnostics);
        var expr = file.Body.Attribute("x")!.Value;
        Assert.Equal(expression, HclBodyTests.At(text, expr.Span));
        return (text, expr);
    }

    /// <summary>Fully parenthesized rendering, to assert precedence and associativity.</summary>
    private static string Shape(HclExpression e) => e switch
    {
        HclBinaryExpression b => "(" + Shape(b.Left) + " " + b.Operator + " " + Shape(b.Right) + ")",
        HclUnaryExpression u => "(" + u.Operator + " " + Shape(u.Operand) + ")",
        HclConditionalExpression c => "(" + Shape(c.Condition) + " ? " + Shape(c.TrueResult) + " : " + Shape(c.FalseResult) + ")",
        HclParenthesizedExpression p => "[" + Shape(p.Inner) + "]",
        HclLiteralExpression l => l.Value.Text,
        HclVariableExpression v => v.Name,
        HclGetAttrExpression g => Shape(g.Source) + "." + g.Name,
        _ => e.GetType().Name,
    };

    [Theory]
    [InlineData("1 + 2 * 3", "(1 Add (2 Multiply 3))")]
    [InlineData("1 * 2 + 3", "((1 Multiply 2) Add 3)")]
    [InlineData("1 - 2 - 3", "((1 Subtract 2) Subtract 3)")]
    [InlineData("8 / 4 % 3", "((8 Divide 4) Modulo 3)")]
    [InlineData("a || b && c", "(a Or (b And c))")]
    [InlineData("a == b && c != d", "((a Equal b) And (c NotEqual d))")]
    [InlineData("a < b == c >= d", "((a Less b) Equal (c GreaterOrEqual d))")]
    [InlineData("a + 1 > b * 2", "((a Add 1) Greater (b Multiply 2))")]
    [InlineData("!a && -b < 3", "((Not a) And ((Negate b) Less 3))")]
    [InlineData("-a.b * 2", "((Negate a.b) Multiply 2)")]
    [InlineData("(1 + 2) * 3", "([(1 Add 2)] Multiply 3)")]
    [InlineData("a ? b : c ? d : e", "(a ? b : (c ? d : e))")]
    [InlineData("a || b ? 1 + 2 : 3", "((a Or b) ? (1 Add 2) : 3)")]
    [InlineData("a <= b", "(a LessOrEqual b)")]
    public void Operators_follow_the_spec_precedence(string expression, string shape)
    {
        Assert.Equal(shape, Shape(Parse(expression).Expr));
    }

    [Fact]
    public void Binary_spans_cover_operands_and_operator()
    {
        var (text, e) = Parse("var.a + local.b * 2");
        var add = Assert.IsType<HclBinaryExpression>(e);
        Assert.Equal("+", HclBodyTests.At(text, add.OperatorSpan));
        Assert.Equal("var.a", HclBodyTests.At(text, add.Left.Span));
        Assert.Equal("local.b * 2", HclBodyTests.At(text, add.Right.Span));
    }

    [Theory]
    [InlineData("42", HclValueKind.Number, "42")]
    [InlineData("3.25e2", HclValueKind.Number, "3.25e2")]
    [InlineData("-7", HclValueKind.Number, "-7")]
    [InlineData("true", HclValueKind.Bool, "true")]
    [InlineData("null", HclValueKind.Null, "null")]
    [InlineData("\"plain\"", HclValueKind.String, "plain")]
    [InlineData("\"a\\tb \\\"q\\\" \\u00e9\"", HclValueKind.String, "a\tb \"q\" é")]
    [InlineData("\"$${not} %%{interp}\"", HclValueKind.String, "${not} %{interp}")]
    [InlineData("(\"p\")", HclValueKind.String, "p")]
    public void AsLiteral_reads_plain_literals(string expression, HclValueKind kind, string value)
    {
        var literal = Parse(expression).Expr.AsLiteral();
        Assert.NotNull(literal);
        Assert.Equal(kind, literal!.Kind);
        Assert.Equal(value, literal.Text);
    }

    [Fact]
    public void Number_value_is_parsed()
    {
        Assert.Equal(325.0, Parse("3.25e2").Expr.AsLiteral()!.NumberValue);
        Assert.Equal(-7.0, Parse("-7").Expr.AsLiteral()!.NumberValue);
    }

    [Theory]
    [InlineData("\"${var.x}\"")]
    [InlineData("var.x")]
    [InlineData("upper(\"a\")")]
    [InlineData("[1]")]
    public void AsLiteral_is_null_for_computed_values(string expression)
    {
        Assert.Null(Parse(expression).Expr.AsLiteral());
    }

    [Fact]
    public void Traversal_steps_with_spans()
    {
        var (text, e) = Parse("aws_backup_vault.main[\"k\"].name[0]");
        var steps = e.AsTraversal();
        Assert.NotNull(steps);
        Assert.Equal(new[] { "aws_backup_vault", ".main", "[k]", ".name", "[0]" }, steps!.Select(s => s.ToString()));
        Assert.Equal(new[] { "aws_backup_vault", "main", "\"k\"", "name", "0" }, steps.Select(s => HclBodyTests.At(text, s.Span)));
        Assert.Equal(HclTraversalStepKind.Root, steps[0].Kind);
        Assert.Equal(HclValueKind.String, steps[2].Key!.Kind);
    }

    [Fact]
    public void Traversal_unwraps_a_single_interpolation()
    {
        var (_, e) = Parse("\"${aws_backup_vault.main.name}\"");
        Assert.Equal(new[] { "aws_backup_vault", "main", "name" }, e.AsTraversal()!.Select(s => s.Name));
    }

    [Fact]
    public void Traversal_is_null_for_computed_index()
    {
        Assert.Null(Parse("a.b[var.i]").Expr.AsTraversal());
        Assert.Null(Parse("f(a).b").Expr.AsTraversal());
    }

    [Fact]
    public void Legacy_index_is_an_index()
    {
        var (text, e) = Parse("aws_instance.web.0.id");
        var attr = Assert.IsType<HclGetAttrExpression>(e);
        var index = Assert.IsType<HclIndexExpression>(attr.Source);
        Assert.True(index.IsLegacy);
        Assert.Equal("0", HclBodyTests.At(text, index.KeySpan));
        Assert.Equal("aws_instance.web.0", HclBodyTests.At(text, index.Span));
        Assert.Equal(new[] { "aws_instance", ".web", "[0]", ".id" }, e.AsTraversal()!.Select(s => s.ToString()));
    }

    [Fact]
    public void Attribute_splat_takes_following_attributes()
    {
        var (text, e) = Parse("aws_instance.web.*.id[0]");
        var index = Assert.IsType<HclIndexExpression>(e);
        var splat = Assert.IsType<HclSplatExpression>(index.Source);
        Assert.False(splat.IsFullSplat);
        Assert.Equal(".*", HclBodyTests.At(text, splat.SplatSpan));
        Assert.Equal("aws_instance.web.*.id", HclBodyTests.At(text, splat.Span));
        Assert.Equal(new[] { "id" }, splat.Each.Select(s => s.Name));
    }

    [Fact]
    public void Full_splat_takes_attributes_and_indexes()
    {
        var (text, e) = Parse("var.list[*].tags[\"Name\"]");
        var splat = Assert.IsType<HclSplatExpression>(e);
        Assert.True(splat.IsFullSplat);
        Assert.Equal("[*]", HclBodyTests.At(text, splat.SplatSpan));
        Assert.Equal(new[] { ".tags", "[Name]" }, splat.Each.Select(s => s.ToString()));
        Assert.Equal(new[] { "var", ".list", "[*]", ".tags", "[Name]" }, e.AsTraversal()!.Select(s => s.ToString()));
    }

    [Fact]
    public void Function_calls_with_expansion_and_namespaces()
    {
        var (text, e) = Parse("concat(var.a,\n  [\"b\"], var.rest...)");
        var call = Assert.IsType<HclFunctionCallExpression>(e);
        Assert.Equal("concat", call.Name);
        Assert.Equal(3, call.Arguments.Count);
        Assert.True(call.ExpandFinal);
        Assert.Equal("var.rest", HclBodyTests.At(text, call.Arguments[2].Span));

        var (text2, e2) = Parse("provider::aws::arn_parse(aws_s3_bucket.b.arn)");
        var ns = Assert.IsType<HclFunctionCallExpression>(e2);
        Assert.Equal("provider::aws::arn_parse", ns.Name);
        Assert.Equal("provider::aws::arn_parse", HclBodyTests.At(text2, ns.NameSpan));
        Assert.False(ns.ExpandFinal);

        var empty = Assert.IsType<HclFunctionCallExpression>(Parse("timestamp()").Expr);
        Assert.Empty(empty.Arguments);
    }

    [Fact]
    public void Tuples_allow_newlines_and_trailing_commas()
    {
        var (text, e) = Parse("[\n  1,\n  \"two\", # note\n  three,\n]");
        var tuple = Assert.IsType<HclTupleExpression>(e);
        Assert.Equal(new[] { "1", "\"two\"", "three" }, tuple.Items.Select(i => HclBodyTests.At(text, i.Span)));
    }

    [Fact]
    public void Objects_take_equals_or_colon_and_commas_or_newlines()
    {
        var (text, e) = Parse("{\n  Name = \"db\"\n  \"Env\": var.env, owner = 1\n  (var.k) = 2\n}");
        var obj = Assert.IsType<HclObjectExpression>(e);
        Assert.Equal(new[] { "Name", "Env", "owner", null }, obj.Items.Select(i => i.KeyName));
        Assert.Equal("(var.k) = 2", HclBodyTests.At(text, obj.Items[3].Span));
        Assert.Equal("db", obj.Get("Name")!.AsString());
        Assert.Equal("var.env", HclBodyTests.At(text, obj.Get("Env")!.Span));
    }

    [Fact]
    public void Tuple_for_with_condition()
    {
        var (text, e) = Parse("[for i, s in var.subnets : s.id if s.public]");
        var f = Assert.IsType<HclForExpression>(e);
        Assert.False(f.IsObject);
        Assert.Equal("i", f.KeyVariable);
        Assert.Equal("s", f.ValueVariable);
        Assert.Equal("var.subnets", HclBodyTests.At(text, f.Collection.Span));
        Assert.Equal("s.id", HclBodyTests.At(text, f.ValueResult.Span));
        Assert.Equal("s.public", HclBodyTests.At(text, f.Condition!.Span));
        Assert.Null(f.KeyResult);
    }

    [Fact]
    public void Object_for_with_grouping_over_lines()
    {
        var (text, e) = Parse("{\n  for u in var.users :\n  u.role => u.name...\n}");
        var f = Assert.IsType<HclForExpression>(e);
        Assert.True(f.IsObject);
        Assert.True(f.Grouping);
        Assert.Null(f.KeyVariable);
        Assert.Equal("u.role", HclBodyTests.At(text, f.KeyResult!.Span));
        Assert.Equal("u.name", HclBodyTests.At(text, f.ValueResult.Span));
    }

    [Fact]
    public void An_object_key_named_for_is_not_a_for_expression()
    {
        var obj = Assert.IsType<HclObjectExpression>(Parse("{ for = 1 }").Expr);
        Assert.Equal("for", obj.Items[0].KeyName);
    }

    [Fact]
    public void Descendants_walk_every_sub_expression()
    {
        var (_, e) = Parse("merge(var.a, { b = [\"${local.c}\"] })");
        var names = e.DescendantsAndSelf().OfType<HclVariableExpression>().Select(v => v.Name).ToList();
        Assert.Equal(new[] { "var", "b", "local" }, names);
    }

    [Fact]
    public void Conditional_spans()
    {
        var (text, e) = Parse("var.prod ? \"delete\" : null");
        var c = Assert.IsType<HclConditionalExpression>(e);
        Assert.Equal("\"delete\"", HclBodyTests.At(text, c.TrueResult.Span));
        Assert.Equal("null", HclBodyTests.At(text, c.FalseResult.Span));
    }
}
