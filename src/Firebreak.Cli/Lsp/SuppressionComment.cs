using Firebreak.Core.Documents;

namespace Firebreak.Cli.Lsp;

/// <summary>
/// The line a "suppress" code action inserts above a finding: <c>firebreak:ignore FBnnnn -- reason</c> in the file's own
/// comment syntax, indented like the finding's line, so the engine's suppression parser reads it as a directive for
/// the line below. JSON with comments (agent and editor settings) gets <c>//</c>; strict JSON has no comments, so there
/// is no action and the only suppression is firebreak.yml.
/// </summary>
public static class SuppressionComment
{
    /// <summary>What the user replaces: a suppression without a reason is itself reported (FB0003).</summary>
    public const string ReasonPlaceholder = "reviewed: say why this is safe here";

    public static (int Line, string Text)? For(string relativePath, string text, Finding finding)
    {
        var kind = FileKindDetector.Detect(relativePath, text);
        var (open, close) = Firebreak.Core.Languages.Json.JsonModels.AllowsComments(kind, relativePath) ? ("//", string.Empty) : Syntax(kind);
        if (open is null) return null;
        int line = finding.Location.Start.Line;
        string indentation = Indentation(text, line);
        return (line, $"{indentation}{open} firebreak:ignore {finding.RuleId} -- {ReasonPlaceholder}{close}\n");
    }

    private static (string? Open, string Close) Syntax(FileKind kind) => kind switch
    {
        FileKind.Sql => ("--", string.Empty),
        FileKind.CSharp => ("//", string.Empty),
        FileKind.Bicep => ("//", string.Empty),
        FileKind.Markdown => ("<!--", " -->"),
        FileKind.Json or FileKind.PackageJson or FileKind.ClaudeSettings or FileKind.McpConfig or FileKind.CursorCli
            or FileKind.TerraformJson or FileKind.TerraformPlanJson or FileKind.Unknown or FileKind.Text => (null, string.Empty),
        _ => ("#", string.Empty), // YAML, shell, PowerShell, Dockerfile, Makefile, justfile, HCL, TOML, .env, Starlark
    };

    private static string Indentation(string text, int line)
    {
        int start = 0;
        for (int i = 0; i < line && start < text.Length; i++)
        {
            int next = text.IndexOf('\n', start);
            if (next < 0) return string.Empty;
            start = next + 1;
        }
        int end = start;
        while (end < text.Length && (text[end] == ' ' || text[end] == '\t')) end++;
        return text.Substring(start, end - start);
    }
}
