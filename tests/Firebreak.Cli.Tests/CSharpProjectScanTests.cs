using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Firebreak.Cli.CSharp;
using Firebreak.Core.Analysis;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Firebreak.Cli.Tests;

/// <summary>
/// <c>firebreak scan</c> over C# projects: project files read as data (never evaluated or built), their literal
/// <c>Compile</c> items and <c>ProjectReference</c>s, a malformed project file as a note, and restored packages taken
/// from the user's own global packages folder only.
/// </summary>
public sealed class CSharpProjectScanTests
{
    private const string Sdk = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>{0}</Project>";

    /// <summary>Posts Railway's volumeDelete mutation to the URL <c>{0}</c> names: FB1002 only when that resolves to Railway's API.</summary>
    private const string PostVolumeDelete = """
        using System.Net.Http;
        using System.Net.Http.Json;

        public static class {1}
        {
            public static object Run(HttpClient http) =>
                http.PostAsJsonAsync({0}, new { query = "mutation { volumeDelete(volumeId: \"v\") }" });
        }
        """;

    private static string Project(string items = "") => Sdk.Replace("{0}", items, StringComparison.Ordinal);

    private static string Post(string url, string className) =>
        PostVolumeDelete.Replace("{0}", url, StringComparison.Ordinal).Replace("{1}", className, StringComparison.Ordinal);

    private static string[] Found(string stdout) =>
        stdout.Length == 0 ? Array.Empty<string>() : stdout.TrimEnd('\n').Split('\n').Select(l => string.Join(':', l.Split(':').Take(4)).Trim()).ToArray();

    private static TempRepo TwoProjects(bool reference) => new TempRepo()
        .Write("Ops.slnx", "<Solution>\n  <Project Path=\"lib/Lib.csproj\" />\n  <Project Path=\"app/App.csproj\" />\n</Solution>\n")
        .Write("lib/Lib.csproj", Project())
        .Write("lib/Endpoints.cs", "namespace Ops.Lib;\npublic static class Endpoints\n{\n    public const string Railway = \"https://backboard.railway.app/graphql/v2\";\n}\n")
        .Write("app/App.csproj", Project(reference ? "<ItemGroup><ProjectReference Include=\"..\\lib\\Lib.csproj\" /></ItemGroup>" : string.Empty))
        .Write("app/Reset.cs", Post("Ops.Lib.Endpoints.Railway", "Reset"));

    [Fact]
    public void A_type_of_a_referenced_project_binds_in_the_project_that_references_it()
    {
        using var referenced = TwoProjects(reference: true);
        var (_, stdout, _) = referenced.Run("scan", "--threads", "1");
        Assert.Equal(new[] { "app/Reset.cs:7:14: error FB1002" }, Found(stdout));
        // The same output whatever the thread count.
        Assert.Equal(stdout, referenced.Run("scan", "--threads", "4").Stdout);

        // Without the reference, the library's constant is not the app's to see: the URL is unknown, and nothing is reported.
        using var unreferenced = TwoProjects(reference: false);
        Assert.Empty(Found(unreferenced.Run("scan").Stdout));
    }

    [Fact]
    public void Severities_set_for_the_build_in_editorconfig_and_globalconfig_hold_in_the_scan()
    {
        using var repo = TwoProjects(reference: true);
        Assert.Equal(new[] { "app/Reset.cs:7:14: error FB1002" }, Found(repo.Run("scan").Stdout));

        // A file's .editorconfig section lowers it, as in the build.
        repo.Write("app/.editorconfig", "[*.cs]\ndotnet_diagnostic.FB1002.severity = suggestion\n");
        Assert.Equal(new[] { "app/Reset.cs:7:14: note FB1002" }, Found(repo.Run("scan", "--fail-on", "none").Stdout));

        // `none` turns it off; a .globalconfig applies where no .editorconfig section says otherwise.
        repo.Write("app/.editorconfig", "root = true\n");
        repo.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.FB1002.severity = none\n");
        Assert.Empty(Found(repo.Run("scan").Stdout));

        // By category, for every rule of it.
        repo.Write(".globalconfig", "is_global = true\ndotnet_analyzer_diagnostic.category-Firebreak.DestructiveOperation.severity = warning\n");
        Assert.Equal(new[] { "app/Reset.cs:7:14: warning FB1002" }, Found(repo.Run("scan", "--fail-on", "none").Stdout));
    }

