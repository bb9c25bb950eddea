using System;
using System.Collections.Generic;
using System.Linq;

namespace Firebreak.Cli.Guard;

/// <summary>
/// Codex's <c>apply_patch</c> format: <c>*** Begin Patch</c>, then per file <c>*** Add File: p</c> (lines prefixed
/// <c>+</c>), <c>*** Delete File: p</c>, or <c>*** Update File: p</c> (optionally <c>*** Move to: q</c>) with
/// <c>@@</c> hunks of context (<c> </c>), removed (<c>-</c>) and added (<c>+</c>) lines; <c>*** End Patch</c>.
/// A patch that does not follow it is refused (Codex would reject it too, and a guard must not guess).
/// </summary>
internal static class CodexPatch
{
    internal sealed record FileChange(string Path, string? MoveTo, bool Add, bool Delete, IReadOnlyList<string> AddedLines, IReadOnlyList<Hunk> Hunks);

    internal sealed record Hunk(IReadOnlyList<string> Old, IReadOnlyList<string> New);

    public static IReadOnlyList<FileChange> Parse(string patch)
    {
        var lines = patch.Replace("\r\n", "\n").Split('\n').ToList();
        while (lines.Count > 0 && lines[lines.Count - 1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        int i = 0;
        while (i < lines.Count && lines[i].Trim().Length == 0) i++;
        if (i >= lines.Count || lines[i].Trim() != "*** Begin Patch") throw new PayloadException("apply_patch: the patch does not start with `*** Begin Patch`");
        i++;
        var changes = new List<FileChange>();
        while (i < lines.Count)
        {
            string line = lines[i];
            if (line.Trim() == "*** End Patch") return changes;
            if (Header(line, "*** Add File: ") is { } added)
            {
                var content = new List<string>();
                for (i++; i < lines.Count && !lines[i].StartsWith("*** ", StringComparison.Ordinal); i++)
                {
                    if (!lines[i].StartsWith("+", StringComparison.Ordinal)) throw new PayloadException($"apply_patch: a line of added file `{Payload.Clip(added)}` does not start with +");
                    content.Add(lines[i].Substring(1));
                }
                changes.Add(new FileChange(added, null, true, false, content, Array.Empty<Hunk>()));
                continue;
            }
            if (Header(line, "*** Delete File: ") is { } deleted)
            {
                changes.Add(new FileChange(deleted, null, false, true, Array.Empty<string>(), Array.Empty<Hunk>()));
                i++;
                continue;
            }
            if (Header(line, "*** Update File: ") is { } updated)
            {
                i++;
                string? moveTo = i < lines.Count ? Header(lines[i], "*** Move to: ") : null;
                if (moveTo is not null) i++;
                var hunks = new List<Hunk>();
                List<string>? old = null, @new = null;
                for (; i < lines.Count && !(lines[i].StartsWith("*** ", StringComparison.Ordinal) && lines[i] != "*** End of File"); i++)
                {
                    string l = lines[i];
                    if (l.StartsWith("@@", StringComparison.Ordinal))
                    {
                        if (old is { Count: > 0 } || @new is { Count: > 0 }) hunks.Add(new Hunk(old!, @new!));
                        old = new List<string>();
                        @new = new List<string>();
                        continue;
                    }
                    if (l == "*** End of File") continue;
                    old ??= new List<string>();
                    @new ??= new List<string>();
                    if (l.Length == 0 || l[0] == ' ')
                    {
                        string text = l.Length == 0 ? string.Empty : l.Substring(1);
                        old.Add(text);
                        @new.Add(text);
                    }
                    else if (l[0] == '-') old.Add(l.Substring(1));
                    else if (l[0] == '+') @new.Add(l.Substring(1));
                    else throw new PayloadException($"apply_patch: a line of `{Payload.Clip(updated)}` is not context, removal or addition");
                }
                if (old is { Count: > 0 } || @new is { Count: > 0 }) hunks.Add(new Hunk(old!, @new!));
                changes.Add(new FileChange(updated, moveTo, false, false, Array.Empty<string>(), hunks));
                continue;
            }
            throw new PayloadException($"apply_patch: unexpected line `{Payload.Clip(line)}`");
        }
        throw new PayloadException("apply_patch: the patch does not end with `*** End Patch`");
    }

    /// <summary>The text after the hunks are applied in order, or null when one does not match (Codex would refuse).</summary>
    public static string? Apply(string current, IReadOnlyList<Hunk> hunks)
    {
        var lines = current.Replace("\r\n", "\n").Split('\n').ToList();
        bool trailingNewline = current.EndsWith("\n", StringComparison.Ordinal);
        if (trailingNewline) lines.RemoveAt(lines.Count - 1);
        int from = 0;
        foreach (var hunk in hunks)
        {
            int at = Find(lines, hunk.Old, from);
            if (at < 0) return null;
            lines.RemoveRange(at, hunk.Old.Count);
            lines.InsertRange(at, hunk.New);
            from = at + hunk.New.Count;
        }
        return string.Join("\n", lines) + (trailingNewline || lines.Count > 0 ? "\n" : string.Empty);
    }

    private static int Find(List<string> lines, IReadOnlyList<string> needle, int from)
    {
        if (needle.Count == 0) return lines.Count;
        for (int i = from; i + needle.Count <= lines.Count; i++)
        {
            bool match = true;
            for (int k = 0; k < needle.Count && match; k++) match = lines[i + k].TrimEnd() == needle[k].TrimEnd();
            if (match) return i;
        }
        return -1;
    }

    private static string? Header(string line, string prefix) =>
        line.StartsWith(prefix, StringComparison.Ordinal) && line.Length > prefix.Length ? line.Substring(prefix.Length).Trim() : null;
}
