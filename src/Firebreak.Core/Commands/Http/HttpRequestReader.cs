using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands.Http;

/// <summary>
/// Reads the HTTP request a command makes from its argv, through the client catalogue (rules/catalogs/http-clients.yaml:
/// which programs make requests and which of their arguments say the method, URL, headers and body). The cheap test is
/// the program name; anything else returns null.
/// </summary>
public static class HttpRequestReader
{
    private static readonly HashSet<string> HttpieMethods = new(StringComparer.Ordinal) { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };

    /// <summary>The programs the catalogue names (<paramref name="clients"/>, else the built-in one).</summary>
    public static bool IsHttpClient(string? name, HttpClientCatalog? clients = null) => (clients ?? HttpClientCatalog.Default).Find(name) is not null;

    public static HttpRequest? Read(ShellCommand command, HttpClientCatalog? clients = null)
    {
        if ((clients ?? HttpClientCatalog.Default).Find(command.Name) is not { } client) return null;
        return client.Style switch
        {
            HttpClientStyle.Options => ReadOptions(command, client),
            HttpClientStyle.Httpie => ReadHttpie(command, client),
            _ => ReadPowerShell(command, client),
        };
    }

    /// <summary>curl, wget, <c>gh api</c>: flags and options, each playing the part the catalogue gives it.</summary>
    private static HttpRequest? ReadOptions(ShellCommand command, HttpClientProgram client)
    {
        var args = command.ParseArguments(client.Syntax);
        var positionals = args.Positionals;
        if (client.Subcommand is { } subcommand)
        {
            // `gh api …`: the endpoint is the first word after the subcommand; `gh pr list` makes no request.
            var rest = args.PositionalsAfter(subcommand);
            if (rest == null || rest.Count == 0) return null;
            positionals = rest;
        }
        string? method = null;
        TextSpan? methodSpan = null;
        CommandWord? urlWord = null;
        int urlStart = 0;
        bool get = false, head = false;
        string? host = null;
        var headers = new List<HttpHeader>();
        var bodies = new List<HttpBody>();
        foreach (var option in args.Options)
        {
            string name = option.Name;
            if (client.Is(HttpOptionRole.Method, name))
            {
                if (option.Value == null) continue;
                method = option.Value.ToUpperInvariant();
                methodSpan = option.ValueSpan;
            }
            else if (client.Is(HttpOptionRole.Header, name)) AddHeader(headers, option);
            else if (client.Is(HttpOptionRole.Get, name)) get = true;
            else if (client.Is(HttpOptionRole.Head, name)) head = true;
            else if (client.Is(HttpOptionRole.Url, name))
            {
                if (urlWord == null && (option.ValueWord != null || option.ValueSpan != null)) (urlWord, urlStart) = ValueOf(option);
            }
            else if (client.Is(HttpOptionRole.Data, name)) AddBody(bodies, command, option, allowFile: true);
            else if (client.Is(HttpOptionRole.DataRaw, name)) AddBody(bodies, command, option, allowFile: false);
            else if (client.Is(HttpOptionRole.DataFile, name)) bodies.Add(new HttpBody(HttpBodyKind.External, option.ValueSpan ?? option.NameSpan, null, option.Value));
            else if (client.Is(HttpOptionRole.Form, name)) AddField(bodies, option);
            else if (client.Is(HttpOptionRole.Upload, name)) method ??= "PUT";
            else if (client.Is(HttpOptionRole.Host, name) && option.Value != null) host = option.Value;
        }
        method ??= head ? "HEAD" : get ? "GET" : bodies.Count > 0 ? "POST" : "GET";
        if (client.BaseUrl is { } baseUrl)
        {
            // An endpoint relative to the client's API (`gh api repos/acme/app`), on another host when an option names one.
            var endpoint = WordTemplate.Of(positionals[0]);
            string path = endpoint.Value.StartsWith("/", StringComparison.Ordinal) ? endpoint.Value : "/" + endpoint.Value;
            int scheme = baseUrl.IndexOf("://", StringComparison.Ordinal);
            string root = host is null || scheme < 0 ? baseUrl.TrimEnd('/') : baseUrl.Substring(0, scheme + 3) + client.HostPrefix + host;
            return new HttpRequest(command, method, methodSpan, root + path, endpoint.MapToHost(new TextSpan(0, endpoint.Value.Length)), headers, bodies);
        }
        if (urlWord == null && positionals.Count > 0) urlWord = positionals[0];
        return Build(command, method, methodSpan, urlWord, urlStart, headers, bodies);
    }

