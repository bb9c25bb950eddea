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
    internal ShellComment(TextSpan span, string text) : base(span) => Text = text;

    /// <summary>The comment text after <c>#</c>.</summary>
    public string Text { get; }
}
