using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Hcl;

namespace Firebreak.Core.Platforms.Terraform;

/// <summary>
/// The Terraform modules of one scan and their instances: every directory not called by another scanned module is a
/// root (variables from defaults and tfvars); local module calls (<c>source = "./x"</c>) are followed with their inputs
/// to a bounded depth. Built once per component of the scan (TerraformComponents) and shared by all Terraform rules.
/// </summary>
public sealed class TerraformProject
{
    private const int MaxCallDepth = 8;
    // Per root: a module tree fans out (each call is an instance); the global cap bounds a pathological scan.
    private const int MaxInstancesPerRoot = 256;
    private const int MaxInstances = 50_000;
    private int _rootInstances;

    private TerraformProject(ProjectContext project) : this(project.Documents, project)
    {
    }

    /// <param name="documents">The files to build from: the whole scan, or one <see cref="TerraformComponents">component</see> of it.</param>
    /// <param name="project">The scan (its options, and the files <c>file()</c> may read).</param>
    internal TerraformProject(IReadOnlyList<DocumentContext> documents, ProjectContext project)
    {
        _project = project;
        var byDirectory = new Dictionary<string, (List<DocumentContext> Files, List<DocumentContext> Vars)>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (ModuleDirectoryOf(document, out bool isModuleFile) is not { } directory) continue;
            if (!byDirectory.TryGetValue(directory, out var entry)) byDirectory[directory] = entry = (new List<DocumentContext>(), new List<DocumentContext>());
            (isModuleFile ? entry.Files : entry.Vars).Add(document);
        }
        foreach (var kv in byDirectory.OrderBy(k => k.Key, StringComparer.Ordinal))
            if (kv.Value.Files.Count > 0) Modules[kv.Key] = new TerraformModule(kv.Key, kv.Value.Files, kv.Value.Vars);

        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in Modules.Values)
            foreach (var call in module.ModuleCalls)
                if (call.IsLocal && Resolve(module.Directory, call.Source!) is { } target && target != module.Directory && Modules.ContainsKey(target))
                    called.Add(target);

        var commandLineVars = project.Options.TerraformVarFiles.Select(project.Find).Where(d => d is not null).Select(d => d!).ToArray();
        foreach (var module in Modules.Values)
        {
            if (called.Contains(module.Directory)) continue;
            module.ApplyCommandLineVarFiles(commandLineVars);
            var root = new TerraformModuleInstance(module, NewEvaluator(module, null, module.Directory), module.Directory);
            Instances.Add(root);
            _rootInstances = 1;
            Expand(root, 0);
        }
        // A module that only calls itself (or is in a cycle) still gets checked once, with its defaults.
        foreach (var module in Modules.Values)
            if (!Instances.Any(i => i.Module == module))
                Instances.Add(new TerraformModuleInstance(module, NewEvaluator(module, null, module.Directory), module.Directory));
    }

    public Dictionary<string, TerraformModule> Modules { get; } = new(StringComparer.Ordinal);

    private readonly ProjectContext _project;

    // file() and templatefile() read only files of the scan: never the disk, never outside the scanned tree.
    private TerraformModuleEvaluator NewEvaluator(TerraformModule module, IReadOnlyDictionary<string, Func<TerraformValue>>? inputs, string rootDirectory) =>
        new(module, inputs) { RootDirectory = rootDirectory, ReadScanFile = path => _project.Find(path)?.Text.Text };

    /// <summary>Each module once per way it is used: as a root, and per call chain with that call's inputs.</summary>
    public List<TerraformModuleInstance> Instances { get; } = new();

    /// <summary>The whole scan as one project (tests and tools); the rules build one component at a time (TerraformRules).</summary>
    public static TerraformProject Get(ProjectContext project) => new(project);

    private void Expand(TerraformModuleInstance parent, int depth)
    {
        if (depth >= MaxCallDepth) return;
        foreach (var call in parent.Module.ModuleCalls)
        {
            if (Instances.Count >= MaxInstances || _rootInstances >= MaxInstancesPerRoot) return;
            if (!call.IsLocal || Resolve(parent.Module.Directory, call.Source!) is not { } target || !Modules.TryGetValue(target, out var child)) continue;
            if (call.Block.Body.Attribute("count") is not null || call.Block.Body.Attribute("for_each") is not null)
            {
                // Inputs may depend on each/count: still follow, each.* evaluates to Unknown.
            }
            var inputs = new Dictionary<string, Func<TerraformValue>>(StringComparer.Ordinal);
            foreach (var attribute in call.Block.Body.Attributes)
            {
                if (attribute.Name is "source" or "version" or "count" or "for_each" or "providers" or "depends_on") continue;
                var expression = attribute.Value;
                var evaluator = parent.Evaluator;
                inputs[attribute.Name] = () => evaluator.Evaluate(expression);
            }
            var instance = new TerraformModuleInstance(child, NewEvaluator(child, inputs, parent.Evaluator.RootDirectory), (parent.Name.Length == 0 ? "" : parent.Name + "/") + "module." + call.Name)
            {
                Parent = parent,
                Call = call,
            };
            parent.Evaluator.AddChild(call.Name, instance.Evaluator);
            Instances.Add(instance);
            _rootInstances++;
            Expand(instance, depth + 1);
        }
    }

    /// <summary>
    /// The module a file belongs to (its directory; a plan is a module of its own, its values final, never merged with
    /// the <c>.tf</c> files beside it), or null for a file no module reads; whether it declares (else a var file).
    /// </summary>
    internal static string? ModuleDirectoryOf(DocumentContext document, out bool isModuleFile)
    {
        isModuleFile = (document.Kind == FileKind.Terraform && !document.Path.EndsWith(".tftest.hcl", StringComparison.OrdinalIgnoreCase))
                       || document.Kind == FileKind.TerraformJson || document.Kind == FileKind.TerraformPlanJson;
        bool isVars = document.Kind == FileKind.TerraformVars && TerraformModule.IsLoadedVarFile(document.Path);
        if (!isModuleFile && !isVars) return null;
        return document.Kind == FileKind.TerraformPlanJson ? document.Path : DirectoryOf(document.Path);
    }

    internal static string DirectoryOf(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path.Substring(0, slash);
    }

    /// <summary>The directory a relative source names, or null when it leaves the scanned tree.</summary>
    internal static string? Resolve(string directory, string source)
    {
        var parts = new List<string>(directory.Length == 0 ? Array.Empty<string>() : directory.Split('/'));
        foreach (var segment in source.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(segment);
        }
        return string.Join("/", parts);
    }
}

