using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Firebreak.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Firebreak.Cli.Tests;

/// <summary>
/// One engine, one configuration: `scan`, `guard` and the analyzer package read the same firebreak.yml and user
/// catalogues and judge the same files the same way (before, a catalogued `acmectl` command was reported by scan and
/// allowed by guard).
/// </summary>
public sealed class FacesAgreeTests
{
    private const string Catalog = """
        commands:
          - id: acme-db-drop
            program: [acmectl]
            path: ['db drop']
            destroys: 'the ACME database and its snapshots'
            backups_die: true
            must_match: ['acmectl db drop --force orders']
            must_not_match: ['acmectl db list']
        """;

    private static TempRepo Repository(string config) => new TempRepo()
        .Write("firebreak/catalog.yaml", Catalog)
        .Write("firebreak.yml", config)
        .Write("scripts/reset.sh", "#!/bin/sh\nacmectl db drop --force orders\n");

    private static string Guard(TempRepo repo, string command, string? cwd = null)
    {
        var call = JsonSerializer.Serialize(new { hook_event_name = "PreToolUse", cwd = cwd ?? repo.Root, tool_name = "Bash", tool_input = new { command } });
        var stdout = new StringWriter();
        int code = Program.Run(new[] { "guard" }, new StringReader(call), stdout, new StringWriter(), Path.GetTempPath());
        if (code == 2) return "blocked"; // Claude Code's blocking exit code: what the guard cannot judge it does not allow
        string answer = stdout.ToString();
        return answer.Length == 0 ? "allow" : JsonDocument.Parse(answer).RootElement.GetProperty("hookSpecificOutput").GetProperty("permissionDecision").GetString()!;
    }

    private static bool ScanReports(TempRepo repo, string ruleId) =>
        repo.Run("scan", "--fail-on", "none").Stdout.Split('\n').Any(l => l.StartsWith("scripts/reset.sh:2:", StringComparison.Ordinal) && l.Contains(ruleId, StringComparison.Ordinal));

    [Fact]
    public void A_user_catalogue_reaches_scan_and_guard_alike()
    {
        using var repo = Repository("catalogs:\n  - firebreak/catalog.yaml\n");
        Assert.True(ScanReports(repo, "error FB1001"));
        Assert.Equal("deny", Guard(repo, "acmectl db drop --force orders"));
        Assert.Equal("deny", Guard(repo, "acmectl db drop --force orders", cwd: Path.Combine(repo.Root, "scripts"))); // from a subfolder too
        Assert.Equal("allow", Guard(repo, "acmectl db list"));
    }

    [Fact]
    public void Rule_levels_and_disabled_rules_reach_scan_and_guard_alike()
    {
        using var repo = Repository("catalogs:\n  - firebreak/catalog.yaml\nrules:\n  FB1001: warning\n");
        Assert.True(ScanReports(repo, "warning FB1001"));
        Assert.Equal("ask", Guard(repo, "acmectl db drop --force orders"));

        repo.Write("firebreak.yml", "catalogs:\n  - firebreak/catalog.yaml\nrules:\n  FB1001: off\n");
        Assert.False(ScanReports(repo, "FB1001"));
        Assert.Equal("allow", Guard(repo, "acmectl db drop --force orders"));
    }

    [Fact]
    public void A_configuration_the_guard_cannot_read_blocks_the_call()
    {
        using var repo = Repository("catalogs:\n  - firebreak/missing.yaml\n");
        Assert.Equal(2, repo.Run("scan").ExitCode);
        Assert.Equal("blocked", Guard(repo, "ls"));
    }

    // ---- all three faces on one repository -------------------------------------------------------------------

    private sealed class FileText : AdditionalText
    {
        public FileText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Empty = new(new Dictionary<string, string>());

        public OptionsProvider(string root) => GlobalOptions = new Options(new Dictionary<string, string> { ["build_property.FirebreakAnalysisRoot"] = root });

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
    }

