using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules.Backups;

namespace Firebreak.Core.Rules;

// Recovery readiness (FB3009).

/// <summary>Recovery readiness (FB3xxx) rules that reason about a data store and all of its backups.</summary>
public static partial class RuleIds
{
    public const string EveryBackupDiesWithDataStore = "FB3009";
}

public static partial class RuleCatalog
{
    public static readonly RuleDescriptor EveryBackupDiesWithDataStore = new(
        RuleIds.EveryBackupDiesWithDataStore,
        "EveryBackupDiesWithDataStore",
        RuleFamily.ColocatedBackup,
        "No backup of the data store survives its deletion",
        "{0}",
        "The recovery question, asked of each data store the repository defines: is there one copy of the data that outlives the store? A data store (a compose database, a Kubernetes database workload, an RDS instance) is reported, once, when every backup of it that the repository describes dies with it — written to the store's own volume, host path or claim, or deleted by the same delete or `terraform destroy` — with nothing sent off the host or kept after the delete. The backups are related locations. It stays quiet when no backup is described at all (the platform's default is not something the repository shows) and when at least one copy survives.",
        FindingLevel.Error,
        8.0,
        RulePrecision.High);

    private static partial IEnumerable<RuleDescriptor> BackupRules() => new[] { EveryBackupDiesWithDataStore };
}

public static partial class BuiltInRules
{
    private static partial IEnumerable<Rule> BackupFileRules() => new Rule[] { new EveryBackupDiesWithDataStoreRule() };

    private static partial IEnumerable<ProjectRule> BackupProjectRules() => new ProjectRule[] { new EveryKubernetesBackupDiesWithDataStoreRule() };
}
