using System;
using System.Collections.Generic;

namespace Firebreak.Cli.CSharp;

/// <summary>
/// An MSBuild item glob (<c>src/**/*.cs</c>, <c>Legacy/*.cs</c>, <c>Program.cs</c>) anchored at a folder of the scan and
/// matched against scan-relative paths: <c>**</c> is any number of folders, <c>*</c> and <c>?</c> stay within one name.
/// Matching is ordinal, as MSBuild's is on Linux.
/// </summary>
internal sealed class ProjectGlob
{
    /// <summary>More <c>*</c> than any real item glob has; a glob with more is ignored.</summary>
    private const int MaxWildcards = 8;

    private readonly string[] _segments;

    private ProjectGlob(string[] segments)
    {
        _segments = segments;
        if (!Array.Exists(segments, IsWildcard)) LiteralPath = string.Join("/", segments);
    }

    /// <summary>The one scan-relative path the glob names when it has no wildcard (most items name one file); else null.</summary>
    public string? LiteralPath { get; }

    /// <summary>
    /// The glob <paramref name="pattern"/>, written in the project in <paramref name="projectFolder"/> (scan-relative, empty
    /// for the root); null when it is not a literal relative path that stays inside the scan (rooted, a property or item
    /// reference, an escape, or <c>..</c> above the root).
    /// </summary>
    public static ProjectGlob? Create(string projectFolder, string pattern)
    {
        string trimmed = pattern.Trim().Replace('\\', '/');
        if (trimmed.Length == 0 || trimmed.IndexOf('$') >= 0 || trimmed.IndexOf('@') >= 0 || trimmed.IndexOf('%') >= 0) return null;
        if (trimmed.StartsWith('/') || (trimmed.Length > 1 && trimmed[1] == ':')) return null;
        var segments = new List<string>();
        if (projectFolder.Length > 0) segments.AddRange(projectFolder.Split('/'));
        foreach (string segment in trimmed.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..")
            {
                // Only a literal folder can be stepped out of; `**/..` means nothing that can be matched.
                if (segments.Count == 0 || IsWildcard(segments[^1])) return null;
                segments.RemoveAt(segments.Count - 1);
                continue;
            }
            if (segment == "**" && segments.Count > 0 && segments[^1] == "**") continue;
            segments.Add(segment);
        }
        // Backtracking is exponential in the wildcards: real globs have one or two, a hostile project file thousands.
        int wildcards = 0;
        foreach (string segment in segments)
            foreach (char c in segment)
                if (c == '*') wildcards++;
        return segments.Count == 0 || wildcards > MaxWildcards ? null : new ProjectGlob(segments.ToArray());
    }

    /// <summary>True when the glob matches the scan-relative file <paramref name="path"/>.</summary>
    public bool Matches(string path) => LiteralPath is { } literal ? string.Equals(literal, path, StringComparison.Ordinal) : Match(path.Split('/'), 0, 0);

    private bool Match(string[] path, int p, int g)
    {
        while (g < _segments.Length)
        {
            if (_segments[g] == "**")
            {
                // `**` takes zero or more folders; the file name itself is matched by the segments after it.
                for (int skip = p; skip <= path.Length; skip++)
                    if (Match(path, skip, g + 1)) return true;
                return false;
            }
            if (p >= path.Length || !MatchName(_segments[g], 0, path[p], 0)) return false;
            p++;
            g++;
        }
        return p == path.Length;
    }

    private static bool MatchName(string pattern, int i, string name, int j)
    {
        while (i < pattern.Length)
        {
            char c = pattern[i];
            if (c == '*')
            {
                for (int k = j; k <= name.Length; k++)
                    if (MatchName(pattern, i + 1, name, k)) return true;
                return false;
            }
            if (j >= name.Length || (c != '?' && c != name[j])) return false;
            i++;
            j++;
        }
        return j == name.Length;
    }

    private static bool IsWildcard(string segment) => segment.IndexOf('*') >= 0 || segment.IndexOf('?') >= 0;
}
