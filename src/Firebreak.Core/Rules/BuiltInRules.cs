using System.Collections.Generic;
using System.Linq;

namespace Firebreak.Core.Rules;

/// <summary>The rules that ship. Each family lists its own in its part of this class (BuiltInRules.*.cs).</summary>
public static partial class BuiltInRules
{
    /// <param name="catalogs">What the catalogue-driven rules match against; the built-in catalogues when null.</param>
    public static IReadOnlyList<Rule> FileRules(Analysis.CatalogSet? catalogs = null)
    {
        catalogs ??= Analysis.CatalogSet.Default;
        return DestructiveFileRules(catalogs).Concat(CredentialFileRules(catalogs)).Concat(BackupFileRules())
            .Concat(TerraformFileRules())
            .Concat(ApiFileRules(catalogs))
            .Concat(GateFileRules())
            .ToArray();
    }

    public static IReadOnlyList<ProjectRule> ProjectRules() =>
        DestructiveProjectRules().Concat(CredentialProjectRules()).Concat(BackupProjectRules()).Concat(CompoundProjectRules())
            .Concat(TerraformProjectRules())
            .Concat(GateProjectRules())
            .ToArray();

    private static partial IEnumerable<Rule> DestructiveFileRules(Analysis.CatalogSet catalogs);
    private static partial IEnumerable<Rule> CredentialFileRules(Analysis.CatalogSet catalogs);
    private static partial IEnumerable<Rule> BackupFileRules();
    private static partial IEnumerable<ProjectRule> DestructiveProjectRules();
    private static partial IEnumerable<ProjectRule> CredentialProjectRules();
    private static partial IEnumerable<ProjectRule> BackupProjectRules();
    private static partial IEnumerable<ProjectRule> CompoundProjectRules();
}
