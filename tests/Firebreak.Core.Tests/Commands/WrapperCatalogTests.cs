using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Firebreak.Core.Commands;
using Firebreak.Core.Languages.Shell;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Commands;

/// <summary>
/// rules/catalogs/wrappers.yaml: every entry's examples run through the real extractor (the command a wrapper runs is
/// the one the rules read), a user's catalogue adds a wrapper in every face, and what the reader rejects is an error.
/// </summary>
public sealed class WrapperCatalogTests
{
    public static IEnumerable<object[]> Ids() => WrapperCatalog.Default.Wrappers.Select(w => new object[] { w.Id });

    private static IReadOnlyList<string> Commands(string line, WrapperCatalog? catalog = null) =>
        CommandExtractor.Extract(ShellParser.Parse(line), null, catalog).Select(c => string.Join(" ", c.Arguments.Select(a => a.Value))).ToArray();

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_entry_unwraps_its_examples_to_the_command_they_run_and_no_further(string id)
    {
        var wrapper = WrapperCatalog.Default.Wrappers.Single(w => w.Id == id);
        Assert.NotEmpty(wrapper.MustUnwrap);
        Assert.NotEmpty(wrapper.MustNotUnwrap);
        foreach (var example in wrapper.MustUnwrap)
        {
            var parts = example.Split(new[] { " => " }, StringSplitOptions.None);
            Assert.Equal(new[] { parts[1] }, Commands(parts[0]));
        }
        foreach (var example in wrapper.MustNotUnwrap)
            Assert.Equal(new[] { example }, Commands(example));
    }

    [Fact]
    public void A_secret_injector_no_longer_hides_the_command_it_runs_from_the_rules()
    {
        var findings = RuleHarness.Analyze(("deploy/reset.sh", "#!/bin/sh\naws-vault exec prod -- terraform destroy -auto-approve\ndoppler run -- dropdb orders\n")).Findings;
        Assert.Equal(new[] { ("FB1001", 2), ("FB1001", 3) }, findings.Where(f => f.RuleId == "FB1001").Select(f => (f.RuleId, f.Location.Start.Line + 1)).ToArray());
    }

    [Fact]
    public void A_users_wrapper_comes_first_and_reaches_the_rules()
    {
        const string yaml = """
            wrappers:
              - id: acme-run
                program: [acme]
                path: [run]
                long_options_with_value: [stage]
                must_unwrap: ['acme run --stage prod -- dropdb orders => dropdb orders']
                must_not_unwrap: ['acme run']
            """;
        var set = CatalogSet.WithUserCatalogs(new[] { ("acme.yaml", yaml) });
        Assert.Equal("acme-run", set.Wrappers.Wrappers[0].Id);
        Assert.Equal(new[] { "dropdb orders" }, Commands("acme run --stage prod -- dropdb orders", set.Wrappers));
        Assert.Equal(new[] { "acme run --stage prod -- dropdb orders" }, Commands("acme run --stage prod -- dropdb orders"));
        var options = new Firebreak.Core.Documents.AnalysisOptions().WithCatalogs(set);
        var result = new Firebreak.Core.Analysis.AnalysisEngine(options).Analyze(new[] { new Firebreak.Core.Documents.SourceFile("reset.sh", "acme run --stage prod -- dropdb orders\n", Firebreak.Core.Documents.FileKind.Shell) });
        Assert.Contains(result.Findings, f => f.RuleId == "FB1001");
    }

    [Theory]
    [InlineData("wrappers:\n  - id: x\n    program: [x]\n    must_unwrap: ['x y => y']\n    options: 'a'\n", "unknown key 'options'")]
    [InlineData("wrappers:\n  - id: x\n    program: [x]\n    must_unwrap: ['x y']\n", "'command => the command it runs'")]
    [InlineData("wrappers:\n  - id: x\n    program: [x]\n    operands: many\n    must_unwrap: ['x y => y']\n", "'operands' must be a whole number")]
    [InlineData("wrappers:\n  - id: x\n    must_unwrap: ['x y => y']\n", "'program' is required")]
    public void A_catalogue_the_reader_cannot_use_is_an_error_naming_the_entry(string yaml, string expected)
    {
        var error = Assert.Throws<FormatException>(() => WrapperCatalog.Parse(yaml, "mine.yaml"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("mine.yaml:", error.Message, StringComparison.Ordinal);
    }
}
