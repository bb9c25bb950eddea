using System;
using System.IO;
using Firebreak.Cli.Commands;
using Firebreak.Core.Configuration;

namespace Firebreak.Cli;

/// <summary>
/// <c>firebreak scan | rules | explain</c>. Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or
/// configuration error (one line on stderr), 3 internal error.
/// </summary>
public static class Program
{
    public const int Clean = 0;
    public const int FindingsFound = 1;
    public const int UsageError = 2;
    public const int InternalError = 3;

    public static int Main(string[] args) => Run(args, Console.In, Console.Out, Console.Error, Directory.GetCurrentDirectory());

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory) =>
        Run(args, TextReader.Null, stdout, stderr, workingDirectory);

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, string workingDirectory)
    {
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                stdout.Write(Usage.Text);
                return args.Length == 0 ? UsageError : Clean;
            }
            if (args[0] is "--version" or "version")
            {
                stdout.WriteLine("firebreak " + ToolInfo.Version);
                return Clean;
            }
            var rest = args.AsSpan(1).ToArray();
            return args[0] switch
            {
                "scan" => ScanCommand.Run(ScanArguments.Parse(rest), stdout, stderr, workingDirectory),
                "rules" => RulesCommand.Run(rest, stdout),
                "explain" => ExplainCommand.Run(rest, stdout),
                "guard" => GuardCommand.Run(rest, stdin, stdout),
                _ => throw new UsageException($"unknown command '{args[0]}' (expected scan, rules or explain; see firebreak --help)"),
            };
        }
        catch (UsageException ex)
        {
            stderr.WriteLine("firebreak: " + ex.Message);
            return UsageError;
        }
        catch (FirebreakConfigException ex)
        {
            stderr.WriteLine("firebreak: " + ex.Message);
            return UsageError;
        }
        catch (Exception ex)
        {
            stderr.WriteLine("firebreak: internal error: " + ex.GetType().Name + ": " + ex.Message);
            stderr.WriteLine("Please report it with the command line you ran.");
            return InternalError;
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
