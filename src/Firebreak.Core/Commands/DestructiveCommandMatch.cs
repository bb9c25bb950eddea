using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands;

public enum EscalationKind
{
    /// <summary>The command will not ask: <c>--yes</c>, <c>-auto-approve</c>, <c>--confirm name</c>, or a tool that never asks.</summary>
    SkipsConfirmation,

    /// <summary>A safety net is removed: <c>--skip-final-snapshot</c>.</summary>
    SkipsSafety,

    /// <summary>The backups are deleted too: <c>--delete-automated-backups</c>, or the default.</summary>
    KillsBackups,
}

/// <summary>One thing that makes a destructive command worse, and where it is written.</summary>
public sealed class CommandEscalation
{
    internal CommandEscalation(EscalationKind kind, string text, TextSpan? span)
    {
        Kind = kind;
        Text = text;
        Span = span;
    }

    public EscalationKind Kind { get; }

    /// <summary>The option as written (<c>--yes</c>), or a description when it is a default.</summary>
    public string Text { get; }

    /// <summary>Where the option is; null when the escalation is the tool's default behaviour.</summary>
    public TextSpan? Span { get; }
}

/// <summary>A command that matched a destructive signature, with everything that sets its level.</summary>
public sealed class DestructiveCommandMatch
{
    internal DestructiveCommandMatch(DestructiveCommandSignature signature, ShellCommand command, TextSpan span)
    {
        Signature = signature;
        Command = command;
        Span = span;
    }

    public DestructiveCommandSignature Signature { get; }
    public ShellCommand Command { get; }

    /// <summary>The program and subcommands as written: <c>rails db:reset</c>, <c>fly vol destroy</c>.</summary>
    public string DisplayName { get; internal set; } = string.Empty;

    /// <summary>The smallest part that explains the match: the subcommand, the required flag, the target, <c>FLUSHALL</c>.</summary>
    public TextSpan Span { get; }

    public List<CommandEscalation> Escalations { get; } = new();

    /// <summary>True when the command will not ask before destroying (a flag, or the tool never asks).</summary>
    public bool SkipsConfirmation { get; internal set; }

    /// <summary>Whether the data's backups go with it (the default, unless an option keeps them).</summary>
    public bool BackupsDie { get; internal set; }

    /// <summary>The option or mode that makes the run harmless (<c>--dry-run</c>), or null.</summary>
    public string? Neutralizer { get; internal set; }

    /// <summary>The word that names a production target (<c>prod-db</c>, <c>--environment production</c>), or null.</summary>
    public string? ProductionEvidence { get; internal set; }
    public TextSpan? ProductionSpan { get; internal set; }
}
