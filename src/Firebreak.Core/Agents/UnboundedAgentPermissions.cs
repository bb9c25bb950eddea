using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Languages.Json;
using Firebreak.Core.Languages.Shell;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Platforms.GitHubActions;
using Firebreak.Core.Commands;
using Firebreak.Core.Commands.Http;
using Firebreak.Core.Languages.Toml;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Starlark;

namespace Firebreak.Core.Agents;

/// <summary>An agent permission that admits any command (what FB2005 reports): where, why, how bad.</summary>
public sealed class UnboundedAgentPermission
{
    internal UnboundedAgentPermission(TextSpan span, string message, FindingLevel? level, string? fingerprint)
    {
        Span = span;
        Message = message;
        Level = level;
        Fingerprint = fingerprint;
    }

    public TextSpan Span { get; }
    public string Message { get; }

    /// <summary>A level other than the rule's default (a Codex approval policy with its sandbox off is an error), or null.</summary>
    public FindingLevel? Level { get; }
    public string? Fingerprint { get; }
}

/// <summary>
/// The permissions of coding agents that admit any command, in every place they are set: Claude Code settings, Cursor
/// CLI permissions, Codex config and <c>.rules</c>, and scripts or workflow steps that start an agent with its checks
/// off. Found once per file: FB2005 reports them, the compound finding (FB9001) reads them.
/// </summary>
public static class UnboundedAgentPermissions
{
    private static readonly ModelKey<IReadOnlyList<UnboundedAgentPermission>> PermissionsKey = new("unbounded-agent-permissions", static doc =>
    {
        if (!AppliesTo(doc.Kind) || !MightMatch(doc.Text.Text)) return Array.Empty<UnboundedAgentPermission>();
        var found = new Found();
        Find(doc, found);
        return found.Count == 0 ? Array.Empty<UnboundedAgentPermission>() : found.ToArray();
    });

    public static IReadOnlyList<UnboundedAgentPermission> Of(DocumentContext document) => document.Get(PermissionsKey);

    /// <summary>Programs that run whatever they are given: allowing them allows every command.</summary>
    private static readonly string[] AnyCommandPrograms =
    {
        "sh", "bash", "zsh", "dash", "ksh", "fish", "env", "eval", "exec", "xargs", "sudo", "su", "nohup", "timeout", "watch",
        "python", "python3", "node", "ruby", "perl", "php", "deno", "bun", "npx", "bunx", "pnpx", "uvx", "pwsh", "powershell",
    };

    /// <summary>Words whose presence in a deny rule shows someone denied destructive commands.</summary>
    private static readonly string[] DestructiveWords = { "rm", "delete", "destroy", "drop", "truncate", "volumeDelete", "terminate", "purge", "wipe", "reset" };

    /// <summary>The files that can hold an agent's permissions or its launch.</summary>
    public static bool AppliesTo(FileKind kind) =>
        kind is FileKind.ClaudeSettings or FileKind.CursorCli or FileKind.CodexConfig or FileKind.CodexRules || ShellSources.CanHoldShell(kind);

    /// <summary>False when the text cannot hold one (a keyword test, before any parse).</summary>
    public static bool MightMatch(string text)
    {
        if (text.IndexOf("ermission", StringComparison.Ordinal) >= 0 || text.IndexOf("allow", StringComparison.Ordinal) >= 0 ||
            text.IndexOf("sandbox", StringComparison.Ordinal) >= 0 || text.IndexOf("approval", StringComparison.Ordinal) >= 0 ||
            text.IndexOf("prefix_rule", StringComparison.Ordinal) >= 0 || text.IndexOf("--", StringComparison.Ordinal) >= 0) return true;
        // A short bypass flag (`gemini -y`, `cursor-agent -f`) has no `--`: the agent's name is the keyword.
        foreach (var program in ShortFlagAgents.Value)
            if (text.IndexOf(program, StringComparison.Ordinal) >= 0) return true;
        return false;
    }

