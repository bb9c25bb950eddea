using System.IO;
using System.Linq;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Rules.Gates;

public sealed class DataLossPathRuleTests
{
    private const string Workflow = """
        on: push
        env:
          RAILWAY_API_TOKEN: ${{ secrets.RAILWAY_API_TOKEN }}
        jobs:
          cleanup:
            runs-on: ubuntu-latest
            steps:
              - run: |
                  curl -sS https://backboard.railway.app/graphql/v2 \
                    -H "Authorization: Bearer $RAILWAY_API_TOKEN" \
                    -d '{"query":"mutation { {|FB9001:volumeDelete|}(volumeId: \"vol_1\") }"}'
        """;

    [Fact]
    public void Volume_delete_with_an_account_token_is_one_critical_result_naming_all_three()
    {
        var findings = RuleHarness.VerifyProject(new[] { (".github/workflows/cleanup.yml", Workflow) }, RuleIds.DataLossPath);
        var finding = Assert.Single(findings);
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Equal(9.8, finding.Rule.SecuritySeverity);
        Assert.Contains("`volumeDelete`", finding.Message);
        Assert.Contains("RAILWAY_API_TOKEN", finding.Message);
        Assert.Contains("deletes the backups with the data", finding.Message);
        Assert.Equal("RAILWAY_API_TOKEN", Assert.Single(finding.RelatedLocations).Location.Snippet);
    }

    [Fact]
    public void A_colocated_backup_completes_the_path_when_the_operation_spares_backups()
    {
        var findings = RuleHarness.VerifyProject(new[]
        {
            (".github/workflows/pr.yml", """
                on: pull_request
                env:
                  RAILWAY_API_TOKEN: ${{ secrets.RAILWAY_API_TOKEN }}
                jobs:
                  close:
                    runs-on: ubuntu-latest
                    steps:
                      - run: railway service {|FB9001:delete|} --service api --yes
                """),
            ("docker-compose.yml", """
                services:
                  db:
                    image: postgres:16
                    volumes:
                      - pgdata:/var/lib/postgresql/data
                  backup:
                    image: prodrigestivill/postgres-backup-local:16
                    volumes:
                      - pgdata:/var/lib/postgresql/data
                volumes:
                  pgdata:
                """),
        }, RuleIds.DataLossPath);
        Assert.Equal(new[] { ".github/workflows/pr.yml", "docker-compose.yml" }, findings.Single().RelatedLocations.Select(r => r.Location.Path));
        // The backup model's summary is a fact of its own, not the finding's message cut at its first colon (which the
        // volume's `pgdata:/var/lib/…` would have split).
        Assert.Contains("(Backup service 'backup' writes to volume `pgdata`, the same storage as database service 'db' (pgdata:/var/lib/postgresql/data))",
            findings.Single().Message);
    }

    [Fact]
    public void A_project_named_token_sent_as_bearer_is_the_blanket_credential_FB2003_reports()
    {
        // One place decides what a blanket credential is: FB2003 and FB9001 agree on a RAILWAY_TOKEN sent as Bearer.
        var findings = RuleHarness.VerifyProject(new[]
        {
            (".github/workflows/cleanup.yml", Workflow.Replace("RAILWAY_API_TOKEN", "RAILWAY_TOKEN")
                .Replace("-H \"Authorization: Bearer $RAILWAY_TOKEN\"", "-H {|FB2003:\"Authorization: Bearer $RAILWAY_TOKEN\"|}")),
        }, RuleIds.DataLossPath, RuleIds.BlanketPlatformToken);
        var compound = Assert.Single(findings, f => f.RuleId == RuleIds.DataLossPath);
        Assert.Contains("`$RAILWAY_TOKEN` sent as a", compound.Message);
    }

    [Fact]
    public void Missing_any_of_the_three_or_another_platform_is_quiet()
    {
        // No blanket credential: a project token, sent the way Railway accepts project tokens.
        RuleHarness.VerifyProject(new[]
        {
            (".github/workflows/cleanup.yml", Workflow.Replace("{|FB9001:", string.Empty).Replace("|}(", "(").Replace("RAILWAY_API_TOKEN", "RAILWAY_TOKEN")
                .Replace("Authorization: Bearer", "Project-Access-Token:")),
        }, RuleIds.DataLossPath);
        // The credential is for another platform.
        RuleHarness.VerifyProject(new[]
        {
            (".github/workflows/cleanup.yml", """
                on: push
                env:
                  RAILWAY_API_TOKEN: ${{ secrets.RAILWAY_API_TOKEN }}
                jobs:
                  cleanup:
                    runs-on: ubuntu-latest
                    steps:
                      - run: aws rds delete-db-instance --db-instance-identifier app --skip-final-snapshot
                """),
        }, RuleIds.DataLossPath);
        // Backups survive and none is co-located.
        RuleHarness.VerifyProject(new[]
        {
            (".github/workflows/pr.yml", """
                on: pull_request
                env:
                  RAILWAY_API_TOKEN: ${{ secrets.RAILWAY_API_TOKEN }}
                jobs:
                  close:
                    runs-on: ubuntu-latest
                    steps:
                      - run: railway service delete --service api --yes
                """),
        }, RuleIds.DataLossPath);
    }

    [Fact]
    public void An_agent_allowed_everything_with_a_committed_account_token_and_colocated_backups()
    {
        var findings = RuleHarness.VerifyProject(new[]
        {
            (".claude/settings.json", """
                {
                  "permissions": {
                    "defaultMode": {|FB9001:"bypassPermissions"|}
                  }
                }
                """),
            (".env.railway", File.ReadAllText(Repository.PathOf("samples/incident/.env.railway"))),
            ("docker-compose.yml", """
                services:
                  db:
                    image: postgres:16
                    volumes:
                      - ./pg:/var/lib/postgresql/data
                  backup:
                    image: restic/restic
                    volumes:
                      - ./pg/restic:/repo
                """),
        }, RuleIds.DataLossPath);
        var finding = Assert.Single(findings);
        Assert.Contains("run any command", finding.Message);
        Assert.Equal(new[] { ".env.railway", "docker-compose.yml" }, finding.RelatedLocations.Select(r => r.Location.Path));
    }

    [Fact]
    public void An_agent_allowed_everything_without_colocated_backups_is_not_compound()
    {
        RuleHarness.VerifyProject(new[]
        {
            (".claude/settings.json", """{ "permissions": { "defaultMode": "bypassPermissions" } }"""),
            (".env.railway", File.ReadAllText(Repository.PathOf("samples/incident/.env.railway"))),
        }, RuleIds.DataLossPath);
    }
}
