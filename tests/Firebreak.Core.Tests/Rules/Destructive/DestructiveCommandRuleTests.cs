using System.Linq;
using Firebreak.Core.Tests.Infrastructure;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Rules.Destructive;

public class DestructiveCommandRuleTests
{
    private const string Id = "FB1001";

    private static Finding Single(string path, string markup) => Assert.Single(RuleHarness.Verify(path, markup, Id));

    // ---- guard bypasses: each must be found, on the word that explains it -------------------------------

    [Theory]
    [InlineData("FOO=1 railway volume {|FB1001:delete|} --volume pg --yes")]
    [InlineData("sudo -E bash -c \"terraform {|FB1001:destroy|} -auto-approve\"")]
    [InlineData("\\rm -rf {|FB1001:/var/lib/postgresql/data|}")]
    [InlineData("command rm -rf {|FB1001:/srv|}")]
    [InlineData("find /old -mtime +7 | xargs rm -rf {|FB1001:/data/archive|}")]
    [InlineData("echo {|FB1001:FLUSHALL|} | redis-cli -h cache")]
    [InlineData("x=$({|FB1001:dropdb|} app_production)")]
    [InlineData("aws rds {|FB1001:delete-db-instance|} \\\n  --db-instance-identifier shop \\\n  --skip-final-snapshot")]
    [InlineData("rm -r -f {|FB1001:/|}")]
    [InlineData("env -i PATH=/usr/bin kubectl delete {|FB1001:ns|} staging")]
    [InlineData("nohup helm {|FB1001:uninstall|} postgres -n db &")]
    [InlineData("timeout 60 pulumi {|FB1001:destroy|} --yes")]
    [InlineData("bash -c \"sh -c 'docker volume {|FB1001:rm|} pgdata'\"")]
    [InlineData("if {|FB1001:dropdb|} app; then echo gone; fi")]
    [InlineData("docker compose down {|FB1001:-v|} || true")]
    [InlineData("rm -rf {|FB1001:\"$DATA_DIR/\"|}")]
    [InlineData("git push {|FB1001:--force|} origin main")]
    [InlineData("ssh db1 'redis-cli {|FB1001:FLUSHALL|}'")]
    [InlineData("eval \"terraform {|FB1001:destroy|} -auto-approve\"")]
    [InlineData("bash <<'EOF'\nset -e\ntofu {|FB1001:destroy|}\nEOF")]
    [InlineData("git push {|FB1001:--force-with-lease|} origin main")]
    [InlineData("kubectl delete {|FB1001:ns/production|}")]
    public void Bypasses_of_runtime_guards_are_found(string markup) => RuleHarness.Verify("scripts/run.sh", markup, Id);

    // ---- package runners run the package's binary with the rest of argv ----------------------------------

    [Theory]
    [InlineData("npx cdk {|FB1001:destroy|} --all --force")]
    [InlineData("npx -y wrangler d1 {|FB1001:delete|} my-db -y")]
    [InlineData("pnpm dlx prisma migrate {|FB1001:reset|} --force")]
    [InlineData("bunx --bun prisma migrate {|FB1001:reset|} --force")]
    [InlineData("npm exec -- cdk {|FB1001:destroy|} --force")]
    [InlineData("npx cdk diff")]
    [InlineData("pnpm install")]
    [InlineData("aws rds delete-db-instance help")]
    [InlineData("aws dynamodb delete-table help")]
    [InlineData("kubectl delete {|FB1001:ns|} help staging")]
    public void Package_runners_are_unwrapped(string markup) => RuleHarness.Verify("scripts/run.sh", markup, Id);

    // ---- look-alikes: text that is not run, and commands that do not destroy ----------------------------

