namespace Firebreak.Core.Rules;

/// <summary>Bicep files and ARM templates (issue 10 item 4); the rules they share with Terraform keep their IDs.</summary>
public static partial class RuleIds
{
    public const string SoftDeleteOff = "FB1106";
}
