using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Firebreak.Core.Credentials;
using Firebreak.Core.Languages.Shell;
using Firebreak.Core.Text;

namespace Firebreak.Core.Rules.Credentials;

/// <summary>
/// A credential a script sends in an HTTP header (<c>curl -H "Authorization: Bearer $RAILWAY_API_TOKEN" …</c>), with
/// the kinds the header and the host say it must be. Names lie; how a token is sent does not: Railway only accepts an
/// account or workspace token as <c>Authorization: Bearer</c> and a project token only as <c>Project-Access-Token</c>.
/// </summary>
internal sealed class SentToken
{
    private static readonly Regex SecretInExpression = new(@"secrets\.(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);
    private static readonly string[] HttpClients = { "curl", "wget" };

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

    /// <summary>The header argument, in the script's own offsets.</summary>
    public TextSpan Span { get; }

    /// <summary>The token kinds this header and host accept; empty when nothing can be told.</summary>
    public IReadOnlyList<TokenKind> Kinds { get; }

    public bool IsBlanket => Kinds.Count > 0 && Kinds.All(k => k.IsBlanket);
    public bool IsScoped => Kinds.Count > 0 && Kinds.All(k => !k.IsBlanket);

    public string HeaderText => Scheme is null ? HeaderName : HeaderName + ": " + Scheme;

    public static IReadOnlyList<SentToken> In(ShellScript script, TokenCatalog catalog)
    {
        var found = new List<SentToken>();
        foreach (var command in ScriptCommands.Of(script))
        {
            string? program = ScriptCommands.ProgramName(command);
            if (program is null || Array.IndexOf(HttpClients, program) < 0) continue;
            string commandText = script.GetText(command.Span);
            foreach (var header in HeaderArguments(command))
            {
                if (Parse(header, script, catalog, commandText) is { } sent) found.Add(sent);
            }
        }
        return found;
    }

    private static IEnumerable<(ShellWord Word, int Skip)> HeaderArguments(ShellSimpleCommand command)
    {
        var words = command.Words;
        for (int i = 1; i < words.Count; i++)
        {
            string raw = words[i].RawText;
            if ((raw == "-H" || raw == "--header") && i + 1 < words.Count)
            {
                yield return (words[i + 1], 0);
                i++;
            }
            else if (raw.StartsWith("--header=", StringComparison.Ordinal))
            {
                yield return (words[i], "--header=".Length);
            }
            else if (raw.StartsWith("-H", StringComparison.Ordinal) && raw.Length > 2 && raw[2] != '-')
            {
                yield return (words[i], 2);
            }
        }
    }

    private static SentToken? Parse((ShellWord Word, int Skip) header, ShellScript script, TokenCatalog catalog, string commandText)
    {
        // Flatten the word: quotes dropped, each parameter expansion replaced by a marker and remembered.
        var text = new StringBuilder();
        string? variable = null;
        Flatten(header.Word.Parts, script, text, ref variable);
        string flat = text.ToString();
        if (header.Skip > 0) flat = flat.Length > header.Skip ? flat.Substring(header.Skip) : string.Empty;

        if (variable is null)
        {
            var secret = SecretInExpression.Match(flat);
            if (!secret.Success) return null;
            variable = secret.Groups["name"].Value;
        }

        int colon = flat.IndexOf(':');
        if (colon <= 0) return null;
        string name = flat.Substring(0, colon).Trim();
        string value = flat.Substring(colon + 1).Trim();
        int space = value.IndexOf(' ');
        string? scheme = space > 0 ? value.Substring(0, space) : null;

        return new SentToken(name, scheme, variable, header.Word.Span, Classify(catalog, name, scheme, commandText));
    }

    private static void Flatten(IReadOnlyList<ShellWordPart> parts, ShellScript script, StringBuilder text, ref string? variable)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case ShellSingleQuotedPart single:
                    text.Append(script.GetText(single.ContentSpan));
                    break;
                case ShellDoubleQuotedPart quoted:
                    Flatten(quoted.Parts, script, text, ref variable);
                    break;
                case ShellParameterPart parameter:
                    variable ??= parameter.Name;
                    text.Append('\u0001');
                    break;
                default:
                    text.Append(script.GetText(part.Span));
                    break;
            }
        }
    }

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
