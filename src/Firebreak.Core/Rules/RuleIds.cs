namespace Firebreak.Core.Rules;

/// <summary>
/// Every rule ID, once. Ranges (rules/README.md): FB0nnn tool notes, FB1nnn destructive operations, FB2nnn unscoped
/// credentials, FB3nnn co-located backups, FB9nnn compound findings. No ID literal appears anywhere else.
/// </summary>
public static partial class RuleIds
{
    public const string FileNotAnalyzed = "FB0001";
    public const string InvalidSuppression = "FB0003";
}
