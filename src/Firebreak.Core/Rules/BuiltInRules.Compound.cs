using System;
using System.Collections.Generic;

namespace Firebreak.Core.Rules;

public static partial class BuiltInRules
{
    private static partial IEnumerable<ProjectRule> CompoundProjectRules() => Array.Empty<ProjectRule>();
}
