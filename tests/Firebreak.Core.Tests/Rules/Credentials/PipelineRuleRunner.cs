using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Rules;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Rules.Credentials;

/// <summary>Runs the built-in rules over in-memory files and returns one rule's findings, with their text.</summary>
internal static class PipelineRuleRunner
{
    public static IReadOnlyList<Finding> Run(string ruleId, params (string Path, string Text)[] files)
    {
        var engine = new AnalysisEngine(new AnalysisOptions { MaxDegreeOfParallelism = 1 });
        var result = engine.Analyze(files.Select(f => new SourceFile(f.Path, f.Text)).ToArray());
        return result.Findings.Where(f => f.RuleId == ruleId).ToArray();
    }

    public static IReadOnlyList<Finding> Run(string ruleId, string path, string text) => Run(ruleId, (path, text));

    /// <summary>The text under each finding's span, in report order.</summary>
    public static string[] Texts(this IEnumerable<Finding> findings, string text) =>
        findings.Select(f => text.Substring(f.Location.Span.Start, f.Location.Span.Length)).ToArray();
}
