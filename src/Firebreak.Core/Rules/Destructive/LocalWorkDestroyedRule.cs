using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Rules.Destructive;

/// <summary>
/// FB1020: a command that destroys work that exists nowhere else — uncommitted changes, untracked files, stashes,
/// unmerged branches, the working copy itself, files outside it, the contents of a data file. Read from the shell model
/// (argv after wrappers), never from the text. A note in `scan`; the guard asks.
/// </summary>
public sealed class LocalWorkDestroyedRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.LocalWorkDestroyed;

    /// <summary>Files whose content is data, not text a tool regenerates: truncating one loses it.</summary>
    private static readonly string[] DataExtensions =
    {
        ".db", ".sqlite", ".sqlite3", ".db3", ".mdb", ".accdb", ".ldb", ".dump", ".bak", ".backup", ".sql", ".wal", ".rdb", ".aof",
        ".parquet", ".csv", ".tsv", ".jsonl", ".ndjson", ".pgdump", ".tar", ".gz", ".zip", ".kdbx",
    };

    private readonly DestructiveCommandCatalog _catalog;

    public LocalWorkDestroyedRule(DestructiveCommandCatalog? catalog = null) => _catalog = catalog ?? DestructiveCommandCatalog.Default;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) => ShellSources.CanHoldShell(kind);

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        foreach (var source in ShellSources.Of(document))
        {
            // A Dockerfile RUN builds an image layer: nothing in it is anyone's working copy.
            if (source.Host == "Dockerfile RUN") continue;
            string? away = null; // the folder outside the working copy a `cd` moved to, if any
            foreach (var command in source.Commands)
            {
                if (command.Name is null) continue;
                if (command.Name is "cd" or "pushd")
                {
                    away = LeftFor(command) ?? away;
                    continue;
                }
                if ((Judge(command) ?? (away is null ? null : RelativeRm(command, away))) is not { } found) continue;
                // What FB1001 already reports (rm -rf /, a force push to main) is not said twice.
                if (DestructiveCommandMatcher.Match(command, _catalog) is not null) continue;
                sink.Report(Descriptor, document, found.Span, found.Message, fingerprintText: command.ToString());
            }
        }
    }

    private static (TextSpan Span, string Message)? Judge(ShellCommand command)
    {
        switch (command.Name)
        {
            case "git":
                return Git(command);
            case "rm":
                return UnderFind(command) ? null : Rm(command);
            case "find":
                return Find(command);
            case "truncate":
                return Truncate(command);
            case "shred":
            {
                var target = command.Arguments.Skip(1).FirstOrDefault(a => a.Value is { Length: > 0 } v && v[0] != '-');
                return target is null ? null : (target.Span, $"`shred` overwrites `{target}` so its content cannot be recovered; it exists nowhere else unless it was backed up. Make sure it is meant to go, or move it aside instead.");
            }
            case ":":
            case "true":
                return Truncation(command, command.Name);
            case "cat" when command.Arguments.Count == 2 && command.Arguments[1].Value == "/dev/null":
                return Truncation(command, "cat /dev/null");
            default:
                return null;
        }
    }

    // ---- git -------------------------------------------------------------------------------------------------

    private static (TextSpan, string)? Git(ShellCommand command)
    {
        var args = command.Arguments;
        int i = 1;
        while (i < args.Count && args[i].Value is { } v && v.StartsWith("-", StringComparison.Ordinal))
            i += v is "-C" or "-c" or "--git-dir" or "--work-tree" or "--namespace" or "--config-env" or "--super-prefix" ? 2 : 1;
        if (i >= args.Count || args[i].Value is not { } sub) return null;
        var rest = args.Skip(i + 1).ToArray();
        // Options end at `--` (`git switch -- -f` switches to a branch named -f).
        int endOfOptions = Array.FindIndex(rest, a => a.Value == "--");
        var options = endOfOptions < 0 ? rest : rest.Take(endOfOptions).ToArray();
        bool Has(params string[] names) => options.Any(a => a.Value is { } v && names.Contains(v));
        // A short-option cluster up to its first letter that takes a value (`-bfeature` is -b with "feature").
        string valueLetters = sub switch { "checkout" => "bB", "switch" => "cC", _ => string.Empty };
        bool HasShort(char letter) => options.Any(a => a.Value is { Length: > 1 } v && v[0] == '-' && v[1] != '-'
            && v.IndexOf(letter) > 0 && (v.IndexOfAny(valueLetters.ToCharArray()) is var cut && (cut < 0 || v.IndexOf(letter) < cut)));
        if (Has("--help", "-h")) return null;
        var subSpan = args[i].Span;
        switch (sub)
        {
            case "reset" when Has("--hard"):
                return (Span(rest, "--hard", subSpan), "`git reset --hard` discards every uncommitted change in tracked files, and moves the branch; changes never committed cannot be recovered. Commit or `git stash` them first.");
            case "reset" when Has("--merge"):
                return (Span(rest, "--merge", subSpan), "`git reset --merge` resets the index and rewrites the files that differ from the target commit; staged changes to them are lost. Commit or `git stash` them first.");
            case "checkout":
            {
                int dashes = Array.FindIndex(rest, a => a.Value == "--");
                bool paths = dashes >= 0 && dashes < rest.Length - 1;
                bool dot = rest.Any(a => a.Value is "." or "./" or "*" or ":/");
                bool force = Has("--force") || Has("-f") || HasShort('f');
                bool fromFile = rest.Any(a => a.Value is { } v && v.StartsWith("--pathspec-from-file", StringComparison.Ordinal));
                // `git checkout <tree-ish> <path>…`: more than one operand means paths are overwritten.
                paths |= dashes < 0 && Operands(rest, "bB", new[] { "orphan", "conflict", "pathspec-from-file", "unified", "inter-hunk-context" }) > 1;
                if (!paths && !dot && !force && !fromFile) return null;
                return (subSpan, "`git checkout` over paths (or with `--force`) overwrites their uncommitted changes with the committed version; those changes cannot be recovered. Commit or `git stash` them first.");
            }
            case "restore" when !Has("--staged", "-S") || Has("--worktree", "-W"):
                if (rest.All(a => a.Value is { } v && v.StartsWith("-", StringComparison.Ordinal))) return null;
                return (subSpan, "`git restore` without `--staged` overwrites the uncommitted changes of the files it names; they cannot be recovered. Commit or `git stash` them first, or add `--staged` to only unstage.");
            case "clean" when (Has("--force") || HasShort('f')) && !Has("--dry-run", "-n") && !HasShort('n'):
            {
                bool ignored = HasShort('x') || HasShort('X');
                return (subSpan, $"`git clean -f` deletes untracked files{(HasShort('d') ? " and folders" : string.Empty)}{(ignored ? ", ignored ones included (local configuration, `.env` files, data)" : string.Empty)}; git never had them, so they cannot be recovered. Run `git clean -n` first to see what would go.");
            }
            case "switch" when Has("--discard-changes", "--force", "-f") || HasShort('f'):
                return (subSpan, "`git switch --discard-changes` (or `-f`) throws away the uncommitted changes of the working copy to switch branches; they cannot be recovered. Commit or `git stash` them first.");
            case "push" when (Has("--force", "-f") || HasShort('f') || rest.Any(a => a.Value is { Length: > 1 } v && v[0] == '+'))
                             && !rest.Any(a => a.Value is { } v && (v.StartsWith("--force-with-lease", StringComparison.Ordinal) || v == "--force-if-includes")):
                return (subSpan, "`git push --force` replaces the remote branch with the local one; commits others pushed since are dropped from it. Use `--force-with-lease`, which refuses when the remote moved.");
            case "worktree" when rest.Length > 0 && rest[0].Value is "remove" && (Has("--force", "-f") || HasShort('f')):
                return (rest[0].Span, "`git worktree remove --force` deletes the worktree folder with its uncommitted changes and untracked files; they cannot be recovered. Commit them first, or drop `--force` so git refuses.");
            case "stash" when rest.Length > 0 && rest[0].Value is "drop" or "clear":
                return (rest[0].Span, $"`git stash {rest[0].Value}` deletes stashed work that is in no commit; it can only be fished out of unreachable objects until the next garbage collection. Apply or commit it first.");
            case "branch" when Has("-D") || ((Has("-d", "--delete")) && (Has("-f", "--force"))) || rest.Any(a => a.Value is { Length: > 2 } v && v[0] == '-' && v[1] != '-' && v.IndexOf('D') > 0):
                return (subSpan, "`git branch -D` deletes a branch even when its commits are merged nowhere else; unpushed commits on it are lost. Use `git branch -d`, which refuses in that case.");
            default:
                return null;
        }
    }

    /// <summary>Arguments that are not options nor option values.</summary>
    private static int Operands(IReadOnlyList<CommandWord> words, string shortWithValue, string[] longWithValue)
    {
        int count = 0;
        for (int i = 0; i < words.Count; i++)
        {
            var v = words[i].Value ?? words[i].RawText;
            if (v.StartsWith("--", StringComparison.Ordinal))
            {
                if (v.IndexOf('=') < 0 && longWithValue.Contains(v.Substring(2))) i++;
                continue;
            }
            if (v.Length > 1 && v[0] == '-')
            {
                int letter = v.IndexOfAny(shortWithValue.ToCharArray(), 1);
                if (letter == v.Length - 1) i++; // `-b name`; `-bname` carries its value
                continue;
            }
            count++;
        }
        return count;
    }

    private static bool UnderFind(ShellCommand command)
    {
        for (var w = command.Wrapper; w is not null; w = w.Wrapper)
            if (w.Name == "find") return true;
        return false;
    }

    private static TextSpan Span(IEnumerable<CommandWord> words, string value, TextSpan fallback) =>
        words.FirstOrDefault(w => w.Value == value)?.Span ?? fallback;

    // ---- rm, find, xargs -------------------------------------------------------------------------------------

    private static (TextSpan, string)? Rm(ShellCommand command)
    {
        var args = command.Arguments;
        bool recursive = false, endOfOptions = false;
        var targets = new List<CommandWord>();
        for (int i = 1; i < args.Count; i++)
        {
            var v = args[i].Value;
            if (!endOfOptions && v == "--") { endOfOptions = true; continue; }
            if (!endOfOptions && v is { Length: > 1 } && v[0] == '-')
            {
                recursive |= v == "--recursive" || (v[1] != '-' && (v.IndexOf('r') > 0 || v.IndexOf('R') > 0));
                continue;
            }
            targets.Add(args[i]);
        }
        if (!recursive) return null;
        if (command.Wrapper is { Name: "xargs" or "parallel" } xargs)
        {
            // `… | xargs rm -r`: the targets are whatever the pipe lists (or a file of arguments, never known).
            var input = xargs.Input;
            bool fromFile = xargs.Arguments.Any(a => a.Value is { } v && (v is "-a" or "--arg-file" or "::::" || v.StartsWith("--arg-file=", StringComparison.Ordinal)));
            bool listed = targets.Count == 0 || targets.Any(t => t.RawText.Contains("{"));
            if (!listed && !fromFile) goto Targets; // the list was written out and the command built from it
            if (!fromFile && input?.Text is { } listedText && targets.Count == 0)
            {
                foreach (var word in listedText.Split(new[] { ' ', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries))
                    if (Outside(word) is { } why) return (xargs.Span, $"`xargs rm -r` removes `{word}`, {why}; nothing there is in git. Name the paths, and keep them inside the working copy.");
                return null;
            }
            return (xargs.Span, $"`{xargs.Name} rm -r` removes whatever {(fromFile ? "its argument file" : "the pipe")} lists, which cannot be known before it runs; a wrong list deletes files git cannot bring back. Review the list first, or name the paths.");
        }
        Targets:
        foreach (var target in targets)
        {
            string raw = target.Value ?? target.LiteralPrefix;
            if (target.Value is null && raw.Length == 0 && UnreadableCodeRule.HasSubstitution(target.Syntax.Parts))
                return (target.Span, $"`rm -r {target.RawText}` removes a path computed when the command runs, which cannot be known before it runs; name the path.");
            if (target.Value is null && !raw.StartsWith("~", StringComparison.Ordinal) && target.RawText is not ("$HOME" or "\"$HOME\"" or "${HOME}" or "\"${HOME}\"")) continue;
            string path = target.Value ?? (raw.Length > 0 ? raw : "~");
            if (Outside(path) is { } why)
                return (target.Span, $"`rm -r {target.RawText}` removes {why}; nothing there is in git, so it cannot be recovered. Keep deletions inside the working copy and name what goes.");
        }
        return null;
    }

    private static (TextSpan, string)? Find(ShellCommand command)
    {
        var args = command.Arguments;
        var roots = new List<CommandWord>();
        int i = 1;
        while (i < args.Count && args[i].Value is { } v && v.StartsWith("-", StringComparison.Ordinal) && v is "-H" or "-L" or "-P") i++;
        for (; i < args.Count; i++)
        {
            var v = args[i].Value ?? (args[i].RawText.StartsWith("~", StringComparison.Ordinal) || args[i].RawText.StartsWith("$HOME", StringComparison.Ordinal) ? args[i].RawText : null);
            if (v is null || v.StartsWith("-", StringComparison.Ordinal) || v is "(" or "!" or "\\(") break;
            roots.Add(args[i]);
        }
        var expression = args.Skip(i).Select(a => a.Value).ToArray();
        int delete = -1;
        for (int k = 0; k < expression.Length && delete < 0; k++)
        {
            if (expression[k] is "-exec" or "-execdir" or "-ok" or "-okdir")
            {
                // What follows -exec up to `;` or `+` is the command's arguments (`-exec echo -delete \;`).
                while (k < expression.Length && expression[k] is not (";" or "+" or "\\;")) k++;
                continue;
            }
            if (expression[k] == "-delete") delete = k;
        }
        int exec = Array.FindIndex(expression, v => v is "-exec" or "-execdir" or "-ok" or "-okdir");
        bool removes = delete >= 0 || (exec >= 0 && ExecProgram(expression, exec) is "rm" or "/bin/rm" or "/usr/bin/rm" or "shred" or "unlink");
        if (!removes) return null;
        bool filtered = expression.Any(v => v is "-name" or "-iname" or "-path" or "-ipath" or "-regex" or "-iregex" or "-newer" or "-mtime" or "-mmin" or "-atime" or "-size" or "-empty" or "-user" or "-wholename");
        var targets = roots.Count == 0 ? new[] { (Span: command.NameWord.Span, Raw: "(.)", Path: ".") } : roots.Select(r => (Span: r.Span, Raw: r.RawText, Path: r.Value ?? r.RawText)).ToArray();
        string how = delete >= 0 ? "-delete" : "-exec rm";
        foreach (var root in targets)
        {
            if (Outside(root.Path) is { } why && !IsWorkspaceItself(root.Path)) return (root.Span, $"`find {root.Raw} … {how}` deletes files under {why}; nothing there is in git. Narrow the root to the working copy.");
            if (!filtered && IsWorkspaceItself(root.Path))
                return (root.Span, $"`find {root.Raw} … {how}` with no name or path filter deletes the whole working copy, uncommitted work included. Add a `-name`/`-path` filter.");
        }
        return null;
    }

    /// <summary>Why a path an agent deletes is outside the working copy or is all of it; null when it is inside.</summary>
    private static string? Outside(string path)
    {
        string p = path.Trim();
        if (p.Length == 0) return null;
        if (IsWorkspaceItself(p)) return "the whole working copy, uncommitted work included";
        if (p.StartsWith("~", StringComparison.Ordinal) || p == "$HOME" || p.StartsWith("$HOME/", StringComparison.Ordinal))
            return $"`{p}`, in the home folder outside the working copy";
        if (p == ".." || p.StartsWith("../", StringComparison.Ordinal)) return $"`{p}`, outside the working copy";
        if (p.StartsWith("/", StringComparison.Ordinal))
        {
            foreach (var scratch in new[] { "/tmp/", "/var/tmp/", "/dev/shm/", "/private/tmp/" })
                if (p.StartsWith(scratch, StringComparison.Ordinal) && p.Length > scratch.Length) return null;
            return $"`{p}`, outside the working copy";
        }
        return null;
    }

    private static bool IsWorkspaceItself(string p) => p is "." or "./" or "*" or "./*" or ".*" or "./.*" or "./." or "-- ." ;

    /// <summary>The folder a <c>cd</c> leaves the working copy for (<c>cd ..</c>, <c>cd /srv</c>, <c>cd</c>), else null.</summary>
    private static string? LeftFor(ShellCommand cd)
    {
        if (cd.Arguments.Count == 1) return "~";
        var target = cd.Arguments.Skip(1).FirstOrDefault(a => a.Value is not { Length: > 1 } v || v[0] != '-');
        if (target?.Value is not { } path || path == "-") return null;
        return IsWorkspaceItself(path) || Outside(path) is null && !path.StartsWith("/", StringComparison.Ordinal) ? null : path;
    }

    /// <summary><c>cd .. &amp;&amp; rm -rf build</c>: a relative path removed after leaving the working copy.</summary>
    private static (TextSpan, string)? RelativeRm(ShellCommand command, string away)
    {
        if (command.Name != "rm" || !command.Arguments.Skip(1).Any(a => a.Value is { Length: > 1 } v && (v == "--recursive" || v[0] == '-' && v[1] != '-' && (v.IndexOf('r') > 0 || v.IndexOf('R') > 0))))
            return null;
        var target = command.Arguments.Skip(1).FirstOrDefault(a => a.Value is { Length: > 0 } v && v[0] != '-' && v[0] != '/' && v[0] != '~');
        if (target is null) return null;
        return (target.Span, $"`rm -r {target.RawText}` runs after `cd {away}`, so it removes `{away}/{target.Value}`, outside the working copy; nothing there is in git, so it cannot be recovered. Remove it from the working copy, or name the full path.");
    }

    /// <summary>The command of a <c>find -exec</c> after the wrappers that only pass it on (<c>env</c>, <c>sudo</c>, <c>command</c>, <c>busybox</c>).</summary>
    private static string? ExecProgram(IReadOnlyList<string?> expression, int exec)
    {
        int k = exec + 1;
        while (k < expression.Count && expression[k] is { } v && (v is "env" or "sudo" or "doas" or "command" or "busybox" or "nice" or "nohup" or "builtin" || v.StartsWith("-", StringComparison.Ordinal) || v.IndexOf('=') > 0))
            k++;
        return k < expression.Count ? expression[k] : null;
    }

    // ---- truncation ------------------------------------------------------------------------------------------

    private static (TextSpan, string)? Truncation(ShellCommand command, string how)
    {
        foreach (var redirection in command.Redirections)
        {
            if (redirection.Operator is not (">" or ">|") || redirection.FileDescriptor is not (null or "1")) continue;
            if (redirection.Target?.Value is not { } target || !IsDataFile(target)) continue;
            return (redirection.Span, $"`{how} > {target}` empties `{target}`, a data file; its content is gone unless it was backed up. Copy it aside first.");
        }
        return null;
    }

    private static (TextSpan, string)? Truncate(ShellCommand command)
    {
        var args = command.Arguments;
        bool toZero = false;
        CommandWord? target = null;
        for (int i = 1; i < args.Count; i++)
        {
            var v = args[i].Value;
            if (v is "-s" or "--size" && i + 1 < args.Count) { toZero |= args[i + 1].Value is "0" or "0K" or "0M"; i++; continue; }
            if (v is "-s0" or "--size=0") { toZero = true; continue; }
            if (v is { Length: > 0 } && v[0] != '-') target ??= args[i];
        }
        if (!toZero || target?.Value is not { } path || !IsDataFile(path)) return null;
        return (target.Span, $"`truncate -s 0 {path}` empties `{path}`, a data file; its content is gone unless it was backed up. Copy it aside first.");
    }

    private static bool IsDataFile(string path)
    {
        if (path.StartsWith("/dev/", StringComparison.Ordinal)) return false;
        string lower = path.ToLowerInvariant();
        return DataExtensions.Any(e => lower.EndsWith(e, StringComparison.Ordinal)) || lower.Contains("backup") || lower.Contains("dump");
    }
}
