using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Destructive;

/// <summary>
/// FB1011: <c>rm -rf "$DIR/"</c> or <c>find "$DIR/" -delete</c> where nothing in the script sets <c>DIR</c> first: an
/// empty variable makes it <c>rm -rf /</c>. Not a data finding (FB1001 judges what the path holds): a note with the
/// <c>${DIR:?}</c> fix.
/// </summary>
public sealed class DeleteThroughEmptyVariableRule : ShellCommandRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.DeleteThroughEmptyVariable;
    private static readonly CommandOptionSyntax RmSyntax = CommandOptionSyntax.ShortFlags();

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool MightMatch(string text) => text.IndexOf('$') >= 0 && (text.IndexOf("rm", StringComparison.Ordinal) >= 0 || text.IndexOf("-delete", StringComparison.Ordinal) >= 0);

    // An image build has no data and stops on its own error; the empty-variable reading is about hosts.
    protected override bool SkipsImageBuilds => true;

    protected override void Check(ShellCommand command, ShellSource source, ShellCommandScope scope)
    {
        if (Targets(command) is not { } targets) return;
        foreach (var word in targets)
        {
            if (DestructiveCommandMatcher.VariableThatCanExpandToRoot(word) is not var (variable, expanded)) continue;
            // Set earlier in the script (DIR=$(mktemp -d), DIR=/srv/app): not empty here.
            if (command.VariableBefore(variable) is { } assigned && !(assigned.Value is { Length: 0 })) continue;
            // FB1001 already reports it as data.
            if (DestructiveCommandMatcher.IsDangerousPath(word)) continue;
            scope.Sink.Report(Descriptor, scope.Document, word.Span, Descriptor.FormatMessage(command.Name, word.RawText, variable, expanded),
                fingerprintText: "empty-variable:" + variable);
        }
    }

    /// <summary>The path operands of <c>rm -r</c> and of <c>find … -delete</c>; null for anything else.</summary>
    private static IReadOnlyList<CommandWord>? Targets(ShellCommand command)
    {
        switch (command.Name)
        {
            case "rm":
            {
                var parsed = command.ParseArguments(RmSyntax);
                if (!parsed.Options.Any(o => o.Name is "-r" or "-R" or "--recursive")) return null;
                return parsed.Positionals;
            }
            case "find":
            {
                if (!command.Arguments.Any(a => a.Value == "-delete")) return null;
                // find's starting points come before the first expression word (-name, (, !).
                return command.Arguments.Skip(1).TakeWhile(a => a.Value is not { } v || v.Length == 0 || v[0] is not ('-' or '(' or '!')).ToArray();
            }
            default:
                return null;
        }
    }
}
