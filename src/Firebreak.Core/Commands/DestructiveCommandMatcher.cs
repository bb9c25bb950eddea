using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands;

/// <summary>
/// Matches one executed command against the destructive-command catalogue. The program name is looked up first; only
/// the few signatures for that program look at the arguments.
/// </summary>
public static class DestructiveCommandMatcher
{
    /// <summary>How many stray words (values of global options we do not know) may precede the subcommand path.</summary>
    private const int MaxPathOffset = 3;

    /// <summary><c>prod</c> or <c>production</c> as a word inside a resource name: <c>prod-db</c>, <c>app_production</c>.</summary>

    /// <summary>Data directories whose removal, or any part of them, loses data.</summary>
    private static readonly Regex DataPath = new(
        @"^/(data|srv|mnt|backups?|volumes?|pgdata|var/lib/(postgresql|pgsql|mysql|mariadb|mongodb|redis|docker|etcd|elasticsearch|rabbitmq|clickhouse|cassandra|influxdb|minio)|var/opt/mssql|var/backups)(/.*)?$",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// A folder named for the state it keeps (<c>data</c>, <c>uploads</c>, <c>backups</c>…) anywhere under an absolute
    /// path — <c>/opt/app/data</c>, <c>/var/lib/web/uploads</c> — except scratch and cache trees.
    /// </summary>
    private static readonly Regex NamedDataFolder = new(
        @"^/(?!(tmp|var/tmp|var/cache|var/log|proc|dev|run)/)([^/]+/)+(data|uploads|storage|backups?|pgdata|db|database)(/.*)?$",
        RegexOptions.CultureInvariant);

    /// <summary>System directories, dangerous when removed whole (<c>/usr</c>, <c>/etc/*</c>), not a subfolder.</summary>
    private static readonly Regex SystemRoot = new(@"^/(usr|etc|var|home|opt|root|boot|bin|lib|lib64|sbin|Users)/?\*?$", RegexOptions.CultureInvariant);

    /// <summary>Variables that hold a build's scratch or output folder, set by whatever runs the script.</summary>
    private static readonly HashSet<string> ScratchVariables = new(StringComparer.Ordinal)
    {
        // Set by the harness or the system that runs the script, never empty there: oss-fuzz's build environment, the
        // system's temporary folder, the CI runner's folders. A project's own $BUILD_DIR may be unset, so it is not here.
        "WORK", "OUT", "SRC", "TMPDIR", "TMP", "TEMP", "RUNNER_TEMP", "RUNNER_TOOL_CACHE", "GITHUB_WORKSPACE", "CI_PROJECT_DIR", "CI_BUILDS_DIR",
    };

    private static readonly Regex LeadingVariable = new(@"^\$(\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))(/.*)?$", RegexOptions.CultureInvariant);

    /// <summary>Whether a resource or environment name reads as production: <c>prod</c>, <c>production</c>, <c>prd</c> as a word.</summary>
    public static bool LooksLikeProduction(string name) => EnvironmentClassifier.IsProduction(name);

    /// <summary>The first signature the command matches, or null.</summary>
    public static DestructiveCommandMatch? Match(ShellCommand command, DestructiveCommandCatalog catalog)
    {
        var candidates = catalog.ForProgram(command.Name);
        if (candidates.Count == 0) return null;
        foreach (var signature in candidates)
        {
            if (TryMatch(command, signature) is { } match) return match;
        }
        return null;
    }

    /// <summary>Matches one signature; exposed for the catalogue's self-tests.</summary>
    public static DestructiveCommandMatch? TryMatch(ShellCommand command, DestructiveCommandSignature signature)
    {
        if (command.Name == null || !signature.Programs.Contains(command.Name)) return null;
        var parsed = command.ParseArguments(signature.Syntax);
        if (AsksForHelp(parsed, signature)) return null;

        int afterPath = FindPath(parsed.Positionals, signature.Paths, out int pathStart);
        if (afterPath < 0) return null;
        // `aws rds delete-db-instance help` prints the operation's manual: a lone trailing `help` right after the path.
        if (afterPath > 0 && parsed.Positionals.Count == afterPath + 1 && parsed.Positionals[afterPath].Value == "help"
            && command.Arguments[command.Arguments.Count - 1].Span == parsed.Positionals[afterPath].Span)
            return null;
        TextSpan pathSpan = afterPath > 0 ? parsed.Positionals[afterPath - 1].Span : command.NameWord.Span;

        TextSpan? flagSpan = null;
        if (signature.RequiresAny.Count > 0)
        {
            var required = Find(parsed, signature.RequiresAny);
            if (required == null) return null;
            flagSpan = required.NameSpan;
        }

        TextSpan? argumentSpan = null;
        if (signature.ArgumentPattern != null || signature.InputPattern != null)
        {
            argumentSpan = MatchArgument(command, parsed, afterPath, signature);
            if (argumentSpan == null) return null;
        }
        if (signature.Target == DestructiveTarget.DangerousPath)
        {
            for (int i = afterPath; i < parsed.Positionals.Count && argumentSpan == null; i++)
                if (IsDangerousPath(parsed.Positionals[i])) argumentSpan = parsed.Positionals[i].Span;
            if (argumentSpan == null) return null;
        }

        TextSpan span = signature.Report switch
        {
            "flag" when flagSpan != null => flagSpan.Value,
            "arg" when argumentSpan != null => argumentSpan.Value,
            "path" => pathSpan,
            _ => flagSpan ?? argumentSpan ?? pathSpan,
        };
        var words = new List<string> { command.Name };
        for (int i = pathStart; i < afterPath; i++) words.Add(parsed.Positionals[i].Value ?? string.Empty);
        var match = new DestructiveCommandMatch(signature, command, span) { DisplayName = string.Join(" ", words) };

        if (!signature.Prompts)
        {
            match.SkipsConfirmation = true;
            match.Escalations.Add(new CommandEscalation(EscalationKind.SkipsConfirmation, $"`{command.Name}` does not ask for confirmation", null));
        }
        if (Find(parsed, signature.SkipConfirmation) is { } yes)
        {
            match.SkipsConfirmation = true;
            match.Escalations.Add(new CommandEscalation(EscalationKind.SkipsConfirmation, yes.Name, yes.NameSpan));
        }
        if (Find(parsed, signature.SkipSafety) is { } unsafeOption)
            match.Escalations.Add(new CommandEscalation(EscalationKind.SkipsSafety, unsafeOption.Name, unsafeOption.NameSpan));

        bool backupsDie = signature.BackupsDie && Find(parsed, signature.KeepsBackups) == null;
        if (backupsDie)
            match.Escalations.Add(new CommandEscalation(EscalationKind.KillsBackups, "backups are deleted with it by default", null));
        if (Find(parsed, signature.KillsBackups) is { } kill)
        {
            backupsDie = true;
            match.Escalations.Add(new CommandEscalation(EscalationKind.KillsBackups, kill.Name, kill.NameSpan));
        }
        match.BackupsDie = backupsDie;

        match.Neutralizer = FindNeutralizer(parsed, afterPath, signature);
        FindProduction(parsed, afterPath, signature, match);
        return match;
    }

    private static bool AsksForHelp(ParsedArguments parsed, DestructiveCommandSignature signature)
    {
        // By index: the options are read through an interface, whose enumerator is an allocation per command.
        var options = parsed.Options;
        for (int i = 0; i < options.Count; i++)
        {
            var option = options[i];
            if (option.Name == "--help") return true;
            if (option.Name == "-h" && !signature.OptionsWithValue.Contains("-h") && !option.HasValue) return true;
        }
        return parsed.Positionals.Count > 0 && parsed.Positionals[0].Value == "help";
    }

    /// <summary>The index of the first positional after the matched path, or -1.</summary>
    private static int FindPath(IReadOnlyList<CommandWord> positionals, IReadOnlyList<IReadOnlyList<string[]>> paths, out int pathStart)
    {
        pathStart = 0;
        if (paths.Count == 0) return 0;
        foreach (var path in paths)
        {
            int lastStart = Math.Min(MaxPathOffset, positionals.Count - path.Count);
            for (int start = 0; start <= lastStart; start++)
            {
                bool all = true;
                for (int k = 0; k < path.Count && all; k++) all = PathElementMatches(positionals[start + k].Value, path[k]);
                if (all)
                {
                    pathStart = start;
                    return start + path.Count;
                }
            }
        }
        return -1;
    }

    private static bool PathElementMatches(string? value, string[] alternatives)
    {
        if (value == null) return false;
        // kubectl's kind list: `statefulsets,persistentvolumeclaims` deletes both kinds.
        if (value.IndexOf(',') > 0 && value.IndexOf('/') < 0) return AnyKindMatches(value, alternatives);
        foreach (var alternative in alternatives)
        {
            if (string.Equals(value, alternative, StringComparison.Ordinal)) return true;
            // kubectl's `kind/name` form: `ns/staging` is a namespace.
            if (value.Length > alternative.Length && value[alternative.Length] == '/' && value.StartsWith(alternative, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    // Apart from the one above: a lambda there made every call allocate its closure, comma or not.
    private static bool AnyKindMatches(string kinds, string[] alternatives)
    {
        foreach (var kind in kinds.Split(','))
            if (kind.Length > 0 && PathElementMatches(kind, alternatives)) return true;
        return false;
    }

    private static CommandOption? Find(ParsedArguments parsed, IReadOnlyList<string> names)
    {
        if (names.Count == 0) return null;
        var options = parsed.Options;
        for (int i = 0; i < options.Count; i++)
            for (int k = 0; k < names.Count; k++)
                if (string.Equals(options[i].Name, names[k], StringComparison.Ordinal)) return options[i];
        return null;
    }

    private static TextSpan? MatchArgument(ShellCommand command, ParsedArguments parsed, int afterPath, DestructiveCommandSignature signature)
    {
        if (signature.ArgumentPattern is { } pattern)
        {
            int last = signature.ArgumentFirst ? Math.Min(afterPath + 1, parsed.Positionals.Count) : parsed.Positionals.Count;
            for (int i = afterPath; i < last; i++)
                if (parsed.Positionals[i].Value is { } value && pattern.IsMatch(value)) return parsed.Positionals[i].Span;
            if (!signature.ArgumentFirst)
            foreach (var option in parsed.Options)
                if (option.Value is { } value && option.ValueSpan is { } valueSpan && pattern.IsMatch(value)) return valueSpan;
        }
        if (signature.InputPattern is { } input && command.Input?.Text is { } text && input.IsMatch(text))
            return command.Input.Span;
        return null;
    }

    private static string? FindNeutralizer(ParsedArguments parsed, int afterPath, DestructiveCommandSignature signature)
    {
        if (signature.Neutralize.Count == 0) return null;
        if (Find(parsed, signature.Neutralize) is { } option)
        {
            // `--dry-run=false` / `--dry-run=none` does run.
            if (option.Value is "false" or "none" or "0") return null;
            return option.Name;
        }
        for (int i = afterPath; i < parsed.Positionals.Count; i++)
            foreach (var word in signature.Neutralize)
                if (string.Equals(parsed.Positionals[i].Value, word, StringComparison.Ordinal)) return word;
        return null;
    }

    private static void FindProduction(ParsedArguments parsed, int afterPath, DestructiveCommandSignature signature, DestructiveCommandMatch match)
    {
        foreach (var option in parsed.Options)
        {
            string? value = option.Value ?? option.ValueWord?.LiteralPrefix;
            if (value == null || option.ValueSpan == null) continue;
            bool environment = signature.EnvironmentOptions.Contains(option.Name) || option.Name is "--environment" or "--env" or "--stage" or "--context" or "--project" or "--app" or "-a" or "--namespace" or "-n";
            if (environment && EnvironmentClassifier.IsProduction(value))
            {
                match.ProductionEvidence = $"{option.Name} {value}";
                match.ProductionSpan = option.ValueSpan;
                return;
            }
        }
        for (int i = afterPath; i < parsed.Positionals.Count; i++)
        {
            var word = parsed.Positionals[i];
            string value = word.Value ?? word.LiteralPrefix;
            if (value.Length > 0 && EnvironmentClassifier.IsProduction(value))
            {
                match.ProductionEvidence = value;
                match.ProductionSpan = word.Span;
                return;
            }
        }
        foreach (var option in parsed.Options)
        {
            if (option.Value is { } value && option.ValueSpan is { } span && EnvironmentClassifier.IsProduction(value))
            {
                match.ProductionEvidence = $"{option.Name} {value}";
                match.ProductionSpan = span;
                return;
            }
        }
    }

    /// <summary>Whether removing <paramref name="word"/> recursively loses data: see <see cref="DestructiveTarget.DangerousPath"/>.</summary>
    public static bool IsDangerousPath(CommandWord word)
    {
        if (word.Value is { } value) return IsDangerousStaticPath(value);
        // "$DIR/" with DIR empty is "/": read the word without its quotes and substitute nothing for a leading variable.
        string raw = word.RawText.Replace("\"", string.Empty);
        var match = LeadingVariable.Match(raw);
        if (!match.Success) return false;
        string name = match.Groups[2].Success ? match.Groups[2].Value : match.Groups[3].Value;
        if (name == "HOME") return match.Groups[4].Value is "" or "/" or "/*";
        // Build scratch: a fuzzing or packaging script's $WORK, $OUT or $TMPDIR is set by the harness that runs it, and
        // what is under it is build output, not data. Reading it as empty (so `rm -rf $OUT/*` as `rm -rf /*`) was the
        // source of nearly every false FB1001 on real repositories.
        if (ScratchVariables.Contains(name)) return false;
        if (!match.Groups[4].Success) return false;
        string rest = match.Groups[4].Value;
        // `$DATA_DIR/`: the variable's name says it holds data, so removing what it points at loses data whatever it is.
        if (IsRootLike(rest)) return NamesData(name);
        // `$APP/data`, `$ROOT/var/lib/mysql`: the path names data whatever the variable holds. A path that is only
        // dangerous when the variable is empty (`$DIR/`, `$PREFIX/usr`) is FB1011's, not a data loss.
        string trimmed = rest.Length > 1 ? rest.TrimEnd('/') : rest;
        return DataPath.IsMatch(trimmed) || NamedDataFolder.IsMatch(trimmed);
    }

    /// <summary>
    /// The variable of an unguarded <c>$VAR/…</c> path that, with the variable empty or unset, is the root or a system
    /// folder (<c>rm -rf "$DIR/"</c> is <c>rm -rf /</c>); null when the word is not one (<c>${DIR:?}/</c> stops the
    /// shell instead, a scratch variable the harness sets is never empty, <c>$HOME</c> is FB1001's).
    /// </summary>
    public static (string Name, string Expanded)? VariableThatCanExpandToRoot(CommandWord word)
    {
        if (word.Value is not null) return null;
        var match = LeadingVariable.Match(word.RawText.Replace("\"", string.Empty));
        if (!match.Success || !match.Groups[4].Success) return null;
        string name = match.Groups[2].Success ? match.Groups[2].Value : match.Groups[3].Value;
        if (name == "HOME" || ScratchVariables.Contains(name)) return null;
        return IsRootLike(match.Groups[4].Value) ? (name, match.Groups[4].Value) : null;
    }

    private static bool IsRootLike(string rest) => rest is "/" or "/*" or "/." or "/.*" or "//" || SystemRoot.IsMatch(rest);

    private static readonly HashSet<string> DataWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "DATA", "PGDATA", "DB", "DATABASE", "BACKUP", "BACKUPS", "VOLUME", "VOLUMES", "UPLOADS", "STORAGE",
    };

    /// <summary><c>DATA_DIR</c>, <c>PGDATA</c>, <c>BACKUP_PATH</c>: a name with a word that says what it holds.</summary>
    private static bool NamesData(string name) => name.Split('_').Any(DataWords.Contains);

    public static bool IsDangerousStaticPath(string path)
    {
        if (path.Length == 0) return false;
        // A Windows path (PowerShell's `Remove-Item -Recurse C:\data\postgres`) is judged as the same path from a root:
        // `C:\` is the root, `D:\backups` a backup folder; Windows folders are not case-sensitive.
        if (path.Length >= 2 && char.IsLetter(path[0]) && path[1] == ':' && (path.Length == 2 || path[2] is '\\' or '/'))
            path = "/" + path.Substring(Math.Min(3, path.Length)).Replace('\\', '/').ToLowerInvariant();
        if (path is "/" or "/*" or "/." or "~" or "~/" or "~/*" or "//") return true;
        string trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        return SystemRoot.IsMatch(path) || DataPath.IsMatch(trimmed) || NamedDataFolder.IsMatch(trimmed);
    }
}
