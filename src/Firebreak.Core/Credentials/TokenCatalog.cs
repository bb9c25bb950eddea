using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;

namespace Firebreak.Core.Credentials;

/// <summary>
/// The token kinds Firebreak knows: the embedded <c>rules/catalogs/tokens.yaml</c>, plus any entries a user adds
/// through configuration. Immutable; <see cref="Default"/> is loaded once, lazily, thread-safely.
/// </summary>
public sealed class TokenCatalog
{
    internal const string ResourceName = "catalogs/tokens.yaml";

    private static readonly Lazy<TokenCatalog> s_default =
        new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, TokenKind> _byId;
    private readonly KeywordIndex _keywords;

    // keyword (case-insensitive) -> what it stands for; built once per catalogue.
    internal readonly Dictionary<string, List<TokenKind>> KindsByPrefixKeyword = new(StringComparer.OrdinalIgnoreCase);
    internal readonly Dictionary<string, List<TokenKind>> KindsByVariable = new(StringComparer.OrdinalIgnoreCase);
    internal readonly Dictionary<string, List<(TokenKind Kind, TokenHeader Header)>> KindsByHeader = new(StringComparer.OrdinalIgnoreCase);

    private TokenCatalog(IReadOnlyList<TokenKind> kinds)
    {
        Kinds = kinds;
        _byId = new Dictionary<string, TokenKind>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            if (_byId.ContainsKey(kind.Id)) throw new FormatException($"token kind '{kind.Id}' is defined twice");
            _byId.Add(kind.Id, kind);
            foreach (string k in kind.Keywords) Add(KindsByPrefixKeyword, k, kind);
            foreach (string v in kind.VariableNames) Add(KindsByVariable, v, kind);
            foreach (var h in kind.Headers) Add(KindsByHeader, h.Name, (kind, h));
        }
        _keywords = new KeywordIndex(KindsByPrefixKeyword.Keys.Concat(KindsByVariable.Keys).Concat(KindsByHeader.Keys));
    }

    /// <summary>The embedded catalogue.</summary>
    public static TokenCatalog Default => s_default.Value;

    public IReadOnlyList<TokenKind> Kinds { get; }

    /// <summary>Reads a catalogue from YAML text (a top-level <c>tokens:</c> list). Throws <see cref="FormatException"/> on a bad entry.</summary>
    public static TokenCatalog Parse(string yaml, string sourceName = "tokens.yaml") =>
        new(TokenCatalogReader.Read(yaml ?? throw new ArgumentNullException(nameof(yaml)), sourceName));

    /// <summary>
    /// This catalogue plus the entries in <paramref name="yaml"/> (e.g. from <c>firebreak.yml</c>); an entry with an
    /// existing id replaces the built-in one.
    /// </summary>
    public TokenCatalog WithEntries(string yaml, string sourceName = "firebreak.yml")
    {
        var extra = TokenCatalogReader.Read(yaml ?? throw new ArgumentNullException(nameof(yaml)), sourceName);
        var replaced = new HashSet<string>(extra.Select(k => k.Id), StringComparer.Ordinal);
        return new TokenCatalog(Kinds.Where(k => !replaced.Contains(k.Id)).Concat(extra).ToArray());
    }

    public TokenKind? Find(string id) => _byId.TryGetValue(id, out var kind) ? kind : null;

    /// <summary>
    /// Kinds that a value is by its own format (prefixed or structured), without any name or header around it.
    /// Prefix-less kinds (UUID tokens) are never returned: a UUID alone says nothing.
    /// </summary>
    public IReadOnlyList<TokenKind> FindByValue(string value)
    {
        if (string.IsNullOrEmpty(value)) return Array.Empty<TokenKind>();
        var found = new List<TokenKind>();
        foreach (var kind in Kinds)
        {
            if (!kind.RequiresContext && kind.IsExact(value) && kind.AcceptsValue(value)) found.Add(kind);
        }
        return Ordered(found);
    }

    /// <summary>
    /// Kinds usually held by a variable of this name. Extra <c>_</c>-separated segments are allowed
    /// (<c>STAGING_RAILWAY_TOKEN</c> holds a Railway project token); the comparison ignores case.
    /// </summary>
    public IReadOnlyList<TokenKind> FindByVariable(string variableName)
    {
        if (string.IsNullOrEmpty(variableName)) return Array.Empty<TokenKind>();
        if (KindsByVariable.TryGetValue(variableName, out var exact)) return Ordered(exact);
        var found = new List<TokenKind>();
        foreach (var pair in KindsByVariable)
        {
            int at = variableName.IndexOf(pair.Key, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && AssignmentValueLocator.NameEnd(variableName, at, pair.Key, isHeader: false) == variableName.Length)
                found.AddRange(pair.Value);
        }
        return Ordered(found.Distinct());
    }

    /// <summary>
    /// Kinds sent in this header. With <paramref name="headerValue"/> (e.g. <c>Bearer ghp_…</c>), only kinds whose
    /// scheme and value format agree; a value that identifies itself wins over the header's generic candidates.
    /// </summary>
    public IReadOnlyList<TokenKind> FindByHeader(string headerName, string? headerValue = null)
    {
        if (string.IsNullOrEmpty(headerName) || !KindsByHeader.TryGetValue(headerName.Trim(), out var entries))
            return Array.Empty<TokenKind>();
        if (headerValue is null) return Ordered(entries.Select(e => e.Kind).Distinct());

        var found = new List<TokenKind>();
        foreach (var (kind, header) in entries)
        {
            string value = headerValue.Trim();
            if (header.Scheme is not null)
            {
                if (!value.StartsWith(header.Scheme + " ", StringComparison.OrdinalIgnoreCase)) continue;
                value = value.Substring(header.Scheme.Length).Trim();
            }
            if (kind.IsExact(value) && kind.AcceptsValue(value) && !found.Contains(kind)) found.Add(kind);
        }
        return Ordered(found);
    }

    /// <summary>
    /// The single best guess for a value seen with an optional variable name and/or header name: its own format
    /// first, then the variable, then the header. Null when nothing says what it is.
    /// </summary>
    public TokenKind? Identify(string value, string? variableName = null, string? headerName = null)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var byValue = FindByValue(value);
        if (byValue.Count > 0) return byValue[0];
        if (variableName is not null)
        {
            foreach (var kind in FindByVariable(variableName))
                if (kind.IsExact(value) && kind.AcceptsValue(value)) return kind;
        }
        if (headerName is not null)
        {
            foreach (var kind in FindByHeader(headerName))
                if (kind.IsExact(value) && kind.AcceptsValue(value)) return kind;
        }
        return null;
    }

    internal void FindKeywords(string text, Action<int, string> onHit) => _keywords.FindAll(text, onHit);

    /// <summary>Higher priority first, then catalogue order (the catalogue lists the usual kind before rarer ones).</summary>
    private IReadOnlyList<TokenKind> Ordered(IEnumerable<TokenKind> kinds) =>
        Text.StableOrder.Sorted(kinds, (a, b) => a.Priority != b.Priority ? b.Priority.CompareTo(a.Priority) : IndexOf(a).CompareTo(IndexOf(b)));

    private int IndexOf(TokenKind kind)
    {
        for (int i = 0; i < Kinds.Count; i++) if (ReferenceEquals(Kinds[i], kind)) return i;
        return int.MaxValue;
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = new List<T>();
        list.Add(value);
    }

    private static TokenCatalog LoadEmbedded()
    {
        return new TokenCatalog(TokenCatalogReader.Read(Catalogs.EmbeddedCatalog.Text(ResourceName), "rules/catalogs/tokens.yaml", trusted: true));
    }
}
