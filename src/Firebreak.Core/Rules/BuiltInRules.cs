using System.Collections.Generic;
using System.Linq;

namespace Firebreak.Core.Rules;

/// <summary>The rules that ship. Each family lists its own in its part of this class (BuiltInRules.*.cs).</summary>
public static partial class BuiltInRules
{
    public static IReadOnlyList<Rule> FileRules() =>
        DestructiveFileRules().Concat(CredentialFileRules()).Concat(BackupFileRules()).Concat(ApiFileRules())
            .Concat(TerraformFileRules())
            .Concat(GateFileRules())
            .ToArray();

    public static IReadOnlyList<ProjectRule> ProjectRules() =>
        DestructiveProjectRules().Concat(CredentialProjectRules()).Concat(BackupProjectRules()).Concat(CompoundProjectRules())
            .Concat(TerraformProjectRules())
            .Concat(GateProjectRules())
            .ToArray();

    private static partial IEnumerable<Rule> DestructiveFileRules();
    private static partial IEnumerable<Rule> CredentialFileRules();
    private static partial IEnumerable<Rule> BackupFileRules();
    private static partial IEnumerable<ProjectRule> DestructiveProjectRules();
    private static partial IEnumerable<ProjectRule> CredentialProjectRules();
    private static partial IEnumerable<ProjectRule> BackupProjectRules();
    private static partial IEnumerable<ProjectRule> CompoundProjectRules();
}
