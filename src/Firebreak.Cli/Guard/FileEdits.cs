using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Firebreak.Cli.Guard;

/// <summary>
/// The file as it would be after an edit tool ran: the current content read from disk (a regular file, within the
/// size cap), the replacements applied exactly as the agent applies them. An edit the agent itself would reject (the
/// old text not found, or found more than once without replace-all) writes nothing, so there is nothing to judge.
/// </summary>
internal static class FileEdits
{
    /// <summary>The content after <paramref name="edits"/>, or null when the tool would fail and write nothing.</summary>
    public static string? Apply(string current, IReadOnlyList<StringReplacement> edits)
    {
        string text = current;
        foreach (var edit in edits)
        {
            if (edit.OldText.Length == 0)
            {
                // An empty old string creates the file (Claude Code) — only meaningful when there is nothing yet.
                if (text.Length != 0) return null;
                text = edit.NewText;
                continue;
            }
            int first = text.IndexOf(edit.OldText, StringComparison.Ordinal);
            if (first < 0) return null;
            if (edit.ReplaceAll)
            {
                text = text.Replace(edit.OldText, edit.NewText);
                continue;
            }
            if (text.IndexOf(edit.OldText, first + 1, StringComparison.Ordinal) >= 0) return null; // ambiguous: the agent refuses
            text = text.Substring(0, first) + edit.NewText + text.Substring(first + edit.OldText.Length);
        }
        return text;
    }

    /// <summary>
    /// The current text of <paramref name="path"/>: empty when it does not exist or its status says it is empty — a FIFO,
    /// socket or device reports a length of 0 and is never opened (opening a FIFO waits for a writer); a
    /// <see cref="PayloadException"/> when it is a folder or larger than the cap.
    /// </summary>
    public static string ReadCurrent(string path, int maxChars)
    {
        var info = new FileInfo(path);
        if (Directory.Exists(path)) throw new PayloadException($"`{Payload.Clip(path)}` is a directory");
        if (!info.Exists) return string.Empty;
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target) info = target;
        if (!info.Exists || info.Length == 0) return string.Empty;
        if (info.Length > maxChars * 3L) throw new PayloadException($"`{Payload.Clip(path)}` is larger than the guard reads");
        var bytes = File.ReadAllBytes(info.FullName);
        string text = new UTF8Encoding(false, false).GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
        if (text.Length > maxChars) throw new PayloadException($"`{Payload.Clip(path)}` is larger than the guard reads");
        return text;
    }
}
