using System.Globalization;
using System.Linq;
using System.Text;
using Firebreak.Core.Rules;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Meta;

/// <summary>Renders rules/README.md from the catalogue; a test fails when the committed file differs.</summary>
public static class RulesIndex
{
    /// <summary>The title line and header table every rule page starts with, followed by a blank line.</summary>
    public static string PageHeader(RuleDescriptor rule) => string.Format(CultureInfo.InvariantCulture,
        "# {0}: {1}\n\n| Family | Default level | Security severity | Precision |\n| --- | --- | --- | --- |\n| {2} | {3} | {4} | {5} |\n\n",
        rule.Id, rule.Title, rule.Family.Tag(), rule.DefaultLevel.ToSarifName(), rule.Family == RuleFamily.Tool ? "-" : rule.SecuritySeverityText, rule.Precision.ToSarifName());

    public static string Render()
    {
        var builder = new StringBuilder();
        builder.Append("# Firebreak rules\n\n");
        builder.Append("Generated from the rule catalogue (`src/Firebreak.Core/Rules/RuleCatalog*.cs`) by the test suite: do not edit by hand.\n");
        builder.Append("Regenerate with `FIREBREAK_UPDATE_DOCS=1 dotnet test tests/Firebreak.Core.Tests`.\n\n");
        builder.Append("## ID ranges\n\n");
        builder.Append("| range | family | tag |\n| --- | --- | --- |\n");
        builder.Append("| FB0001–FB0999 | Tool notes: what could not be analyzed, invalid suppressions | `tool-note` |\n");
        builder.Append("| FB1001–FB1999 | Destructive operations: commands, API calls, SQL and IaC settings that delete data or its protections | `destructive-operation` |\n");
        builder.Append("| FB2001–FB2999 | Unscoped credentials: tokens and roles that reach further than the job | `unscoped-credential` |\n");
        builder.Append("| FB3001–FB3999 | Co-located backups: backups that die with the data they protect | `colocated-backup` |\n");
        builder.Append("| FB9001–FB9999 | Compound findings: a destructive path, a blanket credential and a co-located backup together | `data-loss-path` |\n\n");
        builder.Append("A new rule takes the next free number in its family's range.\n\n");
        foreach (var family in RuleCatalog.All.GroupBy(r => r.Family).OrderBy(g => g.Min(r => r.Id), System.StringComparer.Ordinal))
        {
            builder.Append("## ").Append(family.Key.Title()).Append("\n\n");
            builder.Append("| ID | title | level | security severity | precision |\n| --- | --- | --- | --- | --- |\n");
            foreach (var rule in family)
            {
                builder.Append(string.Format(CultureInfo.InvariantCulture, "| [{0}]({0}.md) | {1} | {2} | {3} | {4} |\n",
                    rule.Id, rule.Title, rule.DefaultLevel.ToSarifName(), rule.Family == RuleFamily.Tool ? "-" : rule.SecuritySeverityText, rule.Precision.ToSarifName()));
            }
            builder.Append('\n');
        }
        return builder.ToString();
    }
}
