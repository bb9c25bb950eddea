using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands.Http;

/// <summary>
/// Reads the HTTP request a command makes from its argv. The cheap test is the program name; anything else returns null.
/// </summary>
public static class HttpRequestReader
{
    private static readonly CommandOptionSyntax CurlSyntax = CommandOptionSyntax.ShortFlags(
        "-X", "--request", "-H", "--header", "-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--data-urlencode",
        "--json", "-F", "--form", "--form-string", "-u", "--user", "-o", "--output", "--url", "-A", "--user-agent", "-e", "--referer",
        "-b", "--cookie", "-c", "--cookie-jar", "-T", "--upload-file", "-w", "--write-out", "-m", "--max-time", "--connect-timeout",
        "--retry", "--retry-delay", "--retry-max-time", "-K", "--config", "--cacert", "--cert", "--key", "-x", "--proxy", "--resolve",
        "-r", "--range", "-D", "--dump-header", "--oauth2-bearer", "-z", "--time-cond", "--limit-rate", "-Y", "-y", "--max-redirs",
        "--interface", "--variable", "--expand-url", "--expand-data", "--expand-header");

    private static readonly CommandOptionSyntax WgetSyntax = CommandOptionSyntax.ShortFlags(
        "-O", "--output-document", "-o", "--output-file", "--header", "--method", "--post-data", "--post-file", "--body-data",
        "--body-file", "-U", "--user-agent", "-t", "--tries", "-T", "--timeout", "-P", "--directory-prefix", "--user", "--password");

    private static readonly HashSet<string> HttpieMethods = new(StringComparer.Ordinal) { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };

