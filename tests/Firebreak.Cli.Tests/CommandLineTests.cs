using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Firebreak.Cli.Tests;

/// <summary>The command line as a user meets it: help everywhere, the usual switches, output a terminal can click.</summary>
public sealed class CommandLineTests
{
    private const string Unscoped = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n";

    [Theory]
    [InlineData("scan", "--help")]
    [InlineData("help", "scan")]
    [InlineData("scan", "-h")]
    public void Scan_help_is_the_scan_commands_own_help(string first, string second)
    {
        using var repo = new TempRepo();
        var (code, stdout, stderr) = repo.Run(first, second);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains(" scan [<paths>...] [options]", stdout, StringComparison.Ordinal);
        Assert.Contains("--fail-on <error|warning|note|none>", stdout, StringComparison.Ordinal);
        Assert.Contains("--verbose", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_global_help_lists_every_command_guard_included()
    {
        using var repo = new TempRepo();
        var (code, stdout, _) = repo.Run("--help");
        Assert.Equal(0, code);
        foreach (var command in new[] { "scan", "rules", "explain", "guard" })
            Assert.Contains("  " + command, stdout, StringComparison.Ordinal);
        Assert.Equal(2, repo.Run().ExitCode); // no command at all: the help, as a usage error
    }

    [Fact]
    public void Paths_are_relative_to_the_working_directory_so_they_can_be_clicked_from_there()
    {
        using var repo = new TempRepo().Write("infra/.github/workflows/ci.yml", Unscoped);
        var stdout = repo.Run("scan", "infra", "--fail-on", "none").Stdout;
        Assert.StartsWith("infra/.github/workflows/ci.yml:3:3: warning FB2001", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_drops_the_summary_and_verbose_lists_what_was_scanned()
    {
        using var repo = new TempRepo().Write(".github/workflows/ci.yml", Unscoped).WriteBytes("blob.sh", new byte[] { 0, 1, 2, 0 });
        var quiet = repo.Run("scan", "--quiet");
        Assert.Equal(string.Empty, quiet.Stderr);
        Assert.Contains("FB2001", quiet.Stdout, StringComparison.Ordinal);

        var verbose = repo.Run("scan", "--verbose");
        Assert.Contains("scanned: .github/workflows/ci.yml\n", verbose.Stderr, StringComparison.Ordinal);
        Assert.Contains("skipped: blob.sh\n", verbose.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, repo.Run("scan", "--quiet", "--verbose").ExitCode);
    }

    [Fact]
    public void Colour_only_on_a_terminal_and_never_with_no_color()
    {
        using var repo = new TempRepo().Write(".github/workflows/ci.yml", Unscoped);
        string Run(bool terminal, bool noColorEnv, params string[] args)
        {
            var stdout = new StringWriter();
            Program.Run(args, new CliContext(TextReader.Null, stdout, new StringWriter(), repo.Root) { StdoutIsTerminal = terminal, NoColorRequested = noColorEnv });
            return stdout.ToString();
        }
        Assert.Contains("\u001b[1;33mwarning\u001b[0m FB2001", Run(true, false, "scan"), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", Run(false, false, "scan"), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", Run(true, true, "scan"), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", Run(true, false, "scan", "--no-color"), StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_as_json_spell_families_as_the_sarif_tags_do()
    {
        using var repo = new TempRepo();
        var (code, stdout, _) = repo.Run("rules", "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var fb2001 = json.RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "FB2001");
        Assert.Equal("unscoped-credential", fb2001.GetProperty("family").GetString());
        Assert.Equal("warning", fb2001.GetProperty("level").GetString());
    }

    [Fact]
    public void The_json_report_keeps_backticks_and_ellipses_readable_and_spells_families_as_tags()
    {
        using var repo = new TempRepo().Write(".github/workflows/ci.yml", Unscoped);
        var stdout = repo.Run("scan", "--format", "json").Stdout;
        Assert.Contains("has no `permissions:`", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0060", stdout, StringComparison.Ordinal);
        Assert.Contains("\"family\": \"unscoped-credential\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_cannot_forge_a_line_of_the_text_report()
    {
        using var repo = new TempRepo().Write(".github/workflows/ci\n::error ::forged.yml", Unscoped);
        var stdout = repo.Run("scan", "--fail-on", "none").Stdout;
        Assert.DoesNotContain("\n::error", stdout, StringComparison.Ordinal);
        Assert.Contains("ci\\n::error ::forged.yml", stdout, StringComparison.Ordinal);
    }
}
