using System;
using System.Linq;
using System.Text;
using Firebreak.Core.Analysis;
using Firebreak.Core.Configuration;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;

namespace Firebreak.Core.Tests.Analysis;

/// <summary>Per-file budgets: a hostile file costs a note naming the budget, never the scan. Work is counted, not timed,
/// so these tests are as deterministic as the rest (tools/hostile measures time and memory, outside the unit tests).</summary>
public sealed class BudgetTests
{
    private static string AliasBomb(string tail)
    {
        var text = new StringBuilder("a0: &a0 [" + string.Join(",", Enumerable.Repeat("lol", 10)) + "]\n");
        for (int i = 1; i < 7; i++) text.Append($"a{i}: &a{i} [{string.Join(",", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        return text.Append(tail).Append('\n').ToString();
    }

    [Fact]
    public void A_billion_laughs_gitlab_file_stops_at_the_alias_budget_with_a_note()
    {
        var result = new AnalysisEngine().Analyze(new[] { new SourceFile(".gitlab-ci.yml", AliasBomb("job: { script: *a6 }")) });
        var note = Assert.Single(result.Findings, f => f.RuleId == RuleIds.FileNotAnalyzed);
        Assert.Contains("YAML alias budget", note.Message, StringComparison.Ordinal);
        Assert.Contains(result.PeakBudgets, p => p.Budget == Budget.AliasExpansions && p.Used > p.Limit);
    }

    [Fact]
    public void The_other_files_of_the_scan_are_analyzed_in_full()
    {
        var result = new AnalysisEngine().Analyze(new[]
        {
            new SourceFile(".gitlab-ci.yml", AliasBomb("job: { script: *a6 }")),
            new SourceFile("deploy.sh", "terraform destroy -auto-approve\n"),
        });
        Assert.Contains(result.Findings, f => f.Location.Path == "deploy.sh" && f.RuleId == "FB1001");
    }

    [Fact]
    public void A_script_past_the_node_budget_keeps_the_findings_of_what_was_read()
    {
        var limits = (long[])WorkMeter.DefaultLimits.Clone();
        limits[(int)Budget.Nodes] = 2_000;
        limits[(int)Budget.Commands] = 2_000;
        string script = "rm -rf /srv/data\n" + string.Concat(Enumerable.Repeat("a\n", 1_010));
        var result = new AnalysisEngine(new AnalysisOptions { BudgetLimits = limits }).Analyze(new[] { new SourceFile("big.sh", script) });
        Assert.True(result.Findings.Any(f => f.RuleId == "FB1001" && f.Location.Start.Line == 0), string.Join("\n", result.Findings.Select(f => f.ToString()).Concat(result.PeakBudgets.Select(p => p.ToString()))));
        var note = Assert.Single(result.Findings, f => f.RuleId == RuleIds.FileNotAnalyzed);
        Assert.Contains("syntax-node budget", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_format_calls_stop_at_the_string_cap_instead_of_building_gigabytes()
    {
        var text = new StringBuilder("locals {\n  a0 = \"" + new string('x', 100) + "\"\n");
        for (int i = 1; i < 9; i++) text.Append($"  a{i} = format(\"{string.Concat(Enumerable.Repeat("%s", 10))}\", {string.Join(", ", Enumerable.Repeat($"local.a{i - 1}", 10))})\n");
        text.Append("  j = join(\"\", [local.a5, local.a5])\n  r = replace(local.a5, \"x\", local.a4)\n}\n");
        text.Append("resource \"aws_db_instance\" \"db\" {\n  skip_final_snapshot = length(local.a8) > 0 || length(local.j) > 0 || length(local.r) > 0\n}\n");
        var result = new AnalysisEngine().Analyze(new[] { new SourceFile("main.tf", text.ToString()) });
        // 10^7 characters is past the cap: the value is unknown, so FB1102 stays quiet, and no budget is anywhere near spent.
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "FB1102" or RuleIds.FileNotAnalyzed);
        Assert.All(result.PeakBudgets.Where(p => p.Budget == Budget.EvaluatedCharacters), p => Assert.True(p.Used < 16_000_000, p.ToString()));
    }

    [Fact]
    public void A_cross_file_rule_that_spends_its_own_budget_stops_with_a_note_and_the_rest_goes_on()
    {
        var limits = (long[])WorkMeter.DefaultLimits.Clone();
        limits[(int)Budget.EvaluatedCharacters] = 200;
        // Each file evaluates little; the project evaluation of the module for every caller adds up past 16 files' worth.
        var files = new System.Collections.Generic.List<SourceFile>
        {
            new("modules/db/main.tf", "variable \"name\" {}\nlocals { id = format(\"%s-%s-%s-%s\", var.name, var.name, var.name, var.name) }\nresource \"aws_db_instance\" \"db\" {\n  identifier = local.id\n  skip_final_snapshot = length(local.id) > 0\n}\n"),
            new("deploy.sh", "terraform destroy -auto-approve\n"),
        };
        var callers = new StringBuilder();
        for (int i = 0; i < 40; i++) callers.Append($"module \"db{i}\" {{\n  source = \"./modules/db\"\n  name = \"{new string('n', 30)}{i}\"\n}}\n");
        files.Add(new SourceFile("main.tf", callers.ToString()));
        var result = new AnalysisEngine(new AnalysisOptions { BudgetLimits = limits }).Analyze(files);
        Assert.Contains(result.Findings, f => f.RuleId == RuleIds.FileNotAnalyzed && f.Message.Contains("cross-file analysis stopped", StringComparison.Ordinal)
            && f.Message.Contains("per cross-file rule", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Location.Path == "deploy.sh" && f.RuleId == "FB1001");
    }

    [Fact]
    public void Findings_of_one_rule_in_one_file_are_capped_with_a_note_that_counts_the_rest()
    {
        string sql = "psql -c \"" + string.Concat(Enumerable.Repeat("DROP TABLE x; ", 1000)) + "\"\n";
        var result = new AnalysisEngine().Analyze(new[] { new SourceFile("reset.sh", sql) });
        var byRule = result.Findings.Where(f => f.RuleId != RuleIds.FileNotAnalyzed).GroupBy(f => f.RuleId).ToArray();
        Assert.NotEmpty(byRule);
        Assert.All(byRule, g => Assert.True(g.Count() <= FindingSink.MaxPerRulePerFile));
        var note = Assert.Single(result.Findings, f => f.RuleId == RuleIds.FileNotAnalyzed);
        Assert.Contains("900 more", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Work_outside_an_analysis_is_not_limited()
    {
        // A parser called directly (a test, a tool) has no current meter: nothing to charge, nothing thrown.
        var script = Firebreak.Core.Languages.Shell.ShellParser.Parse(string.Concat(Enumerable.Repeat("a\n", 20_000)));
        Assert.Empty(script.Diagnostics);
    }
}

public sealed class IgnoreRulesTests
{
    [Theory]
    [InlineData("*.log", "a/b/c.log", false, true)]
    [InlineData("*.log", "a/b/c.txt", false, false)]
    [InlineData("build/", "build/x/y.sh", false, true)]
    [InlineData("build/", "build", false, false)]
    [InlineData("/root.sh", "root.sh", false, true)]
    [InlineData("/root.sh", "a/root.sh", false, false)]
    [InlineData("docs/*.md", "docs/a.md", false, true)]
    [InlineData("docs/*.md", "docs/x/a.md", false, false)]
    [InlineData("**/fixtures/**", "a/b/fixtures/c/d.yml", false, true)]
    [InlineData("**/secret.env", "x/y/secret.env", false, true)]
    [InlineData("a/**/b", "a/b", false, true)]
    [InlineData("a/**/b", "a/x/y/b", false, true)]
    [InlineData("file[0-9].tf", "file7.tf", false, true)]
    [InlineData("file[!0-9].tf", "file7.tf", false, false)]
    [InlineData("\\#notcomment", "#notcomment", false, true)]
    [InlineData("# comment", "# comment", false, false)]
    public void Matches_like_git(string pattern, string path, bool isDirectory, bool ignored) =>
        Assert.Equal(ignored, new IgnoreRules(new[] { pattern }).IsIgnored(path, isDirectory));

    [Fact]
    public void The_last_matching_pattern_wins_and_negation_reincludes()
    {
        var rules = new IgnoreRules(new[] { "*.yml", "!keep.yml" });
        Assert.True(rules.IsIgnored("drop.yml", false));
        Assert.False(rules.IsIgnored("keep.yml", false));
    }

    [Fact]
    public void A_file_in_an_excluded_folder_cannot_be_reincluded()
    {
        var rules = new IgnoreRules(new[] { "vendor/", "!vendor/keep.sh" });
        Assert.True(rules.IsIgnored("vendor/keep.sh", false));
    }

    [Fact]
    public void A_catastrophic_backtracking_glob_is_linear()
    {
        // Backtracking matchers take minutes on this pair; the dynamic program does ~1,300 steps. Not timed: a
        // regression to backtracking makes this test hang, which the test runner's own timeout reports.
        var rules = new IgnoreRules(new[] { "*a*a*a*a*a*a*a*a*a*a*b" });
        Assert.False(rules.IsIgnored(new string('a', 60) + ".sh", false));
        Assert.False(rules.IsIgnored(new string('a', 5000), false));
    }
}

public sealed class LinearRegexTests
{
    [Fact]
    public void A_catastrophic_pattern_runs_in_linear_time_and_gives_the_same_answer_every_time()
    {
        var regex = Firebreak.Core.Text.LinearRegex.TryCreate("(a+)+$");
        Assert.NotNull(regex);
        string subject = new string('a', 50_000) + "!";
        Assert.Equal(subject, regex!.Replace(subject, "b"));
    }

    [Fact]
    public void A_user_catalogue_pattern_that_needs_backtracking_is_a_configuration_error()
    {
        const string catalogue = "commands:\n  - id: acme\n    program: [acmectl]\n    destroys: 'x'\n    arg_pattern: '(?<=--)drop'\n    must_match: ['acmectl --drop']\n    must_not_match: ['acmectl list']\n";
        var error = Assert.Throws<FormatException>(() => Firebreak.Core.Commands.DestructiveCommandCatalog.WithExtra(new[] { ("acme.yaml", catalogue) }));
        Assert.Contains("linear time", error.Message, StringComparison.Ordinal);
        Assert.True(Firebreak.Core.Text.LinearRegex.IsAvailable);
    }

    [Fact]
    public void A_pattern_that_needs_backtracking_is_refused_not_timed()
    {
        Assert.Null(Firebreak.Core.Text.LinearRegex.TryCreate(@"(a)\1"));
        Assert.Null(Firebreak.Core.Text.LinearRegex.TryCreate(@"(?<=x)a"));
    }
}
