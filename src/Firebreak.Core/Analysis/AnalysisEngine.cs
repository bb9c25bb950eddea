using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Firebreak.Core.Commands;
using Firebreak.Core.Rules;
using Firebreak.Core.Suppressions;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Analysis;

/// <summary>
/// The pipeline: detect kind → parse (once, on demand) → rules → suppressions → levels → sorted findings.
/// Nothing a file contains can make it throw: a rule that fails on a file becomes an FB0001 note for that file.
/// </summary>
public sealed class AnalysisEngine
{
    private readonly AnalysisOptions _options;
    private readonly IReadOnlyList<Rule> _fileRules;
    private readonly IReadOnlyList<ProjectRule> _projectRules;
    private readonly IReadOnlyList<DocumentPhase> _phases;

    public AnalysisEngine(AnalysisOptions? options = null, IEnumerable<Rule>? fileRules = null, IEnumerable<ProjectRule>? projectRules = null)
    {
        _options = options ?? AnalysisOptions.Default;
        _fileRules = (fileRules ?? BuiltInRules.FileRules(_options.Catalogs)).Where(r => r.Descriptors.Any(_options.IsEnabled)).ToArray();
        _projectRules = (projectRules ?? BuiltInRules.ProjectRules()).Where(r => r.Descriptors.Any(_options.IsEnabled)).ToArray();
        _phases = BuiltInRules.DocumentPhases();
    }

    public AnalysisResult Analyze(IReadOnlyList<SourceFile> files, CancellationToken cancellationToken = default) =>
        Analyze(files, Array.Empty<Finding>(), cancellationToken);

    /// <param name="hostNotes">Notes the host made itself (a binary, a file over the size cap), merged and sorted in.</param>
    public AnalysisResult Analyze(IReadOnlyList<SourceFile> files, IReadOnlyList<Finding> hostNotes, CancellationToken cancellationToken = default)
    {
        long clock = ScanTimings.PhaseStart();
        IReadOnlyList<DocumentContext> detected = files.Select(f => new DocumentContext(f, _options)).ToArray();
        foreach (var phase in _phases)
        {
            long phaseClock = ScanTimings.PhaseStart();
            try
            {
                detected = phase.Apply(detected, _options);
            }
            catch (BudgetExceededException)
            {
                // A file spent its budget while the phase read it; that file is noted, the others go on unchanged.
            }
            if (ScanTimings.Enabled) ScanTimings.Phase("document phase " + phase.GetType().DeclaringType?.Name, phaseClock);
        }
        var documents = detected.ToArray();
        var sinks = new FindingSink[documents.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
        var reported = _options.ReportedPaths is { } paths ? new HashSet<string>(paths, StringComparer.Ordinal) : null;
        // Whether a file holds the suppression directive at all is read on the parallel pass too: a case-blind search of
        // every file's text was a tenth of the single-threaded end of a Terraform scan.
        var directive = new bool[documents.Length];
        // Largest files first, so that no big file is left alone on one core at the end; results go by index, so the
        // order of work changes nothing in the output.
        var bySize = new int[documents.Length];
        for (int k = 0; k < bySize.Length; k++) bySize[k] = k;
        Array.Sort(bySize, (a, b) =>
        {
            int c = documents[b].Text.Length.CompareTo(documents[a].Text.Length);
            return c != 0 ? c : a.CompareTo(b);
        });
        long fileClock = ScanTimings.PhaseStart();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(bySize, loadBalance: true), parallel, i =>
        {
            bool analyzed = reported is null || reported.Contains(documents[i].Path);
            directive[i] = analyzed && HoldsDirective(documents[i]);
            sinks[i] = analyzed ? RunFileRules(documents[i]) : FindingSink.Empty;
        });
        ScanTimings.Phase("file rules (parallel)", fileClock);

        var projectSink = new FindingSink();
        if (_projectRules.Count > 0)
        {
            // One project view while the same files are live: the models built on it (a Terraform project, its modules
            // and evaluated values) are built once for every cross-file rule rather than once per rule.
            ProjectContext? shared = null;
            foreach (var rule in _projectRules)
            {
                long ruleClock = ScanTimings.PhaseStart();
                RunProjectRule(rule, documents, projectSink, ref shared);
                if (ScanTimings.Enabled) ScanTimings.Phase("project " + rule.Descriptors[0].Id + " " + rule.GetType().Name, ruleClock);
            }
        }
        long finishClock = ScanTimings.PhaseStart();

        var pending = new List<PendingFinding>();
        int suppressed = 0;
        var byPath = new Dictionary<string, List<PendingFinding>>(StringComparer.Ordinal);
        foreach (var finding in sinks.SelectMany(s => s.Findings.Concat(OverflowNotes(s))).Concat(projectSink.Findings).Concat(OverflowNotes(projectSink)))
        {
            if (!byPath.TryGetValue(finding.Location.Path, out var list)) byPath[finding.Location.Path] = list = new List<PendingFinding>();
            list.Add(finding);
        }
        for (int i = 0; i < documents.Length; i++)
        {
            var document = documents[i];
            if (reported is not null && !reported.Contains(document.Path))
            {
                byPath.Remove(document.Path);
                continue;
            }
            byPath.TryGetValue(document.Path, out var findings);
            suppressed += Finish(document, findings ?? new List<PendingFinding>(), pending, directive[i]);
            byPath.Remove(document.Path);
        }
        foreach (var rest in byPath.Values) pending.AddRange(rest);
        FoldChartNotes(pending, documents);
        if (reported is not null) pending.RemoveAll(p => !reported.Contains(p.Location.Path));
        foreach (var note in hostNotes) pending.Add(new PendingFinding(note.Rule, note.Level, note.Message, note.Location, null, note.RelatedLocations));

        var leveled = new List<PendingFinding>(pending.Count);
        foreach (var p in pending)
        {
            if (!_options.IsEnabled(p.Rule)) continue;
            var level = _options.LevelOf(p.Rule, p.Level);
            if (level != FindingLevel.None) leveled.Add(new PendingFinding(p.Rule, level, p.Message, p.Location, p.FingerprintText, p.Related));
        }
        var ordered = Text.StableOrder.Sorted(leveled, static (a, b) =>
        {
            int c = string.CompareOrdinal(a.Location.Path, b.Location.Path);
            if (c == 0) c = a.Location.Span.Start.CompareTo(b.Location.Span.Start);
            if (c == 0) c = a.Location.Span.Length.CompareTo(b.Location.Span.Length);
            if (c == 0) c = string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
            if (c == 0) c = string.CompareOrdinal(a.Message, b.Message);
            return c;
        });
        var result = new AnalysisResult(Fingerprints.Assign(ordered), files.Count, suppressed) { PeakBudgets = PeakBudgets(documents) };
        ScanTimings.Phase("suppressions, levels, order", finishClock);
        ScanTimings.Phase("analysis (all)", clock);
        return result;
    }