    [Fact]
    public void SDK_shapes_of_two_referenced_projects_do_not_make_the_SDK_types_ambiguous()
    {
        // Each unrestored library is compiled with the SDK shapes it lacks; the app sees neither copy, and binds to its own.
        using var repo = new TempRepo()
            .Write("a/A.csproj", Project())
            .Write("a/A.cs", "public static class A { }")
            .Write("b/B.csproj", Project())
            .Write("b/B.cs", "public static class B { }")
            .Write("app/App.csproj", Project("<ItemGroup><ProjectReference Include=\"../a/A.csproj\" /><ProjectReference Include=\"../b/B.csproj\" /></ItemGroup>"))
            .Write("app/Reset.cs", """
                using System.Threading.Tasks;
                using Amazon.RDS;
                using Amazon.RDS.Model;

                public static class Reset
                {
                    public static Task Run(IAmazonRDS rds) => rds.DeleteDBInstanceAsync(new DeleteDBInstanceRequest { SkipFinalSnapshot = true });
                }
                """);
        Assert.Equal(new[] { "app/Reset.cs:7:103: error FB1004" }, Found(repo.Run("scan").Stdout));
    }

    [Fact]
    public void A_file_two_projects_compile_is_reported_once()
    {
        using var repo = new TempRepo()
            .Write("shared/Reset.cs", Post("\"https://backboard.railway.app/graphql/v2\"", "Reset"))
            .Write("a/A.csproj", Project("<ItemGroup><Compile Include=\"../shared/*.cs\" /></ItemGroup>"))
            .Write("b/B.csproj", Project("<ItemGroup><Compile Include=\"..\\shared\\Reset.cs\" /></ItemGroup>"))
            .Write("a/A.cs", "public static class A { }")
            .Write("b/B.cs", "public static class B { }");
        var (_, stdout, _) = repo.Run("scan");
        Assert.Equal(new[] { "shared/Reset.cs:7:14: error FB1002" }, Found(stdout));
    }

    [Fact]
    public void A_file_a_literal_Compile_Remove_takes_out_of_the_project_is_not_reported()
    {
        using var repo = new TempRepo()
            .Write("ops/Ops.csproj", Project("<ItemGroup><Compile Remove=\"Legacy/**\" /></ItemGroup>"))
            .Write("ops/Legacy/Old.cs", Post("\"https://backboard.railway.app/graphql/v2\"", "Old"))
            .Write("ops/Tools/New.cs", Post("\"https://backboard.railway.app/graphql/v2\"", "New"));
        var (_, stdout, _) = repo.Run("scan");
        Assert.Equal(new[] { "ops/Tools/New.cs:7:14: error FB1002" }, Found(stdout));
    }

    [Fact]
    public void A_Compile_item_that_needs_evaluation_is_ignored()
    {
        // `$(LegacyFolder)` is only known by evaluating the project: the item is not taken, the SDK's default stands.
        using var repo = new TempRepo()
            .Write("ops/Ops.csproj", Project("<PropertyGroup><LegacyFolder>Legacy</LegacyFolder></PropertyGroup><ItemGroup><Compile Remove=\"$(LegacyFolder)/**\" /></ItemGroup>"))
            .Write("ops/Legacy/Old.cs", Post("\"https://backboard.railway.app/graphql/v2\"", "Old"));
        Assert.Equal(new[] { "ops/Legacy/Old.cs:7:14: error FB1002" }, Found(repo.Run("scan").Stdout));
    }

