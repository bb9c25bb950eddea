using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Commands;
using Firebreak.Core.Configuration;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Analyzers;

/// <summary>
/// The bridge from Roslyn onto the engine: every AdditionalFile of a kind Firebreak knows is analyzed with the same
/// rules, IDs and inline suppressions as the CLI, and each finding becomes a diagnostic at its exact span. Severity
/// then follows the build's configuration (<c>.globalconfig</c>: <c>dotnet_diagnostic.FB2001.severity</c>), which
/// Roslyn applies by ID. Cross-file rules run once per compilation over all AdditionalFiles.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AdditionalFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => FirebreakDiagnostics.Engine;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext start)
    {
        if (start.Options.AdditionalFiles.IsDefaultOrEmpty) return;
        var (options, configNote, exclude) = RepositoryOptions(start.Options.AdditionalFiles, start.CancellationToken);
        var globals = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var root = globals.TryGetValue("build_property.FirebreakAnalysisRoot", out var rootValue) && !string.IsNullOrWhiteSpace(rootValue)
            ? Normalize(rootValue.Replace('\\', '/')).TrimEnd('/') + "/"
            : null;
        var (known, baselineFile, baselineNote) = ReadBaseline(start.Options.AdditionalFiles, globals, start.CancellationToken);
        var fileEngine = new AnalysisEngine(options with { MaxDegreeOfParallelism = 1 }, projectRules: Array.Empty<ProjectRule>());
        var projectRules = BuiltInRules.ProjectRules();
        var files = new ConcurrentBag<(SourceFile File, SourceText Text)>();
        // The engine names files from the repository root, as `firebreak scan` does (so fingerprints and a baseline
        // agree between the faces); diagnostics go back to the path Roslyn gave.
        var hostPaths = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        start.RegisterAdditionalFileAction(fileContext =>
        {
            if (configNote is not null && configNote.Value.File == fileContext.AdditionalFile)
            {
                var text = fileContext.AdditionalFile.GetText(fileContext.CancellationToken);
                if (text is not null) fileContext.ReportDiagnostic(ToDiagnostic(configNote.Value.Note, text, hostPaths));
            }
            if (baselineFile is not null && fileContext.AdditionalFile == baselineFile)
            {
                if (baselineNote is not null && fileContext.AdditionalFile.GetText(fileContext.CancellationToken) is { } noteText)
                    fileContext.ReportDiagnostic(ToDiagnostic(AnalysisEngine.FileNote(baselineFile.Path, baselineNote), noteText, hostPaths));
                return; // our own report: never scanned
            }
            var file = Load(fileContext.AdditionalFile, root, fileContext.CancellationToken);
            if (file is null) return;
            // firebreak.yml's `exclude:` globs, matched on the repository-relative path as `firebreak scan` matches them.
            if (exclude is not null && root is not null && exclude.IsIgnored(file.Value.File.Path, isDirectory: false)) return;
            hostPaths[file.Value.File.Path] = fileContext.AdditionalFile.Path;
            files.Add(file.Value);
            foreach (var finding in fileEngine.AnalyzeFile(file.Value.File))
                if (known is null || !known.Contains(finding.Fingerprint))
                    fileContext.ReportDiagnostic(ToDiagnostic(finding, file.Value.Text, hostPaths));
        });

        if (projectRules.Count == 0) return;
        start.RegisterCompilationEndAction(end =>
        {
            var all = files.OrderBy(f => f.File.Path, StringComparer.Ordinal).ToArray();
            var engine = new AnalysisEngine(options, fileRules: Array.Empty<Rule>(), projectRules: projectRules);
            var texts = all.ToDictionary(f => f.File.Path, f => f.Text, StringComparer.Ordinal);
            foreach (var finding in engine.Analyze(all.Select(f => f.File).ToArray(), end.CancellationToken).Findings)
            {
                if (finding.Rule.Family == RuleFamily.Tool) continue; // per-file notes were reported already
                if (known is not null && known.Contains(finding.Fingerprint)) continue;
                if (texts.TryGetValue(finding.Location.Path, out var text)) end.ReportDiagnostic(ToDiagnostic(finding, text, hostPaths));
            }
        });
    }

    /// <summary>
    /// The baseline the build was given (<c>FirebreakBaseline</c>, made an additional file by the package's targets):
    /// its fingerprints, the file itself (never scanned), and a note when it cannot be read (then nothing is hidden).
    /// </summary>
    internal static (System.Collections.Generic.HashSet<string>? Known, AdditionalText? File, string? Note) ReadBaseline(
        ImmutableArray<AdditionalText> files, AnalyzerConfigOptions globals, System.Threading.CancellationToken cancellationToken)
    {
        if (!globals.TryGetValue("build_property.FirebreakBaselineFile", out var wanted) || string.IsNullOrWhiteSpace(wanted)) return (null, null, null);
        string normalized = Normalize(wanted.Replace('\\', '/'));
        var file = files.FirstOrDefault(f => Normalize(f.Path.Replace('\\', '/')) == normalized);
        if (file?.GetText(cancellationToken)?.ToString() is not { } text) return (null, null, null);
        var (known, error) = BaselineFingerprints.Read(text);
        return known is null ? (null, file, $"the baseline is {error}, so every finding is reported") : (known, file, null);
    }

    private static (SourceFile File, SourceText Text)? Load(AdditionalText additional, string? root, System.Threading.CancellationToken cancellationToken)
    {
        string path = additional.Path.Replace('\\', '/');
        string name = path.Substring(path.LastIndexOf('/') + 1);
        // Our own configuration is read as configuration, not scanned; binaries and oversized files are skipped, as the
        // CLI skips them (the CLI says so in a note; a build stays quiet about files it was only offered).
        if (FirebreakConfig.FileNames.Contains(name)) return null;
        var text = additional.GetText(cancellationToken);
        if (text is null || text.Length > FirebreakConfig.DefaultMaxFileSize) return null;
        string content = text.ToString();
        if (content.IndexOf('\0') >= 0) return null;
        var kind = FileKindDetector.Detect(path, content);
        if (kind is FileKind.CSharp or FileKind.Unknown) return null;
        if (root is not null)
        {
            string full = Normalize(path);
            if (full.StartsWith(root, StringComparison.Ordinal)) path = full.Substring(root.Length);
        }
        return (new SourceFile(path, content, kind), text);
    }

    /// <summary>
    /// The repository's firebreak.yml among the additional files (the one nearest the root), with the user catalogues
    /// it names: the same rule levels, disabled rules and catalogues the CLI and the guard apply. A configuration that
    /// cannot be read leaves the defaults and is reported on the configuration file.
    /// </summary>
    internal static (AnalysisOptions Options, (AdditionalText File, Finding Note)? ConfigNote, IgnoreRules? Exclude) RepositoryOptions(
        ImmutableArray<AdditionalText> files, System.Threading.CancellationToken cancellationToken)
    {
        var defaults = new AnalysisOptions { Today = DateTime.UtcNow.Date };
        var config = files
            .Where(f => FirebreakConfig.FileNames.Contains(System.IO.Path.GetFileName(f.Path)))
            .OrderBy(f => f.Path.Length).ThenBy(f => f.Path, StringComparer.Ordinal)
            .FirstOrDefault();
        if (config?.GetText(cancellationToken)?.ToString() is not { } configText) return (defaults, null, null);
        string configPath = config.Path.Replace('\\', '/');
        try
        {
            var parsed = FirebreakConfig.Parse(configPath, configText);
            var options = defaults with { RuleLevels = parsed.RuleLevels };
            var exclude = parsed.Exclude.Count == 0 ? null : new IgnoreRules(parsed.Exclude);
            if (parsed.Catalogs.Count == 0) return (options, null, exclude);
            string folder = configPath.Substring(0, configPath.LastIndexOf('/') + 1);
            var catalogs = new System.Collections.Generic.List<(string Name, string Yaml)>();
            foreach (var name in parsed.Catalogs)
            {
                string wanted = Normalize(folder + name.Replace('\\', '/'));
                var file = files.FirstOrDefault(f => Normalize(f.Path.Replace('\\', '/')) == wanted)
                    ?? throw new FirebreakConfigException($"{configPath}: catalog '{name}' is not among the build's additional files (is it excluded?)");
                catalogs.Add((name, file.GetText(cancellationToken)?.ToString() ?? string.Empty));
            }
            return (options.WithCatalogs(CatalogSet.WithUserCatalogs(catalogs)), null, exclude);
        }
        catch (Exception ex) when (ex is FirebreakConfigException or FormatException)
        {
            return (defaults, (config, AnalysisEngine.FileNote(configPath, "the configuration cannot be used, so the build applies the defaults: " + ex.Message)), null);
        }
    }

    internal static string Normalize(string path)
    {
        var parts = new System.Collections.Generic.List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "." || (part.Length == 0 && parts.Count > 0)) continue;
            if (part == ".." && parts.Count > 0) parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return string.Join("/", parts);
    }

    internal static Diagnostic ToDiagnostic(Finding finding, SourceText text, ConcurrentDictionary<string, string> hostPaths, SyntaxTree? tree = null)
    {
        string Host(string path) => hostPaths.TryGetValue(path, out var host) ? host : path;
        var span = new TextSpan(finding.Location.Span.Start, finding.Location.Span.Length);
        if (span.End > text.Length) span = new TextSpan(Math.Min(span.Start, text.Length), 0);
        // In a C# tree the location is the tree's own, so #pragma and [SuppressMessage] apply as to any C# diagnostic.
        var location = tree is not null ? Location.Create(tree, span) : Location.Create(Host(finding.Location.Path), span, text.Lines.GetLinePositionSpan(span));
        var additional = finding.RelatedLocations
            .Select(r => Location.Create(Host(r.Location.Path), new TextSpan(r.Location.Span.Start, r.Location.Span.Length),
                new LinePositionSpan(new LinePosition(r.Location.Start.Line, r.Location.Start.Character), new LinePosition(r.Location.End.Line, r.Location.End.Character))));
        return Diagnostic.Create(
            FirebreakDiagnostics.ById[finding.RuleId],
            location,
            FirebreakDiagnostics.ToSeverity(finding.Level),
            additional,
            properties: ImmutableDictionary<string, string?>.Empty.Add("fingerprint", finding.Fingerprint),
            finding.Message);
    }
}
