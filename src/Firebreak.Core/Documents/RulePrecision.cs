namespace Firebreak.Core.Documents;

/// <summary>SARIF's <c>precision</c> property: how often a finding of this rule is a true positive.</summary>
public enum RulePrecision
{
    VeryHigh,
    High,
    Medium,
    Low,
}

public static class RulePrecisions
{
    public static string ToSarifName(this RulePrecision precision) => precision switch
    {
        RulePrecision.VeryHigh => "very-high",
        RulePrecision.High => "high",
        RulePrecision.Medium => "medium",
        _ => "low",
    };
}
