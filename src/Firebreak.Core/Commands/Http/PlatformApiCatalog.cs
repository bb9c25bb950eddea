using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.GraphQL;
using Firebreak.Core.Text;
using GraphQLParser.AST;

namespace Firebreak.Core.Commands.Http;

/// <summary>A command that calls a destructive control-plane operation.</summary>
public sealed class ApiCallMatch
{
    internal ApiCallMatch(PlatformApiOperation operation, ShellCommand command, HttpRequest? request, TextSpan span, GraphQLRootField? field)
    {
        Operation = operation;
        Command = command;
        Request = request;
        Span = span;
        Field = field;
    }

    public PlatformApiOperation Operation { get; }
    public ShellCommand Command { get; }

    /// <summary>The HTTP request, or null for a CLI that sends GraphQL itself (<c>railway api</c>).</summary>
    public HttpRequest? Request { get; }

    /// <summary>The mutation field name, or the URL of a REST call, in the file.</summary>
    public TextSpan Span { get; }

    public GraphQLRootField? Field { get; }
}

/// <summary>
/// The platform APIs Firebreak knows (<c>rules/catalogs/platform-apis.yaml</c>, embedded) and the matcher from a command
/// to the destructive operations it calls. Only known hosts count: <c>curl -X DELETE</c> to anything else is not a finding.
/// </summary>
public sealed class PlatformApiCatalog
{
    internal const string ResourceName = "catalogs/platform-apis.yaml";

    private static readonly Lazy<PlatformApiCatalog> s_default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    // The built-in catalogue is read when a text first holds one of its keywords (a host or a CLI name): the keywords
    // come from its `hosts:` and `cli:` lines, so a guard decision on a command that calls no platform reads none of it.
    private readonly Lazy<Index> _index;
    private readonly HashSet<string> _hosts;
    private readonly HashSet<string> _cliNames;

    private PlatformApiCatalog(IReadOnlyList<PlatformApi> apis)
    {
        var index = new Index(apis);
        _index = new Lazy<Index>(() => index, LazyThreadSafetyMode.PublicationOnly);
        _ = _index.Value;
        _hosts = new HashSet<string>(index.ByHost.Keys, StringComparer.OrdinalIgnoreCase);
        _cliNames = new HashSet<string>(index.ByCli.Keys, StringComparer.Ordinal);
        Keywords = index.Keywords;
    }

    private PlatformApiCatalog(string text, (List<string> Hosts, List<string> CliNames) names)
    {
        _index = new Lazy<Index>(() => new Index(PlatformApiCatalogReader.Read(text, "platform-apis.yaml")), LazyThreadSafetyMode.ExecutionAndPublication);
        _hosts = new HashSet<string>(names.Hosts, StringComparer.OrdinalIgnoreCase);
        _cliNames = new HashSet<string>(names.CliNames, StringComparer.Ordinal);
        Keywords = KeywordsOf(names.Hosts, names.CliNames);
    }

    private sealed class Index
    {
        public readonly IReadOnlyList<PlatformApi> Apis;
        public readonly Dictionary<string, List<PlatformApi>> ByHost = new(StringComparer.OrdinalIgnoreCase);
        public readonly Dictionary<string, PlatformApi> ByCli = new(StringComparer.Ordinal);
        public readonly IReadOnlyList<string> Keywords;

