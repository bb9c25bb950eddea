using System;
using System.Linq;

namespace Firebreak.Cli.Tests;

/// <summary>
/// <c>firebreak scan</c> over loose <c>.cs</c> files: no project, no restore, no SDK assemblies — the rules fire from
/// the code's own names and <c>using</c> directives, at the line a build would report, and safe twins stay quiet.
/// </summary>
public sealed class CSharpScanTests
{
    private const string StagingReset = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Amazon.RDS;
        using Amazon.RDS.Model;

        public static class StagingReset
        {
            private const string Railway = "https://backboard.railway.app/graphql/v2";

            public static async Task RunAsync(HttpClient http, IAmazonRDS rds, string volumeId)
            {
                await http.PostAsJsonAsync(Railway, new { query = $"mutation {{ volumeDelete(volumeId: \"{volumeId}\") }}" });
                await rds.DeleteDBInstanceAsync(new DeleteDBInstanceRequest
                {
                    DBInstanceIdentifier = "orders-staging",
                    SkipFinalSnapshot = true,
                });
            }
        }
        """;

    private const string SafeTwin = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Amazon.RDS;
        using Amazon.RDS.Model;

        public static class StagingCheck
        {
            public static async Task RunAsync(HttpClient http, IAmazonRDS rds, string volumeId)
            {
                await http.PostAsJsonAsync("https://backboard.railway.app/graphql/v2", new { query = $"query {{ volume(id: \"{volumeId}\") {{ name }} }}" });
                await rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = "orders-staging" });
            }
        }
        """;

    private const string CdkStack = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.RDS;
        using Amazon.CDK.AWS.S3;
        using Constructs;

        public sealed class DataStack : Stack
        {
            public DataStack(Construct scope, string id) : base(scope, id)
            {
                new DatabaseInstance(this, "Orders", new DatabaseInstanceProps
                {
                    Engine = DatabaseInstanceEngine.POSTGRES,
                    RemovalPolicy = RemovalPolicy.DESTROY,
                });
                new Bucket(this, "Uploads", new BucketProps { AutoDeleteObjects = true, Versioned = true });
                new Bucket(this, "Archive", new BucketProps { RemovalPolicy = RemovalPolicy.RETAIN });
            }
        }
        """;

    [Fact]
    public void Loose_files_report_HttpClient_mutations_SDK_flags_and_CDK_settings_at_their_lines()
    {
        using var repo = new TempRepo().Write("tools/StagingReset.cs", StagingReset).Write("tools/StagingCheck.cs", SafeTwin).Write("infra/DataStack.cs", CdkStack);
        var (code, stdout, stderr) = repo.Run("scan", "--fail-on", "error");
        var found = stdout.TrimEnd('\n').Split('\n').Select(l => string.Join(':', l.Split(':').Take(4)).Trim()).ToArray();
        Assert.Equal(new[]
        {
            "infra/DataStack.cs:13:13: warning FB1102",
            "infra/DataStack.cs:15:55: warning FB1103",
            "tools/StagingReset.cs:13:20: error FB1002",
            "tools/StagingReset.cs:17:13: error FB1004",
        }, found);
        Assert.Equal(1, code);
        Assert.Contains("4 findings (2 errors, 2 warnings) in 3 files", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Firebreak_ignore_and_pragma_suppress_CSharp_findings()
    {
        string ignored = StagingReset.Replace("        await http.PostAsJsonAsync", "        // firebreak:ignore FB1002 -- preview volumes only, token scoped to the preview project\n        await http.PostAsJsonAsync");
        string pragma = StagingReset.Replace("SkipFinalSnapshot = true,", "#pragma warning disable FB1004 // preview databases\n                SkipFinalSnapshot = true,\n#pragma warning restore FB1004");
        using var repo = new TempRepo().Write("a/Ignored.cs", ignored).Write("b/Pragma.cs", pragma);
        var (_, stdout, _) = repo.Run("scan");
        var found = stdout.TrimEnd('\n').Split('\n').Select(l => string.Join(':', l.Split(':').Take(4)).Trim()).ToArray();
        Assert.Equal(new[] { "a/Ignored.cs:18:13: error FB1004", "b/Pragma.cs:13:20: error FB1002" }, found);
    }

    [Fact]
    public void Files_of_one_project_compile_together_and_two_projects_never_meet()
    {
        // The constant lives in another file of the same project; the second project has a class of the same name.
        using var repo = new TempRepo()
            .Write("ops/Ops.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />")
            .Write("ops/Endpoints.cs", "public static class Endpoints { public const string Railway = \"https://backboard.railway.app/graphql/v2\"; }")
            .Write("ops/Reset/Reset.cs", "using System.Net.Http.Json;\npublic static class Reset { public static object Run(System.Net.Http.HttpClient http) => http.PostAsJsonAsync(Endpoints.Railway, new { query = \"mutation { volumeDelete(volumeId: \\\"v\\\") }\" }); }")
            .Write("other/Other.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />")
            .Write("other/Endpoints.cs", "public static class Endpoints { public const string Railway = \"https://example.com\"; }");
        var (_, stdout, _) = repo.Run("scan");
        Assert.StartsWith("ops/Reset/Reset.cs:2:95: error FB1002", stdout, StringComparison.Ordinal);
        Assert.Single(stdout.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Look_alike_types_without_the_SDK_namespace_and_code_that_does_not_compile_stay_quiet()
    {
        using var repo = new TempRepo()
            .Write("Mine.cs", """
                namespace Shop.Ops
                {
                    public class DeleteDBInstanceRequest { public bool SkipFinalSnapshot { get; set; } }
                    public static class Use { public static object Make() => new DeleteDBInstanceRequest { SkipFinalSnapshot = true }; }
                }
                """)
            .Write("Broken.cs", "public class { void ( => DROP TABLE \"");
        var (code, stdout, _) = repo.Run("scan", "--fail-on", "note");
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(0, code);
    }

    [Fact]
    public void The_scan_runs_every_source_analyzer_of_the_package()
    {
        // The native executable cannot discover analyzers by reflection, so the scan lists them: none may be missing.
        var declared = typeof(Firebreak.Analyzers.AdditionalFileAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => t != typeof(Firebreak.Analyzers.AdditionalFileAnalyzer) && t != typeof(Firebreak.Analyzers.CSharpSourceAnalyzer))
            .Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal);
        var listed = Firebreak.Cli.CSharp.CSharpAnalysisRule.Analyzers.Select(a => a.GetType().FullName).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(declared, listed);
    }
}
