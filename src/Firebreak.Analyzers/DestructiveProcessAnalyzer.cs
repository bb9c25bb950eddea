using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Firebreak.Analyzers.CSharp;
using Firebreak.Core.Commands;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Firebreak.Analyzers;

/// <summary>
/// FB1001 in C#: a process the program starts (<c>Process.Start(file, arguments)</c>, <c>new ProcessStartInfo(…)</c>
/// with <c>Arguments</c> or an argument list) whose argv is a destructive command, matched by the engine's command
/// catalogue — a build script or maintenance tool written in C# is a pipeline. The argv is folded from constants,
/// interpolation and locals; an unknown part stays a parameter (<c>${name}</c>), as in a shell script.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DestructiveProcessAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = FirebreakDiagnostics.ById[RuleIds.DestructiveCommand];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext start)
    {
        var compilation = start.Compilation;
        var process = compilation.GetTypeByMetadataName("System.Diagnostics.Process");
        var startInfo = compilation.GetTypeByMetadataName("System.Diagnostics.ProcessStartInfo");
        if (process is null || startInfo is null || TestCode.IsTestProject(compilation)) return;
        var testCode = new TestCode();
        start.RegisterOperationAction(c => AnalyzeStart(c, process, testCode), OperationKind.Invocation);
        start.RegisterOperationAction(c => AnalyzeStartInfo(c, startInfo, testCode), OperationKind.ObjectCreation);
        // Build tools' own process APIs, each resolved once and only when the compilation references it.
        var command = compilation.GetTypeByMetadataName("CliWrap.Command");
        var cli = compilation.GetTypeByMetadataName("CliWrap.Cli");
        if (command is not null && cli is not null)
            start.RegisterOperationAction(c => AnalyzeCliWrap(c, cli, command, testCode), OperationKind.Invocation);
        var nuke = compilation.GetTypeByMetadataName("Nuke.Common.Tooling.ProcessTasks");
        var cake = compilation.GetTypeByMetadataName("Cake.Common.ProcessAliases");
        if (nuke is not null || cake is not null)
            start.RegisterOperationAction(c => AnalyzeBuildToolProcess(c, nuke, cake, testCode), OperationKind.Invocation);
    }

    /// <summary>
    /// CliWrap: <c>Cli.Wrap("terraform").WithArguments("destroy -auto-approve")</c>, with a string, a list, or a builder
    /// lambda (<c>args =&gt; args.Add("delete").Add(name)</c>); judged at <c>WithArguments</c>, reported at <c>Cli.Wrap</c>.
    /// </summary>
    private static void AnalyzeCliWrap(OperationAnalysisContext context, INamedTypeSymbol cli, INamedTypeSymbol command, TestCode testCode)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "WithArguments" || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, command)) return;
        // Walk the fluent chain back to Cli.Wrap(target).
        IInvocationOperation? wrap = null;
        for (var receiver = invocation.Instance; receiver is IInvocationOperation call; receiver = call.Instance)
        {
            if (call.TargetMethod is { Name: "Wrap", IsStatic: true } && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, cli)) { wrap = call; break; }
        }
        if (wrap is null || CallSites.Argument(wrap, "targetFilePath") is not { } target) return;
        var value = CallSites.ArgumentValues(invocation.Arguments).FirstOrDefault();
        if (ValueFolding.Unwrap(value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
        {
            // The builder's Add calls, in the order the chain makes them.
            var adds = new List<IOperation>();
            foreach (var operation in lambda.Body.Descendants().OfType<IInvocationOperation>().Where(i => i.TargetMethod.Name == "Add"))
                if (CallSites.ArgumentValues(operation.Arguments).FirstOrDefault() is { } added) adds.Add(added);
            // A chain's calls nest (the last Add is outermost): their arguments' positions give the order they run in.
            adds.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
            ReportWords(context, testCode, "Cli.Wrap", ValueFolding.String(target.Value), adds, CallSites.NameLocation(wrap));
            return;
        }
        Report(context, testCode, "Cli.Wrap", ValueFolding.String(target.Value), value, CallSites.NameLocation(wrap));
    }

    /// <summary>NUKE's <c>ProcessTasks.StartProcess(tool, arguments)</c> and Cake's <c>StartProcess(file, arguments or settings)</c>.</summary>
    private static void AnalyzeBuildToolProcess(OperationAnalysisContext context, INamedTypeSymbol? nuke, INamedTypeSymbol? cake, TestCode testCode)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "StartProcess") return;
        var type = invocation.TargetMethod.ContainingType;
        if (nuke is not null && SymbolEqualityComparer.Default.Equals(type, nuke))
        {
            if (CallSites.Argument(invocation, "toolPath") is not { } tool) return;
            Report(context, testCode, "ProcessTasks.StartProcess", ValueFolding.String(tool.Value), CallSites.Argument(invocation, "arguments")?.Value, CallSites.NameLocation(invocation));
        }
        else if (cake is not null && SymbolEqualityComparer.Default.Equals(type, cake))
        {
            if (CallSites.Argument(invocation, "fileName") is not { } file) return;
            IOperation? arguments = CallSites.Argument(invocation, "processArguments", "arguments")?.Value;
            if (CallSites.Argument(invocation, "settings")?.Value is IObjectCreationOperation settings)
                foreach (var member in settings.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Arguments" } } a) arguments = a.Value;
            Report(context, testCode, "StartProcess", ValueFolding.String(file.Value), arguments, CallSites.NameLocation(invocation));
        }
    }

    private static void ReportWords(OperationAnalysisContext context, TestCode testCode, string via, string? file, IReadOnlyList<IOperation> words, Location location)
    {
        if (file is null) return;
        var line = new StringBuilder(Quote(ProgramOf(file)));
        foreach (var word in words) line.Append(' ').Append(Quote(ValueFolding.String(word) ?? ValueFolding.Placeholder(word)));
        Judge(context, testCode, via, line, location);
    }

    private static void AnalyzeStart(OperationAnalysisContext context, INamedTypeSymbol process, TestCode testCode)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod is not { Name: "Start", IsStatic: true } method || !SymbolEqualityComparer.Default.Equals(method.ContainingType, process)) return;
        if (CallSites.Argument(invocation, "fileName") is not { } file) return;
        var arguments = CallSites.Argument(invocation, "arguments");
        Report(context, testCode, "Process.Start", ValueFolding.String(file.Value), arguments?.Value, CallSites.NameLocation(invocation));
    }

    private static void AnalyzeStartInfo(OperationAnalysisContext context, INamedTypeSymbol startInfo, TestCode testCode)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, startInfo)) return;
        IOperation? file = CallSites.Argument(creation, "fileName")?.Value;
        IOperation? arguments = CallSites.Argument(creation, "arguments")?.Value;
        IOperation? list = null;
        foreach (var member in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "FileName" } } f) file = f.Value;
            else if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Arguments" } } a) arguments = a.Value;
            else if (member is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "ArgumentList" } } l) list = l.Initializer;
        }
        if (file is null) return;
        Report(context, testCode, "ProcessStartInfo", ValueFolding.String(file), list ?? arguments, creation.Syntax.GetLocation());
    }

    private static void Report(OperationAnalysisContext context, TestCode testCode, string via, string? file, IOperation? arguments, Location location)
    {
        if (file is null) return;
        var line = new StringBuilder(Quote(ProgramOf(file)));
        switch (ValueFolding.Unwrap(arguments))
        {
            case null:
                break;
            case IObjectOrCollectionInitializerOperation collection:
                foreach (var add in collection.Initializers.OfType<IInvocationOperation>())
                    foreach (var value in CallSites.ArgumentValues(add.Arguments)) line.Append(' ').Append(Quote(ValueFolding.String(value) ?? ValueFolding.Placeholder(value)));
                break;
            case IArrayCreationOperation { Initializer: { } elements }:
                foreach (var value in elements.ElementValues) line.Append(' ').Append(Quote(ValueFolding.String(value) ?? ValueFolding.Placeholder(value)));
                break;
            case var single when single.Type?.SpecialType == SpecialType.System_String:
                // One command-line string, split the way a shell splits words (quotes group).
                line.Append(' ').Append(ValueFolding.String(single) ?? ValueFolding.Placeholder(single));
                break;
            default:
                return;
        }
        Judge(context, testCode, via, line, location);
    }

    private static string ProgramOf(string file)
    {
        string program = file.Replace('\\', '/');
        program = program.Substring(program.LastIndexOf('/') + 1);
        return program.EndsWith(".exe", System.StringComparison.OrdinalIgnoreCase) ? program.Substring(0, program.Length - 4) : program;
    }

    private static void Judge(OperationAnalysisContext context, TestCode testCode, string via, StringBuilder line, Location location)
    {
        var command = ShellCommands.FromText(line.ToString()).FirstOrDefault();
        if (command is null || DestructiveCommandMatcher.Match(command, DestructiveCommandCatalog.Default) is not { } match) return;
        if (testCode.IsInTest(context.ContainingSymbol)) return;
        string shown = line.ToString();
        if (shown.Length > 120) shown = shown.Substring(0, 117) + "...";
        var severity = match.Neutralizer is not null ? DiagnosticSeverity.Info
            : match.BackupsDie || match.ProductionEvidence is not null ? DiagnosticSeverity.Error
            : DiagnosticSeverity.Warning;
        string message = $"`{via}` runs `{shown}`, which destroys {match.Signature.Destroys}."
            + (match.Neutralizer is not null ? $" `{match.Neutralizer}` makes it a dry run." : string.Empty)
            + (match.BackupsDie ? " Its backups go with it." : string.Empty)
            + (match.ProductionEvidence is not null ? $" It names a production target ({match.ProductionEvidence})." : string.Empty)
            + " Keep it out of code that runs unattended, or require an approval before it runs.";
        context.ReportDiagnostic(Diagnostic.Create(Rule, location, severity, null, null, message));
    }

    /// <summary>A word as the shell reads it back: single quotes around anything but plain characters.</summary>
    private static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':' or ',' or '@' or '+' || c is '$' or '{' or '}'))
            return word;
        return "'" + word.Replace("'", "'\\''") + "'";
    }
}
