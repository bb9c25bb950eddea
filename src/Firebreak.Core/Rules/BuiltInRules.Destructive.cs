using System;
using System.Collections.Generic;
using Firebreak.Core.Rules.Destructive;

namespace Firebreak.Core.Rules;

public static partial class BuiltInRules
{
    private static partial IEnumerable<Rule> DestructiveFileRules() => new Rule[]
    {
        new DestructiveCommandRule(),
    };

    private static partial IEnumerable<ProjectRule> DestructiveProjectRules() => Array.Empty<ProjectRule>();
}
