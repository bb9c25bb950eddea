using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands.Http;

/// <summary>One header given on the command line (<c>-H 'Authorization: Bearer $TOKEN'</c>).</summary>
public sealed class HttpHeader
{
    internal HttpHeader(string name, string value, TextSpan span, EmbeddedText text, TextSpan argumentSpan)
    {
        ArgumentSpan = argumentSpan;
        Name = name;
        Value = value;
        Span = span;
        Text = text;
    }

    public string Name { get; }

    /// <summary>The value as written after the colon, parameters kept as written (<c>Bearer $RAILWAY_TOKEN</c>).</summary>
    public string Value { get; }

    /// <summary>The whole header in the file.</summary>
    public TextSpan Span { get; }

    /// <summary>The command-line argument holding it, quotes included (<c>"Authorization: …"</c>, <c>--header=…</c>).</summary>
    public TextSpan ArgumentSpan { get; }

    /// <summary><c>Name: value</c> with its map back to the file.</summary>
    public EmbeddedText Text { get; }

    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Where a request body comes from.</summary>
public enum HttpBodyKind
{
    /// <summary>Written in the command (<c>-d '{…}'</c>), or fed through stdin from a heredoc (<c>--data @-</c>).</summary>
    Inline,

    /// <summary>A form or httpie field (<c>query='mutation {…}'</c>, <c>-F name=value</c>): <see cref="HttpBody.FieldName"/> says which.</summary>
    Field,

    /// <summary>Read from a file or an unknown stream (<c>--data @body.json</c>): the content is unknown.</summary>
    External,
}

/// <summary>One body argument of a request.</summary>
public sealed class HttpBody
{
    internal HttpBody(HttpBodyKind kind, TextSpan span, EmbeddedText? text, string? fieldName)
    {
        Kind = kind;
        Span = span;
        Text = text;
        FieldName = fieldName;
    }

    public HttpBodyKind Kind { get; }

    /// <summary>The argument in the file.</summary>
    public TextSpan Span { get; }

    /// <summary>
    /// The body text mapped back to the file, parameters kept as written (<c>"volumeId": "$ID"</c>); null for
    /// <see cref="HttpBodyKind.External"/>.
    /// </summary>
    public EmbeddedText? Text { get; }

    /// <summary>For <see cref="HttpBodyKind.Field"/>: the field name; for External: the file name when known.</summary>
    public string? FieldName { get; }
}

/// <summary>
/// An HTTP request made by a command (<c>curl</c>, <c>wget</c>, httpie, <c>Invoke-RestMethod</c>), read from its argv.
/// Values keep shell parameters as written (<c>$APP</c>), so a URL built from variables still shows its host and shape.
/// </summary>
public sealed class HttpRequest
{
    internal HttpRequest(ShellCommand command, string method, TextSpan? methodSpan, string? url, TextSpan urlSpan,
        IReadOnlyList<HttpHeader> headers, IReadOnlyList<HttpBody> bodies)
    {
        Command = command;
        Method = method;
        MethodSpan = methodSpan;
        Url = url;
        UrlSpan = urlSpan;
        Headers = headers;
        Bodies = bodies;
        string? host = null, path = null, query = null;
        if (url != null) SplitUrl(url, out host, out path, out query);
        Host = host;
        Path = path;
        Query = query;
    }

    public ShellCommand Command { get; }

    /// <summary>Upper case: given (<c>-X DELETE</c>) or implied (<c>POST</c> for <c>-d</c>, <c>GET</c> otherwise).</summary>
    public string Method { get; }

    /// <summary>Where the method is written, or null when it is implied.</summary>
    public TextSpan? MethodSpan { get; }

    /// <summary>The URL as written, parameters kept; null when the command shows none.</summary>
    public string? Url { get; }
    public TextSpan UrlSpan { get; }

    /// <summary>Lower-case host (with port), or null when it is dynamic (<c>$API/…</c>) or absent.</summary>
    public string? Host { get; }

    /// <summary>The path, starting with <c>/</c> (<c>/</c> when absent); null when the host is unknown.</summary>
    public string? Path { get; }
    public string? Query { get; }

    public IReadOnlyList<HttpHeader> Headers { get; }
    public IReadOnlyList<HttpBody> Bodies { get; }

    public HttpHeader? FindHeader(string name)
    {
        foreach (var header in Headers)
            if (header.Is(name)) return header;
        return null;
    }

    internal static void SplitUrl(string url, out string? host, out string? path, out string? query)
    {
        host = path = query = null;
        int start = url.IndexOf("://", StringComparison.Ordinal);
        start = start >= 0 ? start + 3 : 0;
        int hostEnd = start;
        while (hostEnd < url.Length && url[hostEnd] != '/' && url[hostEnd] != '?' && url[hostEnd] != '#') hostEnd++;
        string h = url.Substring(start, hostEnd - start);
        int at = h.LastIndexOf('@');
        if (at >= 0) h = h.Substring(at + 1);
        if (h.Length == 0 || h.IndexOf('$') >= 0 || h.IndexOf('.') < 0 && h.IndexOf(':') < 0) return;
        host = h.ToLowerInvariant();
        string rest = url.Substring(hostEnd);
        int hash = rest.IndexOf('#');
        if (hash >= 0) rest = rest.Substring(0, hash);
        int q = rest.IndexOf('?');
        if (q >= 0)
        {
            query = rest.Substring(q + 1);
            rest = rest.Substring(0, q);
        }
        path = rest.Length == 0 ? "/" : rest;
    }

    public override string ToString() => Method + " " + (Url ?? "<no url>");
}
