using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Commands;
using Firebreak.Core.Text;

namespace Firebreak.Core.Tests.Commands;

public class ParsedArgumentsTests
{
    private static string At(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    private static ShellCommand Only(string text) => Assert.Single(ShellCommands.FromText(text));

    [Theory]
    [InlineData("rm -rf /x")]
    [InlineData("rm -r -f /x")]
    [InlineData("rm -fr /x")]
    [InlineData("rm \"-rf\" /x")]
    [InlineData("rm --recursive --force /x")]
    [InlineData("rm -r --force -- /x")]
    public void Split_short_flags_and_long_aliases_agree(string text)
    {
        var args = Only(text).ParseArguments(CommandOptionSyntax.ShortFlags());
        Assert.True(args.HasFlag("-r", "--recursive"));
        Assert.True(args.HasFlag("-f", "--force"));
        Assert.Equal("/x", Assert.Single(args.Positionals).Value);
    }

    [Fact]
    public void Split_flags_point_at_their_letter_even_inside_quotes()
    {
        const string text = "rm '-rf' /x";
        var force = Only(text).ParseArguments(CommandOptionSyntax.ShortFlags()).FindOption("-f")!;
        Assert.Equal("f", At(text, force.NameSpan));
    }

    [Fact]
    public void Combined_flags_are_not_split_by_default()
    {
        var args = Only("find . -name x -delete").ParsedArguments;
        Assert.True(args.HasFlag("-delete"));
        Assert.False(args.HasFlag("-d"));
        Assert.True(Only("rm -rf x").ParsedArguments.HasFlag("-rf"));
    }

    [Fact]
    public void Option_values_in_both_spellings()
    {
        const string text = "aws --region us-east-1 rds delete-db-instance --db-instance-identifier=prod-db --skip-final-snapshot";
        var args = Only(text).ParseArguments(CommandOptionSyntax.WithValues("--region", "--db-instance-identifier"));
        Assert.True(args.HasSubcommand("rds", "delete-db-instance"));
        Assert.Equal("us-east-1", args.GetValue("--region"));
        var id = args.FindOption("--db-instance-identifier")!;
        Assert.Equal("prod-db", id.Value);
        Assert.Equal("prod-db", At(text, id.ValueSpan!.Value));
        Assert.Equal("--db-instance-identifier", At(text, id.NameSpan));
        Assert.True(args.HasFlag("--skip-final-snapshot"));
        Assert.Empty(args.PositionalsAfter("rds", "delete-db-instance")!);
        Assert.Null(args.PositionalsAfter("s3"));
    }

    [Fact]
    public void Short_option_value_attached_or_separate()
    {
        var syntax = CommandOptionSyntax.ShortFlags("-f", "-C");
        var attached = Only("tar -xzfbackup.tar -C /").ParseArguments(syntax);
        Assert.Equal("backup.tar", attached.GetValue("-f"));
        Assert.True(attached.HasFlag("-x"));
        Assert.Equal("/", attached.GetValue("-C"));
        var separate = Only("tar -xzf backup.tar").ParseArguments(syntax);
        Assert.Equal("backup.tar", separate.GetValue("-f"));
        Assert.Empty(separate.Positionals);
    }

    [Fact]
    public void Positionals_after_a_subcommand_path_keep_spans()
    {
        const string text = "gcloud sql instances delete prod-db --quiet";
        var args = Only(text).ParsedArguments;
        var rest = args.PositionalsAfter("sql", "instances", "delete")!;
        Assert.Equal("prod-db", At(text, Assert.Single(rest).Span));
        Assert.True(args.HasFlag("--quiet"));
    }

    [Fact]
    public void Dynamic_arguments_are_positionals_and_dynamic_values_are_null()
    {
        const string text = "kubectl delete ns \"$NS\" --context=$CTX";
        var args = Only(text).ParsedArguments;
        Assert.Equal(new[] { "delete", "ns", null }, args.Positionals.Select(p => p.Value).ToArray());
        var context = args.FindOption("--context")!;
        Assert.Null(context.Value);
        Assert.Equal("--context", At(text, context.NameSpan));
        Assert.Equal("$CTX", At(text, context.ValueSpan!.Value));
    }
}
