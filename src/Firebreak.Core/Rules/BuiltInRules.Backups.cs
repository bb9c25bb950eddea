using System;
using System.Collections.Generic;

namespace Firebreak.Core.Rules;

public static partial class BuiltInRules
{
    private static partial IEnumerable<Rule> BackupFileRules() => Array.Empty<Rule>();

    private static partial IEnumerable<ProjectRule> BackupProjectRules() => Array.Empty<ProjectRule>();
}
