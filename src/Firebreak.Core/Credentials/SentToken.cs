using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Firebreak.Core.Documents;
using Firebreak.Core.Commands;
using Firebreak.Core.Commands.Http;
using Firebreak.Core.Credentials;
using Firebreak.Core.Text;

namespace Firebreak.Core.Credentials;

/// <summary>
/// A credential a script sends in an HTTP header (<c>curl -H "Authorization: Bearer $RAILWAY_API_TOKEN" …</c>), with
/// the kinds the header and the host say it must be. Names lie; how a token is sent does not: Railway only accepts an
/// account or workspace token as <c>Authorization: Bearer</c> and a project token only as <c>Project-Access-Token</c>.
/// The request comes from <see cref="HttpRequestReader"/> over the unwrapped commands of <see cref="ShellSources"/>, so
/// <c>sudo -E curl …</c> and <c>sh -c "curl …"</c> count too.
/// </summary>
internal sealed class SentToken
{
    private static readonly Regex SecretInExpression = new(@"secrets\.(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);
    private static readonly Regex Parameter = new(@"\$\{?(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);

    private SentToken(string headerName, string? scheme, string variable, TextSpan span, IReadOnlyList<TokenKind> kinds)
    {
        HeaderName = headerName;
        Scheme = scheme;
        Variable = variable;
        Span = span;
        Kinds = kinds;
    }

    public string HeaderName { get; }
    public string? Scheme { get; }

    /// <summary>The shell variable (or <c>secrets.X</c> name) whose value is sent.</summary>
    public string Variable { get; }

    /// <summary>The argument holding the header, in file offsets.</summary>
    public TextSpan Span { get; }

    /// <summary>The token kinds this header and host accept; empty when nothing can be told.</summary>
    public IReadOnlyList<TokenKind> Kinds { get; }

    public bool IsBlanket => Kinds.Count > 0 && Kinds.All(k => k.IsBlanket);
    public bool IsScoped => Kinds.Count > 0 && Kinds.All(k => !k.IsBlanket);

    public string HeaderText => Scheme is null ? HeaderName : HeaderName + ": " + Scheme;

    /// <param name="hostText">The text of the file holding <paramref name="source"/>.</param>
    /// <param name="clients">The programs that make HTTP requests; the built-in ones when null.</param>
    public static IReadOnlyList<SentToken> In(ShellSource source, string hostText, TokenCatalog catalog, HttpClientCatalog? clients = null)
    {
        var found = new List<SentToken>();
        foreach (var command in source.Commands)
        {
            if (HttpRequestReader.Read(command, clients) is not { } request) continue;
            // The URL as the shell expands it (`API=https://…; curl "$API"`); when even that hides the host, the script
            // around the command says where it points. Built for the first header that sends a variable, if any: with
            // the whole script in it, a text per command was quadratic in a script of many requests.
            string? commandText = null;
            foreach (var header in request.Headers)
            {
                if (SentVariable(header, hostText) is not { } variable) continue;
                commandText ??= Slice(hostText, command.Span) + "\n" + request.Url + (request.Host is null ? "\n" + source.Text.Value : string.Empty);
                string value = header.Value;
                int space = value.IndexOf(' ');
                string? scheme = space > 0 ? value.Substring(0, space) : null;
                found.Add(new SentToken(header.Name, scheme, variable, header.ArgumentSpan, Classify(catalog, header.Name, scheme, commandText)));
            }
        }
        return found;
    }

    /// <summary>The secret or shell variable a header's value sends, if it sends one.</summary>
    private static string? SentVariable(HttpHeader header, string hostText) =>
        // `${{ secrets.X }}` is masked before the shell sees a run block; the file still shows which secret it is.
        SecretInExpression.Match(Slice(hostText, header.Span)) is { Success: true } secret ? secret.Groups["name"].Value
            : Parameter.Match(header.Value) is { Success: true } parameter ? parameter.Groups["name"].Value : null;

    private static string Slice(string text, TextSpan span) =>
        span.Start >= 0 && span.End <= text.Length && span.End >= span.Start ? text.Substring(span.Start, span.Length) : string.Empty;

    /// <summary>
    /// The kinds sent this way. A header entry limited to some hosts (<c>near:</c>) decides when one of them is in the
    /// command; otherwise every kind the header carries is a candidate, and mixed candidates decide nothing.
    /// </summary>
    public static IReadOnlyList<TokenKind> Classify(TokenCatalog catalog, string headerName, string? scheme, string commandText)
    {
        var nearMatched = new List<TokenKind>();
        var generic = new List<TokenKind>();
        foreach (var kind in catalog.FindByHeader(headerName))
        {
            foreach (var header in kind.Headers)
            {
                if (!string.Equals(header.Name, headerName, StringComparison.OrdinalIgnoreCase)) continue;
                if (header.Scheme is not null && !string.Equals(header.Scheme, scheme, StringComparison.OrdinalIgnoreCase)) continue;
                if (header.Near.Count == 0)
                {
                    if (!generic.Contains(kind)) generic.Add(kind);
                    continue;
                }
                foreach (string host in header.Near)
                {
                    if (commandText.IndexOf(host, StringComparison.OrdinalIgnoreCase) >= 0 && !nearMatched.Contains(kind)) nearMatched.Add(kind);
                }
            }
        }
        return nearMatched.Count > 0 ? nearMatched : generic;
    }
}
