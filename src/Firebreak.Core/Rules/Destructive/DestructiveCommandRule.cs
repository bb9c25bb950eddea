using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Destructive;

/// <summary>
/// FB1001: an executed command matches a destructive signature of rules/catalogs/commands.yaml. The shell model decides
/// what is executed (not echo arguments, comments or heredocs fed to cat); the catalogue decides what destroys; this
/// rule decides how bad it is from the escalations, the backup default, dry-run modes and the production context.
/// </summary>
public sealed class DestructiveCommandRule : ShellCommandRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.DestructiveCommand;

    private readonly DestructiveCommandCatalog _catalog;

    /// <param name="catalog">The signatures to match; the built-in catalogue when null.</param>
    public DestructiveCommandRule(DestructiveCommandCatalog? catalog = null) => _catalog = catalog ?? DestructiveCommandCatalog.Default;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    protected override void Check(ShellCommand command, ShellSource source, ShellCommandScope scope)
    {
        // The dictionary lookup on the program name inside Match rejects almost every command at once.
        if (DestructiveCommandMatcher.Match(command, _catalog) is not { } match) return;
        // A Dockerfile RUN step builds an image layer: a data directory it removes holds no data yet (the volume is
        // mounted over it when a container runs), so deleting files there destroys nothing.
        if (source.Host == "Dockerfile RUN" && match.Signature.Target == DestructiveTarget.DangerousPath) return;
        if (!scope.First(match.Span)) return;
        var (level, message) = Judge(match, source);
        scope.Sink.Report(Descriptor, scope.Document, match.Span, message, level, match.Signature.Id + ":" + command);
    }

    internal static (FindingLevel Level, string Message) Judge(DestructiveCommandMatch match, ShellSource source)
    {
        var signature = match.Signature;
        string head = $"`{match.DisplayName}` destroys {signature.Destroys}";
        if (match.Neutralizer != null)
            return (FindingLevel.Note, $"{head}, but `{match.Neutralizer}` makes this run a dry run, so this is a note; remove the command before the flag goes.");

        var reasons = new List<string>();
        var confirmation = match.Escalations.FirstOrDefault(e => e.Kind == EscalationKind.SkipsConfirmation && e.Span != null)
                           ?? match.Escalations.FirstOrDefault(e => e.Kind == EscalationKind.SkipsConfirmation);
        if (confirmation != null)
            reasons.Add(confirmation.Span != null ? $"`{confirmation.Text}` skips the confirmation" : $"{confirmation.Text}");
        foreach (var safety in match.Escalations.Where(e => e.Kind == EscalationKind.SkipsSafety))
            reasons.Add($"`{safety.Text}` removes a safety net");
        if (match.BackupsDie)
        {
            var kill = match.Escalations.FirstOrDefault(e => e.Kind == EscalationKind.KillsBackups && e.Span != null);
            string keep = signature.KeepsBackups.Count > 0 ? $" (pass `{signature.KeepsBackups[0]}` to keep them)" : string.Empty;
            reasons.Add(kill != null ? $"`{kill.Text}` deletes the backups too" : $"its backups are deleted with it{keep}");
        }
        if (match.ProductionEvidence != null)
            reasons.Add($"the target looks like production (`{match.ProductionEvidence}`)");
        else if (source.Context.Environment is { } environment && DestructiveCommandMatcher.LooksLikeProduction(environment))
            reasons.Add(source.Host.StartsWith("Ansible ", StringComparison.Ordinal)
                ? $"task '{source.Context.Name}' runs on hosts `{environment}`" // a play's hosts: stand for the environment
                : $"{Describe(source)} runs in environment `{environment}`");

        const string advice = "require a manual approval or a protected environment before it runs, and keep a backup outside what it deletes.";
        if (reasons.Count == 0)
            return (FindingLevel.Warning, $"{head}; it asks for confirmation and nothing marks the target as production, so this is a warning; {advice}");
        return (FindingLevel.Error, $"{head}: {string.Join("; ", reasons)}, so this is an error; {advice}");
    }

    private static string Describe(ShellSource source) =>
        source.Context.Name is { } name ? $"job '{name}'" : "this " + source.Host;
}