    /// <summary>The programs this reader understands.</summary>
    public static bool IsHttpClient(string? name) => name is "curl" or "wget" or "http" or "https" or "xh" or "xhs" or "gh"
        || string.Equals(name, "Invoke-RestMethod", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Invoke-WebRequest", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "irm", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "iwr", StringComparison.OrdinalIgnoreCase);

    private static readonly CommandOptionSyntax GhApiSyntax = CommandOptionSyntax.WithValues(
        "-X", "--method", "-H", "--header", "-f", "--raw-field", "-F", "--field", "--input", "-q", "--jq", "-t", "--template",
        "--hostname", "-p", "--preview", "--cache");

    public static HttpRequest? Read(ShellCommand command)
    {
        var name = command.Name;
        if (!IsHttpClient(name)) return null;
        return name switch
        {
            "curl" => ReadCurl(command),
            "wget" => ReadWget(command),
            "http" or "https" or "xh" or "xhs" => ReadHttpie(command),
            "gh" => ReadGhApi(command),
            _ => ReadPowerShell(command),
        };
    }

    private static HttpRequest ReadCurl(ShellCommand command)
    {
        var args = command.ParseArguments(CurlSyntax);
        string? method = null;
        TextSpan? methodSpan = null;
        CommandWord? urlWord = null;
        int urlStart = 0;
        bool get = false, head = false;
        var headers = new List<HttpHeader>();
        var bodies = new List<HttpBody>();
        foreach (var option in args.Options)
        {
            switch (option.Name)
            {
                case "-X" or "--request" when option.Value != null:
                    method = option.Value.ToUpperInvariant();
                    methodSpan = option.ValueSpan;
                    break;
                case "-H" or "--header":
                    AddHeader(headers, option);
                    break;
                case "-G" or "--get":
                    get = true;
                    break;
                case "-I" or "--head":
                    head = true;
                    break;
                case "--url" when option.ValueWord != null || option.ValueSpan != null:
                    if (urlWord == null) (urlWord, urlStart) = ValueOf(option);
                    break;
                case "-d" or "--data" or "--data-ascii" or "--data-binary" or "--json" or "--data-urlencode":
                    AddBody(bodies, command, option, allowFile: true);
                    break;
                case "--data-raw":
                    AddBody(bodies, command, option, allowFile: false);
                    break;
                case "-F" or "--form" or "--form-string":
                    AddField(bodies, option);
                    break;
                case "-T" or "--upload-file":
                    method ??= "PUT";
                    break;
            }
        }
        if (urlWord == null)
        {
            foreach (var positional in args.Positionals)
            {
                urlWord = positional;
                break;
            }
        }
        method ??= head ? "HEAD" : get ? "GET" : bodies.Count > 0 ? "POST" : "GET";
        return Build(command, method, methodSpan, urlWord, urlStart, headers, bodies);
    }

    private static HttpRequest ReadWget(ShellCommand command)
    {
        var args = command.ParseArguments(WgetSyntax);
        string? method = null;
        TextSpan? methodSpan = null;
        var headers = new List<HttpHeader>();
        var bodies = new List<HttpBody>();
        foreach (var option in args.Options)
        {
            switch (option.Name)
            {
                case "--method" when option.Value != null:
                    method = option.Value.ToUpperInvariant();
                    methodSpan = option.ValueSpan;
                    break;
                case "--header":
                    AddHeader(headers, option);
                    break;
                case "--post-data" or "--body-data":
                    AddBody(bodies, command, option, allowFile: false);
                    break;
                case "--post-file" or "--body-file":
                    bodies.Add(new HttpBody(HttpBodyKind.External, option.ValueSpan ?? option.NameSpan, null, option.Value));
                    break;
            }
        }
        method ??= bodies.Count > 0 ? "POST" : "GET";
        CommandWord? url = args.Positionals.Count > 0 ? args.Positionals[0] : null;
        return Build(command, method, methodSpan, url, 0, headers, bodies);
    }

    /// <summary><c>gh api [-X METHOD] endpoint</c>: a request to the GitHub API with the CLI's own token.</summary>
    private static HttpRequest? ReadGhApi(ShellCommand command)
    {
        var args = command.ParseArguments(GhApiSyntax);
        var rest = args.PositionalsAfter("api");
        if (rest == null || rest.Count == 0) return null;
        string? method = null;
        TextSpan? methodSpan = null;
        string host = "api.github.com";
        var headers = new List<HttpHeader>();
        var bodies = new List<HttpBody>();
        foreach (var option in args.Options)
        {
            switch (option.Name)
            {
                case "-X" or "--method" when option.Value != null:
                    method = option.Value.ToUpperInvariant();
                    methodSpan = option.ValueSpan;
                    break;
                case "-H" or "--header":
                    AddHeader(headers, option);
                    break;
                case "-f" or "--raw-field" or "-F" or "--field":
                    AddField(bodies, option);
                    break;
                case "--input":
                    bodies.Add(new HttpBody(HttpBodyKind.External, option.ValueSpan ?? option.NameSpan, null, option.Value));
                    break;
                case "--hostname" when option.Value != null:
                    host = "api." + option.Value;
                    break;
            }
        }
        method ??= bodies.Count > 0 ? "POST" : "GET";
        var endpoint = WordTemplate.Of(rest[0]);
        string path = endpoint.Value.StartsWith("/", StringComparison.Ordinal) ? endpoint.Value : "/" + endpoint.Value;
        return new HttpRequest(command, method, methodSpan, "https://" + host + path, endpoint.MapToHost(new TextSpan(0, endpoint.Value.Length)), headers, bodies);
    }

    /// <summary>httpie / xh: <c>http [flags] [METHOD] URL [Header:Value | field=value | field:=json | @file]…</c>.</summary>
    private static HttpRequest ReadHttpie(ShellCommand command)
    {
        var args = command.ParseArguments(CommandOptionSyntax.WithValues("-a", "--auth", "-A", "--auth-type", "-o", "--output", "--session", "-p", "--print", "--verify", "--cert", "--cert-key", "--timeout"));
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
        bool form = args.HasFlag("-f", "--form");
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

    /// <summary><c>Invoke-RestMethod -Method Delete -Uri … -Body '…'</c>; parameter names are case-insensitive and may be shortened only to the common aliases.</summary>
    private static HttpRequest ReadPowerShell(ShellCommand command)
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
                switch (v.Substring(1).ToLowerInvariant())
                {
                    case "method" or "custommethod":
                        if (next.Value != null)
                        {
                            method = next.Value.ToUpperInvariant();
                            methodSpan = next.Span;
                        }
                        i++;
                        continue;
                    case "uri":
                        url = next;
                        i++;
                        continue;
                    case "body":
                        bodies.Add(new HttpBody(HttpBodyKind.Inline, next.Span, WordTemplate.Of(next), null));
                        i++;
                        continue;
                    case "infile":
                        bodies.Add(new HttpBody(HttpBodyKind.External, next.Span, null, next.Value));
                        i++;
                        continue;
                    case "headers" or "contenttype" or "outfile" or "credential" or "authentication" or "token" or "timeoutsec":
                        i++;
                        continue;
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