    /// <summary>What `dotnet build` with the package reports: the analyzer over every file of the repository as AdditionalFiles.</summary>
    private static SortedSet<string> AnalyzerFindings(TempRepo repo)
    {
        var files = Directory.EnumerateFiles(repo.Root, "*", SearchOption.AllDirectories).Select(p => (AdditionalText)new FileText(p)).ToImmutableArray();
        var compilation = CSharpCompilation.Create("Consumer", options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AdditionalFileAnalyzer()), new AnalyzerOptions(files, new OptionsProvider(repo.Root)));
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in analyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult())
        {
            var span = diagnostic.Location.GetLineSpan();
            string path = Path.GetRelativePath(repo.Root, span.Path).Replace('\\', '/');
            found.Add($"{path}:{span.StartLinePosition.Line + 1} {Level(diagnostic.Severity)} {diagnostic.Id}");
        }
        return found;
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static SortedSet<string> ScanFindings(TempRepo repo)
    {
        using var report = JsonDocument.Parse(repo.Run("scan", ".", "--format", "json", "--fail-on", "none").Stdout);
        return new SortedSet<string>(report.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("path").GetString()}:{f.GetProperty("startLine").GetInt32()} {f.GetProperty("level").GetString()} {f.GetProperty("ruleId").GetString()}"), StringComparer.Ordinal);
    }

    /// <summary>The guard judging an agent's Write of the file as it is: its answer and the rule IDs its reason names.</summary>
    private static (string Decision, SortedSet<string> Rules) GuardOnWrite(TempRepo repo, string relativePath)
    {
        string full = Path.Combine(repo.Root, relativePath);
        var call = JsonSerializer.Serialize(new { hook_event_name = "PreToolUse", cwd = repo.Root, tool_name = "Write", tool_input = new { file_path = full, content = File.ReadAllText(full) } });
        var stdout = new StringWriter();
        Program.Run(new[] { "guard" }, new StringReader(call), stdout, new StringWriter(), Path.GetTempPath());
        if (stdout.ToString().Length == 0) return ("allow", new SortedSet<string>(StringComparer.Ordinal));
        var output = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("hookSpecificOutput");
        string reason = output.GetProperty("permissionDecisionReason").GetString()!;
        return (output.GetProperty("permissionDecision").GetString()!, new SortedSet<string>(Regex.Matches(reason, @"\[(FB\d{4})\]").Select(m => m.Groups[1].Value), StringComparer.Ordinal));
    }

    [Fact]
    public void Scan_the_analyzer_package_and_the_guard_agree_on_one_repository_with_a_configuration_and_a_catalogue()
    {
        using var repo = new TempRepo()
            .Write("firebreak/catalog.yaml", Catalog)
            .Write("firebreak.yml", "catalogs:\n  - firebreak/catalog.yaml\nrules:\n  FB1001: warning\ndisable: [FB1011]\n")
            .Write("scripts/reset.sh", "#!/bin/sh\nacmectl db drop --force orders\nrm -rf \"$WORKDIR/\"\n")
            .Write("deploy/teardown.sh", "#!/bin/sh\nterraform destroy -auto-approve\n")
            .Write("deploy/list.sh", "#!/bin/sh\nacmectl db list\n");

        var scan = ScanFindings(repo);
        var analyzer = AnalyzerFindings(repo);
        Assert.Equal(scan, analyzer);
        // The configuration reached both: the catalogued command, FB1001 as a warning, FB1011 (the empty variable) off.
        Assert.Equal(new[] { "deploy/teardown.sh:2 warning FB1001", "scripts/reset.sh:2 warning FB1001" }, scan.ToArray());

        foreach (var file in new[] { "scripts/reset.sh", "deploy/teardown.sh", "deploy/list.sh" })
        {
            var (decision, rules) = GuardOnWrite(repo, file);
            var expected = new SortedSet<string>(scan.Where(f => f.StartsWith(file + ":", StringComparison.Ordinal)).Select(f => f.Substring(f.LastIndexOf(' ') + 1)), StringComparer.Ordinal);
            Assert.Equal(expected, rules);
            Assert.Equal(expected.Count == 0 ? "allow" : "ask", decision); // warnings ask, as firebreak.yml made them
        }
    }
}
