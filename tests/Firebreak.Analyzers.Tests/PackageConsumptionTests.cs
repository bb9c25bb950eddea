using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Firebreak.Analyzers.Tests;

/// <summary>
/// The real thing: pack Firebreak.Analyzers to a local feed, restore a consumer project from it alone, run
/// <c>dotnet build</c>, and read the diagnostics the compiler prints.
/// </summary>
public sealed class PackageConsumptionTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "firebreak-pkg-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_consumer_build_reports_FB2001_at_the_workflow_line_and_globalconfig_turns_it_into_an_error()
    {
        string feed = Path.Combine(_work, "feed");
        string consumer = Path.Combine(_work, "consumer");
        // Packing uses the repository's own restore (the test command restored it already): a restore here with another
        // package folder would rewrite src/*/obj/project.assets.json to point at a folder this test deletes (NETSDK1064).
        var pack = Dotnet(RepositoryRoot(), isolatedPackages: false, "pack", "src/Firebreak.Analyzers/Firebreak.Analyzers.csproj", "-c", "Release", "--no-restore", "-o", feed, "-nologo");
        Assert.True(pack.ExitCode == 0, pack.Output);

        Write(consumer, ".git/HEAD", "ref: refs/heads/main\n");
        Write(consumer, "nuget.config", $"<configuration><packageSources><clear /><add key=\"local\" value=\"{feed}\" /></packageSources></configuration>");
        Write(consumer, "app/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <FirebreakRepositoryFiles>true</FirebreakRepositoryFiles>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Firebreak.Analyzers" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);
        // FB1004 is native C#: the analyzer sees the RDS request (stubbed here, as the real SDK would be referenced) in Program.cs.
        Write(consumer, "app/Program.cs", """
            System.Console.WriteLine(new Amazon.RDS.Model.DeleteDBInstanceRequest { SkipFinalSnapshot = true });

            namespace Amazon.RDS.Model
            {
                public class DeleteDBInstanceRequest { public bool SkipFinalSnapshot { get; set; } }
            }
            """);
        Write(consumer, ".github/workflows/deploy.yml", "name: deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n");

        // FB1002 needs GraphQL-Parser at run time: this proves the package ships the analyzer's dependencies.
        Write(consumer, "scripts/reset.sh", "#!/bin/sh\ncurl -X POST https://backboard.railway.app/graphql/v2 -d '{\"query\":\"mutation { volumeDelete(volumeId: \\\"v\\\") }\"}'\n");

        var warning = Dotnet(consumer, isolatedPackages: true, "build", "app", "-nologo");
        Assert.True(warning.ExitCode != 0, "FB1002 is an error by default, so the build must fail:\n" + warning.Output);
        Assert.Matches(new Regex(@"\.github/workflows/deploy\.yml\(4,3\): warning FB2001: Job 'deploy' has no `permissions:`"), warning.Output);
        Assert.Matches(new Regex(@"scripts/reset\.sh\(2,\d+\): error FB1002: .*volumeDelete"), warning.Output);
        Assert.Matches(new Regex(@"app/Program\.cs\(1,\d+\): error FB1004: `DeleteDBInstanceRequest` with `SkipFinalSnapshot = true`"), warning.Output);
        Assert.DoesNotContain("AD0001", warning.Output, StringComparison.Ordinal); // no analyzer crashed

        Write(consumer, ".globalconfig", "is_global = true\ndotnet_diagnostic.FB2001.severity = error\n");
        var error = Dotnet(consumer, isolatedPackages: true, "build", "app", "-nologo", "--no-incremental");
        Assert.NotEqual(0, error.ExitCode);
        Assert.Matches(new Regex(@"\.github/workflows/deploy\.yml\(4,3\): error FB2001"), error.Output);

        // One configuration for every face: the build reads the repository's firebreak.yml (a disabled rule, a user
        // catalogue), every file kind the CLI reads (package.json), and relative FirebreakExclude globs.
        File.Delete(Path.Combine(consumer, ".globalconfig"));
        Write(consumer, "firebreak.yml", "rules:\n  FB1002: off\ncatalogs:\n  - firebreak/catalog.yaml\nexclude:\n  - legacy/**\n");
        Write(consumer, "legacy/old-reset.sh", "#!/bin/sh\nrm -rf /var/lib/postgresql/data\n");
        Write(consumer, "firebreak/catalog.yaml", "commands:\n  - id: acme-db-drop\n    program: [acmectl]\n    path: ['db drop']\n    destroys: 'the ACME database'\n    backups_die: true\n    must_match: ['acmectl db drop --force orders']\n    must_not_match: ['acmectl db list']\n");
        Write(consumer, "scripts/purge.sh", "#!/bin/sh\nacmectl db drop --force orders\n");
        Write(consumer, "package.json", "{\n  \"scripts\": { \"wipe\": \"rm -rf /var/lib/postgresql/data\" }\n}\n");
        Write(consumer, "vendor/third-party.sh", "#!/bin/sh\nrm -rf /var/lib/mysql\n");
        string project = File.ReadAllText(Path.Combine(consumer, "app/App.csproj"));
        Write(consumer, "app/App.csproj", project.Replace("<FirebreakRepositoryFiles>true</FirebreakRepositoryFiles>",
            "<FirebreakRepositoryFiles>true</FirebreakRepositoryFiles><FirebreakExclude>vendor/**</FirebreakExclude>"));
        var configured = Dotnet(consumer, isolatedPackages: true, "build", "app", "-nologo", "--no-incremental");
        Assert.DoesNotMatch(new Regex(@"reset\.sh\(\d+,\d+\): \w+ FB1002"), configured.Output);
        Assert.Matches(new Regex(@"scripts/purge\.sh\(2,\d+\): error FB1001: .*ACME database"), configured.Output);
        Assert.Matches(new Regex(@"package\.json\(2,\d+\): error FB1001"), configured.Output);
        Assert.DoesNotContain("third-party.sh", configured.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("old-reset.sh", configured.Output, StringComparison.Ordinal); // firebreak.yml exclude:
        Assert.DoesNotContain("AD0001", configured.Output, StringComparison.Ordinal);

        // One engine, three faces, one repository: what the build reports on the repository's files (its firebreak.yml
        // and user catalogue applied) is what `firebreak scan` reports, rule for rule and line for line, and the guard
        // blocks an agent writing the file that holds the user-catalogued command.
        var cliJson = Path.Combine(_work, "faces.json");
        var cli = Dotnet(consumer, isolatedPackages: false, "exec", CliPath(), "scan", ".", "--format", "json", "-o", cliJson, "--fail-on", "none");
        Assert.True(cli.ExitCode == 0, cli.Output);
        static bool Compared(string path) => !path.EndsWith(".cs", StringComparison.Ordinal) && !path.StartsWith("vendor/", StringComparison.Ordinal)
            && !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal);
        var fromCli = System.Text.Json.JsonDocument.Parse(File.ReadAllText(cliJson)).RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("level").GetString() is "error" or "warning")
            .Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("path").GetString()}:{f.GetProperty("startLine").GetInt32()} {f.GetProperty("level").GetString()}")
            .Where(f => Compared(f.Split(' ')[1].Split(':')[0]))
            .ToHashSet();
        string consumerPrefix = consumer.Replace('\\', '/').TrimEnd('/') + "/";
        var fromBuild = Regex.Matches(configured.Output, @"^\s*(?<path>[^\r\n(]+)\((?<line>\d+),\d+\): (?<level>error|warning) (?<rule>FB\d{4}):", RegexOptions.Multiline)
            .Select(m => (Rule: m.Groups["rule"].Value, Path: m.Groups["path"].Value.Trim().Replace('\\', '/'), Line: m.Groups["line"].Value, Level: m.Groups["level"].Value))
            .Select(d => (d.Rule, Path: d.Path.StartsWith(consumerPrefix, StringComparison.Ordinal) ? d.Path.Substring(consumerPrefix.Length) : d.Path, d.Line, d.Level))
            .Where(d => Compared(d.Path))
            .Select(d => $"{d.Rule} {d.Path}:{d.Line} {d.Level}")
            .ToHashSet();
        Assert.NotEmpty(fromCli);
        Assert.Equal(fromCli.OrderBy(x => x, StringComparer.Ordinal), fromBuild.OrderBy(x => x, StringComparer.Ordinal));
        string payload = System.Text.Json.JsonSerializer.Serialize(new
        {
            hook_event_name = "PreToolUse",
            cwd = consumer,
            tool_name = "Write",
            tool_input = new { file_path = Path.Combine(consumer, "scripts/purge-again.sh"), content = "#!/bin/sh\nacmectl db drop --force orders\n" },
        });
        var guard = new ProcessStartInfo("dotnet") { WorkingDirectory = consumer, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "exec", CliPath(), "guard" }) guard.ArgumentList.Add(arg);
        using (var process = Process.Start(guard)!)
        {
            process.StandardInput.Write(payload);
            process.StandardInput.Close();
            string guardOut = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, guardOut); // Claude Code's answer: a JSON decision on stdout
            Assert.Contains("\"permissionDecision\":\"deny\"", guardOut, StringComparison.Ordinal);
            Assert.Contains("FB1001", guardOut, StringComparison.Ordinal);
            Assert.Contains("ACME database", guardOut, StringComparison.Ordinal);
        }

        // One baseline for every face: the SARIF `firebreak scan` writes hides, in the build, exactly the findings it
        // holds (fingerprints name files from the repository root in both); a finding added since is still reported,
        // and the baseline itself is never scanned.
        var scan = Dotnet(consumer, isolatedPackages: false, "exec", CliPath(), "scan", ".", "--format", "sarif", "-o", "firebreak-baseline.sarif", "--fail-on", "none");
        Assert.True(scan.ExitCode == 0, scan.Output);
        Write(consumer, "scripts/added.sh", "#!/bin/sh\ndropdb orders\n");
        project = File.ReadAllText(Path.Combine(consumer, "app/App.csproj"));
        Write(consumer, "app/App.csproj", project.Replace("<FirebreakExclude>", "<FirebreakBaseline>firebreak-baseline.sarif</FirebreakBaseline><FirebreakExclude>"));
        var baselined = Dotnet(consumer, isolatedPackages: true, "build", "app", "-nologo", "--no-incremental");
        Assert.DoesNotMatch(new Regex(@"purge\.sh\(\d+,\d+\): \w+ FB1001"), baselined.Output);
        Assert.DoesNotMatch(new Regex(@"package\.json\(\d+,\d+\): \w+ FB1001"), baselined.Output);
        Assert.DoesNotMatch(new Regex(@"deploy\.yml\(\d+,\d+\): \w+ FB2001"), baselined.Output);
        Assert.Matches(new Regex(@"scripts/added\.sh\(2,\d+\): error FB1001: `dropdb`"), baselined.Output);
        Assert.DoesNotContain("firebreak-baseline.sarif(", baselined.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", baselined.Output, StringComparison.Ordinal);
    }

    /// <summary>The CLI built with the tests (the same configuration), built here when only this project was built.</summary>
    private string CliPath()
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
        string dll = Path.Combine(RepositoryRoot(), "src", "Firebreak.Cli", "bin", configuration, "net10.0", "firebreak.dll");
        if (!File.Exists(dll))
        {
            var build = Dotnet(RepositoryRoot(), isolatedPackages: false, "build", "src/Firebreak.Cli", "-c", configuration, "-nologo", "-v", "q");
            Assert.True(build.ExitCode == 0, build.Output);
        }
        return dll;
    }

    private (int ExitCode, string Output) Dotnet(string workingDirectory, bool isolatedPackages, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The consumer gets an isolated package cache: the package under test is never taken from an earlier run's cache.
        if (isolatedPackages) start.Environment["NUGET_PACKAGES"] = Path.Combine(_work, "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    private static void Write(string root, string relative, string text)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Analyzers.sln"))) dir = dir.Parent;
        return dir.FullName;
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