    /// <summary>The names of the agents with a bypass flag that has no <c>--</c> (every other one is found by <c>--</c>).</summary>
    private static readonly Lazy<string[]> ShortFlagAgents = new(() => AgentCliCatalog.Default.Agents
        .Where(a => a.BypassFlags.Any(f => !f.StartsWith("--", StringComparison.Ordinal)))
        .SelectMany(a => a.Programs).ToArray());

    private static void Find(DocumentContext document, Found found)
    {
        switch (document.Kind)
        {
            case FileKind.ClaudeSettings:
                AnalyzeClaude(document, found);
                break;
            case FileKind.CursorCli:
                AnalyzeCursor(document, found);
                break;
            case FileKind.CodexConfig:
                AnalyzeCodexConfig(document, found);
                break;
            case FileKind.CodexRules:
                AnalyzeCodexRules(document, found);
                break;
            default:
                // Any script: a .sh file, a workflow or GitLab job, a Makefile recipe, a package.json script.
                foreach (var source in ShellSources.Of(document)) ReportAgentLaunches(document, found, source);
                if (document.Kind == FileKind.GitHubWorkflow) ReportAgentActions(document, found);
                break;
        }
    }

    // ---- Claude Code ---------------------------------------------------------------------------------------

    private static void AnalyzeClaude(DocumentContext document, Found found)
    {
        if (Json(document).Root is not JsonObject root || root.Get("permissions") is not JsonObject permissions) return;
        if (permissions.Get("defaultMode") is JsonString { Value: "bypassPermissions" } mode)
        {
            found.Add(mode.Span,
                "`defaultMode: bypassPermissions` lets Claude Code run every command and edit every file without asking, with whatever credentials it finds; use `default` or `acceptEdits` and allow the commands the project needs by name.",
                fingerprint: "claude-bypass");
        }
        ReportAllowAll(document, found, permissions, "Bash", "Claude Code");
        ReportInfrastructureMcpServers(document, found, permissions);
    }

    /// <summary>
    /// <c>mcp__railway</c> (or <c>mcp__railway__*</c>) allows every tool of an MCP server without asking. For a server
    /// that drives an infrastructure platform — one whose CLI has destructive commands in the catalogue or whose tokens
    /// are in it — that includes deleting services, volumes and environments, unless a deny rule names such tools.
    /// </summary>
    private static void ReportInfrastructureMcpServers(DocumentContext document, Found found, JsonObject permissions)
    {
        const string prefix = "mcp__";
        if (permissions.Get("allow") is not JsonArray allow) return;
        var deny = (permissions.Get("deny") as JsonArray)?.Items.OfType<JsonString>().Select(s => s.Value).ToArray() ?? Array.Empty<string>();
        foreach (var item in allow.Items.OfType<JsonString>())
        {
            string rule = item.Value.Trim();
            if (!rule.StartsWith(prefix, StringComparison.Ordinal)) continue;
            string rest = rule.Substring(prefix.Length);
            int tool = rest.IndexOf("__", StringComparison.Ordinal);
            string server = tool < 0 ? rest : rest.Substring(0, tool);
            // A named tool (`mcp__railway__list_services`) is a choice; only the whole server or `__*` admits everything.
            if (tool >= 0 && rest.Substring(tool + 2).Trim('*').Length > 0) continue;
            if (InfrastructurePlatform(document, server) is not { } platform) continue;
            if (deny.Any(d => d.StartsWith(prefix + server + "__", StringComparison.Ordinal) && DestructiveWords.Any(w => d.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0))) continue;
            found.Add(item.Span,
                $"`{rule}` lets Claude Code call every tool of the MCP server '{server}' without asking, and that server drives {platform}: deleting services, volumes or environments included. Allow the read-only tools by name (`{prefix}{server}__list_services`) and leave the rest to ask.",
                fingerprint: "mcp-allow:" + server);
        }
    }

