using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace Firebreak.Cli.Tests;

public sealed class SarifOutputTests
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

    private static string Sarif(string root, params string[] extra)
    {
        var stdout = new StringWriter();
        int code = Program.Run(new[] { "scan", ".", "--format", "sarif", "--fail-on", "none" }.Concat(extra).ToArray(), stdout, new StringWriter(), root);
        Assert.Equal(0, code);
        return stdout.ToString();
    }

    [Fact]
    public void The_incident_sample_gives_the_golden_sarif()
    {
        // The results only: rule objects are checked field by field below, so adding a rule does not churn this file.
        // ruleIndex moves whenever a rule is added; the test below checks it points at the right rule.
        var results = JObject.Parse(Sarif(SampleRoot))["runs"]![0]!["results"]!;
        foreach (var result in results.Children<JObject>()) result.Remove("ruleIndex");
        Snapshot.Match(results.ToString());
    }

    [Fact]
    public void Two_scans_and_any_thread_count_give_byte_identical_sarif()
    {
        string first = Sarif(SampleRoot);
        Assert.Equal(first, Sarif(SampleRoot));
        Assert.Equal(first, Sarif(SampleRoot, "--threads", "1"));
        Assert.Equal(first, Sarif(SampleRoot, "--threads", "7"));
    }

    [Fact]
    public void Files_named_in_any_order_give_byte_identical_sarif()
    {
        var files = Directory.EnumerateFiles(SampleRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SampleRoot, f)).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.True(files.Length >= 4);
        string Scan(string[] order)
        {
            var stdout = new StringWriter();
            Program.Run(new[] { "scan", "--format", "sarif", "--fail-on", "none", "--" }.Concat(order).ToArray(), stdout, new StringWriter(), SampleRoot);
            return stdout.ToString();
        }
        string sorted = Scan(files);
        Assert.Equal(sorted, Scan(files.Reverse().ToArray()));
        Assert.Equal(sorted, Scan(files.Skip(2).Concat(files.Take(2)).ToArray()));
    }

    [Fact]
    public void Every_rule_and_result_carries_what_github_code_scanning_needs()
    {
        var run = JObject.Parse(Sarif(SampleRoot))["runs"]![0]!;
        var driver = run["tool"]!["driver"]!;
        Assert.Equal("Firebreak", (string?)driver["name"]);
        Assert.NotNull(driver["version"]);
        Assert.NotNull(driver["semanticVersion"]);
        Assert.NotNull(driver["informationUri"]);
        foreach (var rule in driver["rules"]!)
        {
            foreach (var field in new[] { "id", "name", "shortDescription", "fullDescription", "help", "helpUri", "defaultConfiguration" }) Assert.NotNull(rule[field]);
            Assert.NotNull(rule["help"]!["markdown"]);
            Assert.NotNull(rule["properties"]!["precision"]);
            var tags = rule["properties"]!["tags"]!.Select(t => (string)t!).ToArray();
            if (!((string)rule["id"]!).StartsWith("FB0", StringComparison.Ordinal))
            {
                Assert.Contains("security", tags);
                Assert.NotNull(rule["properties"]!["security-severity"]);
            }
        }
        Assert.NotEmpty(run["results"]!);
        foreach (var result in run["results"]!)
        {
            Assert.Equal((string?)result["ruleId"], (string?)driver["rules"]![(int)result["ruleIndex"]!]!["id"]);
            Assert.NotNull(result["level"]);
            Assert.EndsWith(".", (string)result["message"]!["text"]!, StringComparison.Ordinal);
            var location = result["locations"]![0]!["physicalLocation"]!;
            Assert.Equal("%SRCROOT%", (string?)location["artifactLocation"]!["uriBaseId"]);
            Assert.DoesNotContain("\\", (string)location["artifactLocation"]!["uri"]!, StringComparison.Ordinal);
            foreach (var field in new[] { "startLine", "startColumn", "endLine", "endColumn" }) Assert.NotNull(location["region"]![field]);
            Assert.Matches("^[0-9a-f]{32}$", (string)result["partialFingerprints"]!["firebreak/v1"]!);
        }
    }

    [Fact]
    public void Json_output_lists_findings_with_one_based_positions()
    {
        var stdout = new StringWriter();
        Program.Run(new[] { "scan", ".", "--format", "json", "--fail-on", "none" }, stdout, new StringWriter(), SampleRoot);
        var json = JObject.Parse(stdout.ToString());
        var first = json["findings"]!.First(f => (string)f["ruleId"]! == "FB2001");
        Assert.Equal(".github/workflows/deploy.yml", (string?)first["path"]);
        Assert.True((int)first["startLine"]! >= 1);
    }
}
