using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Firebreak.Core.Platforms.Terraform;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Terraform;

/// <summary>
/// Every Terraform module rule of a scan as one cross-file rule: the scan's components (modules joined by local calls)
/// are built one at a time per thread, every rule checks each component's instances, and the component's trees are
/// dropped before the next. Memory follows the largest component, not the repository; components run in parallel.
/// Findings are merged in component order, so the output does not depend on the thread count.
/// </summary>
public sealed class TerraformRules : ProjectRule
{
    private readonly IReadOnlyList<TerraformModuleRule> _rules;

    public TerraformRules(IEnumerable<TerraformModuleRule> rules)
    {
        _rules = rules.ToArray();
        Descriptors = _rules.SelectMany(r => r.Descriptors).ToArray();
    }

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; }

    public override void Prepare(DocumentContext document)
    {
        if (_rules.Count > 0) _rules[0].Prepare(document);
    }

    public override bool ReadsTreesOf(DocumentContext document) => IsCommandLineVarFile(document);

    public override void Analyze(ProjectContext project, FindingSink sink) =>
        Run(_rules.Where(r => r.Descriptors.Any(project.Options.IsEnabled)).ToArray(), project, sink);

    internal static bool IsCommandLineVarFile(DocumentContext document)
    {
        if (document.Kind != FileKind.TerraformVars) return false;
        foreach (var path in document.Options.TerraformVarFiles)
            if (string.Equals(path.Replace('\\', '/').TrimStart('.', '/'), document.Path, StringComparison.Ordinal) || string.Equals(path, document.Path, StringComparison.Ordinal))
                return true;
        return false;
    }

    internal static void Run(IReadOnlyList<TerraformModuleRule> rules, ProjectContext project, FindingSink sink)
    {
        if (rules.Count == 0) return;
        var components = TerraformComponents.Of(project);
        if (components.Count == 0) return;
        var results = new ComponentResult[components.Count];
        // Largest components first, so no big one is left alone on one core at the end; results go by index.
        var order = Enumerable.Range(0, components.Count).OrderByDescending(i => components[i].Count).ThenBy(i => i).ToArray();
        var limits = WorkMeter.ProjectLimits(project.Options.BudgetLimits ?? WorkMeter.DefaultLimits);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, project.Options.MaxDegreeOfParallelism) };
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(order, loadBalance: true), parallel,
            i =>
            {
                long clock = ScanTimings.Now();
                results[i] = Check(rules, components[i], project, limits);
                ScanTimings.Charge("terraform components", clock);
            });

        var facts = new TerraformScanFacts();
        foreach (var result in results)
        {
            if (result.Failure is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            sink.AddAll(result.Sink);
            facts.Add(result.Facts);
        }
        foreach (var result in results)
            foreach (var deferred in result.Deferred)
                if (deferred.Stands(facts)) sink.Report(deferred.Rule, deferred.Document, deferred.Span, deferred.Message);
    }

    /// <summary>
    /// One component, every rule: its own work meter (a cross-file rule's allowance, per component), its own findings.
    /// A component that spends its allowance gets a note and loses its findings; the others are not affected.
    /// </summary>
    private static ComponentResult Check(IReadOnlyList<TerraformModuleRule> rules, IReadOnlyList<DocumentContext> component, ProjectContext project, long[] limits)
    {
        var result = new ComponentResult();
        var meter = new WorkMeter(limits);
        try
        {
            using (WorkBudget.Enter(meter))
            {
                long clock = ScanTimings.Now();
                var terraform = new TerraformProject(component, project);
                ScanTimings.Charge("terraform project model", clock);
                foreach (var rule in rules)
                {
                    var reporter = new TerraformModuleRule.Reporter(result.Sink, result.Facts, result.Deferred) { Project = terraform };
                    rule.Begin(terraform, reporter);
                    foreach (var instance in terraform.Instances)
                    {
                        reporter.Instance = instance;
                        rule.CheckInstance(instance, reporter);
                    }
                }
            }
        }
        catch (BudgetExceededException) when (meter.Exceeded is { } spent)
        {
            var note = RuleCatalog.FileNotAnalyzed;
            var first = component.OrderBy(d => d.Path, StringComparer.Ordinal).First();
            result.Sink = new FindingSink();
            result.Deferred.Clear();
            result.Facts = new TerraformScanFacts();
            string reason = $"the Terraform modules' cross-file analysis stopped: it exceeded {spent.Message.Replace(" per file", " per cross-file rule")}; their findings may be missing";
            result.Sink.Add(new PendingFinding(note, note.DefaultLevel, note.FormatMessage(first.Path, reason),
                SourceLocation.Create(first.Text, new TextSpan(0, 0)), "project-budget:terraform", null));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A file's own budget (the engine then runs the rule again without that file), or our bug (a note).
            result.Failure = ex;
        }
        finally
        {
            foreach (var document in component)
                if (!IsCommandLineVarFile(document)) document.ReleaseTransientModels();
        }
        return result;
    }

    private sealed class ComponentResult
    {
        public FindingSink Sink { get; set; } = new();
        public TerraformScanFacts Facts { get; set; } = new();
        public List<DeferredFinding> Deferred { get; } = new();
        public Exception? Failure { get; set; }
    }
}

/// <summary>What a Terraform component tells about the whole scan: the management locks it holds.</summary>
internal sealed class TerraformScanFacts
{
    /// <summary>A <c>CanNotDelete</c>/<c>ReadOnly</c> lock on a subscription.</summary>
    public bool SubscriptionLocked { get; set; }

    /// <summary>Resource groups (lower case) under such a lock.</summary>
    public HashSet<string> LockedGroupNames { get; } = new(StringComparer.Ordinal);

    public void Add(TerraformScanFacts other)
    {
        SubscriptionLocked |= other.SubscriptionLocked;
        LockedGroupNames.UnionWith(other.LockedGroupNames);
    }
}

internal sealed class DeferredFinding
{
    public DeferredFinding(RuleDescriptor rule, DocumentContext document, TextSpan span, string message, Func<TerraformScanFacts, bool> stands)
    {
        Rule = rule;
        Document = document;
        Span = span;
        Message = message;
        Stands = stands;
    }

    public RuleDescriptor Rule { get; }
    public DocumentContext Document { get; }
    public TextSpan Span { get; }
    public string Message { get; }
    public Func<TerraformScanFacts, bool> Stands { get; }
}
