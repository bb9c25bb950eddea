namespace Firebreak.Core.Rules;

/// <summary>Rules found natively in C# code by Firebreak.Analyzers.</summary>
public static partial class RuleIds
{
    public const string DestructiveDatabaseCall = "FB1004";
    public const string DestructiveCloudSdkCall = "FB1040";
    public const string StatefulResourceDestroyedWithStack = "FB1041";
}
