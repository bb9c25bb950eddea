using Firebreak.Core.Documents;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Formats;

/// <summary>
/// Ansible playbooks and role task files, and Pulumi YAML programs (issue 10 items 5 and 6): known by content, not by
/// name; shell tasks are scripts with spans in the YAML scalar; modules and resources report on the scalar that explains.
/// </summary>
public sealed class AnsibleAndPulumiYamlTests
{
    private const string Playbook = "- name: Deploy\n  hosts: web\n  tasks:\n    - command: uptime\n";
    private const string TaskList = "- name: Restart\n  service:\n    name: nginx\n    state: restarted\n";
    private const string PulumiProgram = "name: shop\nruntime: yaml\nresources:\n  bucket:\n    type: aws:s3:BucketV2\n";

    [Theory]
    [InlineData("site.yml", Playbook, FileKind.Ansible)]
    [InlineData("deploy/anything.yaml", "---\n# comment\n" + Playbook, FileKind.Ansible)]
    [InlineData("roles/web/tasks/main.yml", TaskList, FileKind.Ansible)]
    [InlineData("ansible/roles/web/handlers/main.yml", TaskList, FileKind.Ansible)]
    [InlineData("tasks/main.yml", TaskList, FileKind.Yaml)]
    [InlineData("playbooks/tasks/cleanup.yml", "- name: Clean\n  ansible.builtin.file:\n    path: /tmp/x\n    state: absent\n", FileKind.Ansible)]
    [InlineData("notes.yml", "- text: see ansible.builtin.shell\n", FileKind.Yaml)]
    [InlineData("site.yml", "- name: not a play\n  value: 1\n", FileKind.Yaml)]
    [InlineData("playbook.yml", "hosts: web\ntasks: []\n", FileKind.Yaml)]
    [InlineData("Pulumi.yaml", PulumiProgram, FileKind.PulumiYaml)]
    [InlineData("infra/Pulumi.yml", "name: shop\nruntime:\n  name: yaml\nresources:\n  b:\n    type: aws:s3:Bucket\n", FileKind.PulumiYaml)]
    [InlineData("Main.yaml", "resources:\n  b:\n    type: aws:s3:Bucket\n", FileKind.PulumiYaml)]
    [InlineData("Pulumi.yaml", "name: shop\nruntime: nodejs\n", FileKind.Yaml)]
    [InlineData("main.yaml", "resources:\n  repositories:\n    - repository: tools\n      type: github\n", FileKind.Yaml)]
    [InlineData("Pulumi.prod.yaml", "config:\n  aws:region: eu-west-1\n", FileKind.Yaml)]
    public void Kinds_are_told_by_content(string path, string text, FileKind kind) => Assert.Equal(kind, FileKindDetector.Detect(path, text));

    [Fact]
    public void Shell_tasks_are_scripts_with_spans_in_the_scalar()
    {
        RuleHarness.Verify("playbooks/teardown.yml", """
            - hosts: staging
              tasks:
                - ansible.builtin.shell: echo "terraform destroy" && terraform {|FB1001:destroy|} -auto-approve
                # terraform destroy -auto-approve
                - name: quoted
                  shell: "cd /srv && docker compose down {|FB1001:-v|}"
                - name: jinja is an unknown word
                  ansible.builtin.command:
                    cmd: kubectl delete {|FB1001:namespace|} {{ ns }} --wait
                - name: argv
                  command:
                    argv: [{|FB1001:dropdb|}, shop]
                - name: jinja alone
                  shell: "{{ cleanup_command }}"
                - name: unclosed jinja
                  shell: echo {{ broken
                - name: action form
                  local_action: shell terraform {|FB1001:destroy|} -auto-approve
                - name: action mapping
                  action:
                    module: ansible.builtin.command
                    cmd: {|FB1001:dropdb|} shop
                - local_action: command echo dropdb
            """, "FB1001");
    }

    [Fact]
    public void Modules_with_state_absent_on_stateful_resources_report_on_the_scalar()
    {
        RuleHarness.Verify("roles/db/tasks/main.yml", """
            - rds_instance:
                id: shop
                state: absent
                skip_final_snapshot: {|FB1001:true|}
            - amazon.aws.rds_instance:
                id: shop
                state: {|FB1001:absent|}
                final_snapshot_identifier: shop-final
            - amazon.aws.s3_bucket:
                name: shop
                state: absent
            - kubernetes.core.k8s:
                state: {|FB1001:absent|}
                definition:
                  kind: PersistentVolumeClaim
                  metadata: {name: data}
            - kubernetes.core.k8s:
                kind: Deployment
                name: web
                state: absent
            - community.mysql.mysql_db:
                name: shop
                state: present
            """, "FB1001");
    }

    [Fact]
    public void Pulumi_values_come_through_config_and_variables_and_unknown_ones_stay_quiet()
    {
        RuleHarness.Verify("Pulumi.yaml", """
            name: shop
            runtime: yaml
            config:
              keepNothing: true
              protectDb:
                default: false
            variables:
              zero: 0
            resources:
              db:
                type: aws:rds/instance:Instance
                properties:
                  skipFinalSnapshot: {|FB1102:${keepNothing}|}
                  deletionProtection: {|FB1101:${protectDb}|}
                  backupRetentionPeriod: {|FB3004:${zero}|}
              other:
                type: aws:rds:Instance
                properties:
                  skipFinalSnapshot: ${other.output}
                  deletionProtection: ${pulumi.stack}
              bucket:
                type: gcp:storage:Bucket
                properties:
                  forceDestroy: {|FB1103:true|}
            """, "FB1101", "FB1102", "FB1103", "FB3004");
    }

    [Fact]
    public void Sql_and_api_calls_in_shell_tasks_are_found_and_production_hosts_raise_the_level()
    {
        var findings = RuleHarness.Verify("deploy.yml", """
            - hosts: production
              tasks:
                - name: reset
                  ansible.builtin.shell: psql -c "{|FB1003:DROP DATABASE shop|}"
                - name: drop
                  ansible.builtin.command: {|FB1001:dropdb|} shop
            """, "FB1001", "FB1003");
        var dropdb = Assert.Single(findings, f => f.RuleId == "FB1001");
        Assert.Equal(FindingLevel.Error, dropdb.Level);
        Assert.Contains("runs on hosts `production`", dropdb.Message);
    }

    [Fact]
    public void Pulumi_roles_listing_AdministratorAccess_are_reported_at_the_arn()
    {
        RuleHarness.Verify("Main.yaml", """
            resources:
              deployer:
                type: aws:iam:Role
                properties:
                  assumeRolePolicy: ${trust}
                  managedPolicyArns:
                    - arn:aws:iam::aws:policy/ReadOnlyAccess
                    - {|FB2102:arn:aws:iam::aws:policy/AdministratorAccess|}
              reader:
                type: aws:iam:UserPolicyAttachment
                properties:
                  user: ci
                  policyArn: arn:aws:iam::aws:policy/ReadOnlyAccess
            """, "FB2102");
    }
}
