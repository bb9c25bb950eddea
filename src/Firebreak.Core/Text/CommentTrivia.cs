using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Text;

/// <summary>A comment found by a parser or lexer; suppressions are read from these.</summary>
public readonly struct CommentTrivia
{
    public CommentTrivia(TextSpan span, string text)
    {
        Span = span;
        Text = text;
    }

    /// <summary>The whole comment in the host file, markers included.</summary>
    public TextSpan Span { get; }

    /// <summary>The comment's text without its markers.</summary>
    public string Text { get; }
}
