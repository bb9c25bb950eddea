using System.Collections.Generic;

namespace Firebreak.Core.Documents;

/// <summary>
/// A step over all documents of a scan, after detection and before any rule: a platform that re-reads some files in
/// the light of others (GitLab CI reads the files a pipeline includes as pipeline files). The engine runs the phases it
/// is given in order and names none of them.
/// </summary>
public abstract class DocumentPhase
{
    public abstract IReadOnlyList<DocumentContext> Apply(IReadOnlyList<DocumentContext> documents, AnalysisOptions options);
}
