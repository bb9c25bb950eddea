using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Commands;

public enum OutputFormat
{
    Text,
    Sarif,
    Json,
    /// <summary>GitHub Actions workflow commands: annotations in the log and on the pull request.</summary>
    GitHub,
    /// <summary>A job summary or pull request comment.</summary>
    Markdown,
    /// <summary>GitLab Code Quality (CodeClimate issues).</summary>
    GitLab,
    /// <summary>The blast-radius report: one self-contained HTML file.</summary>
    Html,
}

/// <summary>
/// The <c>scan</c> command line: its options (the help text is written here, once) and the values a parse gave them.
/// </summary>
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
    /// <summary>List every file scanned (and every file skipped, with the reason) on stderr.</summary>
    public bool Verbose { get; private set; }
    /// <summary>No summary line: only the report (and errors).</summary>
    public bool Quiet { get; private set; }
    public bool NoColor { get; private set; }
    /// <summary>Reports name files relative to this folder (the repository root) instead of the scan root.</summary>
    public string? SourceRoot { get; private set; }
    /// <summary>Markdown links: this prefix + path + <c>#Lline</c>.</summary>
    public string? LinkBase { get; private set; }
    /// <summary>Only the findings on lines added or changed since this git revision.</summary>
    public string? DiffBase { get; private set; }
    /// <summary>More reports from the same scan: each format to its own file.</summary>
    public List<(OutputFormat Format, string File)> ExtraReports { get; } = new();

    /// <summary>The options of <c>scan</c>, made fresh for each command line built (a symbol belongs to one command).</summary>
    public sealed class Definition
    {
        public readonly Argument<string[]> PathsArgument = new("paths")
        {
            Description = "A folder to scan (default: the current folder), or the files to scan.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        public readonly Option<string> FormatOption = new("--format", "-f")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|sarif|json|github|markdown|gitlab|html",
        };

        public readonly Option<string?> OutputOption = new("--output", "-o")
        {
            Description = "Write the report to FILE instead of stdout (the summary still goes to stderr).",
            HelpName = "FILE",
        };

        public readonly Option<string> FailOnOption = new("--fail-on")
        {
            Description = "Exit 1 when a finding is at or above this level.",
            DefaultValueFactory = _ => "error",
            HelpName = "error|warning|note|none",
        };

        public readonly Option<string?> ConfigOption = new("--config", "-c")
        {
            Description = "Configuration file (default: firebreak.yml at the scan root).",
            HelpName = "FILE",
        };

        public readonly Option<string?> ThreadsOption = new("--threads")
        {
            Description = "Files analyzed at once (the output does not depend on it).",
            HelpName = "N",
        };

        public readonly Option<string?> BaselineOption = new("--baseline")
        {
            Description = "Report only findings not in FILE (an earlier SARIF or JSON report).",
            HelpName = "FILE",
        };

        public readonly Option<string[]> VarFileOption = new("--var-file")
        {
            Description = "Terraform variables for every root module, as terraform -var-file (repeatable).",
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = false,
        };

        public readonly Option<bool> NoIgnoreOption = new("--no-ignore")
        {
            Description = "Do not honour .gitignore (nor git's file list).",
        };

        public readonly Option<bool> VerboseOption = new("--verbose", "-v")
        {
            Description = "List every file scanned, with its kind, and every file skipped, with the reason, on stderr.",
        };

        public readonly Option<bool> QuietOption = new("--quiet", "-q")
        {
            Description = "Print the report only: no summary line.",
        };

        public readonly Option<bool> NoColorOption = new("--no-color")
        {
            Description = "No colour in the text report (also: the NO_COLOR environment variable). Colour is only ever used on a terminal.",
        };

        public readonly Option<string?> SourceRootOption = new("--source-root")
        {
            Description = "Name files in reports relative to DIR (the repository root) rather than to the scanned folder; DIR must contain it.",
            HelpName = "DIR",
        };

        public readonly Option<string?> LinkBaseOption = new("--link-base")
        {
            Description = "Markdown report: link each location as URL + path + #Lline (e.g. https://github.com/OWNER/REPO/blob/SHA/).",
            HelpName = "URL",
        };

        public readonly Option<string?> DiffBaseOption = new("--diff-base")
        {
            Description = "Report only findings on lines added or changed since REF (from its merge base with HEAD; renames followed; a finding whose related locations changed counts too). In a pre-commit hook: HEAD.",
            HelpName = "REF",
        };

        public readonly Option<string[]> ReportOption = new("--report")
        {
            Description = "Also write the report in FORMAT to FILE, from the same scan (repeatable; e.g. --report github=annotations.txt).",
            HelpName = "FORMAT=FILE",
            AllowMultipleArgumentsPerToken = false,
        };

        public IEnumerable<Symbol> All()
        {
            yield return PathsArgument;
            yield return FormatOption;
            yield return OutputOption;
            yield return FailOnOption;
            yield return ConfigOption;
            yield return ThreadsOption;
            yield return BaselineOption;
            yield return VarFileOption;
            yield return NoIgnoreOption;
            yield return VerboseOption;
            yield return QuietOption;
            yield return NoColorOption;
            yield return SourceRootOption;
            yield return LinkBaseOption;
            yield return DiffBaseOption;
            yield return ReportOption;
        }
    }

    /// <summary>The values of a parse of the <c>scan</c> command; a value that means nothing is a <see cref="UsageException"/>.</summary>
    public static ScanArguments From(ParseResult parse, Definition d)
    {
        var result = new ScanArguments();
        // A dash word that is no option is a typo, not a path (a path that starts with a dash goes after `--`).
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) break;
            if (token.Type == TokenType.Argument && token.Value.Length > 1 && token.Value[0] == '-')
                throw new UsageException($"unknown option '{token.Value}' (see firebreak scan --help)");
        }
        result.Paths.AddRange(parse.GetValue(d.PathsArgument) ?? Array.Empty<string>());
        result.Format = ParseFormat(parse.GetValue(d.FormatOption) ?? "text");
        foreach (var report in parse.GetValue(d.ReportOption) ?? Array.Empty<string>())
        {
            int eq = report.IndexOf('=');
            if (eq <= 0 || eq == report.Length - 1) throw new UsageException($"--report takes FORMAT=FILE, not '{report}'");
            result.ExtraReports.Add((ParseFormat(report.Substring(0, eq)), report.Substring(eq + 1)));
        }

        result.Output = parse.GetValue(d.OutputOption);
        string level = parse.GetValue(d.FailOnOption) ?? "error";
        if (!FindingLevels.TryParse(level, out var failOn) || level is "off" or "silent" or "disable" or "disabled")
            throw new UsageException($"unknown level '{level}' for --fail-on (expected error, warning, note or none)");
        result.FailOn = failOn;
        result.Config = parse.GetValue(d.ConfigOption);
        if (parse.GetValue(d.ThreadsOption) is { } threads)
        {
            if (!int.TryParse(threads, out int n) || n < 1) throw new UsageException($"--threads takes a positive number, not '{threads}'");
            result.Threads = n;
        }
        result.Baseline = parse.GetValue(d.BaselineOption);
        result.VarFiles.AddRange(parse.GetValue(d.VarFileOption) ?? Array.Empty<string>());
        result.NoIgnore = parse.GetValue(d.NoIgnoreOption);
        result.Verbose = parse.GetValue(d.VerboseOption);
        result.Quiet = parse.GetValue(d.QuietOption);
        result.NoColor = parse.GetValue(d.NoColorOption);
        result.SourceRoot = parse.GetValue(d.SourceRootOption);
        result.LinkBase = parse.GetValue(d.LinkBaseOption);
        result.DiffBase = parse.GetValue(d.DiffBaseOption);
        if (result.Verbose && result.Quiet) throw new UsageException("--verbose and --quiet cannot be used together");
        return result;
    }

    private static OutputFormat ParseFormat(string format) => format switch
    {
        "text" => OutputFormat.Text,
        "sarif" => OutputFormat.Sarif,
        "json" => OutputFormat.Json,
        "github" => OutputFormat.GitHub,
        "markdown" => OutputFormat.Markdown,
        "gitlab" => OutputFormat.GitLab,
        "html" => OutputFormat.Html,
        var other => throw new UsageException($"unknown format '{other}' (expected text, sarif, json, github, markdown, gitlab or html)"),
    };

    /// <summary>Parses a <c>scan</c> argument list alone (for tests and hosts that build one).</summary>
    public static ScanArguments Parse(IReadOnlyList<string> args)
    {
        var d = new Definition();
        var command = new Command("scan");
        foreach (var symbol in d.All()) Add(command, symbol);
        var parse = command.Parse(args.ToArray());
        if (parse.Errors.Count > 0) throw new UsageException(parse.Errors[0].Message);
        return From(parse, d);
    }

    internal static void Add(Command command, Symbol symbol)
    {
        switch (symbol)
        {
            case Argument argument: command.Arguments.Add(argument); break;
            case Option option: command.Options.Add(option); break;
        }
    }
}
