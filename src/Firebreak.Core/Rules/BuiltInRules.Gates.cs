using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules.Backups;
using Firebreak.Core.Rules.Destructive;

namespace Firebreak.Core.Rules;

public static partial class BuiltInRules
{
    internal static IEnumerable<Rule> GateFileRules() => new Rule[]
    {
        new ColocatedBackupRule(),
    };

    internal static IEnumerable<ProjectRule> GateProjectRules() => new ProjectRule[]
    {
        new DestructiveStepWithoutGateRule(),
        new BackupJobOnDatabaseClaimRule(),
        new Compound.DataLossPathRule(),
    };
}
