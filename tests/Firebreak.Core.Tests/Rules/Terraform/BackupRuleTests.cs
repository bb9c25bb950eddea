using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Terraform;

public sealed class BackupRuleTests
{
    [Fact]
    public void Automated_backups_deleted_with_the_instance_are_reported_unless_copied()
    {
        RuleHarness.Verify("main.tf", """
            resource {|FB3001:"aws_db_instance" "a"|} {
              deletion_protection = true
            }
            resource "aws_db_instance" "b" {
              deletion_protection      = true
              {|FB3001:delete_automated_backups = true|}
            }
            resource "aws_db_instance" "c" {
              deletion_protection      = true
              delete_automated_backups = var.keep_backups ? false : true
            }
            variable "keep_backups" {}
            """, RuleIds.AutomatedBackupsDeletedWithInstance);
        RuleHarness.Verify("main.tf", """
            resource "aws_db_instance" "a" {
              deletion_protection = true
            }
            resource "aws_db_instance_automated_backups_replication" "a" {
              source_db_instance_arn = aws_db_instance.a.arn
            }
            """, RuleIds.AutomatedBackupsDeletedWithInstance);
    }

    [Fact]
    public void Backup_plans_vaults_retention_and_pitr()
    {
        RuleHarness.Verify("main.tf", """
            resource "aws_backup_vault" "locked" {
              name = "locked"
            }
            resource "aws_backup_vault_lock_configuration" "locked" {
              backup_vault_name = aws_backup_vault.locked.name
            }
            resource {|FB3003:"aws_backup_vault" "open"|} {
              name = "open"
            }
            resource "aws_backup_plan" "p" {
              name = "p"
              {|FB3002:rule|} {
                rule_name         = "local-only"
                target_vault_name = aws_backup_vault.locked.name
              }
              rule {
                rule_name         = "copied"
                target_vault_name = aws_backup_vault.locked.name
                copy_action {
                  destination_vault_arn = var.dr_vault_arn
                }
              }
            }
            resource "aws_db_instance" "db" {
              deletion_protection      = true
              delete_automated_backups = false
              {|FB3004:backup_retention_period  = local.retention - 7|}
            }
            resource "google_sql_database_instance" "sql" {
              settings {
                backup_configuration {
                  {|FB3004:enabled = tobool("false")|}
                }
              }
            }
            resource {|FB3005:"aws_dynamodb_table" "t1"|} {
              deletion_protection_enabled = true
            }
            resource "aws_dynamodb_table" "t2" {
              deletion_protection_enabled = true
              point_in_time_recovery {
                {|FB3005:enabled = false|}
              }
            }
            resource "aws_dynamodb_table" "t3" {
              deletion_protection_enabled = true
              point_in_time_recovery {
                enabled = var.pitr
              }
            }
            locals {
              retention = 7
            }
            variable "pitr" {}
            variable "dr_vault_arn" {}
            """, RuleIds.BackupPlanWithoutCopyAction, RuleIds.BackupVaultWithoutLock, RuleIds.BackupsDisabled, RuleIds.DynamoDbWithoutPointInTimeRecovery);
    }

    [Fact]
    public void Module_inputs_reach_the_child_module_and_the_finding_is_at_the_caller()
    {
        var findings = RuleHarness.VerifyProject(new[]
        {
            ("main.tf", """
                module "db" {
                  source    = "./modules/db"
                  {|FB3004:retention = 0|}
                }
                module "db_safe" {
                  source    = "./modules/db"
                  retention = 14
                }
                """),
            ("modules/db/main.tf", """
                variable "retention" {
                  default = 7
                }
                resource "aws_db_instance" "this" {
                  deletion_protection      = true
                  delete_automated_backups = false
                  backup_retention_period  = var.retention
                }
                """),
        }, RuleIds.BackupsDisabled);
        Assert.EndsWith("(via `module.db`, input `retention`)", Assert.Single(findings).Message);
    }
}

public sealed class TerraformJsonSyntaxTests
{
    [Fact]
    public void Rules_read_tf_json_files_of_the_module_too()
    {
        RuleHarness.VerifyProject(new[]
        {
            ("main.tf.json", """
                {"resource": {"aws_s3_bucket": {"data": {"bucket": "acme", {|FB1103:"force_destroy": "${var.destroy}"|}}}}}
                """),
            ("variables.tf", """
                variable "destroy" {
                  default = true
                }
                """),
        }, RuleIds.BucketForceDestroy);
    }

    [Fact]
    public void Cloud_sql_backups_that_die_with_the_instance_are_reported_at_the_setting_or_the_backup_block()
    {
        RuleHarness.Verify("main.tf", """
            resource "google_sql_database_instance" "absent" {
              settings {
                {|FB3008:backup_configuration|} {
                  enabled = true
                }
              }
            }
            resource "google_sql_database_instance" "off" {
              settings {
                {|FB3008:retain_backups_on_delete = false|}
                backup_configuration {
                  enabled = true
                }
              }
            }
            resource "google_sql_database_instance" "retained" {
              settings {
                retain_backups_on_delete = true
                backup_configuration {
                  enabled = true
                }
              }
            }
            resource "google_sql_database_instance" "final_backup" {
              settings {
                final_backup_config {
                  enabled = true
                }
                backup_configuration {
                  enabled = true
                }
              }
            }
            resource "google_sql_database_instance" "no_backups" {
              settings {
                backup_configuration {
                  enabled = false
                }
              }
            }
            resource "google_sql_database_instance" "replica" {
              master_instance_name = "absent"
              settings {
                backup_configuration {
                  enabled = true
                }
              }
            }
            """, RuleIds.CloudSqlBackupsDeletedWithInstance);
    }
}
