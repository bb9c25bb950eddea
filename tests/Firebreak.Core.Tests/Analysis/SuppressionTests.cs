using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Analysis;

public sealed class SuppressionTests
{
    private const string Path = ".github/workflows/ci.yml";

    private static string Workflow(string comment) =>
        "on: push\njobs:\n  " + comment + "\n  build:\n    runs-on: ubuntu-latest\n    steps: [{ run: make }]\n";

    [Theory]
    [InlineData("# firebreak:ignore FB2001", "gives no reason")]
    [InlineData("# firebreak:ignore FB2001 --   ", "gives no reason")]
    [InlineData("# firebreak:ignore FB9999 -- typo", "'FB9999' is not a Firebreak rule ID")]
    [InlineData("# firebreak:ignore -- no id", "names no rule ID")]
    [InlineData("# firebreak:ignore FB2001 until=2026-05-31 -- expired the day before", "expired on 2026-05-31")]
    [InlineData("# firebreak:ignore FB2001 until=tomorrow -- bad date", "is not a date")]
    public void An_invalid_suppression_is_reported_and_suppresses_nothing(string comment, string problem)
    {
        var result = RuleHarness.Analyze((Path, Workflow(comment)));
        var invalid = Assert.Single(result.Findings, f => f.RuleId == RuleIds.InvalidSuppression);
        Assert.Contains(problem, invalid.Message, System.StringComparison.Ordinal);
        Assert.StartsWith("firebreak:ignore", invalid.Location.Snippet, System.StringComparison.Ordinal);
        Assert.Single(result.Findings, f => f.RuleId == RuleIds.WorkflowTokenNotScoped);
    }

    [Theory]
    [InlineData("# firebreak:ignore FB2001 -- reviewed")]
    [InlineData("# firebreak:ignore FB0001, FB2001 until=2026-06-01 -- expires at the end of today")]
    [InlineData("# FIREBREAK:IGNORE fb2001 -- case does not matter")]
    public void A_valid_suppression_silences_the_finding_on_the_next_line(string comment)
    {
        var result = RuleHarness.Analyze((Path, Workflow(comment)));
        Assert.Empty(result.Findings);
        Assert.Equal(1, result.SuppressedCount);
    }

    [Fact]
    public void A_trailing_suppression_covers_its_own_line_and_another_rule_id_does_not()
    {
        var own = RuleHarness.Analyze((Path, "on: push\njobs:\n  build: # firebreak:ignore FB2001 -- ok\n    runs-on: x\n"));
        Assert.Empty(own.Findings);
        var other = RuleHarness.Analyze((Path, "on: push\njobs:\n  build: # firebreak:ignore FB0001 -- wrong rule\n    runs-on: x\n"));
        Assert.Single(other.Findings, f => f.RuleId == RuleIds.WorkflowTokenNotScoped);
    }

    [Fact]
    public void A_suppression_two_lines_above_does_not_reach()
    {
        var result = RuleHarness.Analyze((Path, "on: push\njobs:\n  # firebreak:ignore FB2001 -- too far\n\n  build:\n    runs-on: x\n"));
        Assert.Single(result.Findings, f => f.RuleId == RuleIds.WorkflowTokenNotScoped);
    }
}

public sealed class SuppressionDirectivePositionTests
{
    [Theory]
    [InlineData("# firebreak:ignore FB2001 -- reviewed", true)]
    [InlineData("#firebreak:ignore FB2001 -- reviewed", true)]
    [InlineData("#   FIREBREAK:IGNORE FB2001 -- reviewed", true)]
    [InlineData("# write `firebreak:ignore FB2001 -- reason` to silence it", false)]
    [InlineData("# see the docs on firebreak:ignore", false)]
    public void Only_a_comment_that_opens_with_the_directive_is_a_suppression(string comment, bool isDirective)
    {
        var result = Firebreak.Core.Tests.Infrastructure.RuleHarness.Analyze((".github/workflows/ci.yml",
            "on: push\njobs:\n  " + comment + "\n  build:\n    runs-on: x\n"));
        Assert.Equal(isDirective ? 1 : 0, result.SuppressedCount);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == Firebreak.Core.Rules.RuleIds.InvalidSuppression);
    }
}
