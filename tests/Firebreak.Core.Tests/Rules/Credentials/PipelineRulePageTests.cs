using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;

namespace Firebreak.Core.Tests.Rules.Credentials;

/// <summary>
/// This branch's rule pages: the Bad example fires the rule, the Good one stays quiet. (The lead's meta-test over all
/// pages supersedes this once it lands.)
/// </summary>
public class PipelineRulePageTests
{
    public static IEnumerable<object[]> Ids() => new[]
    {
        new object[] { RuleIds.WorkflowSecretSprawl },
        new object[] { RuleIds.BlanketPlatformToken },
        new object[] { RuleIds.CredentialSharedAcrossEnvironments },
        new object[] { RuleIds.AgentPermissionsUnbounded },
        new object[] { RuleIds.CommittedCredential },
    };

    [Theory]
    [MemberData(nameof(Ids))]
    public void BadExampleFiresAndGoodExampleIsQuiet(string id)
    {
        string page = Path.Combine(BlanketPlatformTokenRuleTests.RepoRoot(), "rules", id + ".md");
        if (!File.Exists(page)) return; // the rule has not landed yet on this branch
        string text = File.ReadAllText(page);
        var bad = Example(text, "Bad");
        var good = Example(text, "Good");
        Assert.NotEmpty(PipelineRuleRunner.Run(id, bad.Path, bad.Code));
        Assert.Empty(PipelineRuleRunner.Run(id, good.Path, good.Code));
    }

    private static (string Path, string Code) Example(string page, string section)
    {
        var match = Regex.Match(page, "## " + section + @"\s*\n+```\w+ path=(?<path>\S+)\n(?<code>.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, $"no {section} example");
        return (match.Groups["path"].Value, match.Groups["code"].Value);
    }
}
