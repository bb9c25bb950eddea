using Firebreak.Core.Text;

namespace Firebreak.Core.Documents;

/// <summary>What a host hands the engine: a repository-relative path and the decoded text. Core never reads files.</summary>
public sealed class SourceFile
{
    public SourceFile(string path, string text, FileKind kind = FileKind.Unknown)
    {
        Path = path.Replace('\\', '/');
        Source = new SourceText(Path, text);
        Kind = kind == FileKind.Unknown ? FileKindDetector.Detect(Path, text) : kind;
    }

    private SourceFile(string path, SourceText source, string text)
    {
        Path = path;
        Source = source;
        Kind = FileKindDetector.Detect(Path, text);
    }

    /// <summary>
    /// A file read as bytes that are valid UTF-8 without a byte order mark, with <paramref name="decoded"/> their exact
    /// decoding: its text is kept as those bytes between uses (see <see cref="SourceText.ReleaseText"/>), which the
    /// engine drops after the file's own pass. Nothing else differs from the other constructor.
    /// </summary>
    public static SourceFile FromUtf8(string path, byte[] utf8, string decoded)
    {
        string normalized = path.Replace('\\', '/');
        return new SourceFile(normalized, new SourceText(normalized, utf8, decoded), decoded);
    }

    /// <summary>
    /// A file read as valid UTF-8 without a byte order mark whose kind its path says: kept as those bytes, decoded when
    /// the analysis first reads it and dropped after the file's own pass, so a scan holds UTF-8 rather than twice as many
    /// UTF-16 bytes, and the string lives only while its file is analyzed.
    /// </summary>
    /// <param name="length">The length of the decoded text.</param>
    /// <param name="kind">What <see cref="FileKindDetector.TryDetectByPath"/> gave for this path (the host asked it to
    /// choose how to read the file; it is not asked twice).</param>
    public static SourceFile FromUtf8Undecoded(string path, byte[] utf8, int length, FileKind kind)
    {
        string normalized = path.Replace('\\', '/');
        return new SourceFile(normalized, new SourceText(normalized, utf8, length), kind);
    }

    private SourceFile(string path, SourceText source, FileKind kind)
    {
        Path = path;
        Source = source;
        Kind = kind;
    }

    public string Path { get; }
    public string Text => Source.Text;
    public FileKind Kind { get; }

    /// <summary>The text with its line map, shared by every analysis of this file.</summary>
    public SourceText Source { get; }
}
