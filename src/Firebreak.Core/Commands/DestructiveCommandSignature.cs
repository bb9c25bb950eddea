using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Firebreak.Core.Commands;

/// <summary>What a destructive command's target must look like beyond its arguments' text.</summary>
public enum DestructiveTarget
{
    /// <summary>Any target.</summary>
    Any,

    /// <summary>
    /// <c>rm -r</c> targets: <c>/</c>, <c>/*</c>, <c>~</c>, a data directory (<c>/var/lib</c>, <c>/data</c>, <c>/srv</c>…), or a
    /// path that starts with a variable (<c>$DIR/</c>) which, if empty, makes the path absolute.
    /// </summary>
    DangerousPath,
}

/// <summary>One catalogue entry: a command that destroys data, and what changes how bad it is.</summary>
public sealed class DestructiveCommandSignature
{
    internal DestructiveCommandSignature(string id, IReadOnlyList<string> programs, IReadOnlyList<IReadOnlyList<string[]>> paths, string destroys)
    {
        Id = id;
        Programs = programs;
        Paths = paths;
        Destroys = destroys;
    }

    public string Id { get; }

    /// <summary>Program names (<c>terraform</c>, <c>tofu</c>), compared with <see cref="ShellCommand.Name"/>.</summary>
    public IReadOnlyList<string> Programs { get; }

    /// <summary>
    /// The subcommand paths, any of which matches (<c>volumes destroy</c>, <c>vol destroy</c>); each word lists
    /// alternatives (<c>ns|namespace</c>), and a <c>kind/name</c> argument matches <c>kind</c>. Empty: the program alone.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string[]>> Paths { get; }

    /// <summary>What it destroys, for the message: "the Railway volume and every backup stored on it".</summary>
    public string Destroys { get; }

    /// <summary>At least one of these options must be present (<c>-destroy</c>, <c>--volumes</c>, <c>--all</c>).</summary>
    public IReadOnlyList<string> RequiresAny { get; internal set; } = Array.Empty<string>();

    /// <summary>
    /// The platform whose data it destroys (the <c>platform:</c> key), matched with token kinds of the same platform by
    /// FB9001; null when the entry does not say, and then its ID's first word names it (<c>railway-volume-delete</c>).
    /// </summary>
    public string? Platform { get; internal set; }

    /// <summary>An argument after the path must match (<c>FLUSHALL</c>, a protected branch).</summary>
    public Regex? ArgumentPattern => ArgumentPatternSource?.Value;

    /// <summary>Built when first needed: building a linear-time regex costs more than matching most commands.</summary>
    internal Lazy<Regex>? ArgumentPatternSource { get; set; }

    /// <summary>Only the first argument after the path is tried against <see cref="ArgumentPattern"/> (<c>redis-cli FLUSHALL</c>, not <c>GET flushall</c>).</summary>
    public bool ArgumentFirst { get; internal set; }

    /// <summary>The standard input must match (<c>echo FLUSHALL | redis-cli</c>); an alternative to <see cref="ArgumentPattern"/>.</summary>
    public Regex? InputPattern => InputPatternSource?.Value;

    internal Lazy<Regex>? InputPatternSource { get; set; }

    public DestructiveTarget Target { get; internal set; }

    /// <summary>Whether backups of the data go with it by default.</summary>
    public bool BackupsDie { get; internal set; }

    /// <summary>Options that keep the backups when <see cref="BackupsDie"/> (<c>--no-delete-automated-backups</c>).</summary>
    public IReadOnlyList<string> KeepsBackups { get; internal set; } = Array.Empty<string>();

    /// <summary>Options that make backups die too (<c>--delete-automated-backups</c>).</summary>
    public IReadOnlyList<string> KillsBackups { get; internal set; } = Array.Empty<string>();

    /// <summary>False when the program never asks before destroying (AWS CLI, kubectl): confirmation is always skipped.</summary>
    public bool Prompts { get; internal set; } = true;

    /// <summary>Options that skip the confirmation prompt (<c>--yes</c>, <c>-auto-approve</c>, <c>--confirm app</c>).</summary>
    public IReadOnlyList<string> SkipConfirmation { get; internal set; } = Array.Empty<string>();

    /// <summary>Options that skip a safety net (<c>--skip-final-snapshot</c>, <c>--force</c> on a non-empty bucket).</summary>
    public IReadOnlyList<string> SkipSafety { get; internal set; } = Array.Empty<string>();

    /// <summary>Options or words that make the run harmless (<c>--dry-run</c>, <c>-n</c>): reported as a note.</summary>
    public IReadOnlyList<string> Neutralize { get; internal set; } = Array.Empty<string>();

    /// <summary>Options whose value names the target environment (<c>--environment</c>, <c>-e</c>).</summary>
    public IReadOnlyList<string> EnvironmentOptions { get; internal set; } = Array.Empty<string>();

    /// <summary>Options that take a value, so that the value is not read as a positional.</summary>
    public IReadOnlyList<string> OptionsWithValue { get; internal set; } = Array.Empty<string>();

    /// <summary>Read <c>-rf</c> as <c>-r -f</c>.</summary>
    public bool SplitShortFlags { get; internal set; }

    /// <summary>Where the finding points: the required flag (default when there is one), the matching argument, or the path.</summary>
    public string Report { get; internal set; } = "auto";

    public IReadOnlyList<string> MustMatch { get; internal set; } = Array.Empty<string>();
    public IReadOnlyList<string> MustNotMatch { get; internal set; } = Array.Empty<string>();

    /// <summary>The command as a user types it, for messages: <c>railway volume delete</c>.</summary>
    public string DisplayName
    {
        get
        {
            var parts = new List<string> { Programs[0] };
            if (Paths.Count > 0) foreach (var element in Paths[0]) parts.Add(element[0]);
            return string.Join(" ", parts);
        }
    }

    private CommandOptionSyntax? _syntax;

    internal CommandOptionSyntax Syntax => _syntax ??= new CommandOptionSyntax(SplitShortFlags, OptionsWithValue);

    public override string ToString() => Id;
}
