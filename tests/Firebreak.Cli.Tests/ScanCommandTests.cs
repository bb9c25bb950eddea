using System;
using System.IO;
using System.Linq;
using System.Text;

namespace Firebreak.Cli.Tests;

public sealed class ScanCommandTests
{
    private const string Unscoped = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n";
    private const string Scoped = "on: push\npermissions: {}\njobs:\n  build:\n    permissions:\n      contents: read\n    runs-on: ubuntu-latest\n    steps: [{ run: make }]\n";

    [Fact]
    public void Text_output_is_path_line_col_level_id_message_then_a_summary()
    {
        using var repo = new TempRepo().Write(".github/workflows/ci.yml", Unscoped).Write(".github/workflows/ok.yml", Scoped);
        var (code, stdout, stderr) = repo.Run("scan");
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith(".github/workflows/ci.yml:3:3: warning FB2001: Job 'build' has no `permissions:`", Assert.Single(lines), StringComparison.Ordinal);
        // The summary is for the person, never part of the report: stderr, in every format.
        Assert.Equal("1 finding (1 warning) in 2 files\n", stderr);
        Assert.Equal(0, code); // a warning is below the default --fail-on error
    }

    [Fact]
    public void Fail_on_decides_the_exit_code()
    {
        using var repo = new TempRepo().Write(".github/workflows/ci.yml", Unscoped);
        Assert.Equal(1, repo.Run("scan", "--fail-on", "warning").ExitCode);
        Assert.Equal(0, repo.Run("scan", "--fail-on", "none").ExitCode);
        Assert.Equal(0, repo.Run("scan", "--fail-on=error").ExitCode);
    }

