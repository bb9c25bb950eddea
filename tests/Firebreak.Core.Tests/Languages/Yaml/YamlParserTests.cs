using System;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Text;

namespace Firebreak.Core.Tests.Languages.Yaml;

public sealed class YamlParserTests
{
    [Fact]
    public void Nodes_keep_exact_spans_and_comments_are_collected()
    {
        const string text = "# top\njobs:\n  build:  # trailing\n    runs-on: 'ubuntu'\n";
        var yaml = YamlParser.Parse(text);
        var build = yaml.RootMapping!.Mapping("jobs")!.Pairs.Single();
        Assert.Equal("build", Slice(text, build.Key.Span));
        var runsOn = ((YamlMapping)build.Value).Scalar("runs-on")!;
        Assert.Equal("'ubuntu'", Slice(text, runsOn.Span));
        Assert.Equal(new[] { "# top", "# trailing" }, yaml.Comments.Select(c => Slice(text, c.Span)));
    }

    [Fact]
    public void A_literal_block_maps_each_character_back_to_the_file()
    {
        const string text = "steps:\n  - run: |\n      echo start\n      terraform destroy -auto-approve\n";
        var yaml = YamlParser.Parse(text);
        var step = (YamlMapping)yaml.RootMapping!.Sequence("steps")!.Items[0];
        var embedded = step.Scalar("run")!.ToEmbeddedText(text);
        Assert.Equal("echo start\nterraform destroy -auto-approve\n", embedded.Value);
        int at = embedded.Value.IndexOf("-auto-approve", StringComparison.Ordinal);
        var span = embedded.MapToHost(new TextSpan(at, "-auto-approve".Length));
        Assert.Equal("-auto-approve", Slice(text, span));
    }

    [Theory]
    [InlineData("run: \"psql -c \\\"DROP TABLE users\\\"\"\n", "DROP TABLE")]
    [InlineData("run: 'it''s rm -rf /tmp/x'\n", "rm -rf")]
    [InlineData("run: >-\n  kubectl delete\n  namespace prod\n", "namespace prod")]
    [InlineData("run: plain rm -rf /data\n", "rm -rf /data")]
    public void Quoted_folded_and_plain_scalars_map_back_too(string text, string needle)
    {
        var scalar = YamlParser.Parse(text).RootMapping!.Scalar("run")!;
        var embedded = scalar.ToEmbeddedText(text);
        int at = embedded.Value.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, embedded.Value);
        var span = embedded.MapToHost(new TextSpan(at, needle.Length));
        Assert.Equal(needle, Slice(text, span).Replace("\n  ", " "));
    }

    [Fact]
    public void Broken_yaml_keeps_what_came_before_and_reports_where_it_broke()
    {
        const string text = "a: 1\nb:\n  c: 2\n  d: [oops\n";
        var yaml = YamlParser.Parse(text);
        Assert.NotEmpty(yaml.Diagnostics);
        Assert.Equal("1", yaml.RootMapping!.ScalarValue("a"));
    }

    [Fact]
    public void Every_prefix_of_a_workflow_parses_without_throwing()
    {
        const string text = "on:\n  push:\n    branches: [main]\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n          make \"all\" 'x'\n          echo ${{ secrets.X }}\n  other: &o { a: *o, b: [1, 2] }\n";
        for (int i = 0; i <= text.Length; i++) YamlParser.Parse(text.Substring(0, i));
    }

    private static string Slice(string text, TextSpan span) => text.Substring(span.Start, span.Length);
}

public sealed class YamlParserLibraryFailureTests
{
    [Fact]
    public void Input_that_makes_the_yaml_library_throw_something_else_is_still_a_diagnostic()
    {
        // YamlDotNet's scanner throws InvalidOperationException here instead of a YamlException.
        var yaml = YamlParser.Parse("on: [push\njobs:  build: [unclosed\n");
        Assert.NotEmpty(yaml.Diagnostics);
        Assert.StartsWith("invalid YAML", yaml.Diagnostics[0].Message, System.StringComparison.Ordinal);
    }
}
