namespace Firebreak.Core.Rules;

public static partial class RuleIds
{
    public const string LocalWorkDestroyed = "FB1020";
    public const string UnreadableCode = "FB1021";
    public const string DestructiveMcpTool = "FB1022";
}
