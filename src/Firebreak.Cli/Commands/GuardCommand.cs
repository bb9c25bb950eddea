using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Firebreak.Cli.Guard;
using Firebreak.Core.Commands;
using Firebreak.Core.Configuration;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Commands;

/// <summary>
/// <c>firebreak guard --agent claude|cursor|gemini|codex</c>: a coding agent's pre-tool hook. Reads the tool call the
/// agent is about to make (its own payload on stdin) and answers in its own format: a shell command is analyzed as a
/// script, a file write or edit as the file it leaves, an MCP call by the MCP tool catalogue and the SQL rules.
/// Anything it cannot read as one of that agent's tool calls — not JSON, too large, another event, a missing or
/// mistyped field, a path with a NUL, a configuration it cannot load, an analysis past its deadline — is blocked in
/// that agent's blocking form with a one-line reason: the guard fails closed.
/// </summary>
public static class GuardCommand
{
    /// <summary>A tool call larger than this is not something an agent types; it is refused unread.</summary>
    internal const int MaxInputChars = 4 * 1024 * 1024;

    /// <summary>Agents wait up to a minute for a hook; a decision that takes longer than this blocks instead.</summary>
    internal const int DefaultDeadlineMs = 30_000;

    /// <summary>
    /// The agent of a plain hook invocation (<c>guard</c>, <c>guard --agent X</c>, <c>guard --agent=X</c>), or null for
    /// any other argument list, which System.CommandLine reads (help, errors, the deadline option, install).
    /// </summary>
    internal static string? FastAgent(string[] args)
    {
        if (args.Length == 0 || args[0] != "guard") return null;
        string? agent = args.Length switch
        {
            1 => "claude",
            2 when args[1].StartsWith("--agent=", StringComparison.Ordinal) => args[1].Substring(8),
            3 when args[1] == "--agent" => args[2],
            _ => null,
        };
        return agent is "claude" or "cursor" or "gemini" or "codex" ? agent : null;
    }

    public static Command Create(CliContext context)
    {
        var agent = new Option<string>("--agent")
        {
            Description = "The agent whose hook protocol is spoken: claude (PreToolUse), cursor (beforeShellExecution, beforeMCPExecution, preToolUse), gemini (BeforeTool) or codex (PreToolUse).",
            DefaultValueFactory = _ => "claude",
            HelpName = "claude|cursor|gemini|codex",
        };
        agent.AcceptOnlyFromAmong("claude", "cursor", "gemini", "codex");
        var deadline = new Option<int>("--deadline-ms")
        {
            Description = "Block the call when the decision takes longer than this (milliseconds).",
            DefaultValueFactory = _ => DefaultDeadlineMs,
        };
        var command = new Command("guard", "A coding agent's pre-tool hook: reads the tool call on stdin and denies or asks about destructive commands, writes and MCP calls.");
        command.Options.Add(agent);
        command.Options.Add(deadline);
        command.SetAction(parse => Run(AgentProtocol.For(parse.GetValue(agent)!), context, parse.GetValue(deadline)));
        command.Subcommands.Add(InstallCommand(context, install: true));
        command.Subcommands.Add(InstallCommand(context, install: false));
        return command;
    }

    private static Command InstallCommand(CliContext context, bool install)
    {
        var agent = new Option<string>("--agent") { Description = "The agent whose hook configuration is written.", Required = true, HelpName = "claude|cursor|gemini|codex" };
        agent.AcceptOnlyFromAmong("claude", "cursor", "gemini", "codex");
        var user = new Option<bool>("--user") { Description = "The user's configuration (~/.claude, ~/.cursor, ~/.gemini, ~/.codex) instead of the project's." };
        var project = new Option<bool>("--project") { Description = "The project's configuration, in the current directory (the default)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the configuration that would be written; change nothing." };
        var command = new Command(install ? "install" : "uninstall", install
            ? "Write the guard's hook into the agent's configuration, keeping what is there."
            : "Remove the guard's hook from the agent's configuration, keeping everything else.");
        command.Options.Add(agent);
        command.Options.Add(project);
        command.Options.Add(user);
        command.Options.Add(dryRun);
        command.SetAction(parse =>
        {
            if (parse.GetValue(user) && parse.GetValue(project)) throw new UsageException("--user and --project cannot be combined");
            return HookInstaller.Run(context, parse.GetValue(agent)!, parse.GetValue(user), parse.GetValue(dryRun), install);
        });
        return command;
    }

