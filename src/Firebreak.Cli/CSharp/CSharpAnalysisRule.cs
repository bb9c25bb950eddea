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
/// <c>firebreak scan</c> over <c>.cs</c> files: each project of the scan (its <c>.csproj</c> read as data, never
/// evaluated: <see cref="CSharpProjectGraph"/>) becomes one in-memory compilation against the runtime's own assemblies,
/// the compile assemblies of its packages when the user has restored it (<see cref="RestoredPackages"/>) and the
/// projects it references, compiled first; SDK types that still do not resolve are supplied by <see cref="SdkShapes"/>,
/// and the native analyzers of the <c>Firebreak.Analyzers</c> package run over it — the same rules, messages and spans
/// as in <c>dotnet build</c>. Findings go through the engine like any other rule's, so <c>// firebreak:ignore</c>,
/// baselines and every output format apply; <c>#pragma warning disable</c> works as in a build.
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

    /// <summary>The file names of the runtime's assemblies, which a package's assets never replace.</summary>
    private static readonly Lazy<HashSet<string>> RuntimeAssemblyNames = new(() => new HashSet<string>(
        RuntimeReferences.Value.OfType<PortableExecutableReference>().Select(r => Path.GetFileName(r.FilePath!)), StringComparer.OrdinalIgnoreCase));

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct(StringComparer.Ordinal)
        .Select(id => RuleCatalog.Find(id)!).ToArray();

    private readonly string? _root;
    private readonly string? _globalPackagesFolder;

    /// <param name="root">The scan root on disk, where <c>.csproj</c> files tell which files compile together; null: none do.</param>
    public CSharpAnalysisRule(string? root = null)
        : this(root, RestoredPackages.DefaultGlobalPackagesFolder())
    {
    }

    /// <param name="root">The scan root on disk, where <c>.csproj</c> files tell which files compile together; null: none do.</param>
    /// <param name="globalPackagesFolder">The only folder restored packages are loaded from; null: none are.</param>
    /// <param name="analyzers">The analyzers to run (tests); the package's when null.</param>
    internal CSharpAnalysisRule(string? root, string? globalPackagesFolder, ImmutableArray<DiagnosticAnalyzer>? analyzers = null)
    {
        _root = root;
        _globalPackagesFolder = globalPackagesFolder;
        _analyzers = analyzers ?? Analyzers;
    }

    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

    public override void Analyze(ProjectContext project, FindingSink sink)
    {
        var sources = project.OfKind(FileKind.CSharp).OrderBy(d => d.Path, StringComparer.Ordinal).ToArray();
        if (sources.Length == 0) return;
        var graph = CSharpProjectGraph.Build(_root, project, sources);
        foreach (var note in graph.Notes)
        {
            string message = RuleCatalog.FileNotAnalyzed.FormatMessage(note.Path, note.Reason);
            if (project.Find(note.Path) is { } document)
                sink.Report(RuleCatalog.FileNotAnalyzed, document, new Core.Text.TextSpan(OffsetOf(document, note.At), 0), message, fingerprintText: note.Fingerprint);
            else
                sink.ReportOnUnscannedFile(RuleCatalog.FileNotAnalyzed, note.Path, message, note.Fingerprint);
        }

        // Units build in order, so a project's references are compiled before it; each file's findings come from its one owner.
        var compilations = new Compilation?[graph.Units.Count];
        var packageReferences = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
        bool concurrent = project.Options.MaxDegreeOfParallelism > 1;
        var configs = AnalyzerConfigFiles.Read(_root, sources.Select(d => d.Path));
        for (int i = 0; i < graph.Units.Count; i++)
        {
            var unit = graph.Units[i];
            if (unit.Files.Count == 0) continue; // a project none of whose files is scanned has nothing to give or report
            var references = RuntimeReferences.Value
                .Concat(PackageReferences(unit.Project, packageReferences))
                .Concat(unit.References.Select(r => compilations[r]).OfType<Compilation>().Select(c => c.ToMetadataReference()))
                .ToList();
            compilations[i] = Compile(unit, references);
            var owned = unit.Files.Where(f => graph.Owners.TryGetValue(f.Path, out int owner) && owner == i).ToDictionary(d => d.Path, StringComparer.Ordinal);
            if (owned.Count > 0) Analyze(compilations[i]!, _analyzers, owned, concurrent, configs, sink);
        }
    }

    /// <summary>
    /// The unit's files compiled with what its project file says literally (language version, nullable context, unsafe
    /// code, symbols, implicit and listed global usings), referencing shapes for the SDK types still unresolved once its
    /// packages and referenced projects are in: a type that resolves is never shadowed by a shape, and a unit's shapes
    /// never reach the units that reference it.
    /// </summary>
    private static Compilation Compile(CompilationUnit unit, IReadOnlyList<MetadataReference> references)
    {
        var settings = unit.Project;
        var language = LanguageVersion.Preview;
        if (settings?.LangVersion is { } langVersion && LanguageVersionFacts.TryParse(langVersion, out var parsed)) language = parsed;
        var parse = new CSharpParseOptions(language, preprocessorSymbols: settings?.DefineConstants);
        var trees = unit.Files.Select(d => CSharpSyntaxTree.ParseText(d.Text.Text, parse, path: d.Path)).ToList();
        if (settings is not null && GlobalUsings(settings) is { Length: > 0 } usings)
            trees.Add(CSharpSyntaxTree.ParseText(usings, parse, path: SdkShapes.PathPrefix + unit.Name + ".GlobalUsings.g.cs"));
        var nullable = settings?.Nullable?.ToLowerInvariant() switch
        {
            "disable" => NullableContextOptions.Disable,
            "warnings" => NullableContextOptions.Warnings,
            "annotations" => NullableContextOptions.Annotations,
            _ => NullableContextOptions.Enable,
        };
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, allowUnsafe: settings?.AllowUnsafeBlocks ?? true, concurrentBuild: false);
        var compilation = CSharpCompilation.Create(unit.Name, trees, references, options);
        var shapes = SdkShapes.For(compilation);
        if (shapes.Count == 0) return compilation;
        // The shapes are an assembly of their own, referenced by this unit only: in the unit's own assembly they would
        // reach the projects that reference it, and there make the real types of a restored package ambiguous.
        var shapeAssembly = CSharpCompilation.Create(unit.Name + ".FirebreakSdkShapes",
            shapes.Select(s => CSharpSyntaxTree.ParseText(s.Source, parse, path: s.Path)), references, options);
        return compilation.AddReferences(shapeAssembly.ToMetadataReference());
    }

    /// <summary>The SDK's implicit usings (<c>ImplicitUsings</c>) and the project's <c>&lt;Using&gt;</c> items, as a build generates them.</summary>
    private static string GlobalUsings(CSharpProjectFile project)
    {
        var namespaces = new SortedSet<string>(project.Usings, StringComparer.Ordinal);
        if (project.ImplicitUsings)
            namespaces.UnionWith(["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"]);
        return string.Concat(namespaces.Select(n => "global using global::" + n + ";\n"));
    }

    /// <summary>The compile assemblies of the project's restored packages (none without a restore), each loaded once per scan.</summary>
    private IEnumerable<MetadataReference> PackageReferences(CSharpProjectFile? project, Dictionary<string, MetadataReference> loaded)
    {
        if (project is null || _root is null) yield break;
        string intermediate = (project.BaseIntermediateOutputPath is { } literal ? CSharpProjectReader.RootRelative(project.Folder, literal) : null)
            ?? (project.Folder.Length == 0 ? "obj" : project.Folder + "/obj");
        string assetsFile = Path.Combine(_root, intermediate, "project.assets.json");
        var runtimeNames = RuntimeAssemblyNames.Value;
        foreach (string path in RestoredPackages.CompileAssemblies(assetsFile, project.TargetFrameworks.FirstOrDefault(), _globalPackagesFolder))
        {
            // A package's copy of a framework assembly (netstandard.dll, an old System.*) would clash with the runtime's own.
            if (runtimeNames.Contains(Path.GetFileName(path))) continue;
            if (!loaded.TryGetValue(path, out var reference))
            {
                try
                {
                    reference = MetadataReference.CreateFromFile(path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
                {
                    continue; // gone or unreadable since the restore: its types fall back to shapes
                }
                loaded[path] = reference;
            }
            yield return reference;
        }
    }

    private static void Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, Dictionary<string, DocumentContext> byPath, bool concurrent, AnalyzerConfigFiles configs, FindingSink sink)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
            concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false);
        var diagnostics = compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
            {
                // An analyzer failed on this project (our bug): one note on the project's first file, and the other
                // analyzers' findings, and the other projects', still stand.
                var first = byPath.Values.OrderBy(d => d.Path, StringComparer.Ordinal).First();
                string reason = $"internal error in the C# analyzers ({diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}); please report it";
                sink.Report(RuleCatalog.FileNotAnalyzed, first, new Core.Text.TextSpan(0, 0), RuleCatalog.FileNotAnalyzed.FormatMessage(first.Path, reason),
                    fingerprintText: "internal:csharp");
                continue;
            }
            if (RuleCatalog.Find(diagnostic.Id) is not { } rule || !diagnostic.Location.IsInSource) continue;
            if (!byPath.TryGetValue(diagnostic.Location.SourceTree!.FilePath, out var document)) continue;
            var span = diagnostic.Location.SourceSpan;
            // The build's own configuration first (.editorconfig, .globalconfig), as `dotnet build` reads it.
            var level = configs.SeverityOf(diagnostic, document.Path) switch
            {
                ReportDiagnostic.Error => FindingLevel.Error,
                ReportDiagnostic.Warn => FindingLevel.Warning,
                ReportDiagnostic.Info => FindingLevel.Note,
                ReportDiagnostic.Hidden or ReportDiagnostic.Suppress => FindingLevel.None,
                _ => diagnostic.Severity switch
                {
                    DiagnosticSeverity.Error => FindingLevel.Error,
                    DiagnosticSeverity.Warning => FindingLevel.Warning,
                    DiagnosticSeverity.Info => FindingLevel.Note,
                    _ => FindingLevel.None,
                },
            };
            if (level == FindingLevel.None) continue;
            sink.Report(rule, document, new Core.Text.TextSpan(span.Start, span.Length), diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), level);
        }
    }

    /// <summary>The offset of a 1-based line and column in the document, clamped to its text.</summary>
    private static int OffsetOf(DocumentContext document, (int Line, int Column) at)
    {
        if (at.Line <= 0) return 0;
        var text = document.Text;
        int line = Math.Min(at.Line - 1, text.LineCount - 1);
        return text.GetOffset(new Core.Text.LinePosition(line, Math.Max(0, at.Column - 1)));
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
