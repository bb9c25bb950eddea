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
            foreach (var command in source.Commands)
            {
                if (command.Name is null) continue;
                if (Judge(command) is not { } found) continue;
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
                return command.Wrapper is { Name: "find" } ? null : Rm(command);
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
            i += v is "-C" or "-c" or "--git-dir" or "--work-tree" or "--namespace" ? 2 : 1;
        if (i >= args.Count || args[i].Value is not { } sub) return null;
        var rest = args.Skip(i + 1).ToArray();
        bool Has(params string[] names) => rest.Any(a => a.Value is { } v && names.Contains(v));
        bool HasShort(char letter) => rest.Any(a => a.Value is { Length: > 1 } v && v[0] == '-' && v[1] != '-' && v.IndexOf(letter) > 0);
        var subSpan = args[i].Span;
        switch (sub)
        {
            case "reset" when Has("--hard"):
                return (Span(rest, "--hard", subSpan), "`git reset --hard` discards every uncommitted change in tracked files, and moves the branch; changes never committed cannot be recovered. Commit or `git stash` them first.");
            case "checkout":
            {
                int dashes = Array.FindIndex(rest, a => a.Value == "--");
                bool paths = dashes >= 0 && dashes < rest.Length - 1;
                bool dot = rest.Any(a => a.Value is "." or "./" or "*" or ":/");
                bool force = Has("--force") || Has("-f");
                if (!paths && !dot && !force) return null;
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
            case "stash" when rest.Length > 0 && rest[0].Value is "drop" or "clear":
                return (rest[0].Span, $"`git stash {rest[0].Value}` deletes stashed work that is in no commit; it can only be fished out of unreachable objects until the next garbage collection. Apply or commit it first.");
            case "branch" when Has("-D") || ((Has("-d", "--delete")) && (Has("-f", "--force"))) || rest.Any(a => a.Value is { Length: > 2 } v && v[0] == '-' && v[1] != '-' && v.IndexOf('D') > 0):
                return (subSpan, "`git branch -D` deletes a branch even when its commits are merged nowhere else; unpushed commits on it are lost. Use `git branch -d`, which refuses in that case.");
            default:
                return null;
        }
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
        if (command.Wrapper is { Name: "xargs" } xargs)
        {
            // `… | xargs rm -r`: the targets are whatever the pipe lists.
            var input = xargs.Input;
            if (input?.Text is { } listed)
            {
                foreach (var word in listed.Split(new[] { ' ', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries))
                    if (Outside(word) is { } why) return (xargs.Span, $"`xargs rm -r` removes `{word}`, {why}; nothing there is in git. Name the paths, and keep them inside the working copy.");
                return null;
            }
            return (xargs.Span, "`xargs rm -r` removes whatever the pipe lists, which cannot be known before it runs; a wrong list deletes files git cannot bring back. Review the list first, or name the paths.");
        }
        foreach (var target in targets)
        {
            string raw = target.Value ?? target.LiteralPrefix;
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
        int delete = Array.FindIndex(expression, v => v == "-delete");
        int exec = Array.FindIndex(expression, v => v is "-exec" or "-execdir" or "-ok" or "-okdir");
        bool removes = delete >= 0 || (exec >= 0 && exec + 1 < expression.Length && expression[exec + 1] is "rm" or "/bin/rm" or "shred" or "unlink");
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
        if (p == "~" || p.StartsWith("~/", StringComparison.Ordinal) || p == "$HOME" || p.StartsWith("$HOME/", StringComparison.Ordinal))
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
