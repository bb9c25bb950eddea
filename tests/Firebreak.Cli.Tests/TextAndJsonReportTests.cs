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

    [Fact]
    public void A_json_report_written_to_a_file_in_pieces_is_the_one_on_stdout()
    {
        // Enough findings for the file's writer to flush many times (it writes in pieces of about 16 KB).
        string root = Path.Combine(Path.GetTempPath(), "fb-json-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            for (int i = 0; i < 120; i++)
                File.WriteAllText(Path.Combine(root, $"wipe{i:000}.sh"), "#!/bin/sh\nrm -rf /var/lib/postgresql/data\ndropdb production\n");
            var stdout = new StringWriter();
            Program.Run(new[] { "scan", ".", "--format", "json", "--fail-on", "none" }, stdout, new StringWriter(), root);
            Program.Run(new[] { "scan", ".", "--format", "json", "--fail-on", "none", "-o", "report.json" }, new StringWriter(), new StringWriter(), root);
            string written = File.ReadAllText(Path.Combine(root, "report.json"));
            Assert.True(written.Length > 5 * 16 * 1024, $"report of {written.Length} characters");
            Assert.Equal(stdout.ToString(), written);
            Assert.Equal(240, JsonNode.Parse(written)!["findings"]!.AsArray().Count);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
