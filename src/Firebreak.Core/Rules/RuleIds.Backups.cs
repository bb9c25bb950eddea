namespace Firebreak.Core.Rules;

/// <summary>Recovery readiness (FB3xxx) rules that reason about a data store and all of its backups.</summary>
public static partial class RuleIds
{
    public const string EveryBackupDiesWithDataStore = "FB3009";
}
