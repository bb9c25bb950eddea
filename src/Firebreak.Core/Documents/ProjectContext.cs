using System;
using System.Collections.Generic;
using System.Linq;

namespace Firebreak.Core.Documents;

/// <summary>All files of one scan, each with its shared parse cache; cross-file rules read it.</summary>
public sealed class ProjectContext
{
    private readonly Dictionary<string, DocumentContext> _byPath;

    public ProjectContext(IReadOnlyList<DocumentContext> documents, AnalysisOptions? options = null)
    {
        Documents = documents;
        Options = options ?? AnalysisOptions.Default;
        _byPath = new Dictionary<string, DocumentContext>(StringComparer.Ordinal);
        foreach (var document in documents) _byPath[document.Path] = document;
    }

    public IReadOnlyList<DocumentContext> Documents { get; }

    /// <summary>The options of the scan (cross-file rules read command-line inputs such as Terraform var files).</summary>
    public AnalysisOptions Options { get; }

    public DocumentContext? Find(string path) => _byPath.TryGetValue(path.Replace('\\', '/').TrimStart('.', '/'), out var doc) ? doc : (_byPath.TryGetValue(path, out doc) ? doc : null);

    public IEnumerable<DocumentContext> OfKind(FileKind kind) => Documents.Where(d => d.Kind == kind);
}
