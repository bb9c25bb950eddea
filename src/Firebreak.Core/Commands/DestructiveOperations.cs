using System;
using System.Collections.Generic;
using Firebreak.Core.Commands.Http;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Commands;

/// <summary>
/// One destructive operation a script runs: a command of the destructive-command catalogue (what FB1001 reports) or a
/// control-plane API call (what FB1002 reports). Rules that reason about where such operations run — the gate rule,
/// the compound finding — read these instead of matching commands again.
/// </summary>
public sealed class DestructiveOperation
{
    internal DestructiveOperation(ShellSource source, ShellCommand command, TextSpan span, string display, string? platform, bool backupsDie, bool productionTarget, string destroys)
    {
        Destroys = destroys;
        SourceOrdinal = source.Ordinal;
        Context = source.Context;
        CommandSpan = command.Span;
        Span = span;
        Display = display;
        Platform = platform;
        BackupsDie = backupsDie;
        ProductionTarget = productionTarget;
    }

    // Facts, not trees: an operation outlives its file's shell model (which the engine drops after the file's own pass),
    // so it keeps what the cross-file rules read and no reference into the parse.

    /// <summary>The <see cref="ShellSource.Ordinal"/> of the script it is in.</summary>
    public int SourceOrdinal { get; }

    /// <summary>The job, service or target of the script it is in.</summary>
    public ShellHostContext Context { get; }

    /// <summary>The whole command that runs it (a gate is about the command, not one word of it).</summary>
    public TextSpan CommandSpan { get; }

    /// <summary>Where the finding about it points: the command, or the mutation name of an API call.</summary>
    public TextSpan Span { get; }

    /// <summary>For messages: <c>railway environment delete</c>, <c>volumeDelete</c>.</summary>
    public string Display { get; }

    /// <summary>The platform whose data it destroys (<c>railway</c>, <c>aws</c>…), lower case, when known.</summary>
    public string? Platform { get; }

    /// <summary>The catalogue says the data's backups are deleted with it.</summary>
    public bool BackupsDie { get; }

    /// <summary>What it destroys, from the catalogue: <c>the Railway volume and the backups stored on it</c>.</summary>
    public string Destroys { get; }

    /// <summary>The command names a production target (<c>--environment production</c>, a <c>prod</c> resource).</summary>
    public bool ProductionTarget { get; }
}

/// <summary>The destructive operations of a document's shell sources, found once per document.</summary>
public static class DestructiveOperations
{
    public static IReadOnlyList<DestructiveOperation> Of(DocumentContext document) => HolderOf(document).Operations;

    /// <summary>The operations inside one of the document's sources (looked up, not filtered: a workflow of 20,000 steps
    /// asks once per step).</summary>
    public static IReadOnlyList<DestructiveOperation> In(DocumentContext document, ShellSource source) =>
        source.Ordinal >= 0 && HolderOf(document).BySource.TryGetValue(source.Ordinal, out var operations) ? operations : Array.Empty<DestructiveOperation>();

    private static readonly ModelKey<Holder> OperationsKey = new("destructive-operations", static doc => Find(doc) is { Count: > 0 } found ? new Holder(found) : Holder.None);

    private static Holder HolderOf(DocumentContext document) =>
        document.Get(OperationsKey);

    /// <summary>The operations of sources that <see cref="ShellSources.Of"/> does not hold (GitLab CI includes), uncached.</summary>
    public static IReadOnlyList<DestructiveOperation> InSource(ShellSource source, CatalogSet catalogs)
    {
        var operations = new List<DestructiveOperation>();
        AddOperations(source, catalogs, operations);
        return operations;
    }

    private static IReadOnlyList<DestructiveOperation> Find(DocumentContext document)
    {
        var operations = new List<DestructiveOperation>();
        foreach (var source in ShellSources.Of(document)) AddOperations(source, document.Catalogs, operations);
        return operations;
    }

    private static void AddOperations(ShellSource source, CatalogSet catalogs, List<DestructiveOperation> operations)
    {
        foreach (var command in source.Commands)
        {
            if (command.Name is null) continue;
            if (DestructiveCommandMatcher.Match(command, catalogs.Commands) is { } match && match.Neutralizer is null)
            {
                operations.Add(new DestructiveOperation(source, command, match.Span, match.DisplayName,
                    PlatformOf(match.Signature), match.BackupsDie, match.ProductionEvidence != null, match.Signature.Destroys));
            }
            foreach (var call in catalogs.Apis.Match(command, catalogs.HttpClients))
            {
                operations.Add(new DestructiveOperation(source, command, call.Span, call.Operation.DisplayName,
                    PlatformKeys.Normalize(call.Operation.Api.Platform), call.Operation.BackupsDie, false, call.Operation.Destroys));
            }
        }
    }