    /// <summary>
    /// Helm templates that still cannot be read (a template whose actions leave YAML no masking can repair) give one
    /// note per chart, on its first such template, with the others as related locations: a chart is one thing to a
    /// user, and twenty notes for it are noise.
    /// </summary>
    private static void FoldChartNotes(List<PendingFinding> pending, IReadOnlyList<DocumentContext> documents)
    {
        var charts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (document.Kind != FileKind.HelmTemplate) continue;
            int templates = document.Path.StartsWith("templates/", StringComparison.Ordinal) ? 0 : document.Path.IndexOf("/templates/", StringComparison.Ordinal);
            if (templates >= 0) charts[document.Path] = templates == 0 ? "." : document.Path.Substring(0, templates);
        }
        if (charts.Count == 0) return;
        var notes = pending.Where(p => p.Rule.Id == RuleIds.FileNotAnalyzed && p.FingerprintText is { } f && f.StartsWith("parse:", StringComparison.Ordinal)
            && charts.ContainsKey(p.Location.Path)).ToList();
        foreach (var chart in notes.GroupBy(n => charts[n.Location.Path], StringComparer.Ordinal))
        {
            var ordered = chart.OrderBy(n => n.Location.Path, StringComparer.Ordinal).ThenBy(n => n.Location.Span.Start).ToList();
            if (ordered.Count < 2) continue;
            var first = ordered[0];
            var others = ordered.Skip(1).ToList();
            foreach (var other in others) pending.Remove(other);
            string more = $" {others.Count} more template{(others.Count == 1 ? "" : "s")} of chart `{chart.Key}` could not be read either (related locations).";
            var related = (first.Related ?? Array.Empty<RelatedLocation>()).Concat(others.Select(o => new RelatedLocation(o.Location, o.Message))).ToArray();
            pending[pending.IndexOf(first)] = new PendingFinding(first.Rule, first.Level, first.Message + more, first.Location, "chart-parse:" + chart.Key, related);
        }
    }

    /// <summary>The most any one file spent of each budget: what `scan --verbose` shows, and how the limits are calibrated.</summary>
    private static IReadOnlyList<BudgetUse> PeakBudgets(IReadOnlyList<DocumentContext> documents)
    {
        var peaks = new List<BudgetUse>();
        foreach (Budget budget in Enum.GetValues(typeof(Budget)))
        {
            if (budget == Budget.Time) continue;
            DocumentContext? top = null;
            foreach (var document in documents)
                if (top is null || document.Meter.Used[(int)budget] > top.Meter.Used[(int)budget]) top = document;
            if (top is not null) peaks.Add(new BudgetUse(budget, top.Meter.Used[(int)budget], top.Meter.Limits[(int)budget], top.Path));
        }
        return peaks;
    }

    /// <summary>Per-file rules only, for hosts that see one file at a time (the Roslyn AdditionalFiles bridge).</summary>
    public IReadOnlyList<Finding> AnalyzeFile(SourceFile file) => Analyze(new[] { file }).Findings;

    /// <summary>A note the host makes for a file it did not hand over (binary, too large, unreadable).</summary>
    public static Finding FileNote(string path, string reason)
    {
        var location = new SourceLocation(path.Replace('\\', '/'), new TextSpan(0, 0), new LinePosition(0, 0), new LinePosition(0, 0), string.Empty);
        var rule = RuleCatalog.FileNotAnalyzed;
        return new Finding(rule, rule.DefaultLevel, rule.FormatMessage(location.Path, reason), location, Fingerprints.Compute(rule.Id, location.Path, reason, 0));
    }

    private FindingSink RunFileRules(DocumentContext document)
    {
        if (document.StoppedBy is not null) return FindingSink.Empty;
        var sink = new FindingSink();
        string text = document.Text.Text;
        using var budget = WorkBudget.Enter(document.Meter);
        foreach (var rule in _fileRules)
        {
            if (!rule.AppliesTo(document.Kind)) continue;
            long ruleClock = ScanTimings.Now();
            bool might = rule.MightMatch(text);
            if (ScanTimings.Enabled) ScanTimings.Charge("prefilter " + rule.Descriptors[0].Id + (might ? " (passed)" : " (stopped)"), ruleClock);
            if (!might) continue;
            ruleClock = ScanTimings.Now();
            try
            {
                rule.Analyze(document, sink);
            }
            catch (BudgetExceededException)
            {
                // The file spent its budget: what was found so far stays, the rest of its analysis stops (noted in Finish).
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                sink.Add(InternalFailure(document, rule.Descriptors[0], ex));
            }
            finally
            {
                if (ScanTimings.Enabled) ScanTimings.Charge(rule.Descriptors[0].Id + " " + rule.GetType().Name, ruleClock);
            }
        }
        if (document.StoppedBy is not null) return sink;
        foreach (var rule in _projectRules)
        {
            long prepareClock = ScanTimings.Now();
            try
            {
                rule.Prepare(document);
            }
            catch (BudgetExceededException)
            {
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not reported here: the rule meets the same failure when it reads the model, and reports it there.
            }
            finally
            {
                if (ScanTimings.Enabled) ScanTimings.Charge("prepare " + rule.Descriptors[0].Id + " " + rule.GetType().Name, prepareClock);
            }
        }
        // The file's own pass is over: its trees go unless a cross-file rule walks them. What outlives the pass are facts,
        // so a scan's memory grows with its findings and models, not with every file's parse.
        bool keep = false;
        foreach (var rule in _projectRules) keep |= rule.ReadsTreesOf(document);
        if (!keep) document.ReleaseTransientModels();
        // Most files report nothing: one shared empty sink each, not a sink per file kept to the end of the scan.
        return sink.IsEmpty ? FindingSink.Empty : sink;
    }

    /// <summary>
    /// Runs one cross-file rule over the files whose analysis has not stopped. A file that runs out of budget while
    /// the rule reads it is left out and the rule runs again without it, so one hostile file costs its own findings only.
    /// </summary>
    /// <param name="shared">
    /// The project view the previous rule completed on, reused while no file has stopped since (files only ever stop,
    /// so the same count is the same files); dropped when a rule is interrupted, whose models may be half-built.
    /// </param>
    private void RunProjectRule(ProjectRule rule, IReadOnlyList<DocumentContext> documents, FindingSink projectSink, ref ProjectContext? shared)
    {
        for (int attempt = 0; attempt < 8; attempt++)
        {
            var live = documents.Where(d => d.StoppedBy is null).ToArray();
            var project = shared is not null && shared.Documents.Count == live.Length ? shared : new ProjectContext(live, _options);
            shared = null;
            var attemptSink = new FindingSink();
            // Work no single file owns (a Terraform project evaluated across its modules and callers) is charged to
            // the rule's own meter; each file's own parsing and models still charge that file.
            var meter = new WorkMeter(WorkMeter.ProjectLimits(_options.BudgetLimits ?? WorkMeter.DefaultLimits));
            try
            {
                using (WorkBudget.Enter(meter)) rule.Analyze(project, attemptSink);
                projectSink.AddAll(attemptSink);
                shared = project;
                return;
            }
            catch (BudgetExceededException) when (meter.Exceeded is { } spent)
            {
                if (live.OrderBy(d => d.Path, StringComparer.Ordinal).FirstOrDefault() is { } first)
                {
                    var note = RuleCatalog.FileNotAnalyzed;
                    projectSink.Add(new PendingFinding(note, note.DefaultLevel,
                        note.FormatMessage(first.Path, $"{rule.Descriptors[0].Id}'s cross-file analysis stopped: it exceeded {spent.Message.Replace(" per file", " per cross-file rule")}; its findings may be missing"),
                        SourceLocation.Create(first.Text, new TextSpan(0, 0)), "project-budget:" + rule.Descriptors[0].Id, null));
                }
                return;
            }
            catch (BudgetExceededException)
            {
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A cross-file rule failing is our bug; it must not lose the other findings.
                projectSink.Add(InternalFailure(documents.FirstOrDefault(), rule.Descriptors[0], ex));
                return;
            }
        }
    }

    private static IEnumerable<PendingFinding> OverflowNotes(FindingSink sink)
    {
        var note = RuleCatalog.FileNotAnalyzed;
        foreach (var (rule, first, count) in sink.Dropped)
        {
            yield return new PendingFinding(note, note.DefaultLevel,
                note.FormatMessage(first.Path, $"{rule.Id} is reported at most {FindingSink.MaxPerRulePerFile} times per file; {count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} more from here on are not shown"),
                first, "overflow:" + rule.Id, null);
        }
    }

    /// <summary>Adds parse notes and applies suppressions for one file; returns how many findings were suppressed.</summary>
    /// <summary>Only a file that holds the directive somewhere (any case) can hold a suppression, valid or not.</summary>
    private static bool HoldsDirective(DocumentContext document) =>
        Text.IgnoreCase.Contains(document.Text.Text, SuppressionParser.Directive);

    private int Finish(DocumentContext document, List<PendingFinding> findings, List<PendingFinding> output, bool holdsDirective)
    {
        if (document.StoppedBy is { } stopped)
        {
            var rule = RuleCatalog.FileNotAnalyzed;
            output.Add(new PendingFinding(rule, rule.DefaultLevel,
                rule.FormatMessage(document.Path, $"analysis stopped: the file exceeds {stopped.Message}; findings before that point are reported, later ones may be missing"),
                SourceLocation.Create(document.Text, new TextSpan(0, 0)), "budget:" + stopped.Budget, null));
        }
        var problems = document.ParseProblems;
        if (problems.Count > 0)
        {
            var (language, first) = problems[0];
            string more = problems.Count > 1 ? $" (and {problems.Count - 1} more)" : string.Empty;
            var location = SourceLocation.Create(document.Text, ClampEmpty(document, first.Span));
            var rule = RuleCatalog.FileNotAnalyzed;
            output.Add(new PendingFinding(rule, rule.DefaultLevel,
                rule.FormatMessage(document.Path, $"{language} could not be parsed at {location.Start}: {first.Message}{more}; findings after it may be missing"),
                location, "parse:" + language, null));
        }

        IReadOnlyList<Suppression> suppressions;
        try
        {
            // Comments come from a parse (a YAML file no rule read would be parsed here just for them): only a file that
            // holds the directive somewhere can hold a suppression, valid or not.
            suppressions = !holdsDirective
                ? Array.Empty<Suppression>()
                : SuppressionParser.Parse(document.Text, Languages.DocumentComments.Of(document), _options.Today);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            output.AddRange(findings);
            output.Add(InternalFailure(document, RuleCatalog.InvalidSuppression, ex));
            return 0;
        }

        int suppressed = 0;
        foreach (var finding in findings)
        {
            bool covered = finding.Rule.Family != RuleFamily.Tool && suppressions.Any(s => s.Covers(finding.Rule.Id, finding.Location.Start.Line));
            if (covered) suppressed++;
            else output.Add(finding);
        }
        foreach (var invalid in suppressions.Where(s => !s.IsValid))
        {
            var rule = RuleCatalog.InvalidSuppression;
            output.Add(new PendingFinding(rule, rule.DefaultLevel, rule.FormatMessage(invalid.Problem), SourceLocation.Create(document.Text, invalid.Span), null, null));
        }
        return suppressed;
    }

    private static TextSpan ClampEmpty(DocumentContext document, TextSpan span) =>
        new(Math.Min(span.Start, document.Text.Length), 0);

    private static PendingFinding InternalFailure(DocumentContext? document, RuleDescriptor failing, Exception ex)
    {
        var rule = RuleCatalog.FileNotAnalyzed;
        string path = document?.Path ?? ".";
        var location = document is null
            ? new SourceLocation(path, new TextSpan(0, 0), new LinePosition(0, 0), new LinePosition(0, 0), string.Empty)
            : SourceLocation.Create(document.Text, new TextSpan(0, 0));
        return new PendingFinding(rule, rule.DefaultLevel,
            rule.FormatMessage(path, $"internal error in the {failing.Id} check ({ex.GetType().Name}: {ex.Message}); please report it"),
            location, "internal:" + failing.Id, null);
    }
}
