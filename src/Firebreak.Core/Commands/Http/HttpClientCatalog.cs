using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Catalogs;
using YamlDotNet.RepresentationModel;

namespace Firebreak.Core.Commands.Http;

/// <summary>How a client's arguments are read (<c>style:</c> of rules/catalogs/http-clients.yaml).</summary>
public enum HttpClientStyle
{
    /// <summary>Flags and options: curl, wget, <c>gh api</c>.</summary>
    Options,

    /// <summary><c>[METHOD] URL</c> then items (<c>Header:value</c>, <c>field=value</c>, <c>@file</c>): httpie, xh.</summary>
    Httpie,

    /// <summary><c>-Name value</c> parameters, names case-insensitive: Invoke-RestMethod, Invoke-WebRequest.</summary>
    PowerShell,
}

/// <summary>A program that makes HTTP requests (an entry of rules/catalogs/http-clients.yaml): which arguments say what.</summary>
public sealed class HttpClientProgram
{
    private readonly HashSet<string>[] _roles;

    internal HttpClientProgram(string id, IReadOnlyList<string> programs, HttpClientStyle style, CommandOptionSyntax syntax, string? subcommand,
        string? baseUrl, string? hostPrefix, Dictionary<HttpOptionRole, IReadOnlyList<string>> roles, IReadOnlyList<string> mustRead, IReadOnlyList<string> mustNotRead)
    {
        Id = id;
        Programs = programs;
        Style = style;
        Syntax = syntax;
        Subcommand = subcommand;
        BaseUrl = baseUrl;
        HostPrefix = hostPrefix;
        MustRead = mustRead;
        MustNotRead = mustNotRead;
        var comparer = style == HttpClientStyle.PowerShell ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        _roles = new HashSet<string>[Enum.GetValues(typeof(HttpOptionRole)).Length];
        for (int i = 0; i < _roles.Length; i++)
            _roles[i] = new HashSet<string>(roles.TryGetValue((HttpOptionRole)i, out var names) ? names : Array.Empty<string>(), comparer);
    }

    public string Id { get; }
    public IReadOnlyList<string> Programs { get; }
    public HttpClientStyle Style { get; }

    /// <summary>Which options take a value and whether short flags combine.</summary>
    public CommandOptionSyntax Syntax { get; }

    /// <summary>The word that starts a request (<c>gh api</c>); null when the program itself does.</summary>
    public string? Subcommand { get; }

    /// <summary>The URL an endpoint is relative to (<c>https://api.github.com</c>); null when the URL is given whole.</summary>
    public string? BaseUrl { get; }

    /// <summary>What goes before the host a host option names (<c>api.</c>).</summary>
    public string? HostPrefix { get; }

    public IReadOnlyList<string> MustRead { get; }
    public IReadOnlyList<string> MustNotRead { get; }

    /// <summary>The option (or PowerShell parameter, without its dash) plays this part.</summary>
    public bool Is(HttpOptionRole role, string name) => _roles[(int)role].Contains(name);