    private static string? InfrastructurePlatform(DocumentContext document, string server)
    {
        foreach (string part in server.ToLowerInvariant().Split('-', '_', '.'))
        {
            if (part.Length < 2) continue;
            if (document.Catalogs.Commands.ForProgram(part).Count > 0) return PlatformKeys.Normalize(part);
            foreach (var kind in document.Catalogs.Tokens.Kinds)
                if (kind.IsBlanket && PlatformKeys.Normalize(kind.Platform) == PlatformKeys.Normalize(part)) return kind.Platform;
        }
        return null;
    }

    private static void AnalyzeCursor(DocumentContext document, Found found)
    {
        if (Json(document).Root is not JsonObject root || root.Get("permissions") is not JsonObject permissions) return;
        ReportAllowAll(document, found, permissions, "Shell", "Cursor's agent");
    }

    /// <summary>An allow rule that admits any shell command, when no deny rule names a destructive one.</summary>
    private static void ReportAllowAll(DocumentContext document, Found found, JsonObject permissions, string tool, string agent)
    {
        if (permissions.Get("allow") is not JsonArray allow) return;
        ReportDestructiveAllows(document, found, allow, tool, agent);
        var deny = (permissions.Get("deny") as JsonArray)?.Items.OfType<JsonString>().Select(s => s.Value).ToArray() ?? Array.Empty<string>();
        bool deniesDestructive = deny.Any(d => d.StartsWith(tool, StringComparison.Ordinal) && DestructiveWords.Any(w => ContainsWord(d, w)));
        if (deniesDestructive) return;
        foreach (var item in allow.Items.OfType<JsonString>())
        {
            if (AdmitsAnyCommand(item.Value, tool, document.Catalogs) is not { } why) continue;
            found.Add(item.Span,
                $"`{item.Value}` {why}, and no deny rule stops destructive ones: {agent} can delete volumes, databases or environments without asking. Allow the commands the project needs (`{tool}(npm run test:*)`) and deny destructive ones (`{tool}(rm:*)`, `{tool}(terraform destroy:*)`, `{tool}(railway down:*)`).",
                fingerprint: "allow:" + item.Value);
        }
    }

    /// <summary>
    /// An allow rule for a destructive command itself (<c>Bash(railway volume delete:*)</c>): the pattern's command is
    /// matched against the destructive-command catalogue as if it were run.
    /// </summary>
    private static void ReportDestructiveAllows(DocumentContext document, Found found, JsonArray allow, string tool, string agent)
    {
        foreach (var item in allow.Items.OfType<JsonString>())
        {
            string rule = item.Value.Trim();
            if (!rule.StartsWith(tool + "(", StringComparison.Ordinal) || !rule.EndsWith(")", StringComparison.Ordinal)) continue;
            if (AdmitsAnyCommand(rule, tool, document.Catalogs) is not null) continue;
            string pattern = rule.Substring(tool.Length + 1, rule.Length - tool.Length - 2).Trim();
            if (pattern.EndsWith(":*", StringComparison.Ordinal)) pattern = pattern.Substring(0, pattern.Length - 2);
            pattern = pattern.TrimEnd('*', ' ');
            if (pattern.Length == 0) continue;
            var commands = ShellCommands.FromText(pattern);
            if (commands.Count == 0 || DestructiveCommandMatcher.Match(commands[0], document.Catalogs.Commands) is not { Neutralizer: null } match) continue;
            found.Add(item.Span,
                $"`{rule}` lets {agent} run `{match.DisplayName}` without asking, which destroys {match.Signature.Destroys}. Leave destructive commands to ask (or deny them) and allow only what the task needs.",
                fingerprint: "allow-destructive:" + rule);
        }
    }

