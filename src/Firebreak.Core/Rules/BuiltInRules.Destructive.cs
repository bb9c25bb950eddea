using System;
using System.Collections.Generic;

namespace Firebreak.Core.Rules;

public static partial class BuiltInRules
{
    private static partial IEnumerable<Rule> DestructiveFileRules() => Array.Empty<Rule>();

    private static partial IEnumerable<ProjectRule> DestructiveProjectRules() => Array.Empty<ProjectRule>();
}