/// <summary>Where a caller gives a module input its value: an argument of its <c>module</c> block, or the default of
/// the caller's own variable that the argument passes on (<c>x = var.x</c> with no caller setting <c>x</c>).</summary>
public sealed class TerraformCallerInput
{
    internal TerraformCallerInput(TerraformModuleCall call, HclAttribute argument, TerraformVariable? defaultOf)
    {
        Call = call;
        Argument = argument;
        DefaultOf = defaultOf;
    }

    /// <summary>The <c>module</c> block.</summary>
    public TerraformModuleCall Call { get; }

    /// <summary>The argument, e.g. <c>skip_final_snapshot = true</c>.</summary>
    public HclAttribute Argument { get; }

    /// <summary>The caller's variable whose default the argument passes on; null when the argument gives the value.</summary>
    public TerraformVariable? DefaultOf { get; }

    public DocumentContext Document => DefaultOf?.Document ?? Call.Document;

    public Text.TextSpan Span => DefaultOf?.Default?.Span ?? Argument.Span;
}

/// <summary>One use of a module: its declarations and the evaluator that knows its inputs.</summary>
public sealed class TerraformModuleInstance
{
    internal TerraformModuleInstance(TerraformModule module, TerraformModuleEvaluator evaluator, string name)
    {
        Module = module;
        Evaluator = evaluator;
        Name = name;
        _exists = Evaluator.Exists;
    }

    // Whether each resource is created is evaluated once per instance: every Terraform rule walks the resources.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TerraformResource, bool> _created = new();
    private readonly Func<TerraformResource, bool> _exists;

    private bool Exists(TerraformResource resource) => _created.GetOrAdd(resource, _exists);

    public TerraformModule Module { get; }
    public TerraformModuleEvaluator Evaluator { get; }

    /// <summary>The instance whose <c>module</c> block created this one; null for a root.</summary>
    public TerraformModuleInstance? Parent { get; internal init; }

