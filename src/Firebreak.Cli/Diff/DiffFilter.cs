using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Diff;

/// <summary>
/// <c>--diff-base REF</c>: keeps the findings a change introduces — on a line added or changed since REF (since the
/// merge base of REF and HEAD, as a pull request's diff is), or with a related location on one (a new credential that
/// makes an old delete reach production is the change's doing). Renames are followed; files git does not track yet are
/// new in whole. From a pre-commit hook, <c>--diff-base HEAD</c> is the staged change (pre-commit stashes the rest).
/// </summary>
public sealed class DiffFilter
{
    private readonly ChangedLines _changed;

    /// <summary>git's empty tree: what a repository with no commit yet is compared with.</summary>
    private const string EmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    private DiffFilter(string reference, string baseCommit, ChangedLines changed)
    {
        Reference = reference;
        BaseCommit = baseCommit;
        _changed = changed;
    }

    public string Reference { get; }
    public string BaseCommit { get; }

    /// <summary>Reads the diff of <paramref name="root"/> (a folder in a git work tree) since <paramref name="reference"/>.</summary>
    public static DiffFilter Load(string root, string reference)
    {
        // A value that git would read as an option is refused, not passed on (--output=… writes files).
        if (reference.Length == 0 || reference[0] == '-' || reference.Any(char.IsControl))
            throw new UsageException($"--diff-base '{reference}' is not a git revision");
        var resolved = Git(root, new[] { "rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}" }, allowFailure: true);
        string commit;
        if (resolved.ExitCode == 0)
        {
            commit = resolved.Stdout.Trim();
        }
        else if (reference == "HEAD" && Git(root, new[] { "rev-parse", "--is-inside-work-tree" }, allowFailure: true).ExitCode == 0)
        {
            // The first commit of a repository (a pre-commit hook before it): HEAD is unborn, so everything is new.
            commit = EmptyTree;
        }
        else
        {
            throw new UsageException($"--diff-base '{reference}': git knows no such commit in {root} (fetch it, e.g. actions/checkout with fetch-depth: 0)");
        }
        // The pull request's own change: from where it left the base branch, not what the base branch did since.
        var mergeBase = commit == EmptyTree ? null : Git(root, new[] { "merge-base", commit, "HEAD" }, allowFailure: true);
        string from = mergeBase is not null && mergeBase.ExitCode == 0 && mergeBase.Stdout.Trim().Length > 0 ? mergeBase.Stdout.Trim() : commit;
        var diff = Git(root, new[] { "diff", "--no-ext-diff", "--no-textconv", "--no-color", "--relative", "-U0", "-M", from, "--" }, allowFailure: false);
        var changed = ChangedLines.Parse(diff.Stdout);
        var untracked = Git(root, new[] { "ls-files", "-z", "--others", "--exclude-standard" }, allowFailure: false);
        foreach (var path in untracked.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries)) changed.AddWholeFile(path);
        return new DiffFilter(reference, from, changed);
    }

    private static GitReader.Output Git(string root, IEnumerable<string> args, bool allowFailure)
    {
        var output = GitReader.Run(root, args) ?? throw new UsageException("--diff-base needs git, which could not be started");
        if (output.ExitCode != 0 && !allowFailure)
        {
            string reason = output.Stderr.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? $"exit {output.ExitCode}";
            throw new UsageException($"--diff-base: git failed in {root}: {reason}");
        }
        return output;
    }

    public bool Introduced(Finding finding) =>
        Touches(finding.Location) || finding.RelatedLocations.Any(r => Touches(r.Location));

    private bool Touches(SourceLocation location)
    {
        if (_changed.IsWholeFile(location.Path)) return true;
        for (int line = location.Start.Line + 1; line <= location.End.Line + 1; line++)
        {
            if (_changed.Contains(location.Path, line)) return true;
        }
        return false;
    }

    /// <summary>The findings the change introduced, and how many were left out.</summary>
    public (AnalysisResult Result, int LeftOut) Filter(AnalysisResult result)
    {
        var kept = result.Findings.Where(Introduced).ToArray();
        return (new AnalysisResult(kept, result.FileCount, result.SuppressedCount, result.BaselinedCount), result.Findings.Count - kept.Length);
    }
}
