using System;
using System.Collections.Generic;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules.Destructive;

namespace Firebreak.Core.Rules;

// Destructive commands (FB1001, FB1011).

public static partial class RuleIds
{
    public const string DestructiveCommand = "FB1001";
    public const string DeleteThroughEmptyVariable = "FB1011";
}

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

    public static readonly RuleDescriptor DeleteThroughEmptyVariable = new(
        RuleIds.DeleteThroughEmptyVariable,
        "DeleteThroughEmptyVariable",
        RuleFamily.DestructiveOperation,
        "Recursive delete of a path that is / when a variable is empty",
        "`{0}` removes `{1}`: if `${2}` is empty or unset that is `{3}`; write `${{{2}:?}}` so the shell stops instead",
        "`rm -r`, `rm -rf` or `find … -delete` on `$VAR/`, `$VAR/*` or `$VAR/usr`-like paths where nothing in the script sets the variable first: an unset or empty variable turns the path into `/` or a system folder. The parameter expansion `${VAR:?}` makes the shell fail instead of expanding it. A note: the path is not data by itself (FB1001 judges data paths and variables named for data, such as `$DATA_DIR`).",
        FindingLevel.Note,
        4.0,
        RulePrecision.High);

    private static partial IEnumerable<RuleDescriptor> DestructiveRules() => new[]
    {
        DestructiveCommand,
        DeleteThroughEmptyVariable,
    };
}

public static partial class BuiltInRules
{
    private static partial IEnumerable<Rule> DestructiveFileRules(Commands.CatalogSet catalogs) => new Rule[]
    {
        new DestructiveCommandRule(catalogs.Commands),
        new DeleteThroughEmptyVariableRule(),
    };

    private static partial IEnumerable<ProjectRule> DestructiveProjectRules() => Array.Empty<ProjectRule>();
}
