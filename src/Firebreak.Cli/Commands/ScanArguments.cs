using System;
using System.Collections.Generic;
using Firebreak.Core.Analysis;

namespace Firebreak.Cli.Commands;

public enum OutputFormat
{
    Text,
    Sarif,
    Json,
}

/// <summary>The parsed <c>scan</c> command line. Anything unknown is a <see cref="UsageException"/>.</summary>
public sealed class ScanArguments
{
    public List<string> Paths { get; } = new();
    public OutputFormat Format { get; private set; } = OutputFormat.Text;
    public string? Output { get; private set; }
    public FindingLevel FailOn { get; private set; } = FindingLevel.Error;
    public string? Config { get; private set; }
    public int? Threads { get; private set; }
    public bool NoIgnore { get; private set; }
    public List<string> VarFiles { get; } = new();
    public string? Baseline { get; private set; }

    public static ScanArguments Parse(IReadOnlyList<string> args)
    {
        var result = new ScanArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') > 0)
            {
                inline = arg.Substring(arg.IndexOf('=') + 1);
                arg = arg.Substring(0, arg.IndexOf('='));
            }
            string Value()
            {
                if (inline is not null) return inline;
                if (i + 1 >= args.Count) throw new UsageException($"option '{arg}' needs a value");
                return args[++i];
            }
            switch (arg)
            {
                case "-f":
                case "--format":
                    result.Format = Value() switch
                    {
                        "text" => OutputFormat.Text,
                        "sarif" => OutputFormat.Sarif,
                        "json" => OutputFormat.Json,
                        var other => throw new UsageException($"unknown format '{other}' (expected text, sarif or json)"),
                    };
                    break;
                case "-o":
                case "--output":
                    result.Output = Value();
                    break;
                case "--fail-on":
                    string level = Value();
                    if (!FindingLevels.TryParse(level, out var failOn) || level is "off" or "silent" or "disable" or "disabled")
                        throw new UsageException($"unknown level '{level}' for --fail-on (expected error, warning, note or none)");
                    result.FailOn = failOn;
                    break;
                case "-c":
                case "--config":
                    result.Config = Value();
                    break;
                case "--threads":
                    string threads = Value();
                    if (!int.TryParse(threads, out int n) || n < 1) throw new UsageException($"--threads takes a positive number, not '{threads}'");
                    result.Threads = n;
                    break;
                case "--baseline":
                    result.Baseline = Value();
                    break;
                case "--var-file":
                    result.VarFiles.Add(Value());
                    break;
                case "--no-ignore":
                    result.NoIgnore = true;
                    break;
                case "--":
                    for (i++; i < args.Count; i++) result.Paths.Add(args[i]);
                    break;
                default:
                    if (arg.StartsWith("-", StringComparison.Ordinal) && arg.Length > 1)
                        throw new UsageException($"unknown option '{arg}' (see firebreak --help)");
                    result.Paths.Add(arg);
                    break;
            }
        }
        return result;
    }
}
