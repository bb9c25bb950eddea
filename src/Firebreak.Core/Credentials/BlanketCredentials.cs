using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Commands;
using Firebreak.Core.Credentials;
using Firebreak.Core.Languages.Json;
using Firebreak.Core.Languages.Toml;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Platforms.GitHubActions;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Credentials;

/// <summary>A blanket (account- or workspace-wide) platform credential a file hands out or holds.</summary>
public sealed class BlanketCredential
{
    internal BlanketCredential(TokenKind kind, TextSpan span, string name, string description, bool committed, string message, string fingerprint)
    {
        Name = name;
        Kind = kind;
        Span = span;
        Description = description;
        IsCommitted = committed;
        Message = message;
        Fingerprint = fingerprint;
    }

    public TokenKind Kind { get; }

    /// <summary>The variable, secret or header name that carries it; the token kind's ID for a committed value.</summary>
    public string Name { get; }

    /// <summary>Same key as <see cref="DestructiveOperation.Platform"/>.</summary>
    public string Platform => PlatformKeys.Normalize(Kind.Platform);

    public TextSpan Span { get; }

    /// <summary>For other rules' messages: <c>`RAILWAY_API_TOKEN` (Railway account token) in .github/workflows/x.yml</c>.</summary>
    public string Description { get; }

    /// <summary>The token's value is in the file (FB2006); otherwise the file hands a token to a job, script or agent (FB2003).</summary>
    public bool IsCommitted { get; }

    /// <summary>What FB2003 says about a handed-out credential: what it reaches, who gets it, the scoped alternative.</summary>
    public string Message { get; }

    public string Fingerprint { get; }
}

/// <summary>
/// The blanket credentials of a document, found once — the one place that decides what a blanket credential is:
/// committed tokens (what FB2006 reports) and blanket tokens handed to workflow jobs, actions, called workflows,
/// GitLab jobs, scripts, MCP servers and agents (what FB2003 reports). The kind comes from the token catalogue of the
/// scan (<see cref="DocumentContext.Catalogs"/>), by the variable or secret name and by how the token is sent (header
/// and host); when the two disagree, how it is sent wins. The compound rule reads these too.
/// </summary>
public static class BlanketCredentials
{
    private static readonly ModelKey<Holder> CredentialsKey = new("blanket-credentials", static doc => Find(doc) is { Count: > 0 } found ? new Holder(found) : Holder.None);

    public static IReadOnlyList<BlanketCredential> Of(DocumentContext document) =>
        document.Get(CredentialsKey).Credentials;

    private static readonly ModelKey<SecretsHolder> SecretsKey = new("committed-secrets", static doc => doc.Catalogs.Secrets.Scan(doc.Text) is { Count: > 0 } found ? new SecretsHolder(found) : SecretsHolder.None);

    /// <summary>Committed secrets of a document, scanned once with the scan's catalogue (FB2006 and this model share it).</summary>
    public static IReadOnlyList<SecretMatch> Committed(DocumentContext document) =>
        document.Get(SecretsKey).Matches;

    private static IReadOnlyList<BlanketCredential> Find(DocumentContext document)
    {
        var finder = new Finder(document);
        if (document.Kind != FileKind.Unknown)
            foreach (var match in Committed(document))
                if (match.IsBlanket)
                    finder.Found.Add(new BlanketCredential(match.Kind, match.Span, match.Kind.Id, $"a {match.Kind.DisplayName} committed in {document.Path}", committed: true,
                        string.Empty, "secret:" + match.Kind.Id));

        switch (document.Kind)
        {
            case FileKind.GitHubWorkflow:
                finder.Workflow();
                break;
            case FileKind.McpConfig:
            case FileKind.ClaudeSettings:
                finder.AgentConfig();
                break;
            case FileKind.CodexConfig:
                finder.CodexConfig();
                break;
            case FileKind.GitLabCi:
                finder.GitLab();
                finder.Scripts();
                break;
            case var kind when ShellSources.CanHoldShell(kind):
                // A .sh file, a Makefile recipe, a package.json script, a Dockerfile RUN…
                finder.Scripts();
                break;
        }
        return finder.Found;
    }

    private sealed class Finder
    {
        private readonly DocumentContext _document;
        private readonly TokenCatalog _catalog;
        private readonly string _host;

