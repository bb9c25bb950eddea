using System.Collections.Generic;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Rules;

/// <summary>
/// A rule over the commands a file runs. The framework walks every script the file holds — a shell file, each workflow
/// or GitLab step, Dockerfile RUN, Makefile recipe, package.json script… (<see cref="ShellSources"/>, parsed once per
/// file and shared) — and hands the rule each command with its script (host, job, environment and triggers); the rule
/// only judges.
/// </summary>
public abstract class ShellCommandRule : Rule
{
    public override bool AppliesTo(FileKind kind) => ShellSources.CanHoldShell(kind);

    public sealed override void Analyze(DocumentContext document, FindingSink sink)
    {
        var scope = new ShellCommandScope(document, sink);
        AnalyzeOther(scope);
        foreach (var source in ShellSources.Of(document))
        {
            if (SkipsImageBuilds && source.Host == "Dockerfile RUN") continue;
            foreach (var command in source.Commands) Check(command, source, scope);
        }
    }

    /// <summary>
    /// A Dockerfile RUN builds an image layer: it holds no data yet, nobody's working copy, and downloading installers
    /// is what it is for. Rules about data on a host leave those scripts out.
    /// </summary>
    protected virtual bool SkipsImageBuilds => false;

    /// <summary>Judges one command of <paramref name="source"/>; reports through <paramref name="scope"/>.</summary>
    protected abstract void Check(ShellCommand command, ShellSource source, ShellCommandScope scope);

    /// <summary>What the file holds besides scripts (a <c>.sql</c> file's statements), before the commands.</summary>
    protected virtual void AnalyzeOther(ShellCommandScope scope)
    {
    }
}

/// <summary>One file's walk: where to report, and which places were reported already.</summary>
public sealed class ShellCommandScope
{
    private HashSet<int>? _reported;

    internal ShellCommandScope(DocumentContext document, FindingSink sink)
    {
        Document = document;
        Sink = sink;
    }

    public DocumentContext Document { get; }
    public FindingSink Sink { get; }

    /// <summary>True the first time a finding starts at <paramref name="span"/>'s start in this file (a command a workflow
    /// and its wrapper both show is reported once).</summary>
    public bool First(TextSpan span) => (_reported ??= new HashSet<int>()).Add(span.Start);
}
