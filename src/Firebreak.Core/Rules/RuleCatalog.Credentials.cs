using System.Collections.Generic;
using Firebreak.Core.Analysis;

namespace Firebreak.Core.Rules;

public static partial class RuleCatalog
{
    public static readonly RuleDescriptor WorkflowTokenNotScoped = new(
        RuleIds.WorkflowTokenNotScoped,
        "WorkflowTokenNotScoped",
        RuleFamily.UnscopedCredential,
        "Workflow token is not scoped to the job",
        "{0}",
        "A GitHub Actions job gets a GITHUB_TOKEN whose reach is set by `permissions:`. Without a `permissions:` block the token has the repository default, which is write-all on older repositories and organisations; `write-all` grants every scope; write scopes at workflow level reach every job. Declare `permissions:` per job with only what that job needs, and `permissions: {}` or read-only at the top.",
        FindingLevel.Warning,
        6.5,
        RulePrecision.High,
        "github-actions");

    private static partial IEnumerable<RuleDescriptor> CredentialRules() => new[]
    {
        WorkflowTokenNotScoped,
    };
}