    /// <summary>httpie / xh: <c>http [flags] [METHOD] URL [Header:Value | field=value | field:=json | @file]…</c>.</summary>
    private static HttpRequest ReadHttpie(ShellCommand command, HttpClientProgram client)
    {
        var args = command.ParseArguments(client.Syntax);
        var positionals = args.Positionals;
        int index = 0;
        string? method = null;
        TextSpan? methodSpan = null;
        if (positionals.Count > 1 && positionals[0].Value is { } first && HttpieMethods.Contains(first.ToUpperInvariant()))
        {
            method = first.ToUpperInvariant();
            methodSpan = positionals[0].Span;
            index = 1;
        }
        CommandWord? url = index < positionals.Count ? positionals[index] : null;
        var headers = new List<HttpHeader>();
        var bodies = new List<HttpBody>();
        bool form = false;
        foreach (var option in args.Options) form |= client.Is(HttpOptionRole.Form, option.Name);
        for (int i = index + 1; i < positionals.Count; i++)
        {
            var item = WordTemplate.Of(positionals[i]);
            string v = item.Value;
            int sep = v.IndexOfAny(new[] { ':', '=', '@' });
            if (sep <= 0)
            {
                if (sep == 0 && v[0] == '@') bodies.Add(new HttpBody(HttpBodyKind.External, positionals[i].Span, null, v.Substring(1)));
                continue;
            }
            string key = v.Substring(0, sep);
            if (v[sep] == ':' && !(sep + 1 < v.Length && v[sep + 1] == '='))
            {
                headers.Add(new HttpHeader(key.Trim(), v.Substring(sep + 1).Trim(), positionals[i].Span, item, positionals[i].Span));
                continue;
            }
            int valueStart = v[sep] == ':' || (sep + 1 < v.Length && v[sep + 1] == '=') ? sep + 2 : sep + 1;
            if (v[sep] == '=' && sep + 1 < v.Length && v[sep + 1] == '=') continue; // query parameter a==b
            if (v[sep] == '@') valueStart = sep + 1;
            bodies.Add(new HttpBody(v[sep] == '@' ? HttpBodyKind.External : HttpBodyKind.Field, positionals[i].Span,
                v[sep] == '@' ? null : item.Slice(valueStart, v.Length - valueStart), key));
        }
        method ??= bodies.Count > 0 || form ? "POST" : "GET";
        return Build(command, method, methodSpan, url, 0, headers, bodies);
    }

    /// <summary><c>Invoke-RestMethod -Method Delete -Uri … -Body '…'</c>; parameter names are case-insensitive, as the catalogue names them.</summary>
    private static HttpRequest ReadPowerShell(ShellCommand command, HttpClientProgram client)
    {
        string? method = null;
        TextSpan? methodSpan = null;
        CommandWord? url = null;
        var bodies = new List<HttpBody>();
        var arguments = command.Arguments;
        for (int i = 1; i < arguments.Count; i++)
        {
            var word = arguments[i];
            string? v = word.Value;
            if (v != null && v.Length > 1 && v[0] == '-' && i + 1 < arguments.Count)
            {
                var next = arguments[i + 1];
                string name = v.Substring(1);
                if (client.Is(HttpOptionRole.Method, name))
                {
                    if (next.Value != null)
                    {
                        method = next.Value.ToUpperInvariant();
                        methodSpan = next.Span;
                    }
                    i++;
                }
                else if (client.Is(HttpOptionRole.Url, name))
                {
                    url = next;
                    i++;
                }
                else if (client.Is(HttpOptionRole.DataRaw, name) || client.Is(HttpOptionRole.Data, name))
                {
                    bodies.Add(new HttpBody(HttpBodyKind.Inline, next.Span, WordTemplate.Of(next), null));
                    i++;
                }
                else if (client.Is(HttpOptionRole.DataFile, name))
                {
                    bodies.Add(new HttpBody(HttpBodyKind.External, next.Span, null, next.Value));
                    i++;
                }
                else if (client.TakesValueIgnoringCase(name))
                {
                    i++;
                }
                continue;
            }
            url ??= word;
        }
        method ??= bodies.Count > 0 ? "POST" : "GET";
        return Build(command, method, methodSpan, url, 0, new List<HttpHeader>(), bodies);
    }

