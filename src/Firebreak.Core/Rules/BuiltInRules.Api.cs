using System.Collections.Generic;
using Firebreak.Core.Rules.Destructive;

namespace Firebreak.Core.Rules;

public static partial class BuiltInRules
{
    internal static IEnumerable<Rule> ApiFileRules() => new Rule[]
    {
        new DestructiveApiCallRule(),
        new DestructiveSqlRule(),
    };
}
