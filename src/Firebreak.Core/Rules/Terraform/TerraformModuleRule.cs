using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Languages.Hcl;
using Firebreak.Core.Platforms.Terraform;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Terraform;

/// <summary>
/// A rule over every Terraform module instance of a scan. A module used twice is checked per use; one finding per span.
/// The scan is checked one <see cref="TerraformComponents">component</see> at a time (modules joined by local calls),
/// every Terraform rule on a component before the next is built; see <see cref="TerraformRules"/>.
/// </summary>
public abstract class TerraformModuleRule : ProjectRule
{
    public override void Analyze(ProjectContext project, FindingSink sink) => TerraformRules.Run(new[] { this }, project, sink);

    protected abstract void Check(TerraformModuleInstance instance, Reporter reporter);

    internal void CheckInstance(TerraformModuleInstance instance, Reporter reporter) => Check(instance, reporter);

    /// <summary>
    /// Called once per component before its instances are checked: a rule whose answer can sit in another component
    /// (a lock on a resource group) gathers its facts here into <see cref="Reporter.Facts"/>.
    /// </summary>
    internal virtual void Begin(TerraformProject component, Reporter reporter)
    {
    }

    /// <summary>The files' local module calls are found on the per-file pass's threads (their trees are then dropped).</summary>
    public override void Prepare(DocumentContext document)
    {
        if (document.Kind is FileKind.Terraform or FileKind.TerraformJson or FileKind.TerraformPlanJson) _ = TerraformComponents.LocalSourcesOf(document);
    }

    /// <summary>Variable files named on the command line are read by every component's roots: their trees stay.</summary>
    public override bool ReadsTreesOf(DocumentContext document) => TerraformRules.IsCommandLineVarFile(document);

    protected internal sealed class Reporter
    {
        private readonly FindingSink _sink;
        private readonly HashSet<(string, string, int, int)> _seen = new();

        internal Reporter(FindingSink sink, TerraformScanFacts facts, List<DeferredFinding> deferred)
        {
            _sink = sink;
            Facts = facts;
            _deferred = deferred;
        }

        private readonly List<DeferredFinding> _deferred;

        internal TerraformModuleInstance? Instance { get; set; }

        /// <summary>The component being checked: every module one root reaches, with their callers.</summary>
        public TerraformProject? Project { get; internal init; }

        /// <summary>Facts of this component that rules decide on across the whole scan (gathered in <c>Begin</c>).</summary>
        internal TerraformScanFacts Facts { get; }

        /// <param name="cause">
        /// The attribute whose value makes the resource unsafe. When a caller's <c>module</c> block gives it that
        /// value, the finding is at each such argument (the line to change), with the module's attribute as related.
        /// </param>
        /// <param name="owner">The resource holding <paramref name="cause"/>: its <c>for_each</c> feeds <c>each.value</c>.</param>
        /// <param name="related">Related locations of a finding reported where it is (not through a caller's input).</param>
        public void Report(RuleDescriptor rule, DocumentContext document, TextSpan span, string message, HclAttribute? cause = null, TerraformResource? owner = null, IReadOnlyList<RelatedLocation>? related = null)
        {
            if (cause is not null && Instance is { } callee &&
                callee.CallerInputs(cause.Value, cause.Name, owner?.Body.Attribute("for_each")?.Value) is { Count: > 0 } inputs)
            {
                var takesValue = new[] { new RelatedLocation(SourceLocation.Create(document.Text, span), $"`{cause.Name}` in module `{callee.Module}` takes the value") };
                foreach (var input in inputs)
                {
                    if (!_seen.Add((rule.Id, input.Document.Path, input.Span.Start, input.Span.Length))) continue;
                    string via = input.DefaultOf is { } variable
                        ? $" (the default of `var.{variable.Name}`, passed to `module.{input.Call.Name}` as `{input.Argument.Name}`)"
                        : $" (via `module.{input.Call.Name}`, input `{input.Argument.Name}`)";
                    _sink.Report(rule, input.Document, input.Span, message + via,
                        fingerprintText: "module-input:" + input.Call.Name + "." + input.Argument.Name, related: takesValue);
                }
                return;
            }
            if (Located(rule, document, span, ref message)) _sink.Report(rule, document, span, message, related: related);
        }

