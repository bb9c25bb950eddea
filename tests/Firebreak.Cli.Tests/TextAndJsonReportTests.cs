using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Snapshooter.Xunit;

namespace Firebreak.Cli.Tests;

/// <summary>
/// The text and JSON reports of the incident sample against golden files, so that a change to any rule's message, span
/// or level is a reviewed diff (SNAPSHOOTER_STRICT_MODE in CI: a missing golden file fails).
/// </summary>
public sealed class TextAndJsonReportTests
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

    private static (string Stdout, string Stderr) Scan(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Program.Run(new[] { "scan", "." }.Concat(args).Concat(new[] { "--fail-on", "none" }).ToArray(), stdout, stderr, SampleRoot);
        return (stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void The_incident_sample_gives_the_golden_text_report()
    {
        var (stdout, stderr) = Scan();
        Snapshot.Match(stdout + "--- stderr ---\n" + stderr);
    }

    [Fact]
    public void The_incident_sample_gives_the_golden_json_report()
    {
        var json = JsonNode.Parse(Scan("--format", "json").Stdout)!.AsObject();
        json.Remove("version"); // the tool's version is not the report's content
        Snapshot.Match(json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
