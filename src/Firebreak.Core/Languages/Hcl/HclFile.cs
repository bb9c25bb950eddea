using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Hcl;

/// <summary>A parsed HCL file (native or JSON syntax): its root body, every comment, and what the parser recovered from.</summary>
public sealed class HclFile
{
    internal HclFile(string text, HclBody body, IReadOnlyList<HclComment> comments, IReadOnlyList<SyntaxDiagnostic> diagnostics)
    {
        Text = text;
        Body = body;
        Comments = comments;
        Diagnostics = diagnostics;
    }

    /// <summary>The text that was parsed; every span indexes into it.</summary>
    public string Text { get; }
    public HclBody Body { get; }
    public IReadOnlyList<HclComment> Comments { get; }
    public IReadOnlyList<SyntaxDiagnostic> Diagnostics { get; }
    public bool HasErrors => Diagnostics.Count > 0;

    public string GetText(TextSpan span) => Text.Substring(span.Start, span.Length);
}

public enum HclCommentKind
{
    /// <summary><c># …</c></summary>
    Hash,
    /// <summary><c>// …</c></summary>
    DoubleSlash,
    /// <summary><c>/* … */</c></summary>
    Block,
    /// <summary>A <c>"//": "…"</c> member in JSON syntax; the span is the whole member.</summary>
    JsonProperty,
}

/// <summary>A comment; the span covers the markers but not the line break that ends a line comment.</summary>
public sealed class HclComment
{
    internal HclComment(TextSpan span, HclCommentKind kind)
    {
        Span = span;
        Kind = kind;
    }

    public TextSpan Span { get; }
    public HclCommentKind Kind { get; }

    /// <summary>The comment text without its markers.</summary>
    public string GetContent(string text)
    {
        if (Kind == HclCommentKind.JsonProperty) return text.Substring(Span.Start, Span.Length);
        int start = Span.Start + (Kind == HclCommentKind.Hash ? 1 : 2);
        int end = Kind == HclCommentKind.Block && Span.Length >= 4 ? Span.End - 2 : Span.End;
        return end > start ? text.Substring(start, end - start) : string.Empty;
    }
}
