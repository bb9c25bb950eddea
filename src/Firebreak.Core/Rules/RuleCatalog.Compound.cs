using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules;

public static partial class RuleCatalog
{
    private static partial IEnumerable<RuleDescriptor> CompoundRules() => Array.Empty<RuleDescriptor>();
}
