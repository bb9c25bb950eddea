using System.Collections.Generic;
using Firebreak.Core.Rules.Destructive;

namespace Firebreak.Core.Rules;

public static partial class BuiltInRules
{
    private static IEnumerable<Rule> GuardFileRules(Commands.CatalogSet catalogs) => new Rule[]
    {
        new LocalWorkDestroyedRule(catalogs.Commands),
        new UnreadableCodeRule(),
        new DestructiveMcpToolRule(), // the built-in MCP tool catalogue (CatalogSet.McpTools), read on first MCP call
    };
}
