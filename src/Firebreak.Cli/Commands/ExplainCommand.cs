using System.CommandLine;
using Firebreak.Cli.Output;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;

namespace Firebreak.Cli.Commands;

/// <summary><c>firebreak explain FBnnnn</c>: the rule's page, as shipped in rules/.</summary>
public static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("rule") { Description = "A rule ID, such as FB1001 (see firebreak rules)." };
        var command = new Command("explain", "Print a rule's page: what it finds, why it matters, bad and good examples.");
        command.Arguments.Add(id);
        command.SetAction(parse =>
        {
            string given = parse.GetValue(id)!;
            var rule = RuleCatalog.Find(given) ?? throw new UsageException($"'{given}' is not a Firebreak rule ID (see firebreak rules)");
            context.Stdout.Write(RulePages.Markdown(rule.Id) ?? $"# {rule.Id}: {rule.Title}\n\n{rule.Description}\n\n{rule.HelpUri}\n");
            return Program.Clean;
        });
        return command;
    }
}
