using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Firebreak.Core.Analysis;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Meta;

/// <summary>The catalogue, the rule classes and rules/ must agree; every page's examples are run.</summary>
public sealed class RuleCatalogTests
{
    public static IEnumerable<object[]> RuleIdsWithPages() => RuleCatalog.All.Select(r => new object[] { r.Id });

    [Fact]
    public void Every_rule_has_a_page_and_every_page_a_rule()
    {
        var pages = RulePage.Files().Select(f => Path.GetFileNameWithoutExtension(f)).OrderBy(x => x, StringComparer.Ordinal).ToArray();
        var rules = RuleCatalog.All.Select(r => r.Id).OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.Equal(rules, pages);
    }

    [Fact]
    public void Rule_ids_are_unique_well_formed_and_in_their_family_range()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Id).Distinct().Count());
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Matches(@"^FB\d{4}$", rule.Id);
            char expected = rule.Family switch
            {
                RuleFamily.Tool => '0',
                RuleFamily.DestructiveOperation => '1',
                RuleFamily.UnscopedCredential => '2',
                RuleFamily.ColocatedBackup => '3',
                _ => '9',
            };
            Assert.True(rule.Id[2] == expected, $"{rule.Id} is not in the {rule.Family} range");
            Assert.Matches("^[A-Z][A-Za-z0-9]+$", rule.Name);
            Assert.InRange(rule.SecuritySeverity, 0.0, 10.0);
            Assert.False(string.IsNullOrWhiteSpace(rule.Description));
        }
    }

    [Fact]
    public void Rule_ids_are_declared_once_in_RuleIds_and_match_the_catalogue()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id).OrderBy(x => x, StringComparer.Ordinal).ToArray(), constants);
    }

    [Fact]
    public void Every_built_in_rule_declares_only_catalogued_descriptors_and_every_descriptor_has_a_rule()
    {
        var declared = BuiltInRules.FileRules().SelectMany(r => r.Descriptors)
            .Concat(BuiltInRules.ProjectRules().SelectMany(r => r.Descriptors)).ToList();
        foreach (var descriptor in declared) Assert.Same(RuleCatalog.Find(descriptor.Id), descriptor);
        var reportedByEngine = new[] { RuleIds.FileNotAnalyzed, RuleIds.InvalidSuppression };
        // C#-only rules are reported by native Roslyn analyzers (Firebreak.Analyzers.Tests checks those), never by an engine rule.
        foreach (var rule in RuleCatalog.All.Where(r => !reportedByEngine.Contains(r.Id) && !r.IsCSharpOnly))
            Assert.Contains(declared, d => d.Id == rule.Id);
        Assert.DoesNotContain(declared, d => d.IsCSharpOnly);
    }

    [Fact]
    public void Help_links_point_at_the_rule_page_in_the_repository()
    {
        foreach (var rule in RuleCatalog.All)
        {
            Assert.EndsWith($"/rules/{rule.Id}.md", rule.HelpUri, StringComparison.Ordinal);
            Assert.True(Uri.IsWellFormedUriString(rule.HelpUri, UriKind.Absolute));
        }
    }

    [Theory]
    [MemberData(nameof(RuleIdsWithPages))]
    public void Page_title_matches_the_catalogue_and_its_bad_example_fires_and_good_example_stays_quiet(string id)
    {
        var page = RulePage.Load(Repository.PathOf("rules", id + ".md"));
        var rule = RuleCatalog.Find(id)!;
        Assert.Equal(rule.Title, page.Title);
        Assert.NotEmpty(page.Bad);
        Assert.NotEmpty(page.Good);
        if (rule.IsCSharpOnly)
        {
            // Run through the analyzer by Firebreak.Analyzers.Tests (CSharpOnlyRulePageTests); here only their kind is checked.
            Assert.All(page.Bad.Concat(page.Good), example => Assert.EndsWith(".cs", example.Path, StringComparison.Ordinal));
            return;
        }
        var bad = RuleHarness.Analyze(page.Bad.ToArray());
        Assert.Contains(bad.Findings, f => f.RuleId == id);
        var good = RuleHarness.Analyze(page.Good.ToArray());
        Assert.DoesNotContain(good.Findings, f => f.RuleId == id);
    }

    [Fact]
    public void Page_headers_are_generated_from_the_catalogue()
    {
        // Title line and header table of every page come from the descriptor (as Meziantou's generator does for its
        // docs), so a level or severity changed in code cannot leave a page saying the old one.
        var stale = new List<string>();
        foreach (var rule in RuleCatalog.All)
        {
            string path = Repository.PathOf("rules", rule.Id + ".md");
            string header = RulesIndex.PageHeader(rule);
            string text = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : string.Empty;
            if (text.StartsWith(header, StringComparison.Ordinal)) continue;
            if (Environment.GetEnvironmentVariable("FIREBREAK_UPDATE_DOCS") == "1" && text.Length > 0)
            {
                // Replace everything up to the first blank line after the table.
                int tableEnd = text.IndexOf("\n\n", text.IndexOf("| ---", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
                File.WriteAllText(path, header + (tableEnd < 0 ? string.Empty : text.Substring(tableEnd + 2)));
                continue;
            }
            stale.Add(rule.Id);
        }
        Assert.True(stale.Count == 0, "page headers differ from the catalogue (run FIREBREAK_UPDATE_DOCS=1 dotnet test tests/Firebreak.Core.Tests): " + string.Join(", ", stale));
    }

    [Fact]
    public void Rules_index_is_generated_from_the_catalogue()
    {
        string path = Repository.PathOf("rules", "README.md");
        string expected = RulesIndex.Render();
        if (Environment.GetEnvironmentVariable("FIREBREAK_UPDATE_DOCS") == "1") File.WriteAllText(path, expected);
        string actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : string.Empty;
        Assert.True(expected == actual, "rules/README.md is stale: run FIREBREAK_UPDATE_DOCS=1 dotnet test tests/Firebreak.Core.Tests");
    }

    [Fact]
    public void Every_rule_runs_on_empty_and_odd_input_of_every_kind_without_a_finding_or_a_failure()
    {
        var inputs = new[] { "", "\n", "---\n", "{}", "[", "\0\0", "# only a comment\n" };
        foreach (FileKind kind in Enum.GetValues(typeof(FileKind)))
        {
            foreach (var input in inputs)
            {
                var result = new AnalysisEngine(new AnalysisOptions { Today = RuleHarness.Today }).Analyze(new[] { new SourceFile("x/file", input, kind == FileKind.Unknown ? FileKind.Text : kind) });
                Assert.DoesNotContain(result.Findings, f => f.Message.Contains("internal error", StringComparison.Ordinal));
            }
        }
    }
}
