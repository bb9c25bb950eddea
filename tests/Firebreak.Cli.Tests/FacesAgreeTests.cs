using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Firebreak.Cli.Tests;

/// <summary>
/// One engine, one configuration: `scan` and `guard` read the same firebreak.yml and user catalogues and judge the same
/// command the same way (before, a catalogued `acmectl` command was reported by scan and allowed by guard).
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
}
