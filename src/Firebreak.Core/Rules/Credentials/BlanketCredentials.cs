using System.Collections.Generic;
using Firebreak.Core.Analysis;
using Firebreak.Core.Commands;
using Firebreak.Core.Credentials;
using Firebreak.Core.Platforms.GitHubActions;
using Firebreak.Core.Platforms.GitLabCi;
using Firebreak.Core.Text;

namespace Firebreak.Core.Rules.Credentials;

/// <summary>A blanket (account- or workspace-wide) platform credential a file hands out or holds.</summary>
public sealed class BlanketCredential
{
    internal BlanketCredential(TokenKind kind, TextSpan span, string description)
    {
        Kind = kind;
        Span = span;
        Description = description;
    }

    public TokenKind Kind { get; }

    /// <summary>Same key as <see cref="DestructiveOperation.Platform"/>.</summary>
    public string Platform => PlatformKeys.Normalize(Kind.Platform);

    public TextSpan Span { get; }
    public string Description { get; }
}

/// <summary>
/// The blanket credentials of a document, found once: committed tokens (what FB2006 reports) and blanket token names
/// handed to workflow jobs, GitLab jobs or sent by scripts (what FB2003 reports). The compound rule reads these.
/// </summary>
public static class BlanketCredentials
{
    public static IReadOnlyList<BlanketCredential> Of(DocumentContext document) =>
        document.GetModel("blanket-credentials", static doc => new Holder(Find(doc))).Credentials;

    /// <summary>Committed secrets of a document, scanned once (FB2006 and this model share the scan).</summary>
    public static IReadOnlyList<SecretMatch> Committed(DocumentContext document) =>
        document.GetModel("committed-secrets", static doc => new SecretsHolder(SecretScanner.Default.Scan(doc.Text))).Matches;

    private static IReadOnlyList<BlanketCredential> Find(DocumentContext document)
    {
        var catalog = TokenCatalog.Default;
        var found = new List<BlanketCredential>();
        if (document.Kind != FileKind.Unknown)
            foreach (var match in Committed(document))
                if (match.IsBlanket) found.Add(new BlanketCredential(match.Kind, match.Span, $"a {match.Kind.DisplayName} committed in {document.Path}"));

        switch (document.Kind)
        {
            case FileKind.GitHubWorkflow when GitHubWorkflow.Of(document) is { } workflow:
                var entries = new List<WorkflowEnvEntry>(workflow.Env);
                foreach (var job in workflow.Jobs)
                {
                    entries.AddRange(job.Env);
                    foreach (var step in job.Steps) entries.AddRange(step.Env);
                }
                foreach (var entry in entries)
                    if (BlanketTokenNames.BlanketKind(catalog, entry.Name) is { } kind)
                        found.Add(new BlanketCredential(kind, entry.Pair.Key.Span, $"`{entry.Name}` ({kind.DisplayName}) in {document.Path}"));
                break;
            case FileKind.GitLabCi when GitLabPipeline.Of(document) is { } pipeline:
                var variables = new List<GitLabVariable>(pipeline.Variables);
                foreach (var job in pipeline.Jobs) variables.AddRange(job.Variables);
                foreach (var variable in variables)
                    if (BlanketTokenNames.BlanketKind(catalog, variable.Name) is { } kind)
                        found.Add(new BlanketCredential(kind, variable.Pair.Key.Span, $"`{variable.Name}` ({kind.DisplayName}) in {document.Path}"));
                break;
            case FileKind.Shell:
                foreach (var source in ShellSources.Of(document))
                    foreach (var token in SentToken.In(source.Script, catalog))
                        if (token.IsBlanket)
                            found.Add(new BlanketCredential(token.Kinds[0], source.Text.MapToHost(token.Span), $"`${token.Variable}` sent as a {token.Kinds[0].DisplayName} in {document.Path}"));
                break;
        }
        return found;
    }

    private sealed class Holder
    {
        public Holder(IReadOnlyList<BlanketCredential> credentials) => Credentials = credentials;
        public IReadOnlyList<BlanketCredential> Credentials { get; }
    }

    private sealed class SecretsHolder
    {
        public SecretsHolder(IReadOnlyList<SecretMatch> matches) => Matches = matches;
        public IReadOnlyList<SecretMatch> Matches { get; }
    }
}
