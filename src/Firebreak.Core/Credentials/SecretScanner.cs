using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Credentials;

/// <summary>
/// Finds committed credentials in any text file (.env, YAML, JSON, TOML, shell, Markdown, agent instruction files)
/// and says what each one is and how far it reaches.
/// <para>
/// Two ways to recognise a value: its own format (<c>ghp_…</c>, <c>AKIA…</c>, a PEM block), or — for prefix-less
/// values such as Railway and Heroku UUIDs — the variable name or header right before it
/// (<c>RAILWAY_TOKEN=…</c>, <c>Project-Access-Token: …</c>). A UUID with nothing around it is never reported.
/// </para>
/// </summary>
public sealed class SecretScanner
{
    private static readonly Lazy<SecretScanner> s_default = new(() => new SecretScanner(TokenCatalog.Default));

    // How far (characters, either side) a header's `near` host may be from the header.
    private const int NearWindow = 400;

    private readonly bool _quietOnCatalogExamples;
    private readonly Lazy<HashSet<string>> _catalogExampleValues;

    /// <param name="catalog">The token kinds; <see cref="TokenCatalog.Default"/> when null.</param>
    /// <param name="quietOnCatalogExamples">
    /// Stay quiet on the catalogue's own example values (so scanning Firebreak's docs and tests finds nothing).
    /// The catalogue self-tests turn this off.
    /// </param>
    public SecretScanner(TokenCatalog? catalog = null, bool quietOnCatalogExamples = true)
    {
        Catalog = catalog ?? TokenCatalog.Default;
        _quietOnCatalogExamples = quietOnCatalogExamples;
        _catalogExampleValues = new Lazy<HashSet<string>>(CollectCatalogExampleValues);
    }

    /// <summary>A scanner over the embedded catalogue, quiet on the catalogue's own examples.</summary>
    public static SecretScanner Default => s_default.Value;

    public TokenCatalog Catalog { get; }

    public IReadOnlyList<SecretMatch> Scan(SourceText source) => Scan(source?.Text ?? string.Empty);

    /// <summary>All credentials in <paramref name="text"/>, in text order, without overlaps. Never throws on any input.</summary>
    public IReadOnlyList<SecretMatch> Scan(string text)
    {
        if (string.IsNullOrEmpty(text)) return Array.Empty<SecretMatch>();
        // The catalogue's examples are collected only when a candidate is found: most files have none, and collecting
        // them runs every kind's pattern once.
        var candidates = FindCandidates(text, _quietOnCatalogExamples ? _catalogExampleValues : null);
        return candidates.Count == 0 ? Array.Empty<SecretMatch>() : ResolveOverlaps(candidates);
    }

    /// <summary>At most the first 4 characters of a value, then an ellipsis. Short values show less.</summary>
    public static string Redact(string value)
    {
        if (string.IsNullOrEmpty(value)) return "\u2026";
        // A value shorter than 16 shows a quarter of itself at most, so short secrets are not half printed.
        int shown = Math.Min(4, value.Length / 4);
        return value.Substring(0, shown) + "\u2026";
    }

    private List<Candidate> FindCandidates(string text, Lazy<HashSet<string>>? quietValues)
    {
        var candidates = new List<Candidate>();

        // 1. One pass for every keyword: token prefixes, variable names, header names.
        var prefixKinds = new HashSet<TokenKind>();
        var contextHits = new List<(int Position, string Keyword)>();
        Catalog.FindKeywords(text, (position, keyword) =>
        {
            if (Catalog.KindsByPrefixKeyword.TryGetValue(keyword, out var kinds)) prefixKinds.UnionWith(kinds);
            if (Catalog.KindsByVariable.ContainsKey(keyword) || Catalog.KindsByHeader.ContainsKey(keyword))
                contextHits.Add((position, keyword));
        });
        if (prefixKinds.Count == 0 && contextHits.Count == 0) return candidates;

        // 2. Self-identifying formats, only for kinds whose keyword occurs.
        foreach (var kind in prefixKinds)
        {
            if (kind.RequiresContext) continue;
            foreach (Match match in kind.Search(text))
            {
                var group = match.Groups["value"];
                var (start, length) = group.Success ? (group.Index, group.Length) : (match.Index, match.Length);
                AddIfReal(candidates, text, kind, start, length, SecretEvidence.Format, null, quietValues);
            }
        }

        // 3. Values named by the variable or header right before them.
        foreach (var (position, keyword) in contextHits)
        {
            if (Catalog.KindsByVariable.TryGetValue(keyword, out var byVariable))
            {
                int nameEnd = AssignmentValueLocator.NameEnd(text, position, keyword, isHeader: false);
                if (nameEnd >= 0)
                {
                    int valueStart = AssignmentValueLocator.ValueStart(text, nameEnd, scheme: null);
                    if (valueStart >= 0)
                    {
                        string name = text.Substring(position, nameEnd - position);
                        foreach (var kind in byVariable)
                            TryAnchored(candidates, text, kind, valueStart, SecretEvidence.VariableName, name, quietValues);
                    }
                }
            }

            if (Catalog.KindsByHeader.TryGetValue(keyword, out var byHeader))
            {
                int nameEnd = AssignmentValueLocator.NameEnd(text, position, keyword, isHeader: true);
                if (nameEnd < 0) continue;
                string name = text.Substring(position, nameEnd - position);
                foreach (var (kind, header) in byHeader)
                {
                    if (header.Near.Count > 0 && !IsNear(text, position, header.Near)) continue;
                    int valueStart = AssignmentValueLocator.ValueStart(text, nameEnd, header.Scheme);
                    if (valueStart >= 0)
                        TryAnchored(candidates, text, kind, valueStart, SecretEvidence.Header, name, quietValues);
                }
            }
        }
        return candidates;
    }