        public Finder(DocumentContext document)
        {
            _document = document;
            _catalog = document.Catalogs.Tokens;
            _host = document.Text.Text;
        }

        public List<BlanketCredential> Found { get; } = new();

        private void Add(TokenKind kind, TextSpan span, string name, string message, string fingerprint, string? description = null) =>
            Found.Add(new BlanketCredential(kind, span, name, description ?? $"`{name}` ({kind.DisplayName}) in {_document.Path}", committed: false, message, fingerprint));

        private TokenKind? KindOfName(string name) => BlanketTokenNames.BlanketKind(_catalog, name);

        // ---- GitHub Actions --------------------------------------------------------------------------------

        public void Workflow()
        {
            if (GitHubWorkflow.Of(_document) is not { } workflow) return;

            // How each variable is sent, across all run blocks: a project header proves a "blanket" name wrong.
            var sent = new List<(WorkflowRunScript Script, SentToken Token)>();
            foreach (var script in WorkflowRunScript.Of(_document))
                foreach (var token in SentToken.In(script.Source, _host, _catalog, _document.Catalogs.HttpClients)) sent.Add((script, token));
            var provenScoped = new HashSet<string>(sent.Where(s => s.Token.IsScoped && !sent.Any(o => o.Token.Variable == s.Token.Variable && o.Token.IsBlanket)).Select(s => s.Token.Variable), StringComparer.Ordinal);

            var reported = new HashSet<string>(StringComparer.Ordinal);
            string allJobs = string.Join(", ", workflow.Jobs.Select(j => j.Id));
            string trigger = TriggerNote(workflow);

            foreach (var entry in workflow.Env)
                EnvEntry(entry, $"every job of this workflow ({allJobs})", provenScoped, reported, trigger);
            foreach (var job in workflow.Jobs)
            {
                foreach (var entry in job.Env)
                    EnvEntry(entry, $"every step of job '{job.Id}'", provenScoped, reported, trigger);
                foreach (var step in job.Steps)
                {
                    string stepName = step.Name is { } name ? $"step '{name}'" : $"step {step.Index + 1}";
                    foreach (var entry in step.Env)
                        EnvEntry(entry, $"{stepName} of job '{job.Id}'", provenScoped, reported, trigger);
                    if (step.With is { } with)
                    {
                        foreach (var reference in WorkflowReferences.In(with, _host).Where(r => r.Kind == ContextReferenceKind.Secret))
                        {
                            if (provenScoped.Contains(reference.Name) || KindOfName(reference.Name) is not { } kind) continue;
                            reported.Add(reference.Name);
                            Add(kind, reference.Span, "secrets." + reference.Name,
                                Message($"`secrets.{reference.Name}`", kind, $"the action {step.Uses ?? "of this step"} in job '{job.Id}'", trigger),
                                "with:" + job.Id + ":" + reference.Name);
                        }
                    }
                }
                if (job.Secrets is YamlMapping passed)
                {
                    foreach (var reference in WorkflowReferences.In(passed, _host).Where(r => r.Kind == ContextReferenceKind.Secret))
                    {
                        if (provenScoped.Contains(reference.Name) || KindOfName(reference.Name) is not { } kind) continue;
                        Add(kind, reference.Span, "secrets." + reference.Name,
                            Message($"`secrets.{reference.Name}`", kind, $"the workflow called by job '{job.Id}'", trigger),
                            "call:" + job.Id + ":" + reference.Name);
                    }
                }
            }

            // Sent as a blanket token, under a name that did not already say so.
            foreach (var (script, token) in sent)
            {
                if (!token.IsBlanket || reported.Contains(token.Variable)) continue;
                if (KindOfName(token.Variable) is not null && IsDeclaredInEnv(workflow, token.Variable)) continue;
                var kind = token.Kinds[0];
                Add(kind, token.Span, token.Variable, SentMessage(token, kind, $"job '{script.Job.Id}'") + trigger,
                    "sent:" + script.Job.Id + ":" + token.Variable, SentDescription(token, kind));
            }
        }

