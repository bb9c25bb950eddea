using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules.Destructive;
using Firebreak.Core.Commands;

namespace Firebreak.Core.Rules;

public static partial class BuiltInRules
{
    internal static IEnumerable<Rule> ApiFileRules(Commands.CatalogSet catalogs) => new Rule[]
    {
        new DestructiveApiCallRule(catalogs.Apis),
        new DestructiveSqlRule(),
    };
}
