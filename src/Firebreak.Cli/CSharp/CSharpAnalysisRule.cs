using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Firebreak.Analyzers;
using Firebreak.Analyzers.Loose;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Firebreak.Cli.CSharp;

/// <summary>
/// <c>firebreak scan</c> over <c>.cs</c> files: the scanned C# files become one ad-hoc compilation against the
/// runtime's own assemblies, SDK types the code uses but cannot resolve (no restore is run) are supplied by
/// <see cref="SdkShapes"/>, and the native analyzers of the <c>Firebreak.Analyzers</c> package run over it — the same
/// rules, messages and spans as in <c>dotnet build</c>. Findings go through the engine like any other rule's, so
/// <c>// firebreak:ignore</c>, baselines and every output format apply; <c>#pragma warning disable</c> works as in a build.
/// </summary>
public sealed class CSharpAnalysisRule : ProjectRule
{
    /// <summary>
    /// The package's source analyzers, listed rather than discovered: the native executable keeps no type list to
    /// search. A test compares this list with the package's analyzer types, so a new analyzer cannot be left out.
    /// </summary>
    internal static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
    [
        new DestructiveCloudSdkCallAnalyzer(),
        new DestructiveDatabaseCallAnalyzer(),
        new DestructiveHttpCallAnalyzer(),
        new DestructiveProcessAnalyzer(),
        new DestructiveSqlInCodeAnalyzer(),
        new UnsafeIacSettingAnalyzer(),
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> RuntimeReferences = new(LoadRuntimeReferences);

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct(StringComparer.Ordinal)
        .Select(id => RuleCatalog.Find(id)!).ToArray();

    private readonly string? _root;
    private readonly Dictionary<string, string?> _projectOfFolder = new(StringComparer.Ordinal);

    /// <param name="root">The scan root on disk, where <c>.csproj</c> files tell which files compile together; null: none do.</param>
    public CSharpAnalysisRule(string? root = null) => _root = root;

    public override void Analyze(ProjectContext project, FindingSink sink)
    {
        var documents = project.OfKind(FileKind.CSharp).ToDictionary(d => d.Path, StringComparer.Ordinal);
        if (documents.Count == 0) return;
        // One compilation per project (the folder of the nearest .csproj); a file under none is a file-based app of its
        // own (`dotnet run app.cs`). Two projects' `Program` classes never meet.
        var groups = documents.Values.GroupBy(d => ProjectOf(d.Path) ?? "file:" + d.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
            Analyze(group.OrderBy(d => d.Path, StringComparer.Ordinal).ToArray(), project.Options.MaxDegreeOfParallelism > 1, sink);
    }

    private static void Analyze(IReadOnlyList<DocumentContext> documents, bool concurrent, FindingSink sink)
    {
        var byPath = documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = documents.Select(d => CSharpSyntaxTree.ParseText(d.Text.Text, parse, path: d.Path)).ToList();
        var compilation = CSharpCompilation.Create("firebreak-scan", trees, RuntimeReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true, concurrentBuild: false));
        var shapes = SdkShapes.For(compilation).Select(s => CSharpSyntaxTree.ParseText(s.Source, parse, path: s.Path));
        compilation = compilation.AddSyntaxTrees(shapes);

        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
            concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false);
        var diagnostics = compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
                throw new InvalidOperationException(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            if (RuleCatalog.Find(diagnostic.Id) is not { } rule || !diagnostic.Location.IsInSource) continue;
            if (!byPath.TryGetValue(diagnostic.Location.SourceTree!.FilePath, out var document)) continue;
            var span = diagnostic.Location.SourceSpan;
            var level = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => FindingLevel.Error,
                DiagnosticSeverity.Warning => FindingLevel.Warning,
                DiagnosticSeverity.Info => FindingLevel.Note,
                _ => FindingLevel.None,
            };
            if (level == FindingLevel.None) continue;
            sink.Report(rule, document, new Core.Text.TextSpan(span.Start, span.Length), diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), level);
        }
    }

    /// <summary>The folder (relative to the root) of the nearest <c>.csproj</c> above a file, inside the root; null when none.</summary>
    private string? ProjectOf(string relativePath)
    {
        if (_root is null) return null;
        string folder = relativePath.Contains('/') ? relativePath.Substring(0, relativePath.LastIndexOf('/')) : string.Empty;
        lock (_projectOfFolder)
        {
            var visited = new List<string>();
            string? found = null;
            while (true)
            {
                if (_projectOfFolder.TryGetValue(folder, out found)) break;
                visited.Add(folder);
                string full = Path.Combine(_root, folder);
                if (Directory.Exists(full) && Directory.EnumerateFiles(full, "*.csproj").Any())
                {
                    found = folder;
                    break;
                }
                if (folder.Length == 0) break;
                folder = folder.Contains('/') ? folder.Substring(0, folder.LastIndexOf('/')) : string.Empty;
            }
            foreach (var v in visited) _projectOfFolder[v] = found;
            return found is null ? null : "project:" + found;
        }
    }

    /// <summary>
    /// The framework's assemblies the scanned code compiles against (the scan never restores packages, so these are all
    /// it has): the running runtime's own when it runs on the shared framework; for the native executable, which carries
    /// no assemblies, the newest <c>Microsoft.NETCore.App</c> reference pack (else runtime) of an installed .NET SDK.
    /// Without one, C# is still analysed, with fewer types resolved.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadRuntimeReferences()
    {
        string trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        string[] assemblies = trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        string? runtimeDirectory = assemblies
            .Where(p => string.Equals(Path.GetFileName(p), "System.Private.CoreLib.dll", StringComparison.Ordinal))
            .Select(Path.GetDirectoryName).FirstOrDefault();
        IEnumerable<string> files = string.IsNullOrEmpty(runtimeDirectory)
            ? InstalledFrameworkAssemblies()
            : assemblies.Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal));
        return files
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static IEnumerable<string> InstalledFrameworkAssemblies()
    {
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } dotnetRoot) roots.Add(dotnetRoot);
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (!File.Exists(candidate)) continue;
            try
            {
                roots.Add(Path.GetDirectoryName(new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate)!);
            }
            catch (IOException)
            {
                roots.Add(folder);
            }
        }
        roots.AddRange(["/usr/share/dotnet", "/usr/lib/dotnet", "/usr/local/share/dotnet", "/opt/dotnet"]);
        foreach (var root in roots)
        {
            if (NewestVersionFolder(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref")) is { } pack
                && Directory.Exists(Path.Combine(pack, "ref")))
            {
                var target = Directory.GetDirectories(Path.Combine(pack, "ref")).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault();
                if (target is not null) return Directory.GetFiles(target, "*.dll");
            }
            if (NewestVersionFolder(Path.Combine(root, "shared", "Microsoft.NETCore.App")) is { } shared)
                return Directory.GetFiles(shared, "*.dll").Where(IsManagedAssemblyName);
        }
        return [];
    }

    private static string? NewestVersionFolder(string folder)
    {
        if (!Directory.Exists(folder)) return null;
        return Directory.GetDirectories(folder)
            .Select(d => (Path: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(d => d.Version is not null)
            .OrderBy(d => d.Version)
            .Select(d => d.Path)
            .LastOrDefault();
    }

    private static bool IsManagedAssemblyName(string path) =>
        !Path.GetFileName(path).StartsWith("Microsoft.DiaSymReader.Native", StringComparison.Ordinal);
}
