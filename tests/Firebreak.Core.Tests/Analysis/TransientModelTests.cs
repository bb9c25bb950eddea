using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Analysis;

/// <summary>
/// Parse trees are dropped after a file's own pass (<see cref="DocumentContext.ReleaseTransientModels"/>); what is
/// built again must be the same, and must not report its parse problems or comments twice.
/// </summary>
public class TransientModelTests
{
    private const string Script = "#!/bin/sh\n# a comment\nrailway volume delete --volume data\nif then\n";

    [Fact]
    public void Shell_sources_built_again_after_release_are_new_objects_with_the_same_places()
    {
        var document = new DocumentContext(new SourceFile("reset.sh", Script));
        var first = ShellSources.Of(document);
        document.ReleaseTransientModels();
        var again = ShellSources.Of(document);

        Assert.NotSame(first[0], again[0]);
        Assert.Equal(first.Select(s => s.Ordinal), again.Select(s => s.Ordinal));
        Assert.Equal(first.SelectMany(s => s.Commands).Select(c => c.Span), again.SelectMany(s => s.Commands).Select(c => c.Span));
    }

    [Fact]
    public void Facts_found_before_the_release_are_found_by_the_rebuilt_source()
    {
        var document = new DocumentContext(new SourceFile("reset.sh", Script));
        var operation = Assert.Single(DestructiveOperations.Of(document));
        document.ReleaseTransientModels();

        var rebuilt = ShellSources.Of(document)[0];
        Assert.Same(operation, Assert.Single(DestructiveOperations.In(document, rebuilt)));
        Assert.Equal("railway volume delete --volume data", Script.Substring(operation.CommandSpan.Start, operation.CommandSpan.Length));
    }

    [Fact]
    public void A_rebuilt_model_does_not_report_its_parse_problems_again()
    {
        var document = new DocumentContext(new SourceFile("reset.sh", Script));
        _ = ShellSources.Of(document);
        int problems = document.ParseProblems.Count;
        Assert.True(problems > 0);
        document.ReleaseTransientModels();
        _ = ShellSources.Of(document);

        Assert.Equal(problems, document.ParseProblems.Count);
    }

    [Fact]
    public void Engine_reports_the_same_when_a_workflow_calls_a_script_whose_trees_were_dropped()
    {
        const string workflow = "on: pull_request\njobs:\n  reset:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./scripts/reset.sh\n";
        var files = new[] { new SourceFile(".github/workflows/reset.yml", workflow), new SourceFile("scripts/reset.sh", Script) };

        var findings = new AnalysisEngine().Analyze(files).Findings;

        var gate = Assert.Single(findings, f => f.Rule.Id == "FB1010");
        Assert.Equal(".github/workflows/reset.yml", gate.Location.Path);
        Assert.Contains("railway volume delete", gate.Message, System.StringComparison.Ordinal);
        Assert.Single(findings, f => f.Rule.Id == "FB0001" && f.Location.Path == "scripts/reset.sh");
    }
}
