using System.Collections.Generic;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules;

/// <summary>
/// A rule (or a tight family of rules) over one file at a time. <see cref="AppliesTo"/> and
/// <see cref="MightMatch"/> are the cheap tests that run before any parse.
/// </summary>
public abstract class Rule
{
    public abstract IReadOnlyList<RuleDescriptor> Descriptors { get; }

    public abstract bool AppliesTo(FileKind kind);

    /// <summary>A keyword prefilter over the raw text; false means the file cannot hold a finding of this rule.</summary>
    public virtual bool MightMatch(string text) => true;

    public abstract void Analyze(DocumentContext document, FindingSink sink);
}

/// <summary>A rule over all files of a scan at once (a Terraform module, a workflow and the scripts it runs).</summary>
public abstract class ProjectRule
{
    public abstract IReadOnlyList<RuleDescriptor> Descriptors { get; }

    public abstract void Analyze(ProjectContext project, FindingSink sink);

    /// <summary>
    /// Per-file work the rule will read later (parsing the files it reads), done in the parallel per-file pass so that
    /// the cross-file pass, which runs on one thread, starts from built models. Reports nothing; a budget spent here
    /// stops the file as a file rule's would.
    /// </summary>
    public virtual void Prepare(DocumentContext document)
    {
    }

    /// <summary>
    /// Whether the rule walks <paramref name="document"/>'s transient models (its shell scripts' trees) in the
    /// cross-file pass: the engine then keeps them past the file's own pass instead of dropping them. Rules that read
    /// facts (operations, credentials, backups) need not; a rule that walks few files can let them be built again.
    /// </summary>
    public virtual bool ReadsTreesOf(DocumentContext document) => false;
}
