using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Credentials;
using Firebreak.Core.Languages.Json;
using Firebreak.Core.Languages.Shell;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Platforms.GitHubActions;
using Firebreak.Core.Text;

namespace Firebreak.Core.Rules.Credentials;

/// <summary>
/// FB2003: an account- or workspace-wide platform token reaches a workflow job, a script, an MCP server or an agent's
/// environment. The kind comes from the token catalogue, by the variable or secret name and by how the token is sent
/// (header and host); when the two disagree, how it is sent wins.
/// </summary>
public sealed class BlanketPlatformTokenRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.BlanketPlatformToken;

    private readonly TokenCatalog _catalog;

    public BlanketPlatformTokenRule(TokenCatalog? catalog = null) => _catalog = catalog ?? TokenCatalog.Default;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) =>
        kind is FileKind.GitHubWorkflow or FileKind.GitHubAction or FileKind.Shell or FileKind.McpConfig or FileKind.ClaudeSettings or FileKind.GitLabCi;

    public override bool MightMatch(string text) =>
        text.IndexOf("TOKEN", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("KEY", StringComparison.OrdinalIgnoreCase) >= 0 ||
        text.IndexOf("PAT", StringComparison.Ordinal) >= 0 || text.IndexOf("Authorization", StringComparison.OrdinalIgnoreCase) >= 0;

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        switch (document.Kind)
        {
            case FileKind.GitHubWorkflow:
                AnalyzeWorkflow(document, sink);
                break;
            case FileKind.Shell:
                AnalyzeScript(document, sink);
                break;
            case FileKind.McpConfig:
            case FileKind.ClaudeSettings:
                AnalyzeAgentConfig(document, sink);
                break;
            case FileKind.GitLabCi:
                AnalyzeGitLab(document, sink);
                break;
        }
    }

    // ---- GitHub Actions ------------------------------------------------------------------------------------

    private void AnalyzeWorkflow(DocumentContext document, FindingSink sink)
    {
        if (GitHubWorkflow.Of(document) is not { } workflow) return;
        string host = document.Text.Text;
        var scripts = WorkflowRunScript.Of(document, workflow);

        // How each variable is sent, across all run blocks: a project header proves a "blanket" name wrong.
        var sent = new List<(WorkflowRunScript Script, SentToken Token)>();
        foreach (var script in scripts)
            foreach (var token in SentToken.In(script.Script, _catalog)) sent.Add((script, token));
        var provenScoped = new HashSet<string>(sent.Where(s => s.Token.IsScoped && !sent.Any(o => o.Token.Variable == s.Token.Variable && o.Token.IsBlanket)).Select(s => s.Token.Variable), StringComparer.Ordinal);

        var reported = new HashSet<string>(StringComparer.Ordinal);
        string allJobs = string.Join(", ", workflow.Jobs.Select(j => j.Id));
        string trigger = TriggerNote(workflow);

        foreach (var entry in workflow.Env)
            ReportEnvEntry(document, sink, entry, $"every job of this workflow ({allJobs})", host, provenScoped, reported, trigger);
        foreach (var job in workflow.Jobs)
        {
            foreach (var entry in job.Env)
                ReportEnvEntry(document, sink, entry, $"every step of job '{job.Id}'", host, provenScoped, reported, trigger);
            foreach (var step in job.Steps)
            {
                string stepName = step.Name is { } name ? $"step '{name}'" : $"step {step.Index + 1}";
                foreach (var entry in step.Env)
                    ReportEnvEntry(document, sink, entry, $"{stepName} of job '{job.Id}'", host, provenScoped, reported, trigger);
                if (step.With is { } with)
                {
                    foreach (var reference in WorkflowReferences.In(with, host).Where(r => r.Kind == ContextReferenceKind.Secret))
                    {
                        if (provenScoped.Contains(reference.Name) || BlanketTokenNames.BlanketKind(_catalog, reference.Name) is not { } kind) continue;
                        reported.Add(reference.Name);
                        sink.Report(Descriptor, document, reference.Span,
                            Message($"`secrets.{reference.Name}`", kind, $"the action {step.Uses ?? "of this step"} in job '{job.Id}'", trigger),
                            fingerprintText: "with:" + job.Id + ":" + reference.Name);
                    }
                }
            }
            if (job.Secrets is YamlMapping passed)
            {
                foreach (var reference in WorkflowReferences.In(passed, host).Where(r => r.Kind == ContextReferenceKind.Secret))
                {
                    if (provenScoped.Contains(reference.Name) || BlanketTokenNames.BlanketKind(_catalog, reference.Name) is not { } kind) continue;
                    sink.Report(Descriptor, document, reference.Span,
                        Message($"`secrets.{reference.Name}`", kind, $"the workflow called by job '{job.Id}'", trigger),
                        fingerprintText: "call:" + job.Id + ":" + reference.Name);
                }
            }
        }

        // Sent as a blanket token, under a name that did not already say so.
        foreach (var (script, token) in sent)
        {
            if (!token.IsBlanket || reported.Contains(token.Variable)) continue;
            if (BlanketTokenNames.BlanketKind(_catalog, token.Variable) is not null && IsDeclaredInEnv(workflow, token.Variable)) continue;
            var kind = token.Kinds[0];
            sink.Report(Descriptor, document, script.MapToFile(token.Span),
                SentMessage(token, kind, $"job '{script.Job.Id}'") + trigger,
                fingerprintText: "sent:" + script.Job.Id + ":" + token.Variable);
        }
    }

    private void ReportEnvEntry(DocumentContext document, FindingSink sink, WorkflowEnvEntry entry, string reach, string host,
        HashSet<string> provenScoped, HashSet<string> reported, string trigger)
    {
        if (provenScoped.Contains(entry.Name)) return;
        var kind = BlanketTokenNames.BlanketKind(_catalog, entry.Name);
        string subject = $"`{entry.Name}`";
        if (kind is null)
        {
            foreach (var reference in WorkflowReferences.In(entry.Value, host).Where(r => r.Kind == ContextReferenceKind.Secret))
            {
                if (provenScoped.Contains(reference.Name)) continue;
                kind = BlanketTokenNames.BlanketKind(_catalog, reference.Name);
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
        sink.Report(Descriptor, document, entry.Pair.Key.Span, Message(subject, kind, reach, trigger),
            fingerprintText: "env:" + entry.Level + ":" + entry.Name);
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

    // ---- scripts -------------------------------------------------------------------------------------------

    private void AnalyzeScript(DocumentContext document, FindingSink sink)
    {
        var script = document.GetModel("shell", static doc => ShellParser.Parse(doc.Text.Text));
        foreach (var token in SentToken.In(script, _catalog))
        {
            var kind = token.IsBlanket ? token.Kinds[0] : token.IsScoped ? null : BlanketTokenNames.BlanketKind(_catalog, token.Variable);
            if (kind is null) continue;
            string message = token.IsBlanket
                ? SentMessage(token, kind, "this script")
                : Message($"`{token.Variable}`", kind, "this script", string.Empty);
            sink.Report(Descriptor, document, token.Span, message, fingerprintText: "script:" + token.Variable);
        }
    }

    // ---- agent configuration (MCP servers, Claude Code env) ----------------------------------------------------

    private void AnalyzeAgentConfig(DocumentContext document, FindingSink sink)
    {
        var json = document.GetModel("json", static doc => JsonParser.Parse(doc.Text.Text));
        if (json.Root is not JsonObject root) return;
        if (document.Kind == FileKind.ClaudeSettings)
        {
            if (root.Get("env") is JsonObject env) ReportJsonEnv(document, sink, env, "Claude Code and every command it runs");
            return;
        }
        var servers = root.Get("mcpServers") as JsonObject ?? root.Get("servers") as JsonObject;
        if (servers is null) return;
        foreach (var server in servers.Members)
        {
            if (server.Value is not JsonObject body) continue;
            string reach = $"MCP server '{server.Name}' and the agent that calls it";
            if (body.Get("env") is JsonObject env) ReportJsonEnv(document, sink, env, reach);
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
                    sink.Report(Descriptor, document, header.NameSpan,
                        Message($"The `{header.Name}{(scheme is null ? string.Empty : ": " + scheme)}` header", kinds[0], reach, string.Empty),
                        fingerprintText: "mcp-header:" + server.Name + ":" + header.Name);
                }
            }
        }
    }

    private void ReportJsonEnv(DocumentContext document, FindingSink sink, JsonObject env, string reach)
    {
        foreach (var member in env.Members)
        {
            if (BlanketTokenNames.BlanketKind(_catalog, member.Name) is not { } kind) continue;
            sink.Report(Descriptor, document, member.NameSpan, Message($"`{member.Name}`", kind, reach, string.Empty),
                fingerprintText: "json-env:" + member.Name);
        }
    }

    // ---- GitLab CI -----------------------------------------------------------------------------------------

    private void AnalyzeGitLab(DocumentContext document, FindingSink sink)
    {
        if (document.Yaml.RootMapping is not { } root) return;
        ReportGitLabVariables(document, sink, root, "every job of this pipeline");
        foreach (var pair in root.Pairs)
        {
            if (pair.KeyText is not { } name || name.StartsWith(".", StringComparison.Ordinal) || pair.Value.Resolve() is not YamlMapping job) continue;
            if (name is "variables" or "default" or "workflow" or "include" or "stages") continue;
            ReportGitLabVariables(document, sink, job, $"job '{name}'");
        }
    }

    private void ReportGitLabVariables(DocumentContext document, FindingSink sink, YamlMapping owner, string reach)
    {
        if (owner.Mapping("variables") is not { } variables) return;
        foreach (var pair in variables.Pairs)
        {
            if (pair.KeyText is not { } name || BlanketTokenNames.BlanketKind(_catalog, name) is not { } kind) continue;
            sink.Report(Descriptor, document, pair.Key.Span, Message($"`{name}`", kind, reach, string.Empty),
                fingerprintText: "gitlab:" + reach + ":" + name);
        }
    }

    // ---- messages ------------------------------------------------------------------------------------------

    private static string Message(string subject, TokenKind kind, string reach, string trigger) =>
        $"{subject} is a {kind.DisplayName}: it reaches {BlanketTokenNames.ScopeText(kind)}, and here it is given to {reach}. {kind.ScopedAlternative}{trigger}";

    private static string SentMessage(SentToken token, TokenKind kind, string reach) =>
        $"`${token.Variable}` is sent as `{token.HeaderText}`, which {kind.Platform} only accepts from a {kind.DisplayName}: whatever its name, it reaches {BlanketTokenNames.ScopeText(kind)}, and {reach} holds it. {kind.ScopedAlternative}";
}
