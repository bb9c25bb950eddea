using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Firebreak.Cli.Diff;

/// <summary>
/// The lines added or changed per file, read from a zero-context unified diff (<c>git diff -U0 -M</c>): a renamed file
/// is known by its new path and only its edited lines count, so moving a file does not make its old findings new.
/// </summary>
public sealed class ChangedLines
{
    private readonly Dictionary<string, HashSet<int>> _lines = new(StringComparer.Ordinal);

    /// <summary>Files the diff touches (added, changed or renamed), by their new path.</summary>
    public IReadOnlyCollection<string> Files => _lines.Keys;

    /// <summary>Whether one-based <paramref name="line"/> of <paramref name="path"/> was added or changed.</summary>
    public bool Contains(string path, int line) => _lines.TryGetValue(path, out var lines) && lines.Contains(line);

    /// <summary>Every line of an untracked file is new.</summary>
    public void AddWholeFile(string path) => Lines(path).Add(0);

    public bool IsWholeFile(string path) => _lines.TryGetValue(path, out var lines) && lines.Contains(0);

    private HashSet<int> Lines(string path)
    {
        if (!_lines.TryGetValue(path, out var lines)) _lines[path] = lines = new HashSet<int>();
        return lines;
    }

    public static ChangedLines Parse(string diff)
    {
        var result = new ChangedLines();
        string? current = null;
        // Header lines (+++, rename to) only before a file's first hunk: inside a hunk "+++ x" is an added "++ x".
        bool inHeader = false;
        foreach (var line in diff.Split('\n'))
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                current = null;
                inHeader = true;
            }
            else if (inHeader && line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                string target = line.Substring(4);
                current = target == "/dev/null" ? null : StripPrefix(Unquote(target), "b/");
                if (current is not null) result.Lines(current);
            }
            else if (inHeader && line.StartsWith("rename to ", StringComparison.Ordinal))
            {
                // A pure rename has no +++ line; the file is touched, none of its lines is.
                result.Lines(Unquote(line.Substring("rename to ".Length)));
            }
            else if (line.StartsWith("@@ ", StringComparison.Ordinal))
            {
                inHeader = false;
                if (current is not null) AddHunk(result.Lines(current), line);
            }
        }
        return result;
    }

    /// <summary><c>@@ -a[,b] +c[,d] @@</c>: lines c … c+d-1 are new; d = 0 is a deletion after line c, which changes c and c+1.</summary>
    private static void AddHunk(HashSet<int> lines, string header)
    {
        int plus = header.IndexOf(" +", 2, StringComparison.Ordinal);
        if (plus < 0) return;
        int end = header.IndexOf(' ', plus + 2);
        if (end < 0) return;
        string range = header.Substring(plus + 2, end - plus - 2);
        int comma = range.IndexOf(',');
        if (!int.TryParse(comma < 0 ? range : range.Substring(0, comma), NumberStyles.None, CultureInfo.InvariantCulture, out int start)) return;
        int count = 1;
        if (comma >= 0 && !int.TryParse(range.Substring(comma + 1), NumberStyles.None, CultureInfo.InvariantCulture, out count)) return;
        if (count == 0)
        {
            // What surrounded a deleted line (a removed gate, a removed flag) is what the deletion changed.
            if (start > 0) lines.Add(start);
            lines.Add(start + 1);
            return;
        }
        for (int i = 0; i < count; i++) lines.Add(start + i);
    }

    private static string StripPrefix(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) ? path.Substring(prefix.Length) : path;

    /// <summary>git C-quotes a path with a control character, a quote or a backslash: <c>"a\nb"</c>, octal for bytes.</summary>
    internal static string Unquote(string text)
    {
        if (text.Length < 2 || text[0] != '"' || text[text.Length - 1] != '"') return text;
        var bytes = new List<byte>();
        for (int i = 1; i < text.Length - 1; i++)
        {
            char c = text[i];
            if (c != '\\' || i + 1 >= text.Length - 1)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }
            char next = text[++i];
            switch (next)
            {
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case 'v': bytes.Add(11); break;
                case '"': bytes.Add((byte)'"'); break;
                case '\\': bytes.Add((byte)'\\'); break;
                default:
                    if (next is >= '0' and <= '3' && i + 2 < text.Length - 1)
                    {
                        bytes.Add((byte)Convert.ToInt32(text.Substring(i, 3), 8));
                        i += 2;
                    }
                    else
                    {
                        bytes.Add((byte)'\\');
                        bytes.AddRange(Encoding.UTF8.GetBytes(next.ToString()));
                    }
                    break;
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