    internal static int Run(AgentProtocol protocol, CliContext context, int deadlineMs)
    {
        var clock = Stopwatch.StartNew();
        // The built-in catalogues are most of a decision's start: read them on the other core while this one reads the
        // payload and the configuration. A background thread: the process never waits for it to exit.
        var warmUp = new Thread(static () =>
        {
            try
            {
                CatalogSet.WarmDefaults();
            }
            catch (Exception)
            {
                // The judge reads the same catalogues on its own thread and meets the same error there, where it is handled.
            }
        }) { IsBackground = true, Name = "firebreak catalogue warm-up" };
        warmUp.Start();
        var stdout = context.Stdout;
        var stderr = context.Stderr;
        string text;
        try
        {
            text = ReadBounded(context.Stdin, MaxInputChars);
        }
        catch (PayloadException ex)
        {
            return protocol.Refuse(stdout, stderr, ex.Message);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            return protocol.Refuse(stdout, stderr, "the payload is not JSON (" + ex.Message.Split('\n')[0] + ")");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return protocol.Refuse(stdout, stderr, "the payload is " + Payload.Describe(root) + ", not a JSON object");
            CallReading reading;
            try
            {
                reading = protocol.Read(root);
            }
            catch (PayloadException ex)
            {
                return protocol.Refuse(stdout, stderr, ex.Message);
            }
            if (reading.Call is not { } call) return protocol.Answer(stdout, stderr, GuardDecision.NoOpinion, string.Empty);

            string workspace = WorkspaceOf(call.Cwd, context.WorkingDirectory);
            AnalysisOptions options;
            GuardPolicy policy;
            try
            {
                var (config, configPath) = ScanCommand.LoadConfig(null, workspace, workspace);
                options = Options(config, configPath, workspace);
                policy = new GuardPolicy(config.Guard, configPath, workspace);
            }
            catch (Exception ex) when (ex is FirebreakConfigException or UsageException or PayloadException)
            {
                return protocol.Refuse(stdout, stderr, "the repository's configuration cannot be read: " + ex.Message);
            }

            if (policy.Denied(call) is { } denied)
            {
                policy.Log(protocol.Name, call, GuardDecision.Deny, "guard.deny");
                return protocol.Answer(stdout, stderr, GuardDecision.Deny, $"Firebreak: `{denied}` is on this repository's deny list (guard.deny in firebreak.yml).");
            }
            if (policy.Allowed(call))
            {
                policy.Log(protocol.Name, call, GuardDecision.NoOpinion, "guard.allow");
                return protocol.Answer(stdout, stderr, GuardDecision.NoOpinion, string.Empty);
            }

            int remaining = deadlineMs - (int)clock.ElapsedMilliseconds;
            if (remaining <= 0) return protocol.Refuse(stdout, stderr, $"no decision within the {deadlineMs} ms deadline");
            using var cancellation = new CancellationTokenSource();
            var judge = new GuardJudge(options, workspace, MaxInputChars);
            var work = Task.Run(() => judge.Judge(call, cancellation.Token));
            GuardVerdict verdict;
            try
            {
                if (!work.Wait(remaining))
                {
                    cancellation.Cancel();
                    return protocol.Refuse(stdout, stderr, $"no decision within the {deadlineMs} ms deadline");
                }
                verdict = work.Result;
            }
            catch (AggregateException ex) when (ex.InnerException is PayloadException inner)
            {
                return protocol.Refuse(stdout, stderr, inner.Message);
            }
            catch (AggregateException ex)
            {
                var inner = ex.InnerException ?? ex;
                return protocol.Refuse(stdout, stderr, $"internal error ({inner.GetType().Name}: {inner.Message})");
            }

            if (verdict.Decision == GuardDecision.Ask && !protocol.CanAsk(root))
                verdict = verdict with { Decision = GuardDecision.Deny, Reason = verdict.Reason + $" ({protocol.Name} does not ask the user from this hook, so the call is denied; run it yourself if it is intended.)" };
            else if (verdict.Decision == GuardDecision.Ask && policy.AskAsDeny)
                verdict = verdict with { Decision = GuardDecision.Deny, Reason = verdict.Reason + " (guard.ask-as-deny: this repository turns questions into denials; run it yourself if it is intended.)" };
            policy.Log(protocol.Name, call, verdict.Decision, verdict.RuleIds);
            return protocol.Answer(stdout, stderr, verdict.Decision, verdict.Reason);
        }
    }

    /// <summary>Reads at most <paramref name="max"/> characters; more is a refusal, never a partial read judged.</summary>
    private static string ReadBounded(TextReader reader, int max)
    {
        var buffer = new char[Math.Min(max + 1, 64 * 1024)];
        var text = new System.Text.StringBuilder();
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, n);
            if (text.Length > max) throw new PayloadException($"the payload is larger than {max / (1024 * 1024)} MiB");
        }
        return text.ToString();
    }

    /// <summary>The same options `scan` builds for the repository the agent works in.</summary>
    internal static AnalysisOptions Options(FirebreakConfig config, string? configPath, string workspace)
    {
        var catalogs = ScanCommand.LoadCatalogs(config, configPath, workspace);
        return new AnalysisOptions { RuleLevels = config.RuleLevels, EnableOptInRules = true, Today = DateTime.UtcNow.Date, MaxDegreeOfParallelism = 1 }.WithCatalogs(catalogs);
    }

    /// <summary>
    /// The repository the call is made in: the nearest folder at or above the call's working directory that holds a
    /// Firebreak configuration, up to the repository's root (the folder with <c>.git</c>); that directory otherwise.
    /// </summary>
    internal static string WorkspaceOf(string? cwd, string fallback)
    {
        if (string.IsNullOrEmpty(cwd) || cwd!.IndexOf('\0') >= 0 || !Path.IsPathRooted(cwd) || !Directory.Exists(cwd)) return fallback;
        for (var dir = new DirectoryInfo(cwd); dir is not null; dir = dir.Parent)
        {
            if (FirebreakConfig.FileNames.Any(n => File.Exists(Path.Combine(dir.FullName, n)))) return dir.FullName;
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git"))) break;
        }
        return cwd;
    }
}
