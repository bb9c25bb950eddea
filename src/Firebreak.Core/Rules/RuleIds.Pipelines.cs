namespace Firebreak.Core.Rules;

/// <summary>Pipelines, coding agents and credentials (issue 5).</summary>
public static partial class RuleIds
{
    public const string WorkflowSecretSprawl = "FB2002";
    public const string BlanketPlatformToken = "FB2003";
    public const string CredentialSharedAcrossEnvironments = "FB2004";
    public const string AgentPermissionsUnbounded = "FB2005";
    public const string CommittedCredential = "FB2006";
}
