using System;
using System.CommandLine;
using System.IO;
using Firebreak.Cli.Merge;

namespace Firebreak.Cli.Commands;

/// <summary><c>firebreak merge</c>: one report from the reports of many repositories (an org-wide fan-out).</summary>
public static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var reports = new Argument<string[]>("reports")
        {
            Description = "Reports to merge (Firebreak SARIF or JSON), as NAME=FILE or FILE (named after its folder).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "json", HelpName = "json|sarif" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the merged report to FILE instead of stdout.", HelpName = "FILE" };
        var command = new Command("merge", "Combine the reports of many repositories into one: each finding once per repository (by fingerprint), counts per repository on stderr.");
        command.Arguments.Add(reports);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            string kind = parse.GetValue(format) ?? "json";
            if (kind is not ("json" or "sarif")) throw new UsageException($"unknown format '{kind}' for merge (expected json or sarif)");
            var merger = new ReportMerger();
            foreach (var argument in parse.GetValue(reports)!)
            {
                var input = ReportMerger.ParseInput(argument, context.WorkingDirectory);
                string text;
                try
                {
                    text = File.ReadAllText(Path.Combine(context.WorkingDirectory, input.Path));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"cannot read '{input.Path}': {ex.Message}");
                }
                merger.Add(input, text);
            }
            string merged = kind == "sarif" ? merger.WriteSarif() : merger.WriteJson();
            if (parse.GetValue(output) is { } file)
            {
                try
                {
                    File.WriteAllText(Path.Combine(context.WorkingDirectory, file), merged);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"cannot write '{file}': {ex.Message}");
                }
            }
            else
            {
                context.Stdout.Write(merged);
            }
            context.Stderr.Write(merger.Summary());
            return Program.Clean;
        });
        return command;
    }
}