        private void EnvEntry(WorkflowEnvEntry entry, string reach, HashSet<string> provenScoped, HashSet<string> reported, string trigger)
        {
            if (provenScoped.Contains(entry.Name)) return;
            var kind = KindOfName(entry.Name);
            string subject = $"`{entry.Name}`";
            if (kind is not null && kind.CarrierVariables.Contains(entry.Name) && ComesFromOtherKindOfSecret(entry))
                return;
            if (kind is null)
            {
                foreach (var reference in WorkflowReferences.In(entry.Value, _host).Where(r => r.Kind == ContextReferenceKind.Secret))
                {
                    if (provenScoped.Contains(reference.Name)) continue;
                    kind = KindOfName(reference.Name);
                    if (kind is not null)
                    {
                        subject = $"`{entry.Name}` (from `secrets.{reference.Name}`)";
                        reported.Add(reference.Name);
                        break;
                    }
                }
            }
            if (kind is null) return;
            reported.Add(entry.Name);
            Add(kind, entry.Pair.Key.Span, entry.Name, Message(subject, kind, reach, trigger), "env:" + entry.Level + ":" + entry.Name);
        }

        /// <summary>
        /// A carrier variable (<see cref="TokenKind.CarrierVariables"/>) filled only from secrets whose names do not
        /// name a blanket kind: the CLI would take a scoped token there as readily, so the variable's name proves nothing.
        /// </summary>
        private bool ComesFromOtherKindOfSecret(WorkflowEnvEntry entry)
        {
            var secrets = WorkflowReferences.In(entry.Value, _host).Where(r => r.Kind == ContextReferenceKind.Secret).ToArray();
            return secrets.Length > 0 && secrets.All(s => KindOfName(s.Name) is null);
        }

        private static bool IsDeclaredInEnv(GitHubWorkflow workflow, string name) =>
            workflow.Env.Any(e => e.Name == name) || workflow.Jobs.Any(j => j.Env.Any(e => e.Name == name) || j.Steps.Any(s => s.Env.Any(e => e.Name == name)));

        private static string TriggerNote(GitHubWorkflow workflow)
        {
            foreach (string risky in new[] { "pull_request_target", "pull_request", "issue_comment", "workflow_run" })
            {
                if (workflow.IsTriggeredBy(risky)) return $" The workflow runs on `{risky}`, so code from a pull request runs next to it.";
            }
            return string.Empty;
        }

        // ---- scripts ---------------------------------------------------------------------------------------

        public void Scripts()
        {
            // A GitLab variable already reported where it is defined is not reported again where it is sent.
            var defined = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in Found) if (!f.IsCommitted) defined.Add(f.Name);
            foreach (var source in ShellSources.Of(_document))
            {
                foreach (var token in SentToken.In(source, _host, _catalog, _document.Catalogs.HttpClients))
                {
                    if (defined.Contains(token.Variable)) continue;
                    var kind = token.IsBlanket ? token.Kinds[0] : token.IsScoped ? null : KindOfName(token.Variable);
                    if (kind is null) continue;
                    string message = token.IsBlanket
                        ? SentMessage(token, kind, "this script")
                        : Message($"`{token.Variable}`", kind, "this script", string.Empty);
                    Add(kind, token.Span, token.Variable, message, "script:" + token.Variable,
                        token.IsBlanket ? SentDescription(token, kind) : null);
                }
            }
        }

        // ---- agent configuration (MCP servers, Claude Code env) ---------------------------------------------

        public void AgentConfig()
        {
            var json = _document.Json;
            if (json.Root is not JsonObject root) return;
            if (_document.Kind == FileKind.ClaudeSettings)
            {
                if (root.Get("env") is JsonObject env) JsonEnv(env, "Claude Code and every command it runs");
                return;
            }
            var servers = root.Get("mcpServers") as JsonObject ?? root.Get("servers") as JsonObject;
            if (servers is null) return;
            foreach (var server in servers.Members)
            {
                if (server.Value is not JsonObject body) continue;
                string reach = $"MCP server '{server.Name}' and the agent that calls it";
                if (body.Get("env") is JsonObject env) JsonEnv(env, reach);
                if (body.Get("headers") is JsonObject headers)
                {
                    string url = (body.Get("url") as JsonString)?.Value ?? string.Empty;
                    foreach (var header in headers.Members)
                    {
                        if (header.Value is not JsonString value) continue;
                        string text = value.Value.Trim();
                        int space = text.IndexOf(' ');
                        string? scheme = space > 0 ? text.Substring(0, space) : null;
                        var kinds = SentToken.Classify(_catalog, header.Name, scheme, url);
                        if (kinds.Count == 0 || !kinds.All(k => k.IsBlanket)) continue;
                        string headerText = header.Name + (scheme is null ? string.Empty : ": " + scheme);
                        Add(kinds[0], header.NameSpan, headerText,
                            Message($"The `{headerText}` header", kinds[0], reach, string.Empty),
                            "mcp-header:" + server.Name + ":" + header.Name);
                    }
                }
            }
        }