    [Theory]
    [InlineData("echo \"terraform destroy -auto-approve\"")]
    [InlineData("printf 'dropdb prod\\n'")]
    [InlineData("# rm -rf /")]
    [InlineData("cat <<EOF\nrailway volume delete --yes\nEOF")]
    [InlineData("grep -r \"dropdb\" .")]
    [InlineData("terraform plan -destroy -out plan.bin")]
    [InlineData("kubectl delete pod web-1")]
    [InlineData("rm -rf /tmp/build ./dist /var/lib/apt/lists/*")]
    [InlineData("rm -rf \"${DIR:?}/\"")]
    [InlineData("git push --force origin feature/x")]
    [InlineData("aws s3 rm s3://bucket/one.txt")]
    [InlineData("docker compose down")]
    [InlineData("redis-cli GET FLUSHALL")]
    [InlineData("railway volume delete --help")]
    [InlineData("echo PING | redis-cli")]
    [InlineData("psql \"$DATABASE_URL\" <<'SQL'\nselect 1;\nSQL")]
    [InlineData("git push --force-with-lease origin feature/login")]
    public void Look_alikes_stay_quiet(string text) => RuleHarness.Verify("scripts/run.sh", text, Id);

    // ---- levels and messages ----------------------------------------------------------------------------

    [Fact]
    public void Asking_command_on_an_unmarked_target_is_a_warning()
    {
        var finding = Single("run.sh", "railway service {|FB1001:delete|} api\n");
        Assert.Equal(FindingLevel.Warning, finding.Level);
        Assert.Contains("`railway service delete` destroys the Railway service", finding.Message);
        Assert.Contains("asks for confirmation", finding.Message);
    }

    [Fact]
    public void Message_names_the_subcommand_as_written()
    {
        var finding = Single("run.sh", "bin/rails {|FB1001:db:reset|}\n");
        Assert.StartsWith("`rails db:reset` destroys the Rails database", finding.Message);
    }

    [Fact]
    public void Skipped_confirmation_is_an_error_and_the_message_names_the_flag()
    {
        var finding = Single("run.sh", "heroku {|FB1001:pg:reset|} DATABASE_URL --confirm shop\n");
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Contains("`--confirm` skips the confirmation", finding.Message);
    }

    [Fact]
    public void Backups_dying_by_default_is_an_error_with_the_way_to_keep_them()
    {
        var finding = Single("run.sh", "aws rds {|FB1001:delete-db-instance|} --db-instance-identifier shop --skip-final-snapshot\n");
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Contains("`--skip-final-snapshot` removes a safety net", finding.Message);
        Assert.Contains("--no-delete-automated-backups", finding.Message);
    }

    [Fact]
    public void Production_resource_name_is_an_error()
    {
        var finding = Single("run.sh", "railway service {|FB1001:delete|} -e production api\n");
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Contains("looks like production (`-e production`)", finding.Message);
    }

    [Fact]
    public void Dry_run_is_a_note()
    {
        var finding = Single("run.sh", "aws s3 rm s3://backups/ {|FB1001:--recursive|} --dryrun\n");
        Assert.Equal(FindingLevel.Note, finding.Level);
        Assert.Contains("`--dryrun`", finding.Message);
    }

    [Fact]
    public void Workflow_job_in_production_environment_is_an_error()
    {
        var finding = Single(".github/workflows/ops.yml", """
            on: workflow_dispatch
            jobs:
              wipe:
                runs-on: ubuntu-latest
                environment: production
                steps:
                  - name: reset
                    run: |
                      echo "resetting ${{ inputs.service }}"
                      railway service {|FB1001:delete|} "${{ inputs.service }}"
            """);
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Contains("job 'wipe' runs in environment `production`", finding.Message);
    }

    // ---- every host --------------------------------------------------------------------------------------

    [Fact]
    public void Composite_action() => RuleHarness.Verify("action.yml", """
        runs:
          using: composite
          steps:
            - shell: bash
              run: terraform {|FB1001:destroy|} -auto-approve
            - shell: pwsh
              run: terraform {|FB1001:destroy|} -auto-approve
            - shell: python
              run: print("terraform destroy -auto-approve")
        """, Id);

    [Fact]
    public void GitLab_ci() => RuleHarness.Verify(".gitlab-ci.yml", """
        teardown:
          environment: production
          script:
            - kubectl delete {|FB1001:namespace|} shop
            - echo "kubectl delete namespace shop"
        """, Id);

