using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Snapshooter.Xunit;

namespace Firebreak.Cli.Tests;

/// <summary>The CI formats (GitHub annotations, Markdown summary, GitLab Code Quality) on the incident sample, against golden files.</summary>
public sealed class ReportFormatTests
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

    private static string SampleRoot => Path.Combine(RepositoryRoot, "samples", "incident");

    private static string Scan(string root, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(new[] { "scan", "." }.Concat(args).Concat(new[] { "--fail-on", "none" }).ToArray(), stdout, stderr, root);
        Assert.True(code == 0, stderr.ToString());
        return stdout.ToString();
    }

    private const string ScriptDeletingAVolume =
        "curl -sS https://backboard.railway.app/graphql/v2 -H \"Authorization: Bearer ${RAILWAY_API_TOKEN}\" -d '{\"query\":\"mutation { volumeDelete(volumeId: \\\"v\\\") }\"}'\n";

    [Fact]
    public void The_incident_sample_gives_the_golden_github_annotations() =>
        Snapshot.Match(Scan(SampleRoot, "--format", "github"));

    [Fact]
    public void The_incident_sample_gives_the_golden_markdown_summary() =>
        Snapshot.Match(Scan(SampleRoot, "--format", "markdown", "--link-base", "https://github.com/acme/shop/blob/0123abc/"));

    [Fact]
    public void The_incident_sample_gives_the_golden_gitlab_code_quality_report() =>
        Snapshot.Match(Scan(SampleRoot, "--format", "gitlab"));

    [Fact]
    public void Github_annotations_are_one_line_per_finding_with_level_rule_and_position()
    {
        string report = Scan(SampleRoot, "--format", "github");
        var lines = report.TrimEnd('\n').Split('\n');
        var json = JsonDocument.Parse(Scan(SampleRoot, "--format", "json"));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToArray();
        Assert.Equal(findings.Length, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            var f = findings[i];
            string level = f.GetProperty("level").GetString() == "note" ? "notice" : f.GetProperty("level").GetString()!;
            Assert.StartsWith($"::{level} file={f.GetProperty("path").GetString()},line={f.GetProperty("startLine").GetInt32()},col={f.GetProperty("startColumn").GetInt32()},", lines[i], StringComparison.Ordinal);
            Assert.Contains($",title={f.GetProperty("ruleId").GetString()} ", lines[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_name_cannot_forge_a_workflow_command_or_break_out_of_its_property()
    {
        // A newline, "::", a comma and a percent sign in the file name: each is encoded, so the runner reads one
        // annotation on the real file and no second command.
        using var repo = new TempRepo().Write("scripts/x,line=1::y%0A\n::error file=forged::z.sh", ScriptDeletingAVolume);
        string report = Scan(repo.Root, "--format", "github");
        var lines = report.TrimEnd('\n').Split('\n');
        Assert.All(lines, l => Assert.Matches("^::(error|warning|notice) file=[^,:]*,line=[0-9]+,col=[0-9]+,endLine=[0-9]+(,endColumn=[0-9]+)?,title=[^,:]*::", l));
        Assert.Contains("file=scripts/x%2Cline=1%3A%3Ay%250A%0A%3A%3Aerror file=forged%3A%3Az.sh,line=1,", report, StringComparison.Ordinal);
        Assert.DoesNotContain("\n::error file=forged", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_command_escaping_follows_the_runner()
    {
        Assert.Equal("100%25 a%0D%0Ab :: ,", Output.GitHubAnnotationsReport.EscapeData("100% a\r\nb :: ,"));
        Assert.Equal("a%3A%3Ab%2Cc%25%0A", Output.GitHubAnnotationsReport.EscapeProperty("a::b,c%\n"));
    }

    [Fact]
    public void Markdown_escapes_what_a_repository_controls()
    {
        // Names inside a message: no link, image, HTML or mention can come out of them, and a table cell stays one cell.
        Assert.Equal("<code>a&lt;img src=x&gt;&#124;b</code> and \\[x\\](javascript:1) \\@team &lt;b&gt;", Output.MarkdownReport.Message("`a<img src=x>|b` and [x](javascript:1) @team <b>"));
        // An odd back-quote is text.
        Assert.Equal("<code>a</code> b \\`c", Output.MarkdownReport.Message("`a` b `c"));
    }

    [Fact]
    public void Gitlab_report_has_what_gitlab_requires_for_every_issue()
    {
        var issues = JsonDocument.Parse(Scan(SampleRoot, "--format", "gitlab")).RootElement.EnumerateArray().ToArray();
        Assert.NotEmpty(issues);
        Assert.Equal(issues.Length, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
        foreach (var issue in issues)
        {
            Assert.False(string.IsNullOrEmpty(issue.GetProperty("description").GetString()));
            Assert.Matches("^FB[0-9]{4}$", issue.GetProperty("check_name").GetString()!);
            Assert.Contains(issue.GetProperty("severity").GetString(), new[] { "info", "minor", "major", "critical", "blocker" });
            Assert.False(string.IsNullOrEmpty(issue.GetProperty("location").GetProperty("path").GetString()));
            Assert.True(issue.GetProperty("location").GetProperty("positions").GetProperty("begin").GetProperty("line").GetInt32() >= 1);
        }
        Assert.Contains(issues, i => i.GetProperty("check_name").GetString() == "FB9001" && i.GetProperty("severity").GetString() == "blocker");
    }

    [Fact]
    public void Source_root_makes_every_format_name_files_from_the_repository_root()
    {
        string root = RepositoryRoot;
        var stdout = new StringWriter();
        int code = Program.Run(new[] { "scan", "samples/incident", "--format", "sarif", "--source-root", ".", "--fail-on", "none" }, stdout, new StringWriter(), root);
        Assert.Equal(0, code);
        Assert.Contains("\"uri\": \"samples/incident/docker-compose.yml\"", stdout.ToString(), StringComparison.Ordinal);
        stdout = new StringWriter();
        var stderr = new StringWriter();
        code = Program.Run(new[] { "scan", "samples/incident", "--format", "sarif", "--source-root", "src" }, stdout, stderr, root);
        Assert.Equal(2, code);
        Assert.Contains("does not contain the scanned folder", stderr.ToString(), StringComparison.Ordinal);
    }
}
