using System.Collections.Generic;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules.Destructive;

namespace Firebreak.Core.Rules;

// Platform API calls and SQL (FB1002, FB1003).

public static partial class RuleIds
{
    public const string DestructiveApiCall = "FB1002";
    public const string DestructiveSql = "FB1003";
}

public static partial class RuleCatalog
{
    public static readonly RuleDescriptor DestructiveApiCall = new(
        RuleIds.DestructiveApiCall,
        "DestructiveApiCall",
        RuleFamily.DestructiveOperation,
        "Destructive control-plane API call",
        "{0}",
        "A script calls a platform's control-plane API (curl, wget, httpie, Invoke-RestMethod, `railway api`) with an operation that destroys a volume, database, project, environment or backup: a Railway GraphQL `volumeDelete`, a REST `DELETE` on Fly Machines, Heroku, Render, Neon, Supabase, Vercel, DigitalOcean, Cloudflare or GitHub. One such call with a broad token is how a production volume and its backups disappear. Remove the call from automation, or gate it behind a manual approval and a token scoped to the one resource it may delete.",
        FindingLevel.Error,
        9.0,
        RulePrecision.High,
        "http", "graphql");

    public static readonly RuleDescriptor DestructiveSql = new(
        RuleIds.DestructiveSql,
        "DestructiveSql",
        RuleFamily.DestructiveOperation,
        "Destructive SQL statement",
        "{0}",
        "A SQL statement drops a database, schema or table, truncates a table, or deletes or updates every row (no WHERE), in a .sql file, a migration's up step, or SQL sent to a client (`psql -c`, a heredoc, `mysql -e`, `sqlcmd -Q`). Dropping in a migration's down step is expected and not reported. Add a WHERE clause, keep a backup taken just before, or move the statement into a reviewed, reversible migration.",
        FindingLevel.Warning,
        7.5,
        RulePrecision.High,
        "sql");

    internal static IEnumerable<RuleDescriptor> ApiRules() => new[] { DestructiveApiCall, DestructiveSql };
}

public static partial class BuiltInRules
{
    internal static IEnumerable<Rule> ApiFileRules(Commands.CatalogSet catalogs) => new Rule[]
    {
        new DestructiveApiCallRule(catalogs.Apis),
        new DestructiveSqlRule(),
    };
}
