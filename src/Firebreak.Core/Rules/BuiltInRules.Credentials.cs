using System;
using System.Collections.Generic;
using Firebreak.Core.Rules.Credentials;

namespace Firebreak.Core.Rules;

public static partial class BuiltInRules
{
    private static partial IEnumerable<Rule> CredentialFileRules(Analysis.CatalogSet catalogs) => new Rule[]
    {
        new WorkflowTokenNotScopedRule(),
        new WorkflowSecretSprawlRule(),
        new BlanketPlatformTokenRule(),
        new CredentialSharedAcrossEnvironmentsRule(),
        new Agents.AgentPermissionsUnboundedRule(),
        new CommittedCredentialRule(catalogs.Secrets),
    };

    private static partial IEnumerable<ProjectRule> CredentialProjectRules() => Array.Empty<ProjectRule>();
}
