using System.IO;
using Firebreak.Cli.Output;
using Firebreak.Core.Rules;

namespace Firebreak.Cli.Commands;

/// <summary><c>firebreak explain FBnnnn</c>: the rule's page, as shipped in rules/.</summary>
public static class ExplainCommand
{
    public static int Run(string[] args, TextWriter stdout)
    {
        if (args.Length != 1) throw new UsageException("usage: firebreak explain FBnnnn");
        var rule = RuleCatalog.Find(args[0]) ?? throw new UsageException($"'{args[0]}' is not a Firebreak rule ID (see firebreak rules)");
        stdout.Write(RulePages.Markdown(rule.Id) ?? $"# {rule.Id}: {rule.Title}\n\n{rule.Description}\n\n{rule.HelpUri}\n");
        return Program.Clean;
    }
}
