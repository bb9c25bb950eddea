using System.IO;

namespace Firebreak.Cli.Output;

/// <summary>The rule pages (rules/FBnnnn.md), embedded in the tool for <c>explain</c> and SARIF help.</summary>
public static class RulePages
{
    public static string? Markdown(string id)
    {
        using var stream = typeof(RulePages).Assembly.GetManifestResourceStream($"rules/{id.ToUpperInvariant()}.md");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