        private void JsonEnv(JsonObject env, string reach)
        {
            foreach (var member in env.Members)
            {
                if (KindOfName(member.Name) is not { } kind) continue;
                Add(kind, member.NameSpan, member.Name, Message($"`{member.Name}`", kind, reach, string.Empty), "json-env:" + member.Name);
            }
        }

        // ---- Codex (MCP servers in .codex/config.toml) -----------------------------------------------------

        public void CodexConfig()
        {
            foreach (var entry in TomlKeyValueLexer.Read(_host))
            {
                // [mcp_servers.<name>.env]: the environment Codex starts that MCP server with.
                const string prefix = "mcp_servers.";
                if (!entry.Table.StartsWith(prefix, StringComparison.Ordinal) || !entry.Table.EndsWith(".env", StringComparison.Ordinal)) continue;
                if (KindOfName(entry.Key) is not { } kind) continue;
                string server = entry.Table.Substring(prefix.Length, entry.Table.Length - prefix.Length - ".env".Length);
                Add(kind, entry.KeySpan, entry.Key, Message($"`{entry.Key}`", kind, $"MCP server '{server}' and the agent that calls it", string.Empty),
                    "codex-env:" + server + ":" + entry.Key);
            }
        }

        // ---- GitLab CI -------------------------------------------------------------------------------------

        public void GitLab()
        {
            if (_document.Yaml.RootMapping is not { } root) return;
            GitLabVariables(root, "every job of this pipeline");
            foreach (var pair in root.Pairs)
            {
                if (pair.KeyText is not { } name || name.StartsWith(".", StringComparison.Ordinal) || pair.Value.Resolve() is not YamlMapping job) continue;
                if (name is "variables" or "default" or "workflow" or "include" or "stages") continue;
                GitLabVariables(job, $"job '{name}'");
            }
        }

        private void GitLabVariables(YamlMapping owner, string reach)
        {
            if (owner.Mapping("variables") is not { } variables) return;
            foreach (var pair in variables.Pairs)
            {
                if (pair.KeyText is not { } name || KindOfName(name) is not { } kind) continue;
                Add(kind, pair.Key.Span, name, Message($"`{name}`", kind, reach, string.Empty), "gitlab:" + reach + ":" + name);
            }
        }

        // ---- messages --------------------------------------------------------------------------------------

        private static string Message(string subject, TokenKind kind, string reach, string trigger) =>
            $"{subject} is a {kind.DisplayName}: it reaches {BlanketTokenNames.ScopeText(kind)}, and here it is given to {reach}. {kind.ScopedAlternative}{trigger}";

        private static string SentMessage(SentToken token, TokenKind kind, string reach) =>
            $"`${token.Variable}` is sent as `{token.HeaderText}`, which {kind.Platform} only accepts from a {kind.DisplayName}: whatever its name, it reaches {BlanketTokenNames.ScopeText(kind)}, and {reach} holds it. {kind.ScopedAlternative}";

        private string SentDescription(SentToken token, TokenKind kind) => $"`${token.Variable}` sent as a {kind.DisplayName} in {_document.Path}";
    }

    // Most files hold no credential: one shared empty holder each, not one per file kept to the end of the scan.
    private sealed class Holder
    {
        public static readonly Holder None = new(Array.Empty<BlanketCredential>());
        public Holder(IReadOnlyList<BlanketCredential> credentials) => Credentials = credentials;
        public IReadOnlyList<BlanketCredential> Credentials { get; }
    }

    private sealed class SecretsHolder
    {
        public static readonly SecretsHolder None = new(Array.Empty<SecretMatch>());
        public SecretsHolder(IReadOnlyList<SecretMatch> matches) => Matches = matches;
        public IReadOnlyList<SecretMatch> Matches { get; }
    }
}
