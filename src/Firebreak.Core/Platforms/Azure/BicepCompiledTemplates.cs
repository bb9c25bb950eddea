using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Json;

namespace Firebreak.Core.Platforms.Azure;

/// <summary>
/// An ARM template that Bicep compiled from a file of the same scan (<c>main.json</c> beside <c>main.bicep</c>, with
/// <c>metadata._generator.name: "bicep"</c>) is read as plain JSON: its resources are the Bicep file's, and a finding
/// belongs where the fix is made, once. A compiled template without its source in the scan stays a template.
/// </summary>
public static class BicepCompiledTemplates
{
    public sealed class Phase : DocumentPhase
    {
        public override IReadOnlyList<DocumentContext> Apply(IReadOnlyList<DocumentContext> documents, AnalysisOptions options) =>
            WithoutCompiledOutput(documents, options);
    }

    public static IReadOnlyList<DocumentContext> WithoutCompiledOutput(IReadOnlyList<DocumentContext> documents, AnalysisOptions options)
    {
        HashSet<string>? sources = null;
        bool anyTemplate = false;
        foreach (var document in documents)
        {
            if (document.Kind == FileKind.Bicep) (sources ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(Stem(document.Path));
            else if (document.Kind == FileKind.ArmTemplate) anyTemplate = true;
        }
        if (sources is null || !anyTemplate) return documents;

        DocumentContext[]? result = null;
        for (int i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (document.Kind != FileKind.ArmTemplate || !sources.Contains(Stem(document.Path)) || !GeneratedByBicep(document)) continue;
            result ??= Copy(documents);
            result[i] = new DocumentContext(new SourceFile(document.Path, document.File.Text, FileKind.Json), options);
        }
        return result ?? documents;
    }

    private static bool GeneratedByBicep(DocumentContext document)
    {
        try
        {
            return document.Json.Root is JsonObject root && root.Get("metadata") is JsonObject metadata &&
                   metadata.Get("_generator") is JsonObject generator && generator.Get("name") is JsonString { Value: var name } &&
                   string.Equals(name, "bicep", StringComparison.OrdinalIgnoreCase);
        }
        catch (BudgetExceededException)
        {
            return false; // that file's analysis has stopped (noted)
        }
    }

    private static string Stem(string path)
    {
        string normalized = path.Replace('\\', '/');
        int dot = normalized.LastIndexOf('.');
        return dot > normalized.LastIndexOf('/') ? normalized.Substring(0, dot) : normalized;
    }

    private static DocumentContext[] Copy(IReadOnlyList<DocumentContext> documents)
    {
        var copy = new DocumentContext[documents.Count];
        for (int i = 0; i < copy.Length; i++) copy[i] = documents[i];
        return copy;
    }
}
