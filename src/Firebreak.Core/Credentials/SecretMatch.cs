using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Credentials;

/// <summary>What told the scanner which kind a value is.</summary>
public enum SecretEvidence
{
    /// <summary>The value's own format (a distinctive prefix or structure).</summary>
    Format,
    /// <summary>The variable or key name the value is assigned to.</summary>
    VariableName,
    /// <summary>The HTTP header the value is sent in.</summary>
    Header,
}

/// <summary>One credential found in a text. Holds no copy of the secret: only its span and a redacted form.</summary>
public sealed class SecretMatch
{
    internal SecretMatch(TextSpan span, TokenKind kind, string redacted, SecretEvidence evidence, string? contextName)
    {
        Span = span;
        Kind = kind;
        Redacted = redacted;
        Evidence = evidence;
        ContextName = contextName;
    }

    /// <summary>The exact span of the value (no quotes, no scheme, no variable name).</summary>
    public TextSpan Span { get; }
    public TokenKind Kind { get; }
    public TokenScope Scope => Kind.Scope;
    public bool IsBlanket => Kind.IsBlanket;

    /// <summary>At most the first 4 characters of the value, then an ellipsis: <c>ghp_…</c>.</summary>
    public string Redacted { get; }

    public SecretEvidence Evidence { get; }

    /// <summary>The variable or header name that identified the value, when there was one.</summary>
    public string? ContextName { get; }

    public override string ToString() => $"{Kind.Id} {Redacted} {Span}";
}