    [Fact]
    public void Without_default_compile_items_only_the_included_files_compile()
    {
        using var repo = new TempRepo()
            .Write("ops/Ops.csproj", Project("<PropertyGroup><EnableDefaultCompileItems>false</EnableDefaultCompileItems></PropertyGroup><ItemGroup><Compile Include=\"Tools\\Reset.cs\" /></ItemGroup>"))
            .Write("ops/Tools/Reset.cs", Post("\"https://backboard.railway.app/graphql/v2\"", "Reset"))
            .Write("ops/Scratch/Drop.cs", Post("\"https://backboard.railway.app/graphql/v2\"", "Drop"));
        var (_, stdout, _) = repo.Run("scan");
        Assert.Equal(new[] { "ops/Tools/Reset.cs:7:14: error FB1002" }, Found(stdout));
    }

    [Fact]
    public void A_malformed_project_file_is_a_note_and_its_files_are_still_analysed()
    {
        using var repo = new TempRepo()
            .Write("broken/Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0\n</Project>\n")
            .Write("broken/Reset.cs", Post("\"https://backboard.railway.app/graphql/v2\"", "Reset"))
            .Write("good/Good.csproj", Project())
            .Write("good/Drop.cs", Post("\"https://backboard.railway.app/graphql/v2\"", "Drop"));
        var (code, stdout, _) = repo.Run("scan", "--fail-on", "note");
        var found = Found(stdout);
        Assert.Equal(new[] { "broken/Broken.csproj:4:3: note FB0001", "broken/Reset.cs:7:14: error FB1002", "good/Drop.cs:7:14: error FB1002" }, found);
        string note = stdout.Split('\n')[0];
        Assert.Contains("not a well-formed project file", note, StringComparison.Ordinal);
        Assert.Contains("compiled together as one folder", note, StringComparison.Ordinal);
        Assert.Equal(1, code);
    }

