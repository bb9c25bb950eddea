using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules.Destructive;
using Firebreak.Core.Commands;

namespace Firebreak.Core.Rules;

public static partial class BuiltInRules
{
    private static partial IEnumerable<Rule> DestructiveFileRules(Commands.CatalogSet catalogs) => new Rule[]
    {
        new DestructiveCommandRule(catalogs.Commands),
        new DeleteThroughEmptyVariableRule(),
    };

    private static partial IEnumerable<ProjectRule> DestructiveProjectRules() => Array.Empty<ProjectRule>();
}
