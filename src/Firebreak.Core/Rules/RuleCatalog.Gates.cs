using System.Collections.Generic;
using Firebreak.Core.Analysis;

namespace Firebreak.Core.Rules;

public static partial class RuleCatalog
{
    public static readonly RuleDescriptor DestructiveStepWithoutGate = new(
        RuleIds.DestructiveStepWithoutGate,
        "DestructiveStepWithoutGate",
        RuleFamily.DestructiveOperation,
        "Destructive pipeline step runs without a gate",
        "{0}",
        "A GitHub Actions step or GitLab CI job runs a destructive command or control-plane API call — inline, or in a repository script it calls — on `push`, `pull_request`, `pull_request_target` or `schedule`, in a job with no protected-looking `environment:` and (GitLab) no `when: manual`. Nothing a person must approve stands between a commit or a pull request and the deletion. The level is error when the trigger is a pull request or the job deploys to production.",
        FindingLevel.Warning,
        8.0,
        RulePrecision.High);

    internal static IEnumerable<RuleDescriptor> GateRules() => new[]
    {
        DestructiveStepWithoutGate,
    };
}
