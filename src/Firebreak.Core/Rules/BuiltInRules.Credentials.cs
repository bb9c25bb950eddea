using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules.Credentials;
using Firebreak.Core.Commands;

namespace Firebreak.Core.Rules;

public static partial class BuiltInRules
{
    private static partial IEnumerable<Rule> CredentialFileRules(Commands.CatalogSet catalogs) => new Rule[]
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