    /// <summary>A PowerShell parameter that takes the next word, whatever the case it is written in.</summary>
    internal bool TakesValueIgnoringCase(string name)
    {
        foreach (string option in Syntax.OptionsWithValue)
            if (string.Equals(option, name, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

}

/// <summary>The parts an option of an HTTP client can play.</summary>
public enum HttpOptionRole
{
    Method,
    Url,
    Header,
    /// <summary>An inline body, or a file when written <c>@file</c>.</summary>
    Data,
    /// <summary>An inline body only.</summary>
    DataRaw,
    /// <summary>A body read from a file.</summary>
    DataFile,
    /// <summary>Form fields (<c>name=value</c>, <c>name=@file</c>); for httpie, the flag that makes the items a form.</summary>
    Form,
    Get,
    Head,
    Upload,
    /// <summary>Names another host (<c>gh api --hostname</c>).</summary>
    Host,
}

/// <summary>
/// rules/catalogs/http-clients.yaml, plus the <c>http_clients:</c> sections of a user's catalogues (first, so they win):
/// the programs that make HTTP requests and how to read them, as data. A program no entry names costs one lookup.
/// </summary>
public sealed class HttpClientCatalog
{
    private const string ResourceName = "catalogs/http-clients.yaml";
    private static readonly Lazy<HttpClientCatalog> s_default = new(() => Parse(EmbeddedCatalog.Text(ResourceName)));

    private readonly Dictionary<string, HttpClientProgram> _byProgram = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HttpClientProgram> _byProgramIgnoringCase = new(StringComparer.OrdinalIgnoreCase);

    private HttpClientCatalog(IReadOnlyList<HttpClientProgram> clients)
    {
        Clients = clients;
        foreach (var client in clients)
            foreach (var program in client.Programs)
            {
                var index = client.Style == HttpClientStyle.PowerShell ? _byProgramIgnoringCase : _byProgram;
                if (!index.ContainsKey(program)) index[program] = client;
            }
    }

    public static HttpClientCatalog Default => s_default.Value;

    public IReadOnlyList<HttpClientProgram> Clients { get; }

    /// <summary>The client a program name is, or null.</summary>
    public HttpClientProgram? Find(string? program)
    {
        if (program is null) return null;
        if (_byProgram.TryGetValue(program, out var client)) return client;
        return _byProgramIgnoringCase.Count > 0 && _byProgramIgnoringCase.TryGetValue(program, out client) ? client : null;
    }

    /// <summary>A catalogue with <paramref name="yaml"/>'s <c>http_clients:</c> entries ahead of this one's.</summary>
    public HttpClientCatalog WithEntries(string yaml, string sourceName) => new(Parse(yaml, sourceName).Clients.Concat(Clients).ToArray());

    public static HttpClientCatalog Parse(string yaml, string sourceName = "http-clients.yaml") =>
        CatalogYaml.Read(yaml, sourceName, document => Parse(document, sourceName));

    private static readonly Dictionary<string, HttpOptionRole> RoleKeys = new(StringComparer.Ordinal)
    {
        ["method"] = HttpOptionRole.Method, ["url"] = HttpOptionRole.Url, ["header"] = HttpOptionRole.Header,
        ["data"] = HttpOptionRole.Data, ["data_raw"] = HttpOptionRole.DataRaw, ["data_file"] = HttpOptionRole.DataFile,
        ["form"] = HttpOptionRole.Form, ["get"] = HttpOptionRole.Get, ["head"] = HttpOptionRole.Head,
        ["upload"] = HttpOptionRole.Upload, ["host_option"] = HttpOptionRole.Host,
    };

    private static readonly HashSet<string> KnownKeys = new(new[]
    {
        "id", "program", "style", "split_short_flags", "options_with_value", "subcommand", "base_url", "host_prefix", "must_read", "must_not_read",
    }.Concat(RoleKeys.Keys), StringComparer.Ordinal);

    private static HttpClientCatalog Parse(YamlNode? document, string sourceName)
    {
        var clients = new List<HttpClientProgram>();
        foreach (var (entry, where, id) in CatalogYaml.Entries(document, "http_clients", sourceName, KnownKeys))
        {
            var programs = CatalogYaml.Strings(entry, "program");
            if (programs.Count == 0) throw new FormatException($"{where}: 'program' is required");
            var style = CatalogYaml.Required(entry, "style", where) switch
            {
                "options" => HttpClientStyle.Options,
                "httpie" => HttpClientStyle.Httpie,
                "powershell" => HttpClientStyle.PowerShell,
                var other => throw new FormatException($"{where}: 'style' is options, httpie or powershell, not '{other}'"),
            };
            var roles = new Dictionary<HttpOptionRole, IReadOnlyList<string>>();
            foreach (var pair in RoleKeys) roles[pair.Value] = CatalogYaml.Strings(entry, pair.Key);
            var syntax = new CommandOptionSyntax(CatalogYaml.Bool(entry, "split_short_flags", false, where), CatalogYaml.Strings(entry, "options_with_value"));
            var mustRead = CatalogYaml.Strings(entry, "must_read");
            if (mustRead.Count == 0) throw new FormatException($"{where}: every entry needs must_read examples ('command => METHOD URL')");
            if (mustRead.Any(e => e.IndexOf(" => ", StringComparison.Ordinal) < 0)) throw new FormatException($"{where}: a must_read example is 'command => METHOD URL'");
            clients.Add(new HttpClientProgram(id, programs, style, syntax, CatalogYaml.Scalar(entry, "subcommand"), CatalogYaml.Scalar(entry, "base_url"),
                CatalogYaml.Scalar(entry, "host_prefix"), roles, mustRead, CatalogYaml.Strings(entry, "must_not_read")));
        }
        return new HttpClientCatalog(clients);
    }
}
