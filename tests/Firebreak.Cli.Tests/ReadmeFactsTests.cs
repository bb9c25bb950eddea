using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Firebreak.Cli.Tests;

/// <summary>The README's facts come from real runs: its Output block is the sample's real text report, line by line.</summary>
public sealed class ReadmeFactsTests
{
    private static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir!.FullName, "Analyzers.sln"))) dir = dir.Parent;
            return dir.FullName;
        }
    }

    [Fact]
    public void The_readme_output_block_is_what_the_sample_scan_prints()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        var block = Regex.Match(readme, @"## Output\n\n`dotnet run --project src/Firebreak.Cli -- scan samples/incident`[^\n]*\n\n```\n(?<lines>.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "README.md has no Output block after `## Output`");
        var shown = block.Groups["lines"].Value.TrimEnd('\n').Split('\n');

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Program.Run(new[] { "scan", "samples/incident", "--fail-on", "none" }, stdout, stderr, RepositoryRoot);
        var real = stdout.ToString().TrimEnd('\n').Split('\n').Append(stderr.ToString().TrimEnd('\n')).ToArray();

        Assert.Equal(real.Length, shown.Length);
        for (int i = 0; i < real.Length; i++)
        {
            // The README cuts long lines at 120 characters and ends them with "...".
            string line = shown[i];
            if (line.EndsWith("...", StringComparison.Ordinal)) Assert.StartsWith(line[..^3], real[i], StringComparison.Ordinal);
            else Assert.Equal(real[i], line);
        }
        Assert.Contains($"— {real.Length - 1} findings,", readme.Replace("\n", " "), StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_rule_count_is_the_catalogues()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        var rules = Firebreak.Core.Rules.RuleCatalog.All;
        int notes = rules.Count(r => r.Family == Firebreak.Core.Documents.RuleFamily.Tool);
        Assert.Contains($"{rules.Count - notes} rules in three families and the compound finding (plus {notes} tool notes)", readme, StringComparison.Ordinal);
    }
}
