using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Firebreak.Cli.Tests;

/// <summary><c>firebreak merge</c>: many repositories' reports into one, each finding once per repository.</summary>
public sealed class MergeCommandTests
{
    private static string SampleRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir!.FullName, "Analyzers.sln"))) dir = dir.Parent;
            return Path.Combine(dir.FullName, "samples", "incident");
        }
    }

    private static TempRepo Reports()
    {
        var reports = new TempRepo();
        Assert.Equal(0, Program.Run(new[] { "scan", SampleRoot, "--format", "sarif", "--output", Path.Combine(reports.Root, "shop.sarif"), "--fail-on", "none", "-q" }, new StringWriter(), new StringWriter(), reports.Root));
        using var api = new TempRepo().Write("deploy/reset.sh", "dropdb production\nterraform destroy -auto-approve\n");
        Directory.CreateDirectory(Path.Combine(reports.Root, "firebreak-acme-api"));
        Assert.Equal(0, Program.Run(new[] { "scan", ".", "--format", "json", "--output", Path.Combine(reports.Root, "firebreak-acme-api", "report.json"), "--fail-on", "none", "-q" }, new StringWriter(), new StringWriter(), api.Root));
        return reports;
    }

    [Fact]
    public void Merging_counts_per_repository_and_drops_a_report_given_twice()
    {
        using var reports = Reports();
        var (code, stdout, stderr) = reports.Run("merge", "acme/shop=shop.sarif", "acme/shop=shop.sarif", "firebreak-acme-api/report.json");
        Assert.Equal(0, code);
        var merged = JObject.Parse(stdout);
        var repositories = merged["repositories"]!.ToDictionary(r => (string)r["repository"]!, r => r);
        Assert.Equal(14, (int)repositories["acme/shop"]["findings"]!);
        Assert.Equal(10, (int)repositories["acme/shop"]["errors"]!);
        Assert.Equal(14, (int)repositories["acme/shop"]["duplicates"]!);
        Assert.Equal(2, (int)repositories["firebreak-acme-api"]["findings"]!);
        Assert.Equal(16, merged["findings"]!.Count());
        Assert.All(merged["findings"]!, f => Assert.False(string.IsNullOrEmpty((string?)f["repository"])));
        Assert.Contains("16 findings in 2 repositories (14 duplicates dropped)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_finding_in_two_repositories_is_kept_in_each()
    {
        using var reports = Reports();
        var (_, stdout, _) = reports.Run("merge", "a=shop.sarif", "b=shop.sarif");
        Assert.Equal(28, JObject.Parse(stdout)["findings"]!.Count());
    }

    [Fact]
    public void Merged_sarif_has_one_run_per_repository_with_consistent_rule_indexes()
    {
        using var reports = Reports();
        var (code, stdout, _) = reports.Run("merge", "--format", "sarif", "acme/shop=shop.sarif", "firebreak-acme-api/report.json");
        Assert.Equal(0, code);
        var runs = JObject.Parse(stdout)["runs"]!.ToArray();
        Assert.Equal(new[] { "firebreak/acme/shop/", "firebreak/firebreak-acme-api/" }, runs.Select(r => (string)r["automationDetails"]!["id"]!).ToArray());
        foreach (var run in runs)
        {
            foreach (var result in run["results"]!)
            {
                Assert.Equal((string?)result["ruleId"], (string?)run["tool"]!["driver"]!["rules"]![(int)result["ruleIndex"]!]!["id"]);
                Assert.NotNull(result["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]);
                Assert.Matches("^[0-9a-f]{32}$", (string)result["partialFingerprints"]!["firebreak/v1"]!);
            }
        }
        Assert.Equal(2, runs[1]["results"]!.Count());
    }

    [Fact]
    public void A_clean_repository_keeps_its_run_in_merged_sarif()
    {
        using var reports = Reports();
        using var quiet = new TempRepo().Write("build.sh", "ls -la\n");
        Assert.Equal(0, Program.Run(new[] { "scan", ".", "--format", "sarif", "--output", Path.Combine(reports.Root, "quiet.sarif"), "--fail-on", "none", "-q" }, new StringWriter(), new StringWriter(), quiet.Root));
        var (code, stdout, _) = reports.Run("merge", "--format", "sarif", "acme/shop=shop.sarif", "acme/quiet=quiet.sarif");
        Assert.Equal(0, code);
        var runs = JObject.Parse(stdout)["runs"]!.ToArray();
        Assert.Equal(new[] { "firebreak/acme/quiet/", "firebreak/acme/shop/" }, runs.Select(r => (string)r["automationDetails"]!["id"]!).ToArray());
        Assert.Empty(runs[0]["results"]!);
        Assert.Equal(14, runs[1]["results"]!.Count());
    }

    [Fact]
    public void A_file_that_is_not_a_report_is_a_usage_error()
    {
        using var reports = Reports();
        reports.Write("x.json", "{\"hello\": 1}");
        var (code, _, stderr) = reports.Run("merge", "x.json");
        Assert.Equal(2, code);
        Assert.Contains("neither a Firebreak SARIF nor a JSON report", stderr, StringComparison.Ordinal);
    }
}
