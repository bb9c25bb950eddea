using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Firebreak.Cli.Lsp;

/// <summary>
/// Which files of the repository an editor re-analysis reads as context for the open one. A whole-repository analysis
/// per keystroke is seconds on a large repository; what the cross-file rules of one file need is near it: its folder
/// (a Terraform module, a compose project), the folders above it (root configuration, .env files), the pipelines
/// (.github, .gitlab: a script's callers and gates), the local modules it calls, and the files it names (the script a
/// workflow step runs). The choice only widens what is read; findings are still reported on the open file alone.
/// </summary>
public static partial class ContextSelector
{
    public static IReadOnlyCollection<string> Select(string open, string openText, IEnumerable<string> available)
    {
        var all = new HashSet<string>(available, StringComparer.Ordinal);
        var chosen = new HashSet<string>(StringComparer.Ordinal) { open };
        string folder = Folder(open);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        for (string f = folder; ; f = Folder(f.TrimEnd('/')))
        {
            folders.Add(f);
            if (f.Length == 0) break;
        }
        foreach (string named in NamedPaths(openText, folder))
        {
            if (all.Contains(named)) chosen.Add(named);
            else folders.Add(named.TrimEnd('/') + "/"); // a module source folder
        }
        foreach (string path in all)
        {
            if (folders.Contains(Folder(path)) || path.StartsWith(".github/", StringComparison.Ordinal) || path.StartsWith(".gitlab/", StringComparison.Ordinal))
                chosen.Add(path);
        }
        return chosen;
    }

    /// <summary>Relative paths the text names: <c>./scripts/reset.sh</c>, <c>source = "../modules/db"</c>, resolved against the file's folder and the root.</summary>
    private static IEnumerable<string> NamedPaths(string text, string folder)
    {
        if (text.Length > 1_000_000) yield break;
        foreach (Match match in PathToken().Matches(text))
        {
            string token = match.Value.TrimEnd('.', ',', ':', ';');
            if (Normalise(folder + token) is { } fromFolder) yield return fromFolder;
            if (Normalise(token) is { } fromRoot) yield return fromRoot;
        }
    }

    private static string? Normalise(string path)
    {
        var parts = new List<string>();
        foreach (string part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return parts.Count == 0 ? null : string.Join("/", parts);
    }

    private static string Folder(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path.Substring(0, slash + 1);
    }

    [GeneratedRegex(@"(?<![\w$.-])(?:\.{1,2}/)?[\w.-]+(?:/[\w.-]+)+|(?<![\w$/.-])\.{1,2}/[\w.-]+", RegexOptions.CultureInvariant)] // linear: the look-behind starts a match only at the start of a run
    private static partial Regex PathToken();
}
