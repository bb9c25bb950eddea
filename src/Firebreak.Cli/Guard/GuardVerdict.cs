namespace Firebreak.Cli.Guard;

internal enum GuardDecision
{
    /// <summary>Nothing found: the agent's own permissions decide.</summary>
    NoOpinion,
    Ask,
    Deny,
}

/// <param name="RuleIds">The rules behind the decision, for the decision log.</param>
internal sealed record GuardVerdict(GuardDecision Decision, string Reason, string RuleIds)
{
    public static GuardVerdict Quiet { get; } = new(GuardDecision.NoOpinion, string.Empty, string.Empty);
}
