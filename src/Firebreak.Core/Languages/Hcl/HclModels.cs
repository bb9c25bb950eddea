using System;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Languages.Hcl;

/// <summary>A document's HCL tree: parsed once, on first use, with its problems reported to the document.</summary>
public static class HclModels
{
    public static readonly ModelKey<HclFile> Key = new("hcl", static doc =>
    {
        bool json = doc.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        // A plan's planned values read as resource blocks, so the module rules check what will be applied.
        var hcl = doc.Kind == FileKind.TerraformPlanJson ? HclJsonConverter.ConvertPlannedValues(doc.Text.Text)
            : json ? HclParser.ParseJson(doc.Text.Text) : HclParser.Parse(doc.Text.Text);
        foreach (var diagnostic in hcl.Diagnostics) doc.ReportParseProblem(json ? "Terraform JSON" : "HCL", diagnostic);
        return hcl;
    }, transient: true); // dropped after the file's own pass; the Terraform rules build one component's trees at a time

    extension(DocumentContext document)
    {
        /// <summary>
        /// The file parsed as HCL, once: native syntax for <c>.tf</c>/<c>.tofu</c>/<c>.tfvars</c>, JSON syntax for
        /// <c>.tf.json</c>/<c>.tfvars.json</c>.
        /// </summary>
        public HclFile Hcl => document.Get(Key);
    }
}