    /// <summary>The <c>module</c> block (in <see cref="Parent"/>) that created this instance; null for a root.</summary>
    public TerraformModuleCall? Call { get; internal init; }

    /// <summary>
    /// Where the caller sets an input that an expression of this module reads: for each <c>var.x</c> the expression
    /// refers to and the <c>module</c> block sets, that argument, followed up while it only passes on the caller's own
    /// variable (<c>x = var.x</c>) to the first caller that gives a value. When the expression reads a variable named
    /// like <paramref name="attributeName"/>, only that one counts (<c>backup_retention_period =
    /// var.blue_green ? … : var.backup_retention_period</c> is decided by the retention, not by the blue/green switch).
    /// Empty when no caller sets what the expression reads (the module's own default decides). With
    /// <paramref name="forEach"/>, an expression that reads <c>each</c> also reads what the collection reads.
    /// </summary>
    public IReadOnlyList<TerraformCallerInput> CallerInputs(HclExpression expression, string attributeName, HclExpression? forEach = null)
    {
        if (Call is null || Parent is null) return Array.Empty<TerraformCallerInput>();
        var names = new List<string>();
        var read = expression.DescendantsAndSelf();
        // policy_arn = each.value: the value is an element of the for_each collection, so what that reads counts too.
        if (forEach is not null && read.Any(e => e is HclVariableExpression { Name: "each" })) read = read.Concat(forEach.DescendantsAndSelf());
        foreach (var e in read)
            if (e is HclGetAttrExpression { Source: HclVariableExpression { Name: "var" } } g && !names.Contains(g.Name) &&
                Call.Block.Body.Attribute(g.Name) is not null && !IsMetaArgument(g.Name))
                names.Add(g.Name);
        if (names.Contains(attributeName)) names = new List<string> { attributeName };
        var result = new List<TerraformCallerInput>();
        foreach (var name in names)
        {
            var caller = this;
            var input = Call.Block.Body.Attribute(name)!;
            // x = var.x in the caller: the value comes from further up when the caller's own caller sets it.
            TerraformVariable? defaultOf = null;
            for (int depth = 0; depth < 16; depth++)
            {
                var steps = input.Value.AsTraversal();
                if (steps is not { Count: 2 } || steps[0].Name != "var" || IsMetaArgument(steps[1].Name)) break;
                if (caller.Parent!.Call?.Block.Body.Attribute(steps[1].Name) is { } upInput)
                {
                    caller = caller.Parent;
                    input = upInput;
                    continue;
                }
                // Nobody further up sets it: the caller's default decides, and that is the line to change.
                var module = caller.Parent.Module;
                if (!module.VariableFileValues.ContainsKey(steps[1].Name) && module.Variables.TryGetValue(steps[1].Name, out var variable) && variable.Default is not null)
                    defaultOf = variable;
                break;
            }
            result.Add(new TerraformCallerInput(caller.Call!, input, defaultOf));
        }
        return result;
    }

    private static bool IsMetaArgument(string name) => name is "source" or "version" or "count" or "for_each" or "providers" or "depends_on";

    /// <summary>The module's resources and data sources, less those known not to be created (count 0, empty for_each).</summary>
    public IEnumerable<TerraformResource> Resources => Module.Resources.Where(Exists);

    /// <summary>The managed resources of one type that may be created.</summary>
    public IEnumerable<TerraformResource> ManagedResources(string type) =>
        Module.ManagedResources(type) is { Count: > 0 } resources ? resources.Where(Exists) : Array.Empty<TerraformResource>();

    /// <summary>The directory, then each module call's name on the way here.</summary>
    public string Name { get; }

    /// <summary>
    /// Its path or a call name on the way says production (<c>prod</c>, <c>production</c>, <c>prd</c>), or its
    /// environment variable (<c>environment</c>, <c>env</c>, <c>stage</c>) is known to be one of those.
    /// </summary>
    public bool LooksLikeProduction => Name.Split('/', '-', '_', '.', ' ').Any(IsProductionName) ||
        EnvironmentVariables.Any(v => Module.Variables.ContainsKey(v) && Evaluator.Variable(v).AsString() is { } value && IsProductionName(value));

    private static readonly string[] EnvironmentVariables = { "environment", "env", "stage", "environment_name", "env_name" };

    private static bool IsProductionName(string t) => EnvironmentClassifier.IsProduction(t);
}
