using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using Firebreak.Cli.Commands;
using Firebreak.Cli.Guard;
using Firebreak.Core.Documents;
using Firebreak.Core.Configuration;

namespace Firebreak.Cli;

/// <summary>
/// <c>firebreak scan | rules | explain | guard</c>, defined once with System.CommandLine so that help, parsing and the
/// commands cannot drift apart. Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or configuration error
/// (one line on stderr), 3 internal error.
/// </summary>
public static class Program
{
    public const int Clean = 0;
    public const int FindingsFound = 1;
    public const int UsageError = 2;
    public const int InternalError = 3;

    public static int Main(string[] args) =>
        Run(args, new CliContext(StandardInput(), Console.Out, Console.Error, Directory.GetCurrentDirectory())
        {
            StdoutIsTerminal = !Console.IsOutputRedirected,
            NoColorRequested = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        });

    /// <summary>
    /// Standard input as UTF-8 text (what JSON payloads and file lists are), read as the bytes arrive. Not
    /// <see cref="Console.In"/>: on Unix its first use sets up the terminal (terminfo and all), a cost every guard
    /// decision paid for a pipe. Like Console.In, a byte order mark is kept as text and invalid bytes become U+FFFD.
    /// </summary>
    private static TextReader StandardInput() =>
        new StreamReader(Console.OpenStandardInput(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: false, bufferSize: 4096);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory) =>
        Run(args, TextReader.Null, stdout, stderr, workingDirectory);

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, string workingDirectory) =>
        Run(args, new CliContext(stdin, stdout, stderr, workingDirectory));

    public static int Run(string[] args, CliContext context)
    {
        try
        {
            // The guard runs before every command an agent issues: its usual argument lists skip building the
            // command line (measured: a few milliseconds of every decision). Anything else goes the common way.
            if (GuardCommand.FastAgent(args) is { } agent)
                return GuardCommand.Run(AgentProtocol.For(agent), context, GuardCommand.DefaultDeadlineMs);
            var root = BuildCommandLine(context);
            if (args.Length == 0)
            {
                // No command is a usage error, but a helpful one: the help, and exit code 2.
                root.Parse(new[] { "--help" }).Invoke(Invocation(context));
                return UsageError;
            }
            // `firebreak help scan` is `firebreak scan --help`, as git and dotnet users expect.
            if (args[0] == "help") args = args.Skip(1).Append("--help").ToArray();

            var parse = root.Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not HelpAction && parse.CommandResult.Command is RootCommand && !args[0].StartsWith("-", StringComparison.Ordinal))
            {
                string commands = string.Join(", ", root.Subcommands.Select(c => c.Name));
                context.Stderr.WriteLine($"firebreak: unknown command '{OneLine(args[0])}' (expected {commands}; see firebreak --help)");
                return UsageError;
            }
            if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
            {
                string command = string.Join(" ", parse.CommandResult.Command is RootCommand ? Array.Empty<string>() : new[] { parse.CommandResult.Command.Name });
                context.Stderr.WriteLine($"firebreak: {OneLine(parse.Errors[0].Message)} (see firebreak {(command.Length == 0 ? string.Empty : command + " ")}--help)");
                return UsageError;
            }
            return parse.Invoke(Invocation(context));
        }
        catch (UsageException ex)
        {
            context.Stderr.WriteLine("firebreak: " + OneLine(ex.Message));
            return UsageError;
        }
        catch (FirebreakConfigException ex)
        {
            context.Stderr.WriteLine("firebreak: " + OneLine(ex.Message));
            return UsageError;
        }
        catch (Exception ex)
        {
            context.Stderr.WriteLine("firebreak: internal error: " + ex.GetType().Name + ": " + OneLine(ex.Message));
            context.Stderr.WriteLine("Please report it with the command line you ran.");
            return InternalError;
        }
    }

    /// <summary>The whole command line: each command defines its own arguments, options and action in its own file.</summary>
    public static RootCommand BuildCommandLine(CliContext context)
    {
        var root = new RootCommand("firebreak - finds destructive operations, unscoped credentials and co-located backups before merge.\n" +
            "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or configuration error, 3 internal error.");
        foreach (var option in root.Options.OfType<VersionOption>().ToArray())
        {
            option.Action = new PrintVersionAction();
        }
        root.Subcommands.Add(ScanCommand.Create(context));
        root.Subcommands.Add(RulesCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        root.Subcommands.Add(GuardCommand.Create(context));
        root.Subcommands.Add(LspCommand.Create(context));
        root.Subcommands.Add(MergeCommand.Create(context));
        root.Subcommands.Add(VersionCommand(context));
        return root;
    }

    private static Command VersionCommand(CliContext context)
    {
        var command = new Command("version", "Print the version.");
        command.SetAction(_ =>
        {
            context.Stdout.WriteLine("firebreak " + ToolInfo.Version);
            return Clean;
        });
        return command;
    }

    private static InvocationConfiguration Invocation(CliContext context) => new()
    {
        Output = context.Stdout,
        Error = context.Stderr,
        // Our own handler below keeps the exit codes (2 usage, 3 internal) and the one-line messages.
        EnableDefaultExceptionHandler = false,
    };

    /// <summary>Messages quote user input (paths, values): one line, whatever that input holds.</summary>
    internal static string OneLine(string message) => message.Replace("\r", "\\r").Replace("\n", "\\n");

    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine("firebreak " + ToolInfo.Version);
            return Clean;
        }
    }
}

/// <summary>A bad command line: one line on stderr and exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message)
    {
    }
}