    private static string? AdmitsAnyCommand(string rule, string tool, CatalogSet catalogs)
    {
        string trimmed = rule.Trim();
        if (trimmed == tool) return "allows every shell command";
        if (!trimmed.StartsWith(tool + "(", StringComparison.Ordinal) || !trimmed.EndsWith(")", StringComparison.Ordinal)) return null;
        string inner = trimmed.Substring(tool.Length + 1, trimmed.Length - tool.Length - 2).Trim();
        if (inner.Length == 0 || inner.Trim('*', ':', ' ').Length == 0) return "allows every shell command";
        // `sh:*`, `python3 *`, `bash(*)`: the first word of the pattern is the program.
        int end = inner.IndexOfAny(new[] { ':', ' ', '(' });
        string program = end < 0 ? inner : inner.Substring(0, end);
        string rest = end < 0 ? string.Empty : inner.Substring(end).Trim(':', ' ', '(', ')');
        if (rest.Length > 0 && rest.Trim('*').Length > 0) return null;
        if (Array.IndexOf(AnyCommandPrograms, program) >= 0) return $"allows `{program}` with any arguments, which runs any command";
        // A platform CLI or an HTTP client with any arguments reaches the control plane's destructive operations.
        if (catalogs.Commands.ForProgram(program).Count > 0) return $"allows `{program}` with any arguments, its destructive subcommands included";
        if (HttpRequestReader.IsHttpClient(program, catalogs.HttpClients)) return $"allows `{program}` with any arguments, which can call any control-plane API with the tokens in reach";
        return null;
    }

