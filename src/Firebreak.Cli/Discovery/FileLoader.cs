using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Cli.Discovery;

/// <summary>
/// Reads a discovered file into text, or says why not: over the size cap (never read), binary (a NUL byte), not valid
/// UTF-8 (analyzed with replacement characters, and noted), unreadable.
/// </summary>
public static class FileLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Files no rule reads, skipped by name without a note.</summary>
    private static readonly HashSet<string> BinaryExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".ico", ".webp", ".bmp", ".svgz", ".pdf", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z",
        ".jar", ".war", ".class", ".dll", ".exe", ".so", ".dylib", ".a", ".o", ".obj", ".pdb", ".woff", ".woff2", ".ttf",
        ".otf", ".eot", ".mp3", ".mp4", ".mov", ".avi", ".wav", ".ogg", ".nupkg", ".snk", ".pfx", ".p12", ".keystore",
        ".tfstate.backup", ".db", ".sqlite", ".parquet", ".wasm", ".bin",
    };

    /// <param name="mode">The file's mode as the folder walk read it (0: not known, ask); <paramref name="size"/> its size then.</param>
    /// <param name="compaction">
    /// Whether to keep the text as UTF-8 between uses (see <see cref="SourceText.ReleaseText"/>): for scans too large to
    /// hold every file as UTF-16 at once; each file's text is then decoded again for its own pass, which costs a smaller
    /// scan time. Null: never.
    /// </param>
    public static SourceFile? Load(string fullPath, string relativePath, long maxFileSize, List<(string Path, string Reason)> notes, int mode = 0, long size = -1, TextCompaction? compaction = null)
    {
        if (BinaryExtensions.Contains(Path.GetExtension(relativePath))) return null;
        // A file whose kind its path says is kept as its bytes until its own pass decodes it (SourceFile.FromUtf8Undecoded):
        // read into an array of its own, which the file keeps. Any other file's bytes only live until they are decoded:
        // a pooled buffer, not an array per file for the collector.
        FileKind? pathKind = FileKindDetector.TryDetectByPath(relativePath, out var kind) ? kind : null;
        var pool = pathKind is null ? ArrayPool<byte>.Shared : null;
        byte[] buffer;
        int count;
        try
        {
            if ((mode != 0 ? FileType.Describe(mode) : FileType.NotRegular(fullPath)) is { } what)
            {
                // A FIFO would block the scan, a device would never end: never opened, whatever its name.
                notes.Add((relativePath, $"{what}, not a regular file; skipped without opening it"));
                return null;
            }
            if (BoundedFile.ReadUpTo(fullPath, maxFileSize, pool, out long length, mode != 0 ? size : -1) is not { } read)
            {
                notes.Add((relativePath, $"file is {Size(length)}, over the {Size(maxFileSize)} limit (max-file-size in firebreak.yml); skipped"));
                return null;
            }
            buffer = read;
            count = (int)length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            notes.Add((relativePath, "file could not be read: " + Program.OneLine(ex.Message)));
            return null;
        }
        try
        {
            // Every file read counts towards the point past which decoded texts are kept compact, undecoded ones too.
            return Decode(buffer, count, relativePath, notes, compaction?.Compacts(count) == true, pathKind);
        }
        finally
        {
            pool?.Return(buffer);
        }
    }

    /// <param name="pathKind">
    /// The kind the path alone gives (null: the text decides), with <paramref name="bytes"/> then the file's own array:
    /// valid UTF-8 without a byte order mark is kept as those bytes, undecoded, unless it opens like a report of ours.
    /// </param>
    private static SourceFile? Decode(byte[] bytes, int count, string relativePath, List<(string Path, string Reason)> notes, bool compactText, FileKind? pathKind)
    {
        if (LooksBinary(bytes, count))
        {
            // A binary with a name we analyze (a `.yml` that is not text) is worth a note; a random binary is not.
            if ((pathKind ?? FileKindDetector.Detect(relativePath)) != FileKind.Text) notes.Add((relativePath, "binary content (NUL bytes) in a file named like text; skipped"));
            return null;
        }

        string text;
        bool plainUtf8 = false;
        if (count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            text = (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, count - 2);
        }
        else
        {
            int offset = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            // Only text opening with '{', '[' or '<' can be a report of ours (OwnOutput.Recognize): anything else needs no
            // decoding to be asked, and the runtime's vectorized count validates it and gives its length.
            if (pathKind is { } kind && offset == 0 && count == bytes.Length && !OwnOutput.MayBe(bytes) && Utf8Length(bytes) is { } length)
                return SourceFile.FromUtf8Undecoded(relativePath, bytes, length, kind);
            try
            {
                text = StrictUtf8.GetString(bytes, offset, count - offset);
                plainUtf8 = offset == 0;
            }
            catch (DecoderFallbackException ex)
            {
                text = LenientUtf8.GetString(bytes, offset, count - offset);
                string where = ex.Index >= 0 ? $" at byte {ex.Index + offset}" : string.Empty;
                notes.Add((relativePath, $"not valid UTF-8{where}; analyzed with replacement characters, so findings may be missing"));
            }
        }
        if (OwnOutput.Recognize(text) is { } report)
        {
            // A report or baseline of ours holds findings and rule help (bad examples included), not the repository's
            // code: scanning it back would report our own words, and a baseline would fail the scan it serves.
            notes.Add((relativePath, $"{report} written by Firebreak; not scanned"));
            return null;
        }
        // In a large scan, valid UTF-8 with no byte order mark and smaller than its UTF-16 form (nearly every file): kept as
        // a copy of its bytes, the string dropped now and decoded again in the file's own pass, so the scan never holds
        // every file's text at once (100,000 files are 213 MB of bytes, 426 MB of strings).
        if (compactText && plainUtf8 && count < 2 * text.Length)
        {
            var file = SourceFile.FromUtf8(relativePath, bytes.AsSpan(0, count).ToArray(), text);
            file.Source.ReleaseText();
            return file;
        }
        return new SourceFile(relativePath, text);
    }

    /// <summary>The length of valid UTF-8 decoded; null when it is not valid (then decoded with its note).</summary>
    private static int? Utf8Length(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetCharCount(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool LooksBinary(byte[] bytes, int count)
    {
        // UTF-16 text has NULs too; its BOM says so.
        if (count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) return false;
        int limit = Math.Min(count, 8000);
        return Array.IndexOf(bytes, (byte)0, 0, limit) >= 0;
    }

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024.0):0.#} MiB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KiB" : $"{bytes} bytes";
}

/// <summary>
/// Decides, as a scan's files are read, which texts to keep as UTF-8 between uses: those read once more than a total
/// of bytes has been read (see <see cref="FileLoader.Load"/>). Thread-safe.
/// </summary>
public sealed class TextCompaction
{
    private readonly long _above;
    private long _read;

    /// <param name="above">Bytes read before texts are kept compact (0: every text).</param>
    public TextCompaction(long above) => _above = above;

    /// <summary>Counts a file of <paramref name="bytes"/>; whether its text is kept compact.</summary>
    public bool Compacts(long bytes) => System.Threading.Interlocked.Add(ref _read, bytes) > _above;
}
