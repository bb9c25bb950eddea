using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Commands;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Agents;

/// <summary>rules/catalogs/agents.yaml: each agent's examples, run as a script through every rule, give FB2005 or not.</summary>
public sealed class AgentCliCatalogTests
{
    public static IEnumerable<object[]> Ids() => AgentCliCatalog.Default.Agents.Select(a => new object[] { a.Id });

    private static bool Reported(string commandLine) =>
        RuleHarness.Analyze(("scripts/agent.sh", "#!/bin/sh\n" + commandLine + "\n")).Findings.Any(f => f.RuleId == "FB2005");

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_agent_reports_its_must_match_launches_and_not_its_must_not_match_ones(string id)
    {
        var agent = AgentCliCatalog.Default.Agents.Single(a => a.Id == id);
        Assert.NotEmpty(agent.MustMatch);
        Assert.NotEmpty(agent.MustNotMatch);
        foreach (var example in agent.MustMatch) Assert.True(Reported(example), $"{id}: `{example}` is not reported");
        foreach (var example in agent.MustNotMatch) Assert.False(Reported(example), $"{id}: `{example}` is reported");
    }

    [Theory]
    [InlineData("agents:\n  - id: x\n    program: [x]\n    bypass_flags: [--all]\n    flags: [--y]\n", "unknown key 'flags'")]
    [InlineData("agents:\n  - id: x\n    program: [x]\n", "'bypass_flags' or 'bypass_option_values' is required")]
    [InlineData("agents:\n  - id: x\n    program: [x]\n    bypass_option_values: [--mode]\n", "'--option=value'")]
    public void A_catalogue_the_reader_cannot_use_is_an_error_naming_the_entry(string yaml, string expected)
    {
        var error = Assert.Throws<FormatException>(() => AgentCliCatalog.Parse(yaml, "agents.yaml"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
