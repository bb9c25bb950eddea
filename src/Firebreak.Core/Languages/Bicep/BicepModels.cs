using Firebreak.Core.Documents;

namespace Firebreak.Core.Languages.Bicep;

/// <summary>A document's Bicep syntax tree, parsed once; what the parser recovered from is an FB0001 note.</summary>
public static class BicepModels
{
    public static readonly ModelKey<BicepFile> Key = new("bicep", static doc =>
    {
        var file = BicepParser.Parse(doc.Text.Text);
        foreach (var diagnostic in file.Diagnostics) doc.ReportParseProblem("Bicep", diagnostic);
        return file;
    });

    extension(DocumentContext document)
    {
        /// <summary>The file parsed as Bicep, once.</summary>
        public BicepFile Bicep => document.Get(Key);
    }
}
