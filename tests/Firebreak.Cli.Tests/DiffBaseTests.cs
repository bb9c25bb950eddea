using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Firebreak.Cli.Diff;

namespace Firebreak.Cli.Tests;

/// <summary><c>--diff-base</c> on pull-request-shaped repositories made with the real git.</summary>
public sealed class DiffBaseTests
{
    private static void Git(string root, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-C", root, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main" }.Concat(args)) start.ArgumentList.Add(a);
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(start)!;
        string stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(" ", args)}: {stderr}");
    }

    private static readonly string TenOldFindings = string.Concat(Enumerable.Range(1, 10).Select(i => $"dropdb production_{i}\n"));

    /// <summary>main: ten destructive commands; a branch "pr" off it.</summary>
    private static TempRepo PullRequestRepo()
    {
        var repo = new TempRepo().Write("scripts/old.sh", TenOldFindings).Write("README.md", "hello\n");
        Git(repo.Root, "init", "-q");
        Git(repo.Root, "add", "-A");
        Git(repo.Root, "commit", "-qm", "base");
        Git(repo.Root, "checkout", "-qb", "pr");
        return repo;
    }

    [Fact]
    public void A_pull_request_with_one_new_finding_among_ten_old_ones_reports_one()
    {
        using var repo = PullRequestRepo();
        // The change: one new destructive line inserted among the old ones, and an old line edited harmlessly.
        var lines = TenOldFindings.Split('\n').ToList();
        lines.Insert(5, "terraform destroy -auto-approve");
        repo.Write("scripts/old.sh", string.Join("\n", lines));
        repo.Write("README.md", "hello again\n");
        Git(repo.Root, "commit", "-qam", "change");
        // main moves on after the branch: its change is not the pull request's.
        Git(repo.Root, "checkout", "-q", "main");
        repo.Write("scripts/main-only.sh", "dropdb staging_db\n");
        Git(repo.Root, "add", "-A");
        Git(repo.Root, "commit", "-qm", "main moves");
        Git(repo.Root, "checkout", "-q", "pr");

        var all = repo.Run("scan", ".", "--format", "json", "--fail-on", "none");
        Assert.Equal(11, System.Text.Json.JsonDocument.Parse(all.Stdout).RootElement.GetProperty("findings").GetArrayLength());

        var (code, stdout, stderr) = repo.Run("scan", ".", "--diff-base", "main");
        Assert.Equal(1, code);
        var reported = stdout.TrimEnd('\n').Split('\n');
        Assert.Single(reported);
        Assert.StartsWith("scripts/old.sh:6:", reported[0], StringComparison.Ordinal);
        Assert.Contains("terraform destroy", reported[0], StringComparison.Ordinal);
        Assert.Contains("10 findings on lines not changed since main left out (--diff-base).", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_file_brings_no_new_findings_but_an_edit_in_it_does()
    {
        using var repo = PullRequestRepo();
        Git(repo.Root, "mv", "scripts/old.sh", "scripts/renamed.sh");
        Git(repo.Root, "commit", "-qm", "rename");
        var (code, stdout, _) = repo.Run("scan", ".", "--diff-base", "main");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stdout);

        repo.Write("scripts/renamed.sh", TenOldFindings.Replace("production_3", "production_x"));
        (code, stdout, _) = repo.Run("scan", ".", "--diff-base", "main");
        Assert.Equal(1, code);
        Assert.StartsWith("scripts/renamed.sh:3:", Assert.Single(stdout.TrimEnd('\n').Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public void Untracked_and_staged_files_are_new_as_a_pre_commit_hook_sees_them()
    {
        using var repo = PullRequestRepo();
        repo.Write("scripts/new.sh", "dropdb production\n");
        Git(repo.Root, "add", "scripts/new.sh");
        repo.Write("scripts/untracked.sh", "dropdb production\n");
        var (code, stdout, _) = repo.Run("scan", "scripts/new.sh", "scripts/old.sh", "scripts/untracked.sh", "--diff-base", "HEAD");
        Assert.Equal(1, code);
        var reported = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, reported.Length);
        Assert.StartsWith("scripts/new.sh:1:", reported[0], StringComparison.Ordinal);
        Assert.StartsWith("scripts/untracked.sh:1:", reported[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Before_the_first_commit_everything_staged_is_new()
    {
        using var repo = new TempRepo().Write("scripts/a.sh", "dropdb production\n");
        Git(repo.Root, "init", "-q");
        Git(repo.Root, "add", "-A");
        var (code, stdout, stderr) = repo.Run("scan", "scripts/a.sh", "--diff-base", "HEAD");
        Assert.Equal(1, code);
        Assert.StartsWith("scripts/a.sh:1:", stdout, StringComparison.Ordinal);
        Assert.Contains("0 findings on lines not changed", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_whose_related_location_changed_counts()
    {
        // The workflow's old delete becomes a data-loss path because of a new co-located backup: the compound finding
        // sits on the old line, its related location on the new one.
        using var repo = new TempRepo();
        string sample = Path.Combine(FindRoot(), "samples", "incident");
        foreach (var file in Directory.GetFiles(sample, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("docker-compose.yml", StringComparison.Ordinal)))
            repo.Write(Path.GetRelativePath(sample, file), File.ReadAllText(file));
        Git(repo.Root, "init", "-q");
        Git(repo.Root, "add", "-A");
        Git(repo.Root, "commit", "-qm", "base");
        repo.Write("docker-compose.yml", File.ReadAllText(Path.Combine(sample, "docker-compose.yml")));
        var (_, stdout, _) = repo.Run("scan", ".", "--diff-base", "HEAD", "--fail-on", "none");
        var rules = stdout.TrimEnd('\n').Split('\n').Select(l => l.Split(' ')[2].TrimEnd(':')).ToArray();
        Assert.Contains("FB3101", rules);
        Assert.Contains("FB9001", rules);
        Assert.DoesNotContain("FB2006", rules);
    }

    [Theory]
    [InlineData("--output=/tmp/x")]
    [InlineData("no-such-branch")]
    public void A_bad_revision_is_a_usage_error(string reference)
    {
        using var repo = PullRequestRepo();
        var (code, _, stderr) = repo.Run("scan", ".", "--diff-base=" + reference);
        Assert.Equal(2, code);
        Assert.StartsWith("firebreak: ", stderr, StringComparison.Ordinal);
        Assert.Contains(reference, stderr, StringComparison.Ordinal);
        // Whatever reaches the reader: a value git would take as an option is refused before git runs.
        Assert.Throws<UsageException>(() => DiffFilter.Load(repo.Root, "--output=x"));
        Assert.False(File.Exists(Path.Combine(repo.Root, "x")));
    }

    [Fact]
    public void Diff_parsing_follows_renames_quoted_paths_and_deletions()
    {
        const string diff = "diff --git a/x.sh b/y.sh\nsimilarity index 90%\nrename from x.sh\nrename to y.sh\n--- a/x.sh\n+++ b/y.sh\n@@ -3 +3,2 @@\n-a\n+b\n+++ not a header\n" +
                            "diff --git a/z b/z\n--- a/z\n+++ b/z\n@@ -5,2 +4,0 @@\n-gone\n-gone\n" +
                            "diff --git \"a/q\\nr.sh\" \"b/q\\nr.sh\"\nnew file mode 100644\n--- /dev/null\n+++ \"b/q\\nr\\303\\251.sh\"\n@@ -0,0 +1 @@\n+x\n" +
                            "diff --git a/m.sh b/n.sh\nsimilarity index 100%\nrename from m.sh\nrename to n.sh\n";
        var changed = ChangedLines.Parse(diff);
        Assert.True(changed.Contains("y.sh", 3));
        Assert.True(changed.Contains("y.sh", 4));
        Assert.False(changed.Contains("y.sh", 5));
        Assert.True(changed.Contains("z", 4));
        Assert.True(changed.Contains("z", 5));
        Assert.True(changed.Contains("q\nré.sh", 1));
        Assert.Contains("n.sh", changed.Files);
        Assert.False(changed.Contains("n.sh", 1));
        Assert.DoesNotContain("not a header", changed.Files);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Analyzers.sln"))) dir = dir.Parent;
        return dir.FullName;
    }
}