        public Index(IReadOnlyList<PlatformApi> apis)
        {
            Apis = apis;
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var api in apis)
            {
                if (!ids.Add(api.Id)) throw new FormatException($"platform API '{api.Id}' is defined twice");
                foreach (var host in api.Hosts)
                {
                    if (!ByHost.TryGetValue(host, out var list)) ByHost[host] = list = new List<PlatformApi>();
                    list.Add(api);
                }
                if (api.Cli != null) ByCli[api.Cli.Split(' ')[0]] = api;
            }
            Keywords = KeywordsOf(ByHost.Keys, ByCli.Keys);
        }
    }

    // `*:9200`: a self-hosted service known by its port on any host; the file must then hold `:9200`.
    private static string[] KeywordsOf(IEnumerable<string> hosts, IEnumerable<string> cliNames) =>
        hosts.Select(h => h.StartsWith("*:", StringComparison.Ordinal) ? h.Substring(1) : h).Distinct().Concat(cliNames.Select(k => k + " ")).ToArray();

    /// <summary>
    /// The hosts and CLI names of the built-in catalogue's text, in the order the whole reading gives them, from its
    /// one-line `hosts: [...]` and `cli: name …` entries; null when a line is not in that simple form (the text is then
    /// read whole).
    /// </summary>
    internal static (List<string> Hosts, List<string> CliNames)? ScanNames(string text)
    {
        var hosts = new List<string>();
        var seenHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var cliNames = new List<string>();
        int pos = 0;
        while (pos < text.Length)
        {
            int end = text.IndexOf('\n', pos);
            if (end < 0) end = text.Length;
            int e = end > pos && text[end - 1] == '\r' ? end - 1 : end;
            if (string.CompareOrdinal(text, pos, "    hosts:", 0, 10) == 0)
            {
                string value = text.Substring(pos + 10, e - pos - 10).Trim();
                if (value.Length < 2 || value[0] != '[' || value[value.Length - 1] != ']') return null;
                foreach (string raw in value.Substring(1, value.Length - 2).Split(','))
                {
                    string item = raw.Trim();
                    if (item.Length >= 2 && item[0] == '\'' && item[item.Length - 1] == '\'') item = item.Substring(1, item.Length - 2);
                    if (item.Length == 0 || item.IndexOfAny(new[] { '\'', '"', '#', ' ', '[', ']', '{', '}' }) >= 0) return null;
                    item = item.ToLowerInvariant(); // as the reader keeps them
                    if (seenHosts.Add(item)) hosts.Add(item);
                }
            }
            else if (string.CompareOrdinal(text, pos, "    cli:", 0, 8) == 0)
            {
                string value = text.Substring(pos + 8, e - pos - 8).Trim();
                if (value.Length == 0 || value.IndexOfAny(new[] { '\'', '"', '#', '[', '{', ':' }) >= 0) return null;
                string name = value.Split(' ')[0];
                if (!cliNames.Contains(name)) cliNames.Add(name);
            }
            else if (pos < e && text[pos] == ' ' && (ContainsAt(text, pos, e, "hosts:") || ContainsAt(text, pos, e, "cli:")))
            {
                return null; // a key at another indentation: not the layout this scan knows
            }
            pos = end + 1;
        }
        return (hosts, cliNames);
    }

    private static bool ContainsAt(string text, int start, int end, string key)
    {
        int p = start;
        while (p < end && text[p] == ' ') p++;
        if (p + 1 < end && text[p] == '-' && text[p + 1] == ' ') p += 2;
        return end - p >= key.Length && string.CompareOrdinal(text, p, key, 0, key.Length) == 0;
    }

    public static PlatformApiCatalog Default => s_default.Value;

    public IReadOnlyList<PlatformApi> Apis => _index.Value.Apis;

    public IEnumerable<PlatformApiOperation> Operations => Apis.SelectMany(a => a.Operations);

    /// <summary>Text that any file holding a match must contain: hosts and CLI names, for the rule's prefilter.</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>This catalogue plus the APIs in <paramref name="yaml"/> (a user's catalog file).</summary>
    public PlatformApiCatalog WithEntries(string yaml, string sourceName) =>
        new(Apis.Concat(PlatformApiCatalogReader.Read(yaml ?? throw new ArgumentNullException(nameof(yaml)), sourceName)).ToArray());

    public static PlatformApiCatalog Parse(string yaml, string sourceName = "platform-apis.yaml") =>
        new(PlatformApiCatalogReader.Read(yaml ?? throw new ArgumentNullException(nameof(yaml)), sourceName));

    private static PlatformApiCatalog LoadEmbedded()
    {
        string text = Catalogs.EmbeddedCatalog.Text(ResourceName);
        return ScanNames(text) is { } names ? new PlatformApiCatalog(text, names) : Parse(text);
    }

    /// <summary>The destructive operations <paramref name="command"/> calls; empty for anything else.</summary>
    /// <param name="clients">The programs that make HTTP requests (the scan's catalogues); the built-in ones when null.</param>
    public IReadOnlyList<ApiCallMatch> Match(ShellCommand command, HttpClientCatalog? clients = null)
    {
        if (command.Name is not { } name) return Array.Empty<ApiCallMatch>();
        if (_cliNames.Contains(name) && _index.Value.ByCli.TryGetValue(name, out var cliApi)) return MatchCli(command, cliApi);
        if (HttpRequestReader.Read(command, clients) is not { } request) return Array.Empty<ApiCallMatch>();
        var matches = Match(request);
        // A request in a function's body (`gql() { curl … -d "$1"; }`) is made once per call, with that call's arguments.
        if (command.Function is not { } function || command.Variables?.CallsOf(function) is not { Count: > 0 } calls) return matches;
        var all = new List<ApiCallMatch>(matches);
        foreach (var call in calls)
        {
            if (HttpRequestReader.Read(command.BoundTo(call), clients) is not { } bound) continue;
            foreach (var match in Match(bound))
                if (!all.Any(m => m.Span == match.Span && ReferenceEquals(m.Operation, match.Operation))) all.Add(match);
        }
        return all;
    }

    public IReadOnlyList<ApiCallMatch> Match(HttpRequest request)
    {
        if (request.Host is not { } host || request.Path is not { } path) return Array.Empty<ApiCallMatch>();
        if (!TryApisOf(host, out var apis))
            return Array.Empty<ApiCallMatch>();
        var matches = new List<ApiCallMatch>();
        foreach (var api in apis)
        {
            if (api.Kind == PlatformApiKind.Rest)
            {
                foreach (var operation in api.Operations)
                {
                    if (string.Equals(operation.Method, request.Method, StringComparison.Ordinal) && operation.MatchesPath(path))
                        matches.Add(new ApiCallMatch(operation, request.Command, request, request.UrlSpan, null));
                }
                continue;
            }
            if (!api.Paths.Any(p => string.Equals(p, path.TrimEnd('/'), StringComparison.Ordinal))) continue;
            foreach (var document in GraphQLRequestBody.Documents(request))
                AddMutations(api, request.Command, request, GraphQLRootFields.Read(document), matches);
        }
        return matches;
    }

    /// <summary>
    /// The destructive operations of a request that program code makes (C#'s <c>HttpClient</c>): the method, the URL
    /// and the body text as the code builds them, unknown parts written as <c>${name}</c> — a URL whose host is unknown
    /// matches nothing, and a placeholder path segment fits a template's <c>{id}</c> as a shell parameter does.
    /// </summary>
    public IReadOnlyList<(PlatformApiOperation Operation, GraphQLRootField? Field)> MatchRequest(string method, string url, string? body)
    {
        HttpRequest.SplitUrl(url, out var host, out var path, out _);
        if (host is null || path is null ||
            !TryApisOf(host, out var apis))
            return Array.Empty<(PlatformApiOperation, GraphQLRootField?)>();
        var matches = new List<(PlatformApiOperation, GraphQLRootField?)>();
        foreach (var api in apis)
        {
            if (api.Kind == PlatformApiKind.Rest)
            {
                foreach (var operation in api.Operations)
                    if (string.Equals(operation.Method, method, StringComparison.Ordinal) && operation.MatchesPath(path)) matches.Add((operation, null));
                continue;
            }
            if (body is null || !api.Paths.Any(p => string.Equals(p, path.TrimEnd('/'), StringComparison.Ordinal))) continue;
            foreach (var document in GraphQLRequestBody.Documents(EmbeddedText.Contiguous(body, 0)))
            {
                foreach (var field in GraphQLRootFields.Read(document))
                {
                    if (field.Operation != OperationType.Mutation) continue;
                    foreach (var operation in api.Operations)
                    {
                        if (!string.Equals(operation.Mutation, field.Name, StringComparison.Ordinal)) continue;
                        if (operation.OnlyIfEmpty is { } argument && !(field.Arguments.TryGetValue(argument, out var value) && value.IsEmptyList)) continue;
                        matches.Add((operation, field));
                    }
                }
            }
        }
        return matches;
    }

    /// <summary>The APIs served at <paramref name="host"/>; the catalogue is read only for a host it names.</summary>
    private bool TryApisOf(string host, out List<PlatformApi> apis)
    {
        apis = null!;
        string? port = PortOf(host);
        if (!_hosts.Contains(host) && !(port is not null && _hosts.Contains("*:" + port))) return false;
        return _index.Value.ByHost.TryGetValue(host, out apis!) || port is not null && _index.Value.ByHost.TryGetValue("*:" + port, out apis!);
    }

    /// <summary>The port of <c>host:port</c> when the host is a name or an IPv4 address; null otherwise.</summary>
    private static string? PortOf(string host)
    {
        int colon = host.LastIndexOf(':');
        if (colon <= 0 || colon == host.Length - 1 || host.IndexOf(':') != colon) return null;
        var port = host.Substring(colon + 1);
        return port.All(char.IsDigit) ? port : null;
    }

    /// <summary><c>railway api '&lt;graphql&gt;'</c>: the first positional after the subcommand path is the document.</summary>
    private static IReadOnlyList<ApiCallMatch> MatchCli(ShellCommand command, PlatformApi api)
    {
        var path = api.Cli!.Split(' ').Skip(1).ToArray();
        var rest = command.ParsedArguments.PositionalsAfter(path);
        if (rest == null || rest.Count == 0) return Array.Empty<ApiCallMatch>();
        var matches = new List<ApiCallMatch>();
        AddMutations(api, command, null, GraphQLRootFields.Read(WordTemplate.Of(rest[0])), matches);
        return matches;
    }

    private static void AddMutations(PlatformApi api, ShellCommand command, HttpRequest? request, IReadOnlyList<GraphQLRootField> fields, List<ApiCallMatch> matches)
    {
        foreach (var field in fields)
        {
            if (field.Operation != OperationType.Mutation) continue;
            foreach (var operation in api.Operations)
            {
                if (!string.Equals(operation.Mutation, field.Name, StringComparison.Ordinal)) continue;
                if (operation.OnlyIfEmpty is { } argument && !(field.Arguments.TryGetValue(argument, out var value) && value.IsEmptyList)) continue;
                matches.Add(new ApiCallMatch(operation, command, request, field.NameSpan, field));
            }
        }
    }
}
