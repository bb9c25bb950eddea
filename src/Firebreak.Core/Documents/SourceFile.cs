namespace Firebreak.Core.Documents;

/// <summary>What a host hands the engine: a repository-relative path and the decoded text. Core never reads files.</summary>
public sealed class SourceFile
{
    public SourceFile(string path, string text, FileKind kind = FileKind.Unknown)
    {
        Path = path.Replace('\\', '/');
        Text = text;
        Kind = kind == FileKind.Unknown ? FileKindDetector.Detect(Path, text) : kind;
    }

    public string Path { get; }
    public string Text { get; }
    public FileKind Kind { get; }
}