    private static bool ContainsWord(string text, string word)
    {
        int at = 0;
        while ((at = text.IndexOf(word, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            bool left = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            int end = at + word.Length;
            bool right = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (left && right) return true;
            at = end;
        }
        return false;
    }

    private static JsonDocument Json(DocumentContext document) =>
        document.Json;

    // ---- Codex ---------------------------------------------------------------------------------------------

    private static void AnalyzeCodexConfig(DocumentContext document, Found found)
    {
        var entries = TomlKeyValueLexer.Read(document.Text.Text);
        foreach (var entry in entries)
        {
            string where = entry.Table.Length == 0 ? string.Empty : $" (in [{entry.Table}])";
            if (entry.Key == "sandbox_mode" && entry.Value == "danger-full-access")
            {
                found.Add(entry.ValueSpan,
                    $"`sandbox_mode = \"danger-full-access\"`{where} lets Codex read and write anything and reach the network, with every credential on the machine; use `workspace-write` (network off) and grant more per task.",
                    fingerprint: "codex-sandbox:" + entry.Table);
            }
            else if (entry.Key == "approval_policy" && entry.Value == "never")
            {
                bool fullAccess = entries.Any(e => e.Key == "sandbox_mode" && e.Value == "danger-full-access" && (e.Table == entry.Table || e.Table.Length == 0));
                // In a read-only sandbox (the profile's own, else the top-level one) a command can neither write nor reach
                // the network: `never` is how Codex runs unattended in CI, and nothing it runs can delete anything.
                string? sandbox = entries.FirstOrDefault(e => e.Key == "sandbox_mode" && e.Table == entry.Table)?.Value
                    ?? entries.FirstOrDefault(e => e.Key == "sandbox_mode" && e.Table.Length == 0)?.Value;
                if (sandbox == "read-only") continue;
                found.Add(entry.ValueSpan,
                    $"`approval_policy = \"never\"`{where} means Codex never asks before running a command{(fullAccess ? ", and its sandbox is off" : "")}; use `on-request` or `untrusted` so destructive commands wait for a person.",
                    fullAccess ? FindingLevel.Error : FindingLevel.Warning, "codex-approval:" + entry.Table);
            }
        }
    }

    /// <summary>
    /// Codex <c>.rules</c> files are Starlark: <c>prefix_rule(pattern = [...], decision = "prompt")</c>, read with the
    /// Starlark reader (a call named in a comment or a string is not a call). A rule without a <c>decision</c> allows
    /// its prefix without asking.
    /// </summary>
    private static void AnalyzeCodexRules(DocumentContext document, Found found)
    {
        var (calls, diagnostics) = StarlarkReader.ReadCalls(document.Text.Text);
        foreach (var diagnostic in diagnostics) document.ReportParseProblem("starlark", diagnostic);
        foreach (var call in calls)
        {
            if (call.Name != "prefix_rule" || call.Keyword("decision") is not null) continue;
            found.Add(call.NameSpan,
                "This `prefix_rule` has no `decision`, so Codex runs every command starting with its pattern without asking; add `decision = \"prompt\"` (or `\"forbidden\"` for destructive commands) and allow only read-only prefixes.",
                fingerprint: "codex-rule:" + call.ArgumentsText.Trim());
        }
    }

    // ---- agents started with approvals off -------------------------------------------------------------------

    private static void ReportAgentLaunches(DocumentContext document, Found found, ShellSource source)
    {
        foreach (var command in source.Commands)
        {
            var words = command.Arguments;
            // The command model unwraps `npx -y @google/gemini-cli@latest` (rules/catalogs/wrappers.yaml): the package
            // is the program, and rules/catalogs/agents.yaml says which agent it starts.
            if (words.Count == 0 || words[0].Value is not { } written) continue;
            var agent = AgentCliCatalog.Default.Find(command.Name ?? written) ?? AgentCliCatalog.Default.Find(WithoutVersion(written));
            if (agent is null) continue;
            ReportBypassFlags(document, found, agent, words, 1);
        }
    }

    /// <summary>
    /// <c>anthropics/claude-code-action</c>: <c>claude_args</c> is the command line the action starts Claude Code with.
    /// </summary>
    private static void ReportAgentActions(DocumentContext document, Found found)
    {
        if (GitHubWorkflow.Of(document) is not { } workflow) return;
        foreach (var job in workflow.Jobs)
            foreach (var step in job.Steps)
            {
                if (!step.UsesAction("anthropics/claude-code-action") || step.With?.Scalar("claude_args") is not { } args) continue;
                var text = args.ToEmbeddedText(document.Text.Text);
                if (AgentCliCatalog.Default.Find("claude") is not { } claude) continue;
                foreach (var command in CommandExtractor.Extract(ShellParser.Parse(text.Value), text))
                    ReportBypassFlags(document, found, claude, command.Arguments, 0);
            }
    }

    private static void ReportBypassFlags(DocumentContext document, Found found, AgentCli agent, IReadOnlyList<CommandWord> words, int first)
    {
        string text = document.Text.Text;
        string program = agent.Programs[0];
        for (int i = first; i < words.Count; i++)
        {
            string? value = words[i].Value;
            if (value is null) continue;
            string flag = value.Split('=')[0];
            // `--permission-mode bypassPermissions` (two words) or `--permission-mode=bypassPermissions` (one).
            bool twoWords = false;
            bool optionValue = false;
            foreach (var (option, bypass) in agent.BypassOptionValues)
            {
                if (value == option + "=" + bypass) optionValue = true;
                else if (value == option && i + 1 < words.Count && words[i + 1].Value == bypass) optionValue = twoWords = true;
            }
            bool bypassFlag = false;
            foreach (var f in agent.BypassFlags) bypassFlag |= f == flag;
            if (!bypassFlag && !optionValue) continue;
            var span = twoWords ? TextSpan.FromBounds(words[i].Span.Start, words[i + 1].Span.End) : words[i].Span;
            found.Add(span,
                $"`{program}` started with `{text.Substring(span.Start, span.Length)}` runs every command it decides on without asking, with the credentials of this environment; run it with its approvals on and an allow list for the task, in a sandbox without production credentials.",
                fingerprint: "launch:" + program + ":" + flag);
        }
    }

    private static string WithoutVersion(string package)
    {
        int version = package.LastIndexOf('@');
        return version > 0 ? package.Substring(0, version) : package;
    }
    private sealed class Found : List<UnboundedAgentPermission>
    {
        public void Add(TextSpan span, string message, FindingLevel? level = null, string? fingerprint = null) =>
            Add(new UnboundedAgentPermission(span, message, level, fingerprint));
    }
}