    [Fact]
    public void A_malformed_project_file_above_a_file_named_on_the_command_line_is_noted_too()
    {
        // Only the named file is scanned; its project file is read from disk, and the note is on it all the same.
        using var repo = new TempRepo()
            .Write("ops/Ops.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">")
            .Write("ops/Reset.cs", Post("\"https://backboard.railway.app/graphql/v2\"", "Reset"));
        var (_, stdout, _) = repo.Run("scan", "ops/Reset.cs", "--fail-on", "note");
        Assert.Equal(new[] { "ops/Ops.csproj:1:1: note FB0001", "ops/Reset.cs:7:14: error FB1002" }, Found(stdout));
        Assert.Contains("ops/Ops.csproj could not be analyzed: not a well-formed project file", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_file_with_a_DTD_is_a_note_and_no_entity_is_expanded()
    {
        // Billion laughs: a reader that expanded entities would take the scan's memory before it said anything.
        string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [\n  <!ENTITY a \"aaaaaaaaaa\">\n"
            + string.Concat(Enumerable.Range(1, 9).Select(i => $"  <!ENTITY {(char)('a' + i)} \"{string.Concat(Enumerable.Repeat($"&{(char)('a' + i - 1)};", 10))}\">\n"))
            + "]>\n<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><AssemblyName>&j;</AssemblyName></PropertyGroup></Project>\n";
        using var repo = new TempRepo()
            .Write("ops/Ops.csproj", laughs)
            .Write("ops/Reset.cs", Post("\"https://backboard.railway.app/graphql/v2\"", "Reset"));
        var (_, stdout, _) = repo.Run("scan", "--fail-on", "note");
        Assert.Equal(new[] { "ops/Ops.csproj:1:1: note FB0001", "ops/Reset.cs:7:14: error FB1002" }, Found(stdout));
        Assert.Contains("not a well-formed project file: For security reasons DTD is prohibited in this XML document; its .cs files", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_style_project_compiles_the_files_it_lists()
    {
        using var repo = new TempRepo()
            .Write("Legacy/Legacy.csproj", """
                <?xml version="1.0" encoding="utf-8"?>
                <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <Import Project="$(MSBuildExtensionsPath)\$(MSBuildToolsVersion)\Microsoft.Common.props" />
                  <ItemGroup>
                    <Compile Include="Jobs\Reset.cs" />
                  </ItemGroup>
                  <Import Project="$(MSBuildToolsPath)\Microsoft.CSharp.targets" />
                </Project>
                """)
            .Write("Legacy/Jobs/Reset.cs", Post("\"https://backboard.railway.app/graphql/v2\"", "Reset"))
            .Write("Legacy/Unlisted.cs", Post("\"https://backboard.railway.app/graphql/v2\"", "Unlisted"));
        Assert.Equal(new[] { "Legacy/Jobs/Reset.cs:7:14: error FB1002" }, Found(repo.Run("scan").Stdout));
    }

    [Fact]
    public void A_reference_cycle_is_broken_deterministically_with_a_note()
    {
        using var repo = new TempRepo()
            .Write("a/A.csproj", Project("<ItemGroup><ProjectReference Include=\"../b/B.csproj\" /></ItemGroup>"))
            .Write("a/Endpoints.cs", "public static class Endpoints { public const string Railway = \"https://backboard.railway.app/graphql/v2\"; }")
            .Write("b/B.csproj", Project("<ItemGroup><ProjectReference Include=\"../a/A.csproj\" /></ItemGroup>"))
            .Write("b/Reset.cs", Post("Endpoints.Railway", "Reset"));
        var (_, stdout, _) = repo.Run("scan", "--fail-on", "note");
        // a/A.csproj builds first (path order) and reaches b, whose reference back to a closes the cycle: b loses it.
        Assert.Equal(new[] { "b/B.csproj:1:1: note FB0001" }, Found(stdout));
        Assert.Contains("its ProjectReference to a/A.csproj closes a cycle (a/A.csproj → b/B.csproj → a/A.csproj)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_the_repository_configures_for_MSBuild_ever_runs()
    {
        using var repo = new TempRepo();
        string sentinel = Path.Combine(repo.Root, "SENTINEL");
        string evaluated = Path.Combine(repo.Root, "EVALUATED");
        string exec = $"<Target Name=\"Pwn\" BeforeTargets=\"Restore;CollectPackageReferences;CoreCompile;Build;ResolveAssemblyReferences\"><Exec Command=\"touch {sentinel}\" /></Target>";
        string function = $"<PropertyGroup><Pwned>$([System.IO.File]::WriteAllText('{evaluated}', 'x'))</Pwned><LangVersion>$([System.IO.File]::WriteAllText('{evaluated}', 'y'))</LangVersion></PropertyGroup>";
        repo.Write("Directory.Build.props", $"<Project>{function}{exec}</Project>")
            .Write("Directory.Build.targets", $"<Project>{exec}</Project>")
            .Write("ops/Ops.csproj", $"<Project Sdk=\"Microsoft.NET.Sdk\" InitialTargets=\"Pwn\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>{function}{exec}</Project>")
            .Write("ops/Reset.cs", Post("\"https://backboard.railway.app/graphql/v2\"", "Reset"));
        var (_, stdout, _) = repo.Run("scan");
        Assert.Equal(new[] { "ops/Reset.cs:7:14: error FB1002" }, Found(stdout));
        Assert.False(File.Exists(sentinel), "a target of the repository ran");
        Assert.False(File.Exists(evaluated), "a property function of the repository was evaluated");
    }

    // --- Restored packages -------------------------------------------------------------------------------------------

    /// <summary>Posts the mutation to a URL only the package <c>Corp.Platform</c> defines: FB1002 only when its assembly is loaded.</summary>
    private static TempRepo RestoredProject(string packageFolders) => new TempRepo()
        .Write("ops/Ops.csproj", Project())
        .Write("ops/Reset.cs", Post("Corp.Platform.Endpoints.Railway", "Reset"))
        .Write("ops/obj/project.assets.json", $$"""
            {
              "version": 3,
              "targets": {
                "net10.0": {
                  "Corp.Platform/1.0.0": { "type": "package", "compile": { "lib/net10.0/Corp.Platform.dll": {}, "lib/net10.0/_._": {} } }
                }
              },
              "libraries": { "Corp.Platform/1.0.0": { "type": "package", "path": "corp.platform/1.0.0" } },
              "packageFolders": { "{{packageFolders.Replace("\\", "\\\\", StringComparison.Ordinal)}}": {} }
            }
            """);

    /// <summary>A package folder holding Corp.Platform 1.0.0, whose assembly defines <c>Corp.Platform.Endpoints.Railway</c>.</summary>
    private static TempRepo PackageFolder()
    {
        var compilation = CSharpCompilation.Create("Corp.Platform",
            [CSharpSyntaxTree.ParseText("namespace Corp.Platform { public static class Endpoints { public const string Railway = \"https://backboard.railway.app/graphql/v2\"; } }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        return new TempRepo().WriteBytes("corp.platform/1.0.0/lib/net10.0/Corp.Platform.dll", image.ToArray());
    }

    /// <summary>An analyzer that fails on every compilation: our bug, as the scan would meet it (a test double, never packed).</summary>
#pragma warning disable RS1001, RS1036, RS1041, RS2008 // a test double run in process, not an analyzer assembly
    private sealed class FailingAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("XX0001", "never", "never", "Test", DiagnosticSeverity.Warning, true);

        public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(Microsoft.CodeAnalysis.Diagnostics.AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(Microsoft.CodeAnalysis.Diagnostics.GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationAction(_ => throw new InvalidOperationException("boom"));
        }
    }
#pragma warning restore RS1001, RS1036, RS1041, RS2008

    [Fact]
    public void An_analyzer_that_fails_costs_a_note_and_the_other_analyzers_findings_stand()
    {
        using var repo = TwoProjects(reference: true);
        var files = new[] { "app/Reset.cs", "lib/Endpoints.cs", "app/App.csproj", "lib/Lib.csproj" }
            .Select(p => new SourceFile(p, File.ReadAllText(Path.Combine(repo.Root, p)))).ToArray();
        var analyzers = CSharpAnalysisRule.Analyzers.Add(new FailingAnalyzer());
        var engine = new AnalysisEngine(new AnalysisOptions { MaxDegreeOfParallelism = 1 }, fileRules: Array.Empty<Rule>(),
            projectRules: [new CSharpAnalysisRule(repo.Root, null, analyzers)]);
        var findings = engine.Analyze(files).Findings;
        Assert.Contains(findings, f => f.RuleId == "FB1002" && f.Location.Path == "app/Reset.cs");
        Assert.Contains(findings, f => f.RuleId == RuleIds.FileNotAnalyzed && f.Message.Contains("internal error in the C# analyzers", StringComparison.Ordinal));
    }

    private static string[] Scan(TempRepo repo, string? globalPackagesFolder)
    {
        var files = Directory.EnumerateFiles(repo.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(repo.Root, f).Replace('\\', '/'))
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new SourceFile(p, File.ReadAllText(Path.Combine(repo.Root, p))))
            .ToArray();
        var engine = new AnalysisEngine(new AnalysisOptions { MaxDegreeOfParallelism = 1 }, fileRules: Array.Empty<Rule>(),
            projectRules: [new CSharpAnalysisRule(repo.Root, globalPackagesFolder)]);
        return engine.Analyze(files).Findings.Select(f => $"{f.Location.Path}:{f.Location.Start.Line + 1}: {f.RuleId}").ToArray();
    }

    [Fact]
    public void A_restored_package_binds_from_the_users_global_packages_folder()
    {
        using var packages = PackageFolder();
        using var repo = RestoredProject(packageFolders: packages.Root);
        Assert.Equal(new[] { "ops/Reset.cs:7: FB1002" }, Scan(repo, globalPackagesFolder: packages.Root));
    }

    [Fact]
    public void The_package_folders_an_assets_file_names_are_never_used()
    {
        // The committed obj/project.assets.json points at the attacker's folder; the user's own folder does not hold the package.
        using var attacker = PackageFolder();
        using var user = new TempRepo();
        using var repo = RestoredProject(packageFolders: attacker.Root);
        Assert.Empty(Scan(repo, globalPackagesFolder: user.Root));
    }

    [Fact]
    public void A_package_reached_through_a_symlink_in_the_global_packages_folder_is_not_loaded()
    {
        using var elsewhere = PackageFolder();
        using var user = new TempRepo();
        Directory.CreateSymbolicLink(Path.Combine(user.Root, "corp.platform"), Path.Combine(elsewhere.Root, "corp.platform"));
        using var repo = RestoredProject(packageFolders: user.Root);
        Assert.Empty(Scan(repo, globalPackagesFolder: user.Root));
    }

    [Fact]
    public void A_hostile_assets_file_cannot_name_a_path_outside_the_global_packages_folder()
    {
        using var attacker = PackageFolder();
        using var user = new TempRepo();
        Directory.CreateDirectory(Path.Combine(user.Root, "other", "1.0.0"));
        string dll = "corp.platform/1.0.0/lib/net10.0/Corp.Platform.dll";
        string upAndOver = "../../../" + Path.GetFileName(attacker.Root) + "/" + dll;
        string absolute = Path.Combine(attacker.Root, dll).Replace("\\", "\\\\", StringComparison.Ordinal);
        using var repo = new TempRepo()
            .Write("ops/Ops.csproj", Project())
            .Write("ops/Reset.cs", Post("Corp.Platform.Endpoints.Railway", "Reset"))
            .Write("ops/obj/project.assets.json", $$"""
                { "version": 3, "targets": { "net10.0": {
                    "Other/1.0.0": { "type": "package", "compile": { "{{upAndOver}}": {}, "{{absolute}}": {} } },
                    "../{{Path.GetFileName(attacker.Root)}}/corp.platform/1.0.0": { "type": "package", "compile": { "lib/net10.0/Corp.Platform.dll": {} } }
                } } }
                """);
        Assert.Empty(Scan(repo, globalPackagesFolder: user.Root));
    }

    [Fact]
    public void With_a_restore_the_real_SDK_binds_and_finds_what_shapes_cannot()
    {
        // The real AWSSDK.S3 and AWSSDK.Core this test project restored (sample-references.txt), named by an assets file as
        // `dotnet restore` writes it: TransferUtility.S3Client is a member no shape has, so only the real SDK reaches the call.
        var assemblies = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "sample-references.txt"))
            .Where(l => Path.GetFileName(l) is "AWSSDK.S3.dll" or "AWSSDK.Core.dll").ToArray();
        Assert.Equal(2, assemblies.Length);
        // <global packages folder>/<id>/<version>/lib/<framework>/<assembly>.dll
        string global = Path.GetFullPath(Path.Combine(assemblies[0], "..", "..", "..", "..", ".."));
        var entries = assemblies.Select(a =>
        {
            var parts = Path.GetRelativePath(global, a).Replace('\\', '/').Split('/');
            return $"\"{parts[0]}/{parts[1]}\": {{ \"type\": \"package\", \"compile\": {{ \"{string.Join('/', parts.Skip(2))}\": {{}} }} }}";
        });
        // The app references a library that uses no SDK: the shapes the library is compiled with must not reach the app,
        // where they would make the restored SDK's types ambiguous.
        string cleanup = """
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Transfer;

            public static class Cleanup
            {
                public static Task Run(IAmazonS3 s3) => new TransferUtility(s3).S3Client.DeleteBucketAsync(Names.Archive);
            }
            """;
        TempRepo Solution() => new TempRepo()
            .Write("lib/Lib.csproj", Project())
            .Write("lib/Names.cs", "public static class Names { public const string Archive = \"orders-archive\"; }")
            .Write("ops/Ops.csproj", Project("<ItemGroup><ProjectReference Include=\"../lib/Lib.csproj\" /></ItemGroup>"))
            .Write("ops/Cleanup.cs", cleanup);
        using var unrestored = Solution();
        Assert.Empty(Scan(unrestored, global));
        using var restored = Solution()
            .Write("ops/obj/project.assets.json", "{ \"version\": 3, \"targets\": { \"net10.0\": { " + string.Join(", ", entries) + " } } }");
        Assert.Equal(new[] { "ops/Cleanup.cs:7: FB1040" }, Scan(restored, global));
    }
}
