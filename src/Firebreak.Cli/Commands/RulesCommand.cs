using System.Globalization;
using System.IO;
using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Rules;

namespace Firebreak.Cli.Commands;

/// <summary><c>firebreak rules</c>: every rule with its family and default level.</summary>
public static class RulesCommand
{
    public static int Run(string[] args, TextWriter stdout)
    {
        if (args.Length > 0) throw new UsageException($"'rules' takes no arguments, got '{args[0]}'");
        int width = RuleCatalog.All.Max(r => r.Family.Tag().Length);
        foreach (var rule in RuleCatalog.All)
        {
            stdout.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}  {1}  {2}  {3}",
                rule.Id, rule.Family.Tag().PadRight(width), rule.DefaultLevel.ToSarifName().PadRight(7), rule.Title));
        }
        return Program.Clean;
    }
}
