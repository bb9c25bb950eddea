using System.Collections.Generic;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules;

public static partial class RuleCatalog
{
    public static readonly RuleDescriptor DestructiveCommand = new(
        RuleIds.DestructiveCommand,
        "DestructiveCommand",
        RuleFamily.DestructiveOperation,
        "Command destroys data",
        "{0}",
        "A script, pipeline step, container command or task runs a command that deletes a database, volume, bucket, environment, repository history or backups: `railway volume delete`, `terraform destroy`, `aws rds delete-db-instance`, `kubectl delete ns`, `docker compose down -v`, `redis-cli FLUSHALL`, `rm -rf` on a data directory, `git push --force` to main. Commands are found through wrappers (`sudo`, `env`, `xargs`, `timeout`, `sh -c`…) in every place shell hides: shell scripts, GitHub Actions `run:`, GitLab CI scripts, Dockerfile `RUN`, compose and Kubernetes commands, Makefiles, package.json scripts, Taskfiles and justfiles. The level is error when the command will not ask for confirmation, when the data's backups die with it, or when the target looks like production; a note under `--dry-run`.",
        FindingLevel.Warning,
        8.0,
        RulePrecision.High);

    private static partial IEnumerable<RuleDescriptor> DestructiveRules() => new[]
    {
        DestructiveCommand,
    };
}