    [Theory]
    [InlineData(new[] { "scan", "--bogus" }, "unknown option '--bogus'")]
    [InlineData(new[] { "scan", "--format", "xml" }, "unknown format 'xml'")]
    [InlineData(new[] { "scan", "--fail-on", "loud" }, "unknown level 'loud'")]
    [InlineData(new[] { "scan", "missing-folder" }, "'missing-folder' does not exist")]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    [InlineData(new[] { "explain", "FB9998" }, "'FB9998' is not a Firebreak rule ID")]
    public void A_bad_command_line_is_one_line_on_stderr_and_exit_code_2(string[] args, string message)
    {
        using var repo = new TempRepo();
        var (code, stdout, stderr) = repo.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules:\n  FB2001: loud\n", "'loud' is not a level for FB2001")]
    [InlineData("rules:\n  FB7777: error\n", "'FB7777' is not a Firebreak rule ID")]
    [InlineData("colour: blue\n", "unknown key 'colour'")]
    [InlineData("rules: [unclosed\n", "invalid YAML")]
    [InlineData("max-file-size: huge\n", "'huge' is not a size")]
    public void A_malformed_config_is_one_line_with_its_position_and_exit_code_2(string config, string message)
    {
        using var repo = new TempRepo().Write("firebreak.yml", config).Write(".github/workflows/ci.yml", Unscoped);
        var (code, _, stderr) = repo.Run("scan");
        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("firebreak.yml:", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_sets_levels_disables_rules_and_excludes_paths()
    {
        using var repo = new TempRepo()
            .Write(".github/workflows/ci.yml", Unscoped)
            .Write("vendor/.github/workflows/theirs.yml", Unscoped)
            .Write("firebreak.yml", "rules:\n  FB2001: error\nexclude:\n  - vendor/\n");
        var (code, stdout, _) = repo.Run("scan");
        Assert.Equal(1, code);
        Assert.Contains("ci.yml:3:3: error FB2001", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("vendor", stdout, StringComparison.Ordinal);

        repo.Write("firebreak.yml", "disable: [FB2001]\n");
        Assert.StartsWith("0 findings", repo.Run("scan").Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Gitignored_files_and_build_folders_are_skipped_outside_a_git_work_tree()
    {
        using var repo = new TempRepo()
            .Write(".gitignore", "generated/\n*.tmp.yml\n")
            .Write(".github/workflows/ci.yml", Unscoped)
            .Write("generated/.github/workflows/x.yml", Unscoped)
            .Write(".github/workflows/scratch.tmp.yml", Unscoped)
            .Write("node_modules/pkg/.github/workflows/y.yml", Unscoped)
            .Write("src/bin/.github/workflows/z.yml", Unscoped);
        var stdout = repo.Run("scan", "--fail-on", "none").Stdout;
        Assert.Contains(".github/workflows/ci.yml:", stdout, StringComparison.Ordinal);
        Assert.Equal(1, stdout.Split('\n').Count(l => l.Contains("FB2001", StringComparison.Ordinal)));
        Assert.Equal(3, repo.Run("scan", "--no-ignore").Stdout.Split('\n').Count(l => l.Contains("FB2001", StringComparison.Ordinal)));
    }

    [Fact]
    public void Inside_a_git_work_tree_gits_own_list_decides_including_info_exclude_and_untracked_files()
    {
        using var repo = new TempRepo()
            .Write(".gitignore", "ignored/\n")
            .Write(".github/workflows/tracked.yml", Unscoped)
            .Write(".github/workflows/untracked.yml", Unscoped)
            .Write("ignored/.github/workflows/x.yml", Unscoped)
            .Write("excluded/.github/workflows/y.yml", Unscoped);
        Git(repo.Root, "init", "-q");
        File.AppendAllText(Path.Combine(repo.Root, ".git", "info", "exclude"), "excluded/\n");
        Git(repo.Root, "add", ".gitignore", ".github/workflows/tracked.yml");
        var stdout = repo.Run("scan", "--fail-on", "none").Stdout;
        Assert.Contains(".github/workflows/tracked.yml:", stdout, StringComparison.Ordinal);
        Assert.Contains(".github/workflows/untracked.yml:", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("ignored/", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("excluded/", stdout, StringComparison.Ordinal);
    }

    private static void Git(string directory, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public void A_file_named_inside_a_git_work_tree_gets_the_findings_a_full_scan_gives_it_and_no_others()
    {
        using var repo = new TempRepo()
            .Write(".github/workflows/deploy.yml", """
                on: push
                permissions: {}
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: ./scripts/reset.sh
                """)
            .Write("scripts/reset.sh", "#!/bin/sh\nterraform destroy -auto-approve\n");
        Git(repo.Root, "init", "-q");
        var full = repo.Run("scan", "--fail-on", "none", "--format", "json").Stdout;
        Assert.Contains("\"FB1010\"", full, StringComparison.Ordinal);

        // What pre-commit passes: the workflow alone. The script it runs is read as context, and its own FB1001 is not
        // reported (it was not named).
        var (_, workflowOnly, stderr) = repo.Run("scan", "--fail-on", "none", ".github/workflows/deploy.yml");
        Assert.Contains(".github/workflows/deploy.yml:7:", workflowOnly, StringComparison.Ordinal);
        Assert.Contains("FB1010", workflowOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("scripts/reset.sh:", workflowOnly, StringComparison.Ordinal);
        Assert.EndsWith("in 1 file\n", stderr, StringComparison.Ordinal);

        var scriptOnly = repo.Run("scan", "--fail-on", "none", "scripts/reset.sh").Stdout;
        Assert.Contains("scripts/reset.sh:2:", scriptOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("deploy.yml", scriptOnly, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_files_are_scanned_as_given_relative_to_the_working_directory()
    {
        using var repo = new TempRepo().Write(".github/workflows/ci.yml", Unscoped).Write(".github/workflows/other.yml", Unscoped);
        var stdout = repo.Run("scan", ".github/workflows/ci.yml").Stdout;
        Assert.Contains(".github/workflows/ci.yml:3:3", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("other.yml", stdout, StringComparison.Ordinal);
        Assert.EndsWith("in 1 file\n", repo.Run("scan", ".github/workflows/ci.yml").Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_inputs_become_notes_and_the_scan_goes_on()
    {
        var bomb = new StringBuilder("on: push\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 40; i++) bomb.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        bomb.Append("jobs:\n  build:\n    runs-on: x\n");
        using var repo = new TempRepo()
            .Write(".github/workflows/ci.yml", Unscoped)
            .Write(".github/workflows/invalid.yml", "on: push\njobs:\n  build: [unclosed\n")
            .WriteBytes(".github/workflows/binary.yml", new byte[] { 0x6f, 0x6e, 0x00, 0x01, 0x02, 0xff })
            .WriteBytes(".github/workflows/latin1.yml", Encoding.Latin1.GetBytes("on: push # caf\u00e9\njobs:\n  build:\n    runs-on: x\n"))
            .Write(".github/workflows/bomb.yml", bomb.ToString());
        using (var big = File.Create(Path.Combine(repo.Root, "huge.log"))) big.SetLength(50L * 1024 * 1024);
        Directory.CreateDirectory(Path.Combine(repo.Root, "loop"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, "loop", "self"), Path.Combine(repo.Root, "loop"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, "a-link"), Path.Combine(repo.Root, "b-link"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, "b-link"), Path.Combine(repo.Root, "a-link"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, "passwd.yml"), "/etc/passwd");

        var (code, stdout, stderr) = repo.Run("scan", "--fail-on", "none");
        Assert.Equal(0, code);
        Assert.StartsWith("10 findings", stderr, StringComparison.Ordinal); // the summary, and nothing else
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        string Note(string path) => stdout.Split('\n').Single(l => l.StartsWith(path + ":", StringComparison.Ordinal) && l.Contains("FB0001", StringComparison.Ordinal));
        Assert.Contains("YAML could not be parsed", Note(".github/workflows/invalid.yml"), StringComparison.Ordinal);
        Assert.Contains("binary content", Note(".github/workflows/binary.yml"), StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", Note(".github/workflows/latin1.yml"), StringComparison.Ordinal);
        Assert.Contains("over the 8 MiB limit", Note("huge.log"), StringComparison.Ordinal);
        Assert.Contains("cannot be resolved", Note("a-link"), StringComparison.Ordinal);
        Assert.Contains("outside the scanned folder", Note("passwd.yml"), StringComparison.Ordinal);
        // The bomb and the good workflow are still analyzed.
        Assert.Contains(".github/workflows/bomb.yml:", stdout, StringComparison.Ordinal);
        Assert.Contains(".github/workflows/ci.yml:3:3: warning FB2001", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_lists_every_rule_and_explain_prints_its_page()
    {
        using var repo = new TempRepo();
        var rules = repo.Run("rules");
        Assert.Equal(0, rules.ExitCode);
        Assert.Contains("FB2001  unscoped-credential", rules.Stdout, StringComparison.Ordinal);
        var explain = repo.Run("explain", "fb2001");
        Assert.Equal(0, explain.ExitCode);
        Assert.StartsWith("# FB2001: Workflow token is not scoped to the job", explain.Stdout, StringComparison.Ordinal);
    }
}

public sealed class UserCatalogTests
{
    [Fact]
    public void A_command_added_in_a_user_catalog_is_found_like_a_built_in_one()
    {
        using var repo = new TempRepo()
            .Write("scripts/reset.sh", "#!/bin/sh\nacmectl store purge --all\nacmectl store list\n")
            .Write("firebreak/catalog.yaml", """
                commands:
                  - id: acme-store-purge
                    program: [acmectl]
                    path: ['store purge']
                    destroys: 'every object in the ACME store'
                    backups_die: true
                    must_match: ['acmectl store purge --all']
                    must_not_match: ['acmectl store list']
                """)
            .Write("firebreak.yml", "catalogs:\n  - firebreak/catalog.yaml\n");
        var (_, stdout, stderr) = repo.Run("scan", "--fail-on", "none");
        Assert.Equal("1 finding (1 error) in 3 files\n", stderr);
        var finding = Assert.Single(stdout.Split('\n'), l => l.Contains("FB1001", StringComparison.Ordinal));
        Assert.StartsWith("scripts/reset.sh:2:", finding, StringComparison.Ordinal);
        Assert.Contains("every object in the ACME store", finding, StringComparison.Ordinal);

        // Without the catalog the command is unknown and nothing is reported.
        repo.Write("firebreak.yml", "rules: {}\n");
        Assert.DoesNotContain("FB1001", repo.Run("scan", "--fail-on", "none").Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("firebreak/missing.yaml", null, "cannot be read")]
    [InlineData("firebreak/catalog.yaml", "colours: [red]\n", "unknown section 'colours'")]
    [InlineData("firebreak/catalog.yaml", "commands:\n  - id: x\n    program: [x]\n    bogus_key: 1\n", "firebreak/catalog.yaml")]
    public void A_bad_user_catalog_is_a_configuration_error(string path, string? text, string message)
    {
        using var repo = new TempRepo().Write("firebreak.yml", $"catalogs: [{path}]\n").Write("a.sh", "echo hi\n");
        if (text is not null) repo.Write("firebreak/catalog.yaml", text);
        var (code, _, stderr) = repo.Run("scan");
        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }
}

public sealed class TerraformVarFileTests
{
    private const string Module = """
        variable "skip_snapshot" {}

        resource "aws_db_instance" "main" {
          engine                   = "postgres"
          instance_class           = "db.t3.micro"
          deletion_protection      = true
          delete_automated_backups = false
          skip_final_snapshot      = var.skip_snapshot
        }
        """;

    [Fact]
    public void A_var_file_given_on_the_command_line_decides_a_value_the_module_leaves_open()
    {
        using var repo = new TempRepo().Write("infra/main.tf", Module).Write("infra/env/prod.tfvars", "skip_snapshot = true\n").Write("infra/env/dev.tfvars", "skip_snapshot = false\n");
        Assert.DoesNotContain("FB1102", repo.Run("scan", "--fail-on", "none").Stdout, StringComparison.Ordinal);

        var prod = repo.Run("scan", "--fail-on", "none", "--var-file", "infra/env/prod.tfvars").Stdout;
        Assert.Contains("infra/main.tf:8:", prod.Split('\n').Single(l => l.Contains("FB1102", StringComparison.Ordinal)), StringComparison.Ordinal);

        Assert.DoesNotContain("FB1102", repo.Run("scan", "--fail-on", "none", "--var-file", "infra/env/dev.tfvars").Stdout, StringComparison.Ordinal);
        Assert.Equal(2, repo.Run("scan", "--var-file", "nope.tfvars").ExitCode);
    }
}

public sealed class BaselineTests
{
    private const string Unscoped = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n";

    [Theory]
    [InlineData("sarif")]
    [InlineData("json")]
    public void Findings_in_the_baseline_are_left_out_even_after_the_code_moves_and_new_ones_are_reported(string format)
    {
        using var repo = new TempRepo().Write(".github/workflows/ci.yml", Unscoped);
        Assert.Equal(0, repo.Run("scan", "--format", format, "--output", "baseline." + format, "--fail-on", "none").ExitCode);

        // The known job moves down two lines, and a new job arrives.
        repo.Write(".github/workflows/ci.yml", "# moved\n\n" + Unscoped + "  deploy:\n    runs-on: ubuntu-latest\n");
        var (code, stdout, stderr) = repo.Run("scan", "--baseline", "baseline." + format, "--fail-on", "warning");
        Assert.Equal(1, code);
        var finding = Assert.Single(stdout.Split('\n'), l => l.Contains("FB2001", StringComparison.Ordinal));
        Assert.Contains("Job 'deploy'", finding, StringComparison.Ordinal);
        Assert.Contains("1 in the baseline", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_that_is_not_a_report_is_a_usage_error()
    {
        using var repo = new TempRepo().Write("baseline.json", "{\"something\": 1}").Write("bad.json", "not json");
        Assert.Equal(2, repo.Run("scan", "--baseline", "baseline.json").ExitCode);
        Assert.Equal(2, repo.Run("scan", "--baseline", "bad.json").ExitCode);
        Assert.Equal(2, repo.Run("scan", "--baseline", "missing.json").ExitCode);
    }
}
