namespace Firebreak.Core.Credentials;

/// <summary>How far one token reaches, as far as its kind alone can tell.</summary>
public enum TokenScope
{
    /// <summary>The kind does not fix its reach: it depends on permissions chosen at creation (IAM policy, scoped token).</summary>
    Unknown = 0,
    /// <summary>Everything the user or organization owns: every project and environment, production included.</summary>
    AccountWide,
    /// <summary>Every project of one workspace or team.</summary>
    Workspace,
    /// <summary>One project, all of its environments.</summary>
    Project,
    /// <summary>One environment of one project.</summary>
    Environment,
    /// <summary>A chosen set of source repositories.</summary>
    Repository,
    /// <summary>Can read but not change or delete.</summary>
    ReadOnly,
}
