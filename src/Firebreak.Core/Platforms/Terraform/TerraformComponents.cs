using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Hcl;

namespace Firebreak.Core.Platforms.Terraform;

/// <summary>
/// The scan's Terraform files split into components: modules joined by local calls (<c>source = "./x"</c>), each with
/// its variable files. A component holds every module one root can reach and every caller of each, so the rules see in
/// it exactly what they would see in the whole scan, and a monorepo of a thousand stacks is checked one stack at a
/// time: only one component's trees are alive at once (per thread), not the scan's.
/// </summary>
public static class TerraformComponents
{
    // Only the local sources of a file's module blocks: a fact that outlives the file's tree.
    private static readonly ModelKey<string[]> LinksKey = new("terraform-local-module-sources", static doc =>
    {
        // No `module` anywhere in the text, no module block: the tree is not built for this.
        if (doc.Text.Text.IndexOf("module", StringComparison.Ordinal) < 0) return Array.Empty<string>();
        var sources = new List<string>();
        foreach (var block in doc.Hcl.Body.Blocks("module"))
        {
            var call = new TerraformModuleCall(block.Label(0) ?? string.Empty, block, doc);
            if (call.IsLocal) sources.Add(call.Source!);
        }
        return sources.Count == 0 ? Array.Empty<string>() : sources.ToArray();
    });

    /// <summary>The local module sources of a file's <c>module</c> blocks (found once, kept after its tree is dropped).</summary>
    public static IReadOnlyList<string> LocalSourcesOf(DocumentContext document) => document.Get(LinksKey);

    /// <summary>The components, each a list of files in scan order; components ordered by their first directory.</summary>
    public static IReadOnlyList<IReadOnlyList<DocumentContext>> Of(ProjectContext project)
    {
        var directories = new Dictionary<string, List<DocumentContext>>(StringComparer.Ordinal);
        foreach (var document in project.Documents)
        {
            if (TerraformProject.ModuleDirectoryOf(document, out _) is not { } directory) continue;
            if (!directories.TryGetValue(directory, out var files)) directories[directory] = files = new List<DocumentContext>();
            files.Add(document);
        }
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var directory in directories.Keys) parent[directory] = directory;
        string Find(string d)
        {
            while (!string.Equals(parent[d], d, StringComparison.Ordinal))
            {
                parent[d] = parent[parent[d]];
                d = parent[d];
            }
            return d;
        }
        foreach (var pair in directories)
        {
            foreach (var document in pair.Value)
            {
                if (document.Kind == FileKind.TerraformVars) continue;
                foreach (var source in LocalSourcesOf(document))
                {
                    if (TerraformProject.Resolve(pair.Key, source) is not { } target || !directories.ContainsKey(target)) continue;
                    string a = Find(pair.Key), b = Find(target);
                    if (string.Equals(a, b, StringComparison.Ordinal)) continue;
                    // The smaller name leads: the grouping does not depend on the order files were read in.
                    if (string.CompareOrdinal(a, b) < 0) parent[b] = a;
                    else parent[a] = b;
                }
            }
        }
        var groups = new SortedDictionary<string, List<DocumentContext>>(StringComparer.Ordinal);
        foreach (var pair in directories.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string root = Find(pair.Key);
            if (!groups.TryGetValue(root, out var list)) groups[root] = list = new List<DocumentContext>();
            list.AddRange(pair.Value);
        }
        return groups.Values.ToArray();
    }
}
