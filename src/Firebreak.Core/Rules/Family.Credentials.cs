using System;
using System.Collections.Generic;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules.Credentials;

namespace Firebreak.Core.Rules;

// Unscoped credentials in pipelines, agents and files (FB2001-FB2006).

/// <summary>Unscoped credentials: workflow tokens, secrets, platform tokens, agent permissions, committed credentials.</summary>
public static partial class RuleIds
{
    public const string WorkflowTokenNotScoped = "FB2001";
    public const string WorkflowSecretSprawl = "FB2002";
    public const string BlanketPlatformToken = "FB2003";
    public const string CredentialSharedAcrossEnvironments = "FB2004";
    public const string AgentPermissionsUnbounded = "FB2005";
    public const string CommittedCredential = "FB2006";
}

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

    public static readonly RuleDescriptor WorkflowSecretSprawl = new(
        RuleIds.WorkflowSecretSprawl,
        "WorkflowSecretSprawl",
        RuleFamily.UnscopedCredential,
        "Secrets reach more of the workflow than the step that needs them",
        "{0}",
        "A secret should reach only the step that uses it. `secrets: inherit` hands every repository, organisation and environment secret to a called workflow; `toJSON(secrets)` puts all of them in one value; a secret in workflow-level `env:` is given to every step of every job, third-party actions included; and a `pull_request_target` workflow that checks out the pull request's code runs that code with the base repository's secrets. Pass secrets by name, to the step that needs them. In GitLab CI, a credential re-exported in top-level `variables:` reaches every job the same way.",
        FindingLevel.Warning,
        7.0,
        RulePrecision.High,
        "github-actions");

    public static readonly RuleDescriptor BlanketPlatformToken = new(
        RuleIds.BlanketPlatformToken,
        "BlanketPlatformToken",
        RuleFamily.UnscopedCredential,
        "Account-wide platform token reaches a job, agent or script",
        "{0}",
        "A token that reaches every project and environment of an account (a Railway account token, a Cloudflare global API key, a DigitalOcean personal token, a Heroku API key, a classic GitHub PAT…) turns a job, agent or script made for one small task into one that can delete production. The kind is told by the variable name and, because names lie, by how the token is sent: Railway accepts an account token only as `Authorization: Bearer`, a project token only as `Project-Access-Token`. Use the scoped token the platform offers (named in the message).",
        FindingLevel.Error,
        8.5,
        RulePrecision.Medium,
        "github-actions", "agents");

    public static readonly RuleDescriptor CredentialSharedAcrossEnvironments = new(
        RuleIds.CredentialSharedAcrossEnvironments,
        "CredentialSharedAcrossEnvironments",
        RuleFamily.UnscopedCredential,
        "One credential is used by more than one environment",
        "{0}",
        "When the staging and the production deploy use the same repository secret, a mistake made against staging (by a person, a script or an agent) can reach production: the credential does not know which one it is meant for. Use GitHub environment secrets (`environment: staging` / `environment: production`, each with its own token of the same name), and keep production secrets out of jobs that have no protected `environment:`. GitLab CI jobs are checked the same way, with environment-scoped CI/CD variables as the fix.",
        FindingLevel.Error,
        8.0,
        RulePrecision.Medium,
        "github-actions");

    public static readonly RuleDescriptor AgentPermissionsUnbounded = new(
        RuleIds.AgentPermissionsUnbounded,
        "AgentPermissionsUnbounded",
        RuleFamily.UnscopedCredential,
        "Coding agent may run any command without asking",
        "{0}",
        "Coding agents (Claude Code, Codex, Cursor, MCP servers) ask before running a command unless their configuration says not to. `defaultMode: bypassPermissions`, an allow rule such as `Bash` or `Shell(**)` with no deny rule for destructive commands, `sandbox_mode = \"danger-full-access\"` with `approval_policy = \"never\"`, a Codex `prefix_rule` without a `decision`, or an agent started with `--dangerously-skip-permissions` / `--yolo` let an agent stuck on a small task run a destructive command with whatever credentials it can find. Allow the commands the task needs, deny the destructive ones, and keep approval on.",
        FindingLevel.Error,
        8.0,
        RulePrecision.High,
        "agents");

    public static readonly RuleDescriptor CommittedCredential = new(
        RuleIds.CommittedCredential,
        "CommittedCredential",
        RuleFamily.UnscopedCredential,
        "Live credential committed to the repository",
        "{0}",
        "A credential in a repository file is readable by everyone and everything that can read the repository, coding agents included; an agent looking for a way to finish its task will use it. Revoke the token, remove it from the file (and its history), and give the job or the agent a scoped token through a secret store. Findings show at most the first 4 characters.",
        FindingLevel.Error,
        9.0,
        RulePrecision.High,
        "secrets");

    private static partial IEnumerable<RuleDescriptor> CredentialRules() => new[]
    {
        WorkflowTokenNotScoped,
        WorkflowSecretSprawl,
        BlanketPlatformToken,
        CredentialSharedAcrossEnvironments,
        AgentPermissionsUnbounded,
        CommittedCredential,
    };
}

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