        /// <summary>
        /// A finding that stands only if <paramref name="stands"/> holds of the whole scan's facts, decided once every
        /// component has been checked (a lock in another stack may cover this server).
        /// </summary>
        internal void ReportUnless(RuleDescriptor rule, DocumentContext document, TextSpan span, string message, Func<TerraformScanFacts, bool> stands)
        {
            if (!Located(rule, document, span, ref message)) return;
            _deferred.Add(new DeferredFinding(rule, document, span, message, stands));
        }

        private bool Located(RuleDescriptor rule, DocumentContext document, TextSpan span, ref string message)
        {
            if (!_seen.Add((rule.Id, document.Path, span.Start, span.Length))) return false;
            // In a shared module the value came from one caller's inputs: say which, or the finding cannot be acted on.
            if (Instance is { } instance && instance.Name != instance.Module.Directory) message += $" (through module call `{instance.Name}`)";
            return true;
        }
    }

    /// <summary><c>type.name.attr</c> when the expression refers to a resource of this module, else null.</summary>
    protected static string? ResourceReference(HclExpression? expression, TerraformModule module)
    {
        var steps = expression?.AsTraversal();
        if (steps is null || steps.Count < 2 || steps[1].Kind != HclTraversalStepKind.Attribute) return null;
        if (steps[0].Name == "data" && steps.Count >= 3) return "data." + steps[1].Name + "." + steps[2].Name;
        return module.FindManaged(steps[0].Name, steps[1].Name) is { } r ? r.Address : null;
    }

    /// <summary>What identifies a value for "same as" checks: the known string, or the resource it references.</summary>
    protected static string? Identity(HclExpression? expression, TerraformModuleInstance instance)
    {
        if (expression is null) return null;
        var value = instance.Evaluator.Evaluate(expression);
        if (value.Kind == TerraformValueKind.String) return "value:" + value.StringValue;
        return ResourceReference(expression, instance.Module) is { } address ? "resource:" + address : null;
    }

    /// <summary>
    /// True when the attribute is present and not known to be null (<c>replicate_source_db = var.x</c> with a null
    /// default is not a replica; an unknown value might be, so it counts as set).
    /// </summary>
    protected static bool IsSet(TerraformModuleInstance instance, TerraformResource resource, string attribute) =>
        resource.Body.Attribute(attribute) is { } a && instance.Evaluator.Evaluate(a.Value).Kind != TerraformValueKind.Null;

    /// <summary>An RDS instance that is an Aurora member or a read replica: protection and backups belong to its source.</summary>
    protected static bool IsDependentDbInstance(TerraformModuleInstance instance, TerraformResource resource) =>
        resource.Type == "aws_db_instance" && (IsSet(instance, resource, "cluster_identifier") || IsSet(instance, resource, "replicate_source_db"));

    /// <summary>
    /// True when the expression is known to satisfy <paramref name="bad"/> in at least one instance of the resource
    /// (per element of a known <c>for_each</c>, per index of a known <c>count</c>, else the one value).
    /// </summary>
    protected static bool AnyInstance(TerraformModuleInstance instance, TerraformResource resource, HclExpression expression, Func<TerraformValue, bool> bad) =>
        instance.Evaluator.EvaluateEach(resource, expression).Any(bad);

    /// <summary>True when the expression is known to satisfy <paramref name="test"/> in every instance of the resource (and there is one).</summary>
    protected static bool AllInstances(TerraformModuleInstance instance, TerraformResource resource, HclExpression expression, Func<TerraformValue, bool> test)
    {
        bool any = false;
        foreach (var value in instance.Evaluator.EvaluateEach(resource, expression))
        {
            if (!test(value)) return false;
            any = true;
        }
        return any;
    }

    /// <summary>The provider configuration a resource uses: <c>aws</c>, or <c>aws.dr</c> for <c>provider = aws.dr</c>.</summary>
    protected static string ProviderReference(TerraformResource resource)
    {
        var steps = resource.Body.Attribute("provider")?.Value.AsTraversal();
        return steps is null ? resource.Type.Split('_')[0] : string.Join(".", steps.Select(s => s.Name));
    }

    /// <summary>The known <c>region</c> of a provider configuration of the module.</summary>
    protected static string? Region(TerraformModuleInstance instance, string reference)
    {
        var provider = instance.Module.Providers.FirstOrDefault(p => p.Reference == reference);
        return provider is null ? null : instance.Evaluator.Evaluate(provider.Block.Body, "region", TerraformValue.Unknown).AsString();
    }

    /// <summary>The attribute when present, else the block's type and name labels.</summary>
    protected static TextSpan SpanOf(TerraformResource resource, HclAttribute? attribute) => attribute?.Span ?? resource.HeaderSpan;
}
