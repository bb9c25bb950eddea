using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Commands;

namespace Firebreak.Core.Rules;

/// <summary>
/// The rules that ship. Each family lists its own in its part of this class, in the family's one file (Family.*.cs),
/// beside its rule IDs and descriptors: a new rule is one entry in each of the three parts, its page and its test.
/// </summary>
public static partial class BuiltInRules
{
    /// <param name="catalogs">What the catalogue-driven rules match against; the built-in catalogues when null.</param>
    public static IReadOnlyList<Rule> FileRules(Commands.CatalogSet? catalogs = null)
    {
        catalogs ??= Commands.CatalogSet.Default;
        return DestructiveFileRules(catalogs).Concat(CredentialFileRules(catalogs)).Concat(BackupFileRules())
            .Concat(TerraformFileRules())
            .Concat(AzureTemplateFileRules())
            .Concat(ApiFileRules(catalogs))
            .Concat(GateFileRules())
            .Concat(FormatFileRules())
            .Concat(GuardFileRules(catalogs))
            .ToArray();
    }

    /// <summary>The steps over all documents that run before the rules, in order.</summary>
    public static IReadOnlyList<DocumentPhase> DocumentPhases() => new DocumentPhase[] { new Platforms.GitLabCi.GitLabIncludedFiles.Phase(), new Platforms.Azure.BicepCompiledTemplates.Phase(), new Platforms.Helm.HelmCharts.Phase() };

    public static IReadOnlyList<ProjectRule> ProjectRules() =>
        DestructiveProjectRules().Concat(CredentialProjectRules()).Concat(BackupProjectRules())
            .Concat(TerraformProjectRules())
            .Concat(AzureTemplateProjectRules())
            .Concat(GateProjectRules())
            .Concat(FormatProjectRules())
            .ToArray();

    private static partial IEnumerable<Rule> DestructiveFileRules(Commands.CatalogSet catalogs);
    private static partial IEnumerable<Rule> CredentialFileRules(Commands.CatalogSet catalogs);
    private static partial IEnumerable<Rule> BackupFileRules();
    private static partial IEnumerable<ProjectRule> DestructiveProjectRules();
    private static partial IEnumerable<ProjectRule> CredentialProjectRules();
    private static partial IEnumerable<ProjectRule> BackupProjectRules();
}