    /// <summary>
    /// The entry's <c>platform:</c>, else the first word of its ID: built-in IDs start with the platform's CLI
    /// (<c>railway-volume-delete</c>, <c>az-sql-…</c>).
    /// </summary>
    internal static string PlatformOf(DestructiveCommandSignature signature)
    {
        if (signature.Platform is { } platform) return PlatformKeys.Normalize(platform);
        int dash = signature.Id.IndexOf('-');
        return PlatformKeys.Normalize(dash > 0 ? signature.Id.Substring(0, dash) : signature.Id);
    }

    private sealed class Holder
    {
        /// <summary>Most files destroy nothing: one shared holder for them all (a scan keeps every file's).</summary>
        public static readonly Holder None = new(Array.Empty<DestructiveOperation>());

        public Holder(IReadOnlyList<DestructiveOperation> operations)
        {
            Operations = operations;
            var bySource = new Dictionary<int, List<DestructiveOperation>>();
            foreach (var operation in operations)
            {
                if (!bySource.TryGetValue(operation.SourceOrdinal, out var list)) bySource[operation.SourceOrdinal] = list = new List<DestructiveOperation>();
                list.Add(operation);
            }
            var frozen = new Dictionary<int, IReadOnlyList<DestructiveOperation>>(bySource.Count);
            foreach (var pair in bySource) frozen[pair.Key] = pair.Value;
            BySource = frozen;
        }

        public IReadOnlyList<DestructiveOperation> Operations { get; }
        public IReadOnlyDictionary<int, IReadOnlyList<DestructiveOperation>> BySource { get; }
    }
}

/// <summary>
/// One key per platform, so that a command's CLI (<c>wrangler</c>), an API catalogue entry (<c>Cloudflare</c>) and a
/// token kind (<c>Cloudflare</c>) compare equal.
/// </summary>
public static class PlatformKeys
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["az"] = "azure", ["gcloud"] = "google cloud", ["gsutil"] = "google cloud", ["firebase"] = "google cloud",
        ["wrangler"] = "cloudflare", ["fly"] = "fly.io", ["flyctl"] = "fly.io", ["doctl"] = "digitalocean",
        ["pscale"] = "planetscale", ["gh"] = "github",
    };

    public static string Normalize(string platform) =>
        Aliases.TryGetValue(platform, out var canonical) ? canonical : platform.ToLowerInvariant();

    private static readonly Dictionary<string, string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["aws"] = "AWS", ["azure"] = "Azure", ["google cloud"] = "Google Cloud", ["cloudflare"] = "Cloudflare", ["fly.io"] = "Fly.io",
        ["digitalocean"] = "DigitalOcean", ["planetscale"] = "PlanetScale", ["github"] = "GitHub", ["gitlab"] = "GitLab",
        ["railway"] = "Railway", ["heroku"] = "Heroku", ["render"] = "Render", ["vercel"] = "Vercel", ["supabase"] = "Supabase",
        ["neon"] = "Neon", ["kubectl"] = "Kubernetes", ["helm"] = "Kubernetes", ["terraform"] = "Terraform", ["tofu"] = "Terraform",
        ["pulumi"] = "Pulumi", ["cdk"] = "AWS CDK", ["docker"] = "Docker", ["rm"] = "Local files", ["find"] = "Local files",
        ["git"] = "Git", ["psql"] = "PostgreSQL", ["dropdb"] = "PostgreSQL", ["mysql"] = "MySQL", ["mysqladmin"] = "MySQL",
        ["redis"] = "Redis", ["mongosh"] = "MongoDB", ["pwsh"] = "PowerShell",
    };

    /// <summary>How people write the platform's name (<c>Google Cloud</c>, <c>Kubernetes</c> for kubectl), for reports.</summary>
    public static string Title(string platform) =>
        Titles.TryGetValue(platform, out var title) ? title
        : platform.Length == 0 ? platform : char.ToUpperInvariant(platform[0]) + platform.Substring(1);
}
