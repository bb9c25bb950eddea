using Firebreak.Core.Text;

namespace Firebreak.Core.Documents;

/// <summary>A span of one file with its line and column, zero-based (hosts add one when they print).</summary>
public sealed class SourceLocation
{
    public SourceLocation(string path, TextSpan span, LinePosition start, LinePosition end, string snippet)
    {
        Path = path;
        Span = span;
        Start = start;
        End = end;
        Snippet = snippet;
    }

    public static SourceLocation Create(SourceText text, TextSpan span)
    {
        var start = text.GetPosition(span.Start);
        var end = text.GetPosition(span.End);
        return new SourceLocation(text.Path, span, start, end, text.ToString(span));
    }

    /// <summary>Repository-relative path with forward slashes.</summary>
    public string Path { get; }
    public TextSpan Span { get; }
    public LinePosition Start { get; }
    public LinePosition End { get; }

    /// <summary>The source text under the span; used for fingerprints, never printed whole when it is a secret.</summary>
    public string Snippet { get; }

    public override string ToString() => $"{Path}:{Start}";
}
