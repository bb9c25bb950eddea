using System.Linq;
using Firebreak.Cli.Lsp;
using Firebreak.Core.Analysis;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Tests;

/// <summary>The editor's "suppress" action in a Bicep file and an ARM template writes a `//` directive the engine honours.</summary>
public sealed class BicepSuppressionCommentTests
{
    [Theory]
    [InlineData("infra/main.bicep", "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n  properties: {\n    enablePurgeProtection: false\n  }\n}\n")]
    [InlineData("infra/azuredeploy.json", "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n  \"resources\": [\n    {\n      \"type\": \"Microsoft.KeyVault/vaults\",\n      \"name\": \"kv\",\n      \"properties\": {\n        \"enablePurgeProtection\": false\n      }\n    }\n  ]\n}\n")]
    public void The_suppress_action_writes_a_slash_comment_that_suppresses(string path, string text)
    {
        var engine = new AnalysisEngine(new AnalysisOptions());
        var finding = engine.Analyze(new[] { new SourceFile(path, text) }).Findings.Single(f => f.RuleId == "FB1106");
        var (line, comment) = SuppressionComment.For(path, text, finding)!.Value;
        Assert.StartsWith("// firebreak:ignore FB1106 -- ", comment.TrimStart(' '));
        var lines = text.Split('\n').ToList();
        lines.Insert(line, comment.TrimEnd('\n'));
        var suppressed = engine.Analyze(new[] { new SourceFile(path, string.Join("\n", lines)) }).Findings;
        Assert.DoesNotContain(suppressed, f => f.RuleId is "FB1106" or "FB0003" or "FB0001");
    }
}
