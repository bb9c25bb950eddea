using System;
using System.Collections.Generic;
using Firebreak.Core.Rules.Backups;

namespace Firebreak.Core.Rules;

public static partial class BuiltInRules
{
    private static partial IEnumerable<Rule> BackupFileRules() => new Rule[] { new EveryBackupDiesWithDataStoreRule() };

    private static partial IEnumerable<ProjectRule> BackupProjectRules() => new ProjectRule[] { new EveryKubernetesBackupDiesWithDataStoreRule() };
}
