namespace Firebreak.Core.Rules;

public static partial class RuleIds
{
    public const string DestructiveCommand = "FB1001";
    public const string DeleteThroughEmptyVariable = "FB1011";
}
