using System;
using System.Collections.Generic;

namespace Firebreak.Core.Commands.Http;

public enum PlatformApiKind
{
    Rest,
    GraphQL,
}

/// <summary>What an operation destroys, for the level of a finding.</summary>
public enum ApiImpact
{
    /// <summary>Settings, domains, schedules: recoverable by reconfiguring.</summary>
    Config,

    /// <summary>Services, machines, deployments: recoverable by redeploying.</summary>
    Compute,

    /// <summary>Volumes, databases, projects, environments: the data is gone.</summary>
    Data,
}

/// <summary>One control-plane API of a platform (an entry of <c>rules/catalogs/platform-apis.yaml</c>).</summary>
public sealed class PlatformApi
{
    internal PlatformApi(string id, string platform, PlatformApiKind kind, IReadOnlyList<string> hosts, IReadOnlyList<string> paths,
        string? cli, IReadOnlyList<string> docs)
    {
        Id = id;
        Platform = platform;
        Kind = kind;
        Hosts = hosts;
        Paths = paths;
        Cli = cli;
        Docs = docs;
    }

    public string Id { get; }
    public string Platform { get; }
    public PlatformApiKind Kind { get; }
    public IReadOnlyList<string> Hosts { get; }

    /// <summary>GraphQL endpoint paths.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>A CLI command (program and subcommand) that sends a GraphQL document to this API, e.g. <c>railway api</c>.</summary>
    public string? Cli { get; }
    public IReadOnlyList<string> Docs { get; }
    public IReadOnlyList<PlatformApiOperation> Operations { get; internal set; } = Array.Empty<PlatformApiOperation>();

    public bool ServesHost(string host)
    {
        foreach (var h in Hosts)
            if (string.Equals(h, host, StringComparison.OrdinalIgnoreCase) ||
                h.StartsWith("*:", StringComparison.Ordinal) && host.EndsWith(h.Substring(1), StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}

/// <summary>One destructive operation: a GraphQL mutation or a REST method on a path template.</summary>
public sealed class PlatformApiOperation
{
    internal PlatformApiOperation(PlatformApi api, string? mutation, string? method, string? pathTemplate, string destroys,
        ApiImpact impact, bool backupsDie, string? onlyIfEmpty, IReadOnlyList<string> mustMatch, IReadOnlyList<string> mustNotMatch)
    {
        Api = api;
        Mutation = mutation;
        Method = method;
        PathTemplate = pathTemplate;
        Destroys = destroys;
        Impact = impact;
        BackupsDie = backupsDie;
        OnlyIfEmpty = onlyIfEmpty;
        MustMatch = mustMatch;
        MustNotMatch = mustNotMatch;
        Segments = pathTemplate?.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries) ?? Array.Empty<string>();
    }

    public PlatformApi Api { get; }

    /// <summary>GraphQL: the mutation's root field.</summary>
    public string? Mutation { get; }

    /// <summary>REST: upper-case method.</summary>
    public string? Method { get; }

    /// <summary>REST: <c>/v1/apps/{app}/volumes/{volume}</c>.</summary>
    public string? PathTemplate { get; }
    public string Destroys { get; }
    public ApiImpact Impact { get; }

    /// <summary>The backups go with it (or the call deletes backups): nothing is left to restore from.</summary>
    public bool BackupsDie { get; }

    /// <summary>GraphQL: match only when this argument is an empty list.</summary>
    public string? OnlyIfEmpty { get; }
    public IReadOnlyList<string> MustMatch { get; }
    public IReadOnlyList<string> MustNotMatch { get; }

    internal string[] Segments { get; }

    /// <summary><c>volumeDelete</c> or <c>DELETE /v1/apps/{app}</c>.</summary>
    public string DisplayName => Mutation ?? Method + " " + PathTemplate;

    /// <summary>
    /// Whether a request path (no query string) fits the template. A dynamic segment (<c>$APP</c>) fits a placeholder, or a
    /// run of them: <c>/repos/$GITHUB_REPOSITORY</c> is <c>/repos/{owner}/{repo}</c>. It never stands for a literal segment.
    /// </summary>
    internal bool MatchesPath(string path) =>
        MatchesFrom(path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries), 0, 0);

    private bool MatchesFrom(string[] actual, int a, int t)
    {
        if (a == actual.Length || t == Segments.Length) return a == actual.Length && t == Segments.Length;
        bool placeholder = IsPlaceholder(Segments[t]);
        if (!placeholder) return string.Equals(Segments[t], actual[a], StringComparison.Ordinal) && MatchesFrom(actual, a + 1, t + 1);
        if (MatchesFrom(actual, a + 1, t + 1)) return true;
        if (actual[a].IndexOf('$') < 0) return false;
        for (int end = t + 1; end < Segments.Length && IsPlaceholder(Segments[end]); end++)
            if (MatchesFrom(actual, a + 1, end + 1)) return true;
        return false;
    }

    private static bool IsPlaceholder(string segment) => segment.Length > 1 && segment[0] == '{' && segment[segment.Length - 1] == '}';

    public override string ToString() => Api.Platform + " " + DisplayName;
}
