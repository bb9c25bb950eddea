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
        IReadOnlyList<string> mustMatchTemplates,
        IReadOnlyList<string> mustNotMatchTemplates)
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
        _mustMatchTemplates = mustMatchTemplates;
        _mustNotMatchTemplates = mustNotMatchTemplates;
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

    // The catalogue's example templates, expanded when first asked for (by the tests and the scanner's own-catalogue
    // check): a guard decision never needs them.
    private readonly IReadOnlyList<string> _mustMatchTemplates;
    private readonly IReadOnlyList<string> _mustNotMatchTemplates;
    private IReadOnlyList<string>? _mustMatch;
    private IReadOnlyList<string>? _mustNotMatch;

    /// <summary>Texts (templates expanded) in which the scanner must find this kind.</summary>
    public IReadOnlyList<string> MustMatch => _mustMatch ??= Expand(_mustMatchTemplates);

    /// <summary>Texts (templates expanded) in which the scanner must not find this kind.</summary>
    public IReadOnlyList<string> MustNotMatch => _mustNotMatch ??= Expand(_mustNotMatchTemplates);

    private static IReadOnlyList<string> Expand(IReadOnlyList<string> templates)
    {
        if (templates.Count == 0) return Array.Empty<string>();
        var expanded = new string[templates.Count];
        for (int i = 0; i < expanded.Length; i++) expanded[i] = CatalogExampleExpander.Expand(templates[i]);
        return expanded;
    }

    // Boundary-free forms (no look-arounds, no timeout): the boundaries are checked in code around each match, so no
    // result depends on a wall-clock timeout or the machine's load. A user catalogue's pattern runs on the linear-time
    // engine (a repository can supply it); the built-in patterns, reviewed and free of nested quantifiers (a test checks),
    // run on the backtracking interpreter, which builds in microseconds where the linear engine takes about 1.5 ms per
    // pattern — paid by a guard decision for every kind a command mentions.
    private Regex? _boundarySearch;
    private Regex? _boundaryExact;
    private Regex? _boundaryAnchored;

    /// <summary>Set for the built-in catalogue's kinds.</summary>
    internal bool Trusted { get; set; }

    /// <summary>Longest text tried after a name or header for its value: no token is longer.</summary>
    private const int AnchoredWindow = 8192;

    private Regex? Boundless(ref Regex? cache, string pattern)
    {
        if (cache is not null) return cache;
        var regex = Trusted
            ? new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)
            : Text.LinearRegex.TryCreate(pattern, RegexOptions.ExplicitCapture);
        return cache = regex;
    }

    private bool Linear(out Regex search) =>
        (search = Boundless(ref _boundarySearch, "(?:" + ValuePattern + ")")!) is not null;

    private bool LinearExact(out Regex exact) =>
        (exact = Boundless(ref _boundaryExact, @"\A(?:" + ValuePattern + @")\z")!) is not null;

    /// <summary>A character a value cannot follow (<see cref="LeftBoundary"/>).</summary>
    private static bool ContinuesLeft(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '+' or '/' or '-';

    /// <summary>A character a value cannot be followed by (<see cref="RightBoundary"/>).</summary>
    private static bool ContinuesRight(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-';

    /// <summary>Every value of this kind in a text, with word boundaries, left to right.</summary>
    internal IReadOnlyList<Match> Search(string text)
    {
        var found = new List<Match>();
        if (!Linear(out var linear))
        {
            try
            {
                for (var m = SearchRegex.Match(text); m.Success; m = m.NextMatch()) found.Add(m);
            }
            catch (RegexMatchTimeoutException)
            {
                // Only without the linear engine (an old .NET Framework host): keep what was found before it.
            }
            return found;
        }
        int at = 0;
        while (at <= text.Length)
        {
            var m = linear.Match(text, at);
            if (!m.Success) break;
            int start = m.Index, end = m.Index + m.Length;
            if (start > 0 && ContinuesLeft(text[start - 1]))
            {
                // No value starts inside a word: skip to the next position a word could start at.
                at = start + 1;
                while (at < text.Length && ContinuesLeft(text[at - 1])) at++;
                continue;
            }
            if (end < text.Length && ContinuesRight(text[end]))
            {
                at = start + 1;
                continue;
            }
            found.Add(m);
            at = Math.Max(end, start + 1);
        }
        return found;
    }

    /// <summary>The value starting exactly at <paramref name="start"/> (after a name or header), or null.</summary>
    internal Match? Anchored(string text, int start)
    {
        if (start < 0 || start > text.Length) return null;
        if (!Linear(out var linear))
        {
            try
            {
                var m = AnchoredRegex.Match(text, start);
                return m.Success ? m : null;
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }
        // Our own patterns run on the backtracking engine: there a `\G` pattern tries the one position (the same match
        // the search finds when it starts there), where the search would go on through the window for a later one.
        var regex = Trusted ? Boundless(ref _boundaryAnchored, @"\G(?:" + ValuePattern + ")")! : linear;
        var match = regex.Match(text, start, Math.Min(AnchoredWindow, text.Length - start));
        if (!match.Success || match.Index != start) return null;
        int end = match.Index + match.Length;
        return end < text.Length && ContinuesRight(text[end]) ? null : match;
    }

    /// <summary>Whether a whole string is a value of this kind.</summary>
    internal bool IsExact(string value)
    {
        if (LinearExact(out var exact)) return exact.IsMatch(value);
        try
        {
            return ExactRegex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

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
    internal void Validate()
    {
        _ = new Regex(@"\A(?:" + ValuePattern + @")\z", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
        // A catalogue can come from the scanned repository: its patterns must run in linear time. The regex built to
        // check it is the one searches use (cached), so the check costs no second construction.
        bool linear = Trusted ? Text.LinearRegex.TryCreate(ValuePattern) is not null : Linear(out _);
        if (Text.LinearRegex.IsAvailable && !linear)
            throw new ArgumentException("the pattern needs backtracking (a back-reference, a look-around or an atomic group); token patterns must run in linear time");
    }

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
