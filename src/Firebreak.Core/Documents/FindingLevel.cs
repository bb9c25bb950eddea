namespace Firebreak.Core.Documents;

/// <summary>Levels as SARIF names them; <see cref="None"/> turns a rule off.</summary>
public enum FindingLevel
{
    None = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
}

public static class FindingLevels
{
    public static string ToSarifName(this FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        FindingLevel.Note => "note",
        _ => "none",
    };

    /// <summary>Parses the names users write in config and on the command line (also Roslyn's).</summary>
    public static bool TryParse(string? text, out FindingLevel level)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error": level = FindingLevel.Error; return true;
            case "warning": case "warn": level = FindingLevel.Warning; return true;
            case "note": case "suggestion": case "info": level = FindingLevel.Note; return true;
            case "none": case "off": case "silent": case "disable": case "disabled": level = FindingLevel.None; return true;
            default: level = FindingLevel.None; return false;
        }
    }
}
