using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Analysis;

public sealed class EngineTests
{
    [Fact]
    public void Output_does_not_depend_on_the_degree_of_parallelism()
    {
        var files = Enumerable.Range(0, 60)
            .Select(i => new SourceFile($".github/workflows/w{i % 7}-{i}.yml", $"on: push\njobs:\n  a{i}:\n    runs-on: x\n  b:\n    permissions: write-all\n"))
            .ToArray();
        string Run(int threads) => string.Join("\n", new AnalysisEngine(new AnalysisOptions { MaxDegreeOfParallelism = threads })
            .Analyze(files).Findings.Select(f => $"{f}|{f.Fingerprint}"));
        Assert.Equal(Run(1), Run(8));
    }

    [Fact]
    public void Texts_kept_as_utf8_between_uses_give_the_same_output()
    {
        // A large scan's host keeps texts as UTF-8 and the engine drops each decoded string after the file's own pass;
        // cross-file rules, positions and suppressions decode it again. Nothing in the output may change.
        var sources = new (string Path, string Text)[]
        {
            (".github/workflows/deploy.yml", "on: push\njobs:\n  prod:\n    runs-on: x\n    steps:\n      - run: ./scripts/reset.sh\n"),
            ("scripts/reset.sh", "#!/bin/sh\n# firebreak-ignore FB1001 until 2000-01-01 reason: expired on purpose\nrm -rf /var/lib/postgresql/data\ndropdb prod\n"),
            ("infra/main.tf", "module \"db\" {\n  source = \"./db\"\n}\n"),
            ("infra/db/main.tf", "resource \"aws_db_instance\" \"main\" {\n  deletion_protection = false\n  skip_final_snapshot = true\n}\n"),
            ("notes/é.md", "naïve text, not ASCII: ✓\n"),
        };
        string Run(bool utf8)
        {
            var files = sources.Select(s => utf8
                ? SourceFile.FromUtf8(s.Path, System.Text.Encoding.UTF8.GetBytes(s.Text), s.Text)
                : new SourceFile(s.Path, s.Text)).ToArray();
            if (utf8) foreach (var file in files) file.Source.ReleaseText();
            var result = new AnalysisEngine(new AnalysisOptions { Today = new DateTime(2026, 1, 1) }).Analyze(files);
            foreach (var (file, source) in files.Zip(sources)) Assert.Equal(source.Text, file.Text);
            return string.Join("\n", result.Findings.Select(f => $"{f}|{f.Location.Start}|{f.Fingerprint}"));
        }
        string plain = Run(utf8: false);
        Assert.Contains("FB1001", plain, StringComparison.Ordinal);
        Assert.Equal(plain, Run(utf8: true));
    }

    [Fact]
    public void Fingerprints_survive_moving_the_code_down_the_file()
    {
        const string body = "on: push\njobs:\n  build:\n    runs-on: x\n";
        var before = RuleHarness.Analyze((".github/workflows/a.yml", body)).Findings.Single();
        var after = RuleHarness.Analyze((".github/workflows/a.yml", "# a new comment\n\n" + body)).Findings.Single();
        Assert.NotEqual(before.Location.Start.Line, after.Location.Start.Line);
        Assert.Equal(before.Fingerprint, after.Fingerprint);
    }

    [Fact]
    public void Invalid_yaml_gives_one_note_with_the_position_and_the_findings_before_it_are_kept()
    {
        var result = RuleHarness.Analyze((".github/workflows/a.yml", "on: push\njobs:\n  build:\n    runs-on: x\n  bad: [unclosed\n"));
        var note = Assert.Single(result.Findings, f => f.RuleId == RuleIds.FileNotAnalyzed);
        Assert.Contains("YAML could not be parsed at", note.Message, StringComparison.Ordinal);
        Assert.Equal(FindingLevel.Note, note.Level);
    }

    [Fact]
    public void A_rule_that_throws_becomes_a_note_and_the_other_rules_still_run()
    {
        var engine = new AnalysisEngine(new AnalysisOptions(), new Rule[] { new ThrowingRule(), new Firebreak.Core.Rules.Credentials.WorkflowTokenNotScopedRule() }, Array.Empty<ProjectRule>());
        var result = engine.Analyze(new[] { new SourceFile(".github/workflows/a.yml", "on: push\njobs:\n  build:\n    runs-on: x\n") });
        Assert.Contains(result.Findings, f => f.RuleId == RuleIds.FileNotAnalyzed && f.Message.Contains("internal error", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.RuleId == RuleIds.WorkflowTokenNotScoped);
    }

    [Fact]
    public void Configured_levels_override_and_none_disables()
    {
        var file = new SourceFile(".github/workflows/a.yml", "on: push\njobs:\n  build:\n    runs-on: x\n");
        var raised = new AnalysisEngine(new AnalysisOptions { RuleLevels = new Dictionary<string, FindingLevel> { [RuleIds.WorkflowTokenNotScoped] = FindingLevel.Error } }).Analyze(new[] { file });
        Assert.Equal(FindingLevel.Error, raised.Findings.Single().Level);
        var off = new AnalysisEngine(new AnalysisOptions { RuleLevels = new Dictionary<string, FindingLevel> { [RuleIds.WorkflowTokenNotScoped] = FindingLevel.None } }).Analyze(new[] { file });
        Assert.Empty(off.Findings);
    }

    [Fact]
    public void A_yaml_alias_bomb_is_parsed_without_expanding_it()
    {
        var bomb = new System.Text.StringBuilder("on: push\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 30; i++) bomb.Append($"{(char)('a' + i % 26)}{i}: &{(char)('a' + i % 26)}{i} [*{(i == 1 ? "a" : $"{(char)('a' + (i - 1) % 26)}{i - 1}")},*{(i == 1 ? "a" : $"{(char)('a' + (i - 1) % 26)}{i - 1}")},*{(i == 1 ? "a" : $"{(char)('a' + (i - 1) % 26)}{i - 1}")}]\n");
        bomb.Append("jobs:\n  build:\n    runs-on: x\n");
        var result = RuleHarness.Analyze((".github/workflows/bomb.yml", bomb.ToString()));
        Assert.Single(result.Findings, f => f.RuleId == RuleIds.WorkflowTokenNotScoped);
    }

    [Fact]
    public void Deep_nesting_is_bounded_and_noted()
    {
        string deep = "on: push\njobs: " + new string('[', 5000) + new string(']', 5000) + "\n";
        var result = RuleHarness.Analyze((".github/workflows/deep.yml", deep));
        Assert.Contains(result.Findings, f => f.RuleId == RuleIds.FileNotAnalyzed);
    }

    private sealed class ThrowingRule : Rule
    {
        public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.WorkflowTokenNotScoped };
        public override bool AppliesTo(FileKind kind) => true;
        public override void Analyze(DocumentContext document, FindingSink sink) => throw new InvalidOperationException("boom");
    }
}
