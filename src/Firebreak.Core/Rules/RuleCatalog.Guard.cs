using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules;

public static partial class RuleCatalog
{
    /// <summary>
    /// Rules that are notes in `scan` (a CI script cleaning its checkout is routine) and questions in `firebreak guard`
    /// (an agent about to do the same to a person's working copy should ask first).
    /// </summary>
    public static IReadOnlyList<RuleDescriptor> GuardAskedRules { get; } = Array.Empty<RuleDescriptor>();
}
