using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Firebreak.Core.Analysis;
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
        var fileEngine = new AnalysisEngine(new AnalysisOptions { Today = DateTime.UtcNow.Date, MaxDegreeOfParallelism = 1 }, projectRules: Array.Empty<ProjectRule>());
        var projectRules = BuiltInRules.ProjectRules();
        var files = new ConcurrentBag<(SourceFile File, SourceText Text)>();

        start.RegisterAdditionalFileAction(fileContext =>
        {
            var file = Load(fileContext.AdditionalFile, fileContext.CancellationToken);
            if (file is null) return;
            files.Add(file.Value);
            foreach (var finding in fileEngine.AnalyzeFile(file.Value.File))
                fileContext.ReportDiagnostic(ToDiagnostic(finding, file.Value.Text));
        });

        if (projectRules.Count == 0) return;
        start.RegisterCompilationEndAction(end =>
        {
            var all = files.OrderBy(f => f.File.Path, StringComparer.Ordinal).ToArray();
            var engine = new AnalysisEngine(new AnalysisOptions { Today = DateTime.UtcNow.Date }, fileRules: Array.Empty<Rule>(), projectRules: projectRules);
            var texts = all.ToDictionary(f => f.File.Path, f => f.Text, StringComparer.Ordinal);
            foreach (var finding in engine.Analyze(all.Select(f => f.File).ToArray(), end.CancellationToken).Findings)
            {
                if (finding.Rule.Family == RuleFamily.Tool) continue; // per-file notes were reported already
                if (texts.TryGetValue(finding.Location.Path, out var text)) end.ReportDiagnostic(ToDiagnostic(finding, text));
            }
        });
    }

    private static (SourceFile File, SourceText Text)? Load(AdditionalText additional, System.Threading.CancellationToken cancellationToken)
    {
        string path = additional.Path.Replace('\\', '/');
        var kind = FileKindDetector.Detect(path);
        if (kind is FileKind.CSharp or FileKind.Unknown) return null;
        var text = additional.GetText(cancellationToken);
        if (text is null) return null;
        return (new SourceFile(path, text.ToString(), kind), text);
    }

    private static Diagnostic ToDiagnostic(Finding finding, SourceText text)
    {
        var span = new TextSpan(finding.Location.Span.Start, finding.Location.Span.Length);
        if (span.End > text.Length) span = new TextSpan(Math.Min(span.Start, text.Length), 0);
        var location = Location.Create(finding.Location.Path, span, text.Lines.GetLinePositionSpan(span));
        var additional = finding.RelatedLocations
            .Select(r => Location.Create(r.Location.Path, new TextSpan(r.Location.Span.Start, r.Location.Span.Length),
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