    [Fact]
    public void Dockerfile() => RuleHarness.Verify("Dockerfile", """
        FROM postgres:16
        RUN apt-get update && rm -rf /var/lib/apt/lists/* && \
            rm -rf /var/lib/postgresql/data
        RUN ["redis-cli", "{|FB1001:FLUSHALL|}"]
        """, Id);

    [Fact]
    public void Compose_and_kubernetes() => RuleHarness.VerifyProject(new[]
    {
        ("docker-compose.yml", """
            services:
              reset:
                image: redis
                command: ["sh", "-c", "redis-cli -h cache {|FB1001:FLUSHALL|}"]
            """),
        ("k8s/cron.yaml", """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: cleanup
            spec:
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                        - name: c
                          command: ["/bin/sh", "-c"]
                          args: ["gsutil -m rm {|FB1001:-r|} gs://prod-backups/old"]
            """),
    }, Id);

    [Fact]
    public void Makefile_package_json_taskfile_justfile() => RuleHarness.VerifyProject(new[]
    {
        ("Makefile", "reset:\n\t@npx prisma migrate {|FB1001:reset|} --force\n\techo 'prisma migrate reset'\n"),
        ("package.json", "{\n  \"scripts\": {\n    \"db:nuke\": \"rails {|FB1001:db:drop|} && rails db:create\",\n    \"lint\": \"eslint .\"\n  }\n}\n"),
        ("Taskfile.yml", "version: '3'\ntasks:\n  wipe:\n    cmds:\n      - php artisan {|FB1001:migrate:fresh|} --force\n"),
        ("justfile", "clean:\n    restic forget --keep-last 1 {|FB1001:--prune|}\n"),
    }, Id);

    [Fact]
    public void Suppression_inside_a_run_block_works()
    {
        const string text = """
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      # firebreak:ignore FB1001 -- preview databases only
                      dropdb "preview_$PR"
            """;
        var result = RuleHarness.Analyze((".github/workflows/a.yml", text));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == Id || f.RuleId == "FB0003");
    }
}

/// <summary>What real repositories showed: build scratch and image layers are not data (issue 14, FB1001 on the corpus).</summary>
public sealed class DestructiveCommandScratchTests
{
    [Theory]
    [InlineData("build.sh", "#!/bin/bash\nrm -rf $WORK/*\n")]
    [InlineData("build.sh", "#!/bin/bash\nrm -rf $OUT/data\n")]
    [InlineData("build.sh", "#!/bin/bash\n(cd libpng/ && ./build.sh && rm -rf \"${OUT}\"/*)\n")]
    [InlineData("Dockerfile", "FROM debian\nRUN apt-get update && rm -rf /var/lib/mysql && mkdir -p /var/lib/mysql\n")]
    public void Build_scratch_and_image_layers_are_quiet(string path, string text) =>
        Assert.DoesNotContain(RuleHarness.Analyze((path, text)).Findings, f => f.RuleId == "FB1001");

    [Theory]
    [InlineData("reset.sh", "#!/bin/bash\nrm -rf /var/lib/mysql\n")]
    [InlineData("reset.sh", "#!/bin/bash\nrm -rf $DATA_DIR/*\n")]
    [InlineData("Dockerfile", "FROM debian\nRUN terraform destroy -auto-approve\n")]
    public void Data_and_unknown_variables_are_still_reported(string path, string text) =>
        Assert.Contains(RuleHarness.Analyze((path, text)).Findings, f => f.RuleId == "FB1001");
}

public sealed class CommittedPrivateKeyLevelTests
{
    [Fact]
    public void A_committed_pem_private_key_is_an_error()
    {
        string key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu7Zq1xK9fQm3Jt8WcR2vLp0NsYh5GdE4aBxTnUoPqV6iM3lCj\nz9rKf8sW2eYtH1uJ7bN4mX0aQpVdLkRgFhS6oTyE5wZcI3nBvAqD2jP8LtM7sUxW\n-----END RSA PRIVATE KEY-----\n";
        var finding = Assert.Single(RuleHarness.Analyze(("deploy/id_rsa", key)).Findings, f => f.RuleId == "FB2006");
        Assert.Equal(FindingLevel.Error, finding.Level);
    }
}
