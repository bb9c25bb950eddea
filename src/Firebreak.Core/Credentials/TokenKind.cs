using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Firebreak.Core.Credentials;

/// <summary>One kind of credential: what it is, how it looks, how it is sent and how far it reaches.</summary>
public sealed class TokenKind
{
    // Value boundaries: a token never continues into a neighbouring word character.
    private const string LeftBoundary = @"(?<![A-Za-z0-9_+/-])";
    private const string RightBoundary = @"(?![A-Za-z0-9_-])";
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    // Compiled on first use: most scans touch a handful of kinds. Two threads may race to compile the same one;
    // both results are equal and one wins, so no lock is needed.
    private Regex? _searchRegex;
    private Regex? _anchoredRegex;
    private Regex? _exactRegex;

    internal TokenKind(
        string id,
        string platform,
        string displayName,
        TokenScope scope,
        bool isBlanket,
        TokenLifetime lifetime,
        string valuePattern,
        bool requiresContext,
        IReadOnlyList<string> keywords,
        IReadOnlyList<string> variableNames,
        IReadOnlyList<TokenHeader> headers,
        string? jwtRole,
        double minEntropy,
        int priority,
        string scopedAlternative,
        IReadOnlyList<string> docs,
        IReadOnlyList<string> mustMatch,
        IReadOnlyList<string> mustNotMatch)
    {
        Id = id;
        Platform = platform;
        DisplayName = displayName;
        Scope = scope;
        IsBlanket = isBlanket;
        Lifetime = lifetime;
        ValuePattern = valuePattern;
        RequiresContext = requiresContext;
        Keywords = keywords;
        VariableNames = variableNames;
        Headers = headers;
        JwtRole = jwtRole;
        MinEntropy = minEntropy;
        Priority = priority;
        ScopedAlternative = scopedAlternative;
        Docs = docs;
        MustMatch = mustMatch;
        MustNotMatch = mustNotMatch;
    }

    /// <summary>Stable identifier, e.g. <c>railway-account-token</c>.</summary>
    public string Id { get; }
    public string Platform { get; }
    public string DisplayName { get; }
    public TokenScope Scope { get; }

    /// <summary>True when one token reaches more than one environment or project.</summary>
    public bool IsBlanket { get; }
    public TokenLifetime Lifetime { get; }

    /// <summary>.NET regex for the value; a group named <c>value</c> narrows the reported span.</summary>
    public string ValuePattern { get; }

    /// <summary>
    /// True for prefix-less formats (UUIDs, hex): a value only counts when a variable name or header right
    /// before it says what it is.
    /// </summary>
    public bool RequiresContext { get; }

    /// <summary>Literal text present in (or right next to) every value; the scanner's prefilter.</summary>
    public IReadOnlyList<string> Keywords { get; }
    public IReadOnlyList<string> VariableNames { get; }

    /// <summary>
    /// Variable names a platform's CLI reads whatever kind of token they hold (<c>HEROKU_API_KEY</c> takes an account
    /// key or a scoped OAuth authorization). Such a name says what the token is only when the secret behind it is named
    /// for this kind too; a secret named otherwise leaves the kind open.
    /// </summary>
    public IReadOnlyList<string> CarrierVariables { get; internal set; } = Array.Empty<string>();
    public IReadOnlyList<TokenHeader> Headers { get; }

    /// <summary>For JWT values: the <c>role</c> claim that identifies the kind (<c>service_role</c>).</summary>
    public string? JwtRole { get; }
    public double MinEntropy { get; }
    public int Priority { get; }

    /// <summary>The narrower credential to use instead, one sentence.</summary>
    public string ScopedAlternative { get; }
    public IReadOnlyList<string> Docs { get; }

    /// <summary>Texts (templates expanded) in which the scanner must find this kind.</summary>
    public IReadOnlyList<string> MustMatch { get; }

    /// <summary>Texts in which the scanner must not find this kind.</summary>
    public IReadOnlyList<string> MustNotMatch { get; }

    /// <summary>Finds values anywhere in a text, with word boundaries.</summary>
    internal Regex SearchRegex => _searchRegex ??= Compile(LeftBoundary + "(?:" + ValuePattern + ")" + RightBoundary);

    /// <summary>Matches a value starting exactly at the position given to <see cref="Regex.Match(string, int)"/>.</summary>
    internal Regex AnchoredRegex => _anchoredRegex ??= Compile(@"\G(?:" + ValuePattern + ")" + RightBoundary);

    /// <summary>Matches a whole string.</summary>
    internal Regex ExactRegex => _exactRegex ??= Compile(@"\A(?:" + ValuePattern + @")\z");

    /// <summary>
    /// Checks that the pattern is valid; called once when the catalogue is loaded. The interpreter is enough to
    /// validate, and emitting IL for every kind would cost a short scan most of its start-up time.
    /// </summary>
    internal void Validate() => _ = new Regex(@"\A(?:" + ValuePattern + @")\z", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);

    private static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);

    /// <summary>
    /// True when the value (the span already extracted) is this kind by itself, without context:
    /// the format matches and, for JWT kinds, the role claim agrees.
    /// </summary>
    internal bool AcceptsValue(string value) =>
        JwtRole is null || JwtClaims.HasRole(value, JwtRole);

    public override string ToString() => Id;
}
