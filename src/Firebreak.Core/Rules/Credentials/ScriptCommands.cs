using System.Collections.Generic;
using Firebreak.Core.Languages.Shell;

namespace Firebreak.Core.Rules.Credentials;

/// <summary>
/// Every simple command of a parsed script, in source order, including those inside lists, pipelines, compound
/// commands and command substitutions. Until the shell branch's command model lands, this is the walk the credential
/// rules share.
/// </summary>
internal static class ScriptCommands
{
    private const int MaxDepth = 64;

    public static IEnumerable<ShellSimpleCommand> Of(ShellScript script)
    {
        var found = new List<ShellSimpleCommand>();
        foreach (var statement in script.Statements) Visit(statement.Command, found, 0);
        return found;
    }

    /// <summary>The program name without its directory (<c>/usr/bin/curl</c> → <c>curl</c>); null when dynamic.</summary>
    public static string? ProgramName(ShellSimpleCommand command)
    {
        if (command.Words.Count == 0 || command.Words[0].StaticValue is not { } program) return null;
        int slash = program.LastIndexOf('/');
        return slash < 0 ? program : program.Substring(slash + 1);
    }

    private static void Visit(ShellCommandNode? node, List<ShellSimpleCommand> found, int depth)
    {
        if (node is null || depth > MaxDepth) return;
        switch (node)
        {
            case ShellSimpleCommand simple:
                found.Add(simple);
                foreach (var word in simple.Words) VisitWord(word, found, depth);
                foreach (var assignment in simple.Assignments)
                    if (assignment.Value is { } value) VisitWord(value, found, depth);
                break;
            case ShellPipeline pipeline:
                foreach (var command in pipeline.Commands) Visit(command, found, depth + 1);
                break;
            case ShellAndOrList list:
                Visit(list.First, found, depth + 1);
                foreach (var item in list.Rest) Visit(item.Command, found, depth + 1);
                break;
            case ShellSubshell subshell:
                VisitBody(subshell.Body, found, depth);
                break;
            case ShellBraceGroup group:
                VisitBody(group.Body, found, depth);
                break;
            case ShellIfCommand conditional:
                foreach (var clause in conditional.Clauses)
                {
                    VisitBody(clause.Condition, found, depth);
                    VisitBody(clause.Body, found, depth);
                }
                if (conditional.ElseBody is { } elseBody) VisitBody(elseBody, found, depth);
                break;
            case ShellForCommand loop:
                VisitBody(loop.Body, found, depth);
                break;
            case ShellArithmeticForCommand loop:
                VisitBody(loop.Body, found, depth);
                break;
            case ShellLoopCommand loop:
                VisitBody(loop.Condition, found, depth);
                VisitBody(loop.Body, found, depth);
                break;
            case ShellCaseCommand switchCommand:
                foreach (var item in switchCommand.Items) VisitBody(item.Body, found, depth);
                break;
            case ShellFunctionDefinition function:
                Visit(function.Body, found, depth + 1);
                break;
        }
    }

    private static void VisitBody(IReadOnlyList<ShellStatement> body, List<ShellSimpleCommand> found, int depth)
    {
        foreach (var statement in body) Visit(statement.Command, found, depth + 1);
    }

    private static void VisitWord(ShellWord word, List<ShellSimpleCommand> found, int depth)
    {
        foreach (var part in word.Parts) VisitPart(part, found, depth);
    }

    private static void VisitPart(ShellWordPart part, List<ShellSimpleCommand> found, int depth)
    {
        switch (part)
        {
            case ShellCommandSubstitutionPart substitution:
                VisitBody(substitution.Body, found, depth);
                break;
            case ShellDoubleQuotedPart quoted:
                foreach (var inner in quoted.Parts) VisitPart(inner, found, depth);
                break;
        }
    }
}
