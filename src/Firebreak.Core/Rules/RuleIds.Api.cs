namespace Firebreak.Core.Rules;

public static partial class RuleIds
{
    public const string DestructiveApiCall = "FB1002";
    public const string DestructiveSql = "FB1003";
}
