using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Commands;
using Firebreak.Core.Commands.Http;
using Firebreak.Core.Credentials;
using Firebreak.Core.Languages.Yaml;

namespace Firebreak.Core.Commands;

/// <summary>
/// The data the rules match against: destructive commands, platform APIs and token kinds. The built-in catalogues
/// are embedded; a user's own (firebreak.yml <c>catalogs:</c>) are merged in, one file holding any of the sections
/// <c>commands:</c>, <c>apis:</c>, <c>tokens:</c>, <c>wrappers:</c> and <c>http_clients:</c>, in the same format as
/// rules/catalogs/*.yaml.
/// </summary>
public sealed class CatalogSet
{
    private static readonly string[] Sections = { "commands", "apis", "tokens", "wrappers", "http_clients" };

    private readonly DestructiveCommandCatalog? _commands;
    private readonly PlatformApiCatalog? _apis;
    private readonly TokenCatalog? _tokens;
    private readonly WrapperCatalog? _wrappers;
    private readonly HttpClientCatalog? _httpClients;
    private readonly Lazy<SecretScanner> _secrets;

    private CatalogSet(DestructiveCommandCatalog? commands, PlatformApiCatalog? apis, TokenCatalog? tokens, WrapperCatalog? wrappers = null, HttpClientCatalog? httpClients = null)
    {
        _commands = commands;
        _apis = apis;
        _tokens = tokens;
        _wrappers = wrappers;
        _httpClients = httpClients;
        _secrets = new Lazy<SecretScanner>(() => tokens is null ? SecretScanner.Default : new SecretScanner(tokens));
    }

    /// <summary>The embedded catalogues, each loaded on first use.</summary>
    public static CatalogSet Default { get; } = new(null, null, null);

    /// <summary>
    /// Reads the built-in token catalogue (with its scanner) and the command catalogue's index now, for a caller with
    /// another core idle while it does other work first: the guard reads its payload and configuration meanwhile. Every
    /// face still gets them the usual way, on first use; whichever thread comes first reads them, once.
    /// </summary>
    public static void WarmDefaults()
    {
        _ = SecretScanner.Default;
        _ = DestructiveCommandCatalog.Default;
    }

    public DestructiveCommandCatalog Commands => _commands ?? DestructiveCommandCatalog.Default;
    public PlatformApiCatalog Apis => _apis ?? PlatformApiCatalog.Default;
    public TokenCatalog Tokens => _tokens ?? TokenCatalog.Default;

    /// <summary>Commands that run another command (built in, and users' <c>wrappers:</c> first).</summary>
    public WrapperCatalog Wrappers => _wrappers ?? WrapperCatalog.Default;
    public SecretScanner Secrets => _secrets.Value;

    /// <summary>Programs that make HTTP requests, and how to read them (built in, and users' <c>http_clients:</c> first).</summary>
    public HttpClientCatalog HttpClients => _httpClients ?? HttpClientCatalog.Default;

    /// <summary>Destructive MCP tools (built in; user catalogues do not extend it yet).</summary>
    public McpToolCatalog McpTools => McpToolCatalog.Default;

    /// <summary>
    /// The built-in catalogues plus <paramref name="files"/> (name, YAML text). A file with none of the sections, or
    /// an entry the catalogue rejects, is a <see cref="FormatException"/> whose message starts with the file's name.
    /// </summary>
    public static CatalogSet WithUserCatalogs(IEnumerable<(string Name, string Yaml)> files)
    {
        var list = files.ToArray();
        if (list.Length == 0) return Default;
        DestructiveCommandCatalog? commands = null;
        PlatformApiCatalog? apis = null;
        TokenCatalog? tokens = null;
        WrapperCatalog? wrappers = null;
        HttpClientCatalog? httpClients = null;
        var commandFiles = new List<(string, string)>();
        foreach (var (name, yaml) in list)
        {
            var sections = TopLevelKeys(name, yaml);
            var unknown = sections.Where(k => !Sections.Contains(k)).ToArray();
            if (unknown.Length > 0) throw new FormatException($"{name}: unknown section '{unknown[0]}' (a catalog holds commands:, apis:, tokens:, wrappers: and http_clients:)");
            if (sections.Count == 0) throw new FormatException($"{name}: no commands:, apis:, tokens:, wrappers: or http_clients: section");
            if (sections.Contains("commands")) commandFiles.Add((name, yaml));
            if (sections.Contains("apis")) apis = (apis ?? PlatformApiCatalog.Default).WithEntries(yaml, name);
            if (sections.Contains("tokens")) tokens = (tokens ?? TokenCatalog.Default).WithEntries(yaml, name);
            if (sections.Contains("wrappers")) wrappers = (wrappers ?? WrapperCatalog.Default).WithEntries(yaml, name);
            if (sections.Contains("http_clients")) httpClients = (httpClients ?? HttpClientCatalog.Default).WithEntries(yaml, name);
        }
        if (commandFiles.Count > 0) commands = DestructiveCommandCatalog.WithExtra(commandFiles);
        return new CatalogSet(commands, apis, tokens, wrappers, httpClients);
    }

    private static IReadOnlyCollection<string> TopLevelKeys(string name, string yaml)
    {
        var file = YamlParser.Parse(yaml);
        if (file.Diagnostics.Count > 0) throw new FormatException($"{name}: {file.Diagnostics[0].Message}");
        if (file.RootMapping is not { } root) return Array.Empty<string>();
        return root.Pairs.Select(p => p.KeyText ?? string.Empty).ToArray();
    }
}
