namespace Firebreak.Core.Documents;

/// <summary>The three conditions Firebreak looks for, plus the tool's own notes and the findings that tie them together.</summary>
public enum RuleFamily
{
    /// <summary>FB0nnn: the tool's notes about what it could not analyze.</summary>
    Tool,
    /// <summary>FB1nnn: commands, API calls, SQL and IaC settings that delete data or its protections.</summary>
    DestructiveOperation,
    /// <summary>FB2nnn: tokens and roles that reach further than the job.</summary>
    UnscopedCredential,
    /// <summary>FB3nnn: backups that die with the data they protect.</summary>
    ColocatedBackup,
    /// <summary>FB9nnn: one destructive path, one blanket credential and one co-located backup, together.</summary>
    Compound,
}

public static class RuleFamilies
{
    /// <summary>The tag GitHub code scanning and our docs use for a family.</summary>
    public static string Tag(this RuleFamily family) => family switch
    {
        RuleFamily.DestructiveOperation => "destructive-operation",
        RuleFamily.UnscopedCredential => "unscoped-credential",
        RuleFamily.ColocatedBackup => "colocated-backup",
        RuleFamily.Compound => "data-loss-path",
        _ => "tool-note",
    };

    public static string Title(this RuleFamily family) => family switch
    {
        RuleFamily.DestructiveOperation => "Destructive operations",
        RuleFamily.UnscopedCredential => "Unscoped credentials",
        RuleFamily.ColocatedBackup => "Co-located backups",
        RuleFamily.Compound => "Compound findings",
        _ => "Tool notes",
    };
}
