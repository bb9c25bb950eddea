using System;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Firebreak.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Firebreak.Cli.Tests;

/// <summary>
/// samples/csharp, two ways: compiled against the real SDK packages (AWSSDK.S3, Amazon.CDK.Lib, EF Core, Dapper,
/// Npgsql) with the analyzers, as <c>dotnet build</c> does, and scanned as loose files by <c>firebreak scan</c> with no
/// package at all. Every finding — rule, level, line, column and message — is the same.
/// </summary>
public sealed class CSharpSampleTests
{
    private static readonly string Sample = Path.Combine(RepositoryRoot(), "samples", "csharp");

    [Fact]
    public void The_scan_of_loose_files_reports_what_a_compilation_against_the_real_SDKs_reports()
    {
        var built = BuildFindings();
        Assert.Equal(11, built.Length); // every unsafe line of the sample, no safe twin
        var (_, stdout, _) = Run("scan", "samples/csharp", "--fail-on", "none");
        var scanned = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(built, scanned);
    }

    private static string[] BuildFindings()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var runtime = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == runtimeDirectory);
        var packages = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "sample-references.txt")).Where(l => l.Length > 0);
        var references = runtime.Concat(packages).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        string root = RepositoryRoot();
        var trees = Directory.EnumerateFiles(Sample, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: Path.GetRelativePath(root, f).Replace('\\', '/')));
        var compilation = CSharpCompilation.Create("Ops", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        // The sample really compiles against the real SDKs: a binding error would make the comparison meaningless.
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        var analyzers = typeof(AdditionalFileAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t != typeof(AdditionalFileAnalyzer))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
        var diagnostics = compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return diagnostics
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d =>
            {
                var start = d.Location.GetLineSpan().StartLinePosition;
                string level = d.Severity == DiagnosticSeverity.Error ? "error" : d.Severity == DiagnosticSeverity.Warning ? "warning" : "note";
                return $"{d.Location.SourceTree!.FilePath}:{start.Line + 1}:{start.Character + 1}: {level} {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
            })
            .ToArray();
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr, RepositoryRoot());
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