    private static void TryAnchored(
        List<Candidate> candidates, string text, TokenKind kind, int valueStart,
        SecretEvidence evidence, string contextName, Lazy<HashSet<string>>? quietValues)
    {
        if (kind.Anchored(text, valueStart) is not { } match) return;
        var group = match.Groups["value"];
        var (start, length) = group.Success ? (group.Index, group.Length) : (match.Index, match.Length);
        AddIfReal(candidates, text, kind, start, length, evidence, contextName, quietValues);
    }

    private static void AddIfReal(
        List<Candidate> candidates, string text, TokenKind kind, int start, int length,
        SecretEvidence evidence, string? contextName, Lazy<HashSet<string>>? quietValues)
    {
        if (length == 0) return;
        // A candidate is validated, measured for entropy and checked against placeholders: about four tokens' work.
        WorkBudget.Charge(Budget.Tokens, 4);
        string value = text.Substring(start, length);
        if (!kind.AcceptsValue(value)) return;
        if (quietValues is not null && quietValues.Value.Contains(value)) return;
        if (PlaceholderDetector.IsPlaceholder(value, PrefixLength(kind, value), kind.MinEntropy)) return;
        candidates.Add(new Candidate(new TextSpan(start, length), kind, value, evidence, contextName));
    }

    private static int PrefixLength(TokenKind kind, string value)
    {
        foreach (string keyword in kind.Keywords)
            if (value.StartsWith(keyword, StringComparison.Ordinal)) return keyword.Length;
        return 0;
    }

    private static bool IsNear(string text, int position, IReadOnlyList<string> hosts)
    {
        int from = Math.Max(0, position - NearWindow);
        int to = Math.Min(text.Length, position + NearWindow);
        foreach (string host in hosts)
            if (text.IndexOf(host, from, to - from, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        return false;
    }

    /// <summary>
    /// Keeps one match per stretch of text: higher kind priority, then the longer span, then a value that a name or
    /// header also vouches for (more context in the message), then catalogue order.
    /// </summary>
    private IReadOnlyList<SecretMatch> ResolveOverlaps(List<Candidate> candidates)
    {
        var ordered = candidates
            .Select((c, i) => (Candidate: c, Order: i))
            .OrderByDescending(x => x.Candidate.Kind.Priority)
            .ThenByDescending(x => x.Candidate.Span.Length)
            .ThenBy(x => x.Candidate.Evidence == SecretEvidence.Format ? 1 : 0)
            .ThenBy(x => x.Order)
            .Select(x => x.Candidate);

        // Kept spans never overlap, so sorted by start each one only needs checking against its neighbours: linear-
        // logarithmic in the candidates (a `.env` of 350,000 key ids was quadratic here).
        var kept = new List<Candidate>();
        var empty = new List<Candidate>();
        foreach (var candidate in ordered)
        {
            if (candidate.Span.Length == 0)
            {
                empty.Add(candidate); // overlaps nothing, and would break the neighbours-only check below
                continue;
            }
            int index = LowerBound(kept, candidate.Span.Start);
            if (index < kept.Count && kept[index].Span.OverlapsWith(candidate.Span)) continue;
            if (index > 0 && kept[index - 1].Span.OverlapsWith(candidate.Span)) continue;
            kept.Insert(index, candidate);
        }
        return kept
            .Concat(empty)
            .OrderBy(c => c.Span.Start)
            .Select(c => new SecretMatch(c.Span, c.Kind, Redact(c.Value), c.Evidence, c.ContextName))
            .ToArray();
    }

    /// <summary>The first index in <paramref name="sorted"/> (by start) whose span starts at or after <paramref name="start"/>.</summary>
    private static int LowerBound(List<Candidate> sorted, int start)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].Span.Start < start) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private HashSet<string> CollectCatalogExampleValues()
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in Catalog.Kinds)
        {
            foreach (string example in kind.MustMatch)
            {
                foreach (var candidate in FindCandidates(example, quietValues: null)) values.Add(candidate.Value);
            }
        }
        return values;
    }

    private sealed class Candidate
    {
        public Candidate(TextSpan span, TokenKind kind, string value, SecretEvidence evidence, string? contextName)
        {
            Span = span;
            Kind = kind;
            Value = value;
            Evidence = evidence;
            ContextName = contextName;
        }

        public TextSpan Span { get; }
        public TokenKind Kind { get; }
        public string Value { get; }
        public SecretEvidence Evidence { get; }
        public string? ContextName { get; }
    }
}
