using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;
using Firebreak.Core.Tests.Meta;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Firebreak.Analyzers.Tests;

/// <summary>
/// The C#-only half of the catalogue meta-tests (the engine half is Firebreak.Core.Tests' RuleCatalogTests): each
/// C#-only rule is owned by exactly one native analyzer, and its page's Bad examples compile and fire while its Good
/// examples compile and stay quiet.
/// </summary>
public sealed class CSharpOnlyRulePageTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(AdditionalFileAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static IEnumerable<object[]> CSharpOnlyRuleIds() => RuleCatalog.All.Where(r => r.IsCSharpOnly).Select(r => new object[] { r.Id });

    [Fact]
    public void There_is_a_CSharp_only_rule_to_test()
    {
        Assert.NotEmpty(CSharpOnlyRuleIds());
    }

    [Theory]
    [MemberData(nameof(CSharpOnlyRuleIds))]
    public void A_CSharp_only_rule_is_reported_by_exactly_one_native_analyzer_and_not_by_the_AdditionalFiles_bridge(string id)
    {
        var owners = Analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == id)).ToArray();
        Assert.Single(owners);
        Assert.IsNotType<AdditionalFileAnalyzer>(owners[0]);
        Assert.Equal(RuleCatalog.HelpUri(id), owners[0].SupportedDiagnostics.Single(d => d.Id == id).HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(CSharpOnlyRuleIds))]
    public async Task Page_bad_example_fires_and_good_example_stays_quiet_through_the_analyzer(string id)
    {
        var page = RulePage.Load(Repository.PathOf("rules", id + ".md"));
        Assert.NotEmpty(page.Bad);
        Assert.NotEmpty(page.Good);

        var bad = await Analyze(page.Bad);
        Assert.Contains(bad, d => d.Id == id);
        var good = await Analyze(page.Good);
        Assert.DoesNotContain(good, d => d.Id == id);
    }

    /// <summary>Every page (engine rules too: one rule, many languages) with a C# example in its Bad or Good section.</summary>
    public static IEnumerable<object[]> PagesWithCSharpExamples() => RuleCatalog.All
        .Select(r => RulePage.Load(Repository.PathOf("rules", r.Id + ".md")))
        .Where(p => p.Bad.Concat(p.Good).Any(e => e.Path.EndsWith(".cs", StringComparison.Ordinal)))
        .Select(p => new object[] { p.Id });

    [Fact]
    public void An_engine_rule_page_carries_a_CSharp_example()
    {
        Assert.Contains(PagesWithCSharpExamples(), p => !RuleCatalog.Find((string)p[0])!.IsCSharpOnly);
    }

    [Theory]
    [MemberData(nameof(PagesWithCSharpExamples))]
    public async Task Each_CSharp_bad_example_on_a_page_fires_its_rule_and_each_good_one_stays_quiet(string id)
    {
        var page = RulePage.Load(Repository.PathOf("rules", id + ".md"));
        var bad = page.Bad.Where(e => e.Path.EndsWith(".cs", StringComparison.Ordinal)).ToArray();
        var good = page.Good.Where(e => e.Path.EndsWith(".cs", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(bad);
        Assert.NotEmpty(good);
        foreach (var example in bad) Assert.Contains(await Analyze(new[] { example }), d => d.Id == id);
        foreach (var example in good) Assert.DoesNotContain(await Analyze(new[] { example }), d => d.Id == id);
    }

    private static async Task<ImmutableArray<Diagnostic>> Analyze(IReadOnlyList<(string Path, string Text)> examples)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var trees = examples.Select(e => CSharpSyntaxTree.ParseText(e.Text, path: e.Path));
        var compilation = CSharpCompilation.Create("page", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        // The stubs on the page must make the example compile: a broken example would prove nothing.
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }
}
