using Firebreak.Core.Documents;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Destructive;

/// <summary>
/// Commands a PaaS runs on every deploy, and shell blocks in the files agents read as orders, are scripts (issue 10):
/// found at their place in the file; prose, other Markdown and other fences are left alone.
/// </summary>
public sealed class DeployConfigAndAgentInstructionTests
{
    [Theory]
    [InlineData("Procfile", FileKind.PaasConfig)]
    [InlineData("apps/api/fly.toml", FileKind.PaasConfig)]
    [InlineData("railway.json", FileKind.PaasConfig)]
    [InlineData("render.yaml", FileKind.PaasConfig)]
    [InlineData("heroku.yml", FileKind.PaasConfig)]
    [InlineData("config.toml", FileKind.Toml)]
    public void Deploy_configs_are_known_by_name(string path, FileKind kind) => Assert.Equal(kind, FileKindDetector.Detect(path, "x"));

    [Fact]
    public void A_procfile_release_that_resets_the_database_runs_on_every_deploy()
    {
        RuleHarness.Verify("Procfile", """
            web: node server.js
            release: npx prisma migrate {|FB1001:reset|} --force && node seed.js
            """, "FB1001");
    }

    [Fact]
    public void Toml_json_and_yaml_deploy_commands_are_scripts()
    {
        RuleHarness.VerifyProject(new[]
        {
            ("fly.toml", "app = \"shop\"\n[deploy]\n  release_command = \"bin/rails {|FB1001:db:reset|}\"\n[env]\n  note = \"bin/rails db:reset\"\n"),
            ("railway.toml", "[deploy]\npreDeployCommand = \"railway volume {|FB1001:delete|} vol_1 --yes\"\nstartCommand = \"npm start\"\n"),
            ("railway.json", "{ \"deploy\": { \"startCommand\": \"terraform {|FB1001:destroy|} -auto-approve && npm start\" }, \"name\": \"terraform destroy\" }"),
            ("render.yaml", "services:\n  - type: web\n    name: api\n    preDeployCommand: npx prisma migrate {|FB1001:reset|} --force\n    envVars: []\n"),
            ("heroku.yml", "release:\n  command: npx prisma migrate {|FB1001:reset|} --force\n"),
        }, "FB1001");
    }

    [Fact]
    public void Shell_fences_of_agent_instructions_are_scripts_and_prose_is_not()
    {
        RuleHarness.VerifyProject(new[]
        {
            ("AGENTS.md", """
                # Staging

                When staging is stuck, reset it:

                ```bash
                railway volume {|FB1001:delete|} staging-db --yes
                ```

                Never run `terraform destroy -auto-approve` yourself.

                ```console
                $ terraform {|FB1001:destroy|} -auto-approve
                terraform destroy -auto-approve finished
                ```

                ```text
                railway volume delete staging-db --yes
                ```
                """),
            (".claude/commands/reset-db.md", "Reset the local database:\n\n```sh\ndocker compose down {|FB1001:-v|}\n```\n"),
            (".cursor/rules/db.mdc", "---\ndescription: database\n---\n~~~shell\n{|FB1001:dropdb|} --if-exists shop\n~~~\n"),
            ("docs/operations.md", "```bash\nrailway volume delete staging-db --yes\n```\n"),
        }, "FB1001");
    }
}