    private static (CommandWord Word, int Start) ValueOf(CommandOption option)
    {
        if (option.ValueWord != null) return (option.ValueWord, 0);
        // --name=value in one word: the value starts after the first '='.
        int eq = option.Word.LiteralPrefix.IndexOf('=');
        return (option.Word, eq + 1);
    }

    private static void AddHeader(List<HttpHeader> headers, CommandOption option)
    {
        if (option.ValueWord == null && option.ValueSpan == null) return;
        var (word, start) = ValueOf(option);
        var text = WordTemplate.Of(word, start);
        string v = text.Value;
        int colon = v.IndexOf(':');
        if (colon <= 0) return;
        headers.Add(new HttpHeader(v.Substring(0, colon).Trim(), v.Substring(colon + 1).Trim(), text.MapToHost(new TextSpan(0, v.Length)), text,
            (option.ValueWord ?? option.Word).Span));
    }

    private static void AddBody(List<HttpBody> bodies, ShellCommand command, CommandOption option, bool allowFile)
    {
        if (option.ValueWord == null && option.ValueSpan == null) return;
        var (word, start) = ValueOf(option);
        var text = WordTemplate.Expanded(word, start, command);
        var span = text.MapToHost(new TextSpan(0, text.Value.Length));
        if (allowFile && text.Value.StartsWith("@", StringComparison.Ordinal))
        {
            // `@-` reads stdin: a heredoc or `echo … |` shows it.
            if (text.Value == "@-" && command.Input?.Embedded is { } input)
            {
                bodies.Add(new HttpBody(HttpBodyKind.Inline, command.Input.Span, input, null));
                return;
            }
            bodies.Add(new HttpBody(HttpBodyKind.External, span, null, text.Value.Substring(1)));
            return;
        }
        bodies.Add(new HttpBody(HttpBodyKind.Inline, span, text, null));
    }

    private static void AddField(List<HttpBody> bodies, CommandOption option)
    {
        if (option.ValueWord == null && option.ValueSpan == null) return;
        var (word, start) = ValueOf(option);
        var text = WordTemplate.Of(word, start);
        string v = text.Value;
        int eq = v.IndexOf('=');
        if (eq <= 0) return;
        var span = text.MapToHost(new TextSpan(0, v.Length));
        if (eq + 1 < v.Length && (v[eq + 1] == '@' || v[eq + 1] == '<'))
        {
            bodies.Add(new HttpBody(HttpBodyKind.External, span, null, v.Substring(eq + 2)));
            return;
        }
        bodies.Add(new HttpBody(HttpBodyKind.Field, span, text.Slice(eq + 1, v.Length - eq - 1), v.Substring(0, eq)));
    }

    private static HttpRequest Build(ShellCommand command, string method, TextSpan? methodSpan, CommandWord? urlWord, int urlStart,
        List<HttpHeader> headers, List<HttpBody> bodies)
    {
        string? url = null;
        TextSpan urlSpan = command.NameWord.Span;
        if (urlWord != null)
        {
            var text = WordTemplate.Expanded(urlWord, urlStart, command);
            url = text.Value;
            urlSpan = text.MapToHost(new TextSpan(0, url.Length));
        }
        return new HttpRequest(command, method, methodSpan, url, urlSpan, headers, bodies);
    }
}
