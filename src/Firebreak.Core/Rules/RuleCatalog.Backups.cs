using System.Collections.Generic;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules;

public static partial class RuleCatalog
{
    public static readonly RuleDescriptor EveryBackupDiesWithDataStore = new(
        RuleIds.EveryBackupDiesWithDataStore,
        "EveryBackupDiesWithDataStore",
        RuleFamily.ColocatedBackup,
        "No backup of the data store survives its deletion",
        "{0}",
        "The recovery question, asked of each data store the repository defines: is there one copy of the data that outlives the store? A data store is reported, once, when every backup of it that the repository describes dies with it — written to the store's own volume or host path, with nothing sent off the host. The backups are related locations. It stays quiet when no backup is described at all (the platform's default is not something the repository shows) and when at least one copy survives.",
        FindingLevel.Error,
        8.0,
        RulePrecision.High);

    private static partial IEnumerable<RuleDescriptor> BackupRules() => new[] { EveryBackupDiesWithDataStore };
}
