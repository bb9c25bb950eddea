using System.Collections.Generic;
using Firebreak.Core.Rules.Destructive;

namespace Firebreak.Core.Rules;

public static partial class BuiltInRules
{
    internal static IEnumerable<Rule> ApiFileRules(Analysis.CatalogSet catalogs) => new Rule[]
    {
        new DestructiveApiCallRule(catalogs.Apis),
        new DestructiveSqlRule(),
    };
}
