using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Shell;

/// <summary>A parsed shell script: its statements, comments (for suppressions) and the problems met.</summary>
public sealed class ShellScript
{
    internal ShellScript(string text, IReadOnlyList<ShellStatement> statements, IReadOnlyList<ShellComment> comments, IReadOnlyList<SyntaxDiagnostic> diagnostics)
    {
        Text = text;
        Statements = statements;
        Comments = comments;
        Diagnostics = diagnostics;
    }

    public string Text { get; }
    public IReadOnlyList<ShellStatement> Statements { get; }
    public IReadOnlyList<ShellComment> Comments { get; }
    public IReadOnlyList<SyntaxDiagnostic> Diagnostics { get; }

    public string GetText(TextSpan span) => Text.Substring(span.Start, span.Length);
}

/// <summary>A <c># …</c> comment; the span covers the <c>#</c> up to the end of the line.</summary>
public sealed class ShellComment : ShellNode
{
    private readonly string _source;
    private readonly int _start, _length;
    private string? _text;

    /// <param name="source">The parsed text, in which the comment's text after <c>#</c> is [start, start+length).</param>
    internal ShellComment(TextSpan span, string source, int start, int length) : base(span)
    {
        _source = source;
        _start = start;
        _length = length;
    }

    /// <summary>The comment text after <c>#</c> (copied out when first asked: most comments never are).</summary>
    public string Text => _text ??= _source.Substring(_start, _length);
}
