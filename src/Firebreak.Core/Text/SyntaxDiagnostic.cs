namespace Firebreak.Core.Text;

/// <summary>A problem a parser met and recovered from; the span is in the text the parser was given.</summary>
public sealed class SyntaxDiagnostic
{
    public SyntaxDiagnostic(Text.TextSpan span, string message)
    {
        Span = span;
        Message = message;
    }

    public Text.TextSpan Span { get; }
    public string Message { get; }

    public override string ToString() => $"{Span}: {Message}";
}
