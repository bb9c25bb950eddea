using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules.Destructive;

namespace Firebreak.Core.Rules;

// Rules for the agent guard (FB1020-FB1022).

public static partial class RuleIds
{
    public const string LocalWorkDestroyed = "FB1020";
    public const string UnreadableCode = "FB1021";
    public const string DestructiveMcpTool = "FB1022";
}

public static partial class RuleCatalog
{
    public static readonly RuleDescriptor LocalWorkDestroyed = new(
        RuleIds.LocalWorkDestroyed,
        "LocalWorkDestroyed",
        RuleFamily.DestructiveOperation,
        "Command destroys uncommitted or local work",
        "{0}",
        "A command throws away work that exists nowhere else: `git reset --hard`, `git checkout -- <paths>`, `git restore` without `--staged`, `git clean -f`, `git stash drop`/`clear`, `git branch -D`, a recursive `rm` of the working copy itself (`.`, `*`, `./*`) or of a path outside it (`~`, `..`, an absolute path outside temporary folders), `find … -delete`/`-exec rm` and `xargs rm -r` over such roots, and truncations (`: > app.db`, `truncate -s 0`, `shred`) of data files. A CI job cleaning its own checkout does this routinely, so the rule is off in `scan`, the build and the editor unless `firebreak.yml` gives it a level (`rules: { FB1020: note }`); `firebreak guard` always runs it and asks the person before an agent does it.",
        FindingLevel.Note,
        5.0,
        RulePrecision.High)
    { EnabledByDefault = false };

    public static readonly RuleDescriptor UnreadableCode = new(
        RuleIds.UnreadableCode,
        "UnreadableCode",
        RuleFamily.DestructiveOperation,
        "Command runs code that cannot be read before it runs",
        "{0}",
        "What will run is not in the command: the program name comes from a variable (`a=rm; $a -rf /`), `eval` or `sh -c` of text computed at run time (`bash -c \"$(echo … | base64 -d)\"`), a script downloaded and piped to a shell (`curl … | sh`), `source <(…)`, or an interpreter one-liner (`python -c`, `node -e`, `perl -e`, `ruby -e`, `pwsh -c`, `php -r`) whose code is computed, or whose literal code deletes files or runs commands (`shutil.rmtree`, `fs.rmSync`, `os.system`, `child_process.exec`, `Remove-Item -Recurse`). Installers and build scripts do this by design (on the benchmark corpus it is 1,553 lines), so the rule is off in `scan`, the build and the editor unless `firebreak.yml` gives it a level (`rules: { FB1021: note }`); `firebreak guard` always runs it and asks the person, because no rule can judge what it cannot read.",
        FindingLevel.Note,
        5.0,
        RulePrecision.High)
    { EnabledByDefault = false };

    public static readonly RuleDescriptor DestructiveMcpTool = new(
        RuleIds.DestructiveMcpTool,
        "DestructiveMcpTool",
        RuleFamily.DestructiveOperation,
        "Destructive MCP tool call",
        "{0}",
        "An agent calls an MCP tool that deletes infrastructure or data: Neon `delete_project`, Supabase `delete_branch`, a Kubernetes server's `kubectl_delete`, a cloud server's delete tools. The catalogue (rules/catalogs/mcp-tools.yaml) names each server by its package, URL or name and its destructive tools; SQL sent through a tool (`execute_sql`, `run_sql`, `query`) is judged by the SQL rule (FB1003). MCP tools do not ask for confirmation, so a match is an error.",
        FindingLevel.Error,
        9.0,
        RulePrecision.High);

    private static IEnumerable<RuleDescriptor> GuardRules() => new[] { LocalWorkDestroyed, UnreadableCode, DestructiveMcpTool };

    /// <summary>
    /// Rules that are off in `scan` unless configured (a CI script cleaning its checkout is routine) and questions in `firebreak guard`
    /// (an agent about to do the same to a person's working copy should ask first).
    /// </summary>
    public static IReadOnlyList<RuleDescriptor> GuardAskedRules { get; } = new[] { LocalWorkDestroyed, UnreadableCode };
}

public static partial class BuiltInRules
{
    private static IEnumerable<Rule> GuardFileRules(Commands.CatalogSet catalogs) => new Rule[]
    {
        new LocalWorkDestroyedRule(catalogs.Commands),
        new UnreadableCodeRule(),
        new DestructiveMcpToolRule(), // the built-in MCP tool catalogue (CatalogSet.McpTools), read on first MCP call
    };
}
