namespace Firebreak.Core.Rules;

public static partial class RuleIds
{
    public const string DestructiveCommand = "FB1001";
}
