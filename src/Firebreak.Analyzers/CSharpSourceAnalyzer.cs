using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Firebreak.Analyzers;

/// <summary>
/// The engine's own rules over the project's C# files, as <c>firebreak scan</c> runs them over <c>.cs</c> files: today
/// that is FB2006, a token or private key committed in code (<c>const string Token = "ghp_…"</c>), found by the same
/// secret catalogue and reported only with its first four characters. The repository's <c>firebreak.yml</c>, user
/// catalogues and baseline apply, as for additional files.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CSharpSourceAnalyzer : DiagnosticAnalyzer
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
        var additional = start.Options.AdditionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : start.Options.AdditionalFiles;
        var (options, _, exclude) = AdditionalFileAnalyzer.RepositoryOptions(additional, start.CancellationToken);
        var globals = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var root = globals.TryGetValue("build_property.FirebreakAnalysisRoot", out var rootValue) && !string.IsNullOrWhiteSpace(rootValue)
            ? AdditionalFileAnalyzer.Normalize(rootValue.Replace('\\', '/')).TrimEnd('/') + "/"
            : null;
        var (known, _, _) = AdditionalFileAnalyzer.ReadBaseline(additional, globals, start.CancellationToken);
        // Only the file rules that read C# (the cross-file ones need the whole repository, which the CLI has).
        var rules = BuiltInRules.FileRules(options.Catalogs).Where(r => r.AppliesTo(FileKind.CSharp)).ToArray();
        if (rules.Length == 0) return;
        var engine = new AnalysisEngine(options with { MaxDegreeOfParallelism = 1 }, fileRules: rules, projectRules: Array.Empty<ProjectRule>());
        start.RegisterSyntaxTreeAction(context =>
        {
            var tree = context.Tree;
            if (string.IsNullOrEmpty(tree.FilePath) || context.IsGeneratedCode) return;
            var text = tree.GetText(context.CancellationToken);
            if (text.Length > Firebreak.Core.Configuration.FirebreakConfig.DefaultMaxFileSize) return;
            string path = tree.FilePath.Replace('\\', '/');
            if (root is not null)
            {
                string full = AdditionalFileAnalyzer.Normalize(path);
                if (full.StartsWith(root, StringComparison.Ordinal)) path = full.Substring(root.Length);
            }
            if (exclude is not null && root is not null && exclude.IsIgnored(path, isDirectory: false)) return;
            var hostPaths = new ConcurrentDictionary<string, string>(StringComparer.Ordinal) { [path] = tree.FilePath };
            foreach (var finding in engine.AnalyzeFile(new SourceFile(path, text.ToString(), FileKind.CSharp)))
            {
                if (finding.Rule.Family == RuleFamily.Tool || known?.Contains(finding.Fingerprint) == true) continue;
                context.ReportDiagnostic(AdditionalFileAnalyzer.ToDiagnostic(finding, text, hostPaths, tree));
            }
        });
    }
}
