using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Terraform;

public sealed class DestructiveSettingRuleTests
{
    [Fact]
    public void Deletion_protection_off_is_reported_at_the_attribute_and_absent_at_the_block_labels()
    {
        RuleHarness.Verify("main.tf", """
            resource "aws_db_instance" "a" {
              {|FB1101:deletion_protection = false|}
            }
            resource {|FB1101:"aws_rds_cluster" "b"|} {
              engine = "aurora-postgresql"
            }
            resource "aws_dynamodb_table" "c" {
              {|FB1101:deletion_protection_enabled = var.protect|}
            }
            resource "google_sql_database_instance" "d" {
              {|FB1101:deletion_protection = local.protect|}
              settings {
                {|FB1101:deletion_protection_enabled = false|}
              }
            }
            resource "google_spanner_database" "e" {
              {|FB1101:deletion_protection = false|}
            }
            variable "protect" {
              default = false
            }
            locals {
              protect = !true
            }
            """, RuleIds.DatabaseDeletionProtectionOff);
    }

    [Fact]
    public void Deletion_protection_through_tfvars_locals_and_unknowns_stays_quiet_when_on_or_unknown()
    {
        RuleHarness.VerifyProject(new[]
        {
            ("main.tf", """
                resource "aws_db_instance" "a" {
                  deletion_protection = var.protect
                }
                resource "aws_db_instance" "member" {
                  cluster_identifier = aws_rds_cluster.b.id
                }
                resource "aws_rds_cluster" "b" {
                  deletion_protection = local.settings["protect"]
                }
                resource "aws_dynamodb_table" "c" {
                  deletion_protection_enabled = data.external.flags.result.protect
                }
                resource "google_sql_database_instance" "d" {
                  settings {
                    tier = "db-f1-micro"
                  }
                }
                variable "protect" {
                  type    = bool
                  default = false
                }
                locals {
                  settings = merge({ protect = false }, { protect = var.protect })
                }
                """),
            ("terraform.tfvars", "protect = true\n"),
        }, RuleIds.DatabaseDeletionProtectionOff);
    }

    [Fact]
    public void Skip_final_snapshot_and_force_destroy_fire_only_on_known_true()
    {
        RuleHarness.Verify("main.tf", """
            resource "aws_db_instance" "a" {
              deletion_protection = true
              {|FB1102:skip_final_snapshot = var.env == "dev" ? true : true|}
            }
            resource "aws_db_instance" "b" {
              deletion_protection = true
              skip_final_snapshot = var.env != "prod"
            }
            resource "aws_s3_bucket" "logs" {
              {|FB1103:force_destroy = "true"|}
            }
            resource "google_storage_bucket" "data" {
              force_destroy = var.env == "dev"
            }
            variable "env" {}
            """, RuleIds.SkipFinalSnapshot, RuleIds.BucketForceDestroy);
    }

    [Fact]
    public void Prevent_destroy_is_required_only_in_production_looking_modules()
    {
        RuleHarness.VerifyProject(new[]
        {
            ("envs/prod/main.tf", """
                resource {|FB1104:"aws_s3_bucket" "data"|} {
                  bucket = "acme"
                }
                resource "aws_kms_key" "k" {
                  lifecycle {
                    prevent_destroy = true
                  }
                }
                resource "aws_iam_role" "r" {
                  name = "x"
                }
                """),
            ("envs/staging/main.tf", """
                resource "aws_s3_bucket" "data" {
                  bucket = "acme-staging"
                }
                """),
        }, RuleIds.ProductionResourceWithoutPreventDestroy);
    }

    [Fact]
    public void A_module_called_as_production_is_checked_with_its_call_name()
    {
        RuleHarness.VerifyProject(new[]
        {
            ("main.tf", """
                module "production_db" {
                  source = "./modules/db"
                }
                """),
            ("modules/db/main.tf", """
                resource {|FB1104:"aws_ebs_volume" "data"|} {
                  size = 10
                }
                """),
        }, RuleIds.ProductionResourceWithoutPreventDestroy);
    }

    [Fact]
    public void Azure_database_servers_need_a_delete_lock_on_themselves_or_their_resource_group()
    {
        RuleHarness.Verify("main.tf", """
            resource "azurerm_resource_group" "rg" {
              name     = "data"
              location = "westeurope"
            }
            resource "azurerm_mssql_server" "locked_by_group" {
              resource_group_name = azurerm_resource_group.rg.name
            }
            resource "azurerm_management_lock" "rg" {
              name       = "rg"
              scope      = azurerm_resource_group.rg.id
              lock_level = "CanNotDelete"
            }
            resource {|FB1105:"azurerm_postgresql_flexible_server" "open"|} {
              resource_group_name = "other"
            }
            """, RuleIds.AzureDatabaseWithoutDeleteLock);
    }

    [Theory]
    [InlineData("quickstart/101-sql-database/main.tf", false)]
    [InlineData("examples/postgres/main.tf", false)]
    [InlineData("environments/dev/main.tf", false)]
    [InlineData("environments/staging/main.tf", false)]
    [InlineData("environments/prod/main.tf", true)]
    [InlineData("examples/prod-like/main.tf", true)]
    [InlineData("infra/database/main.tf", true)]
    public void A_missing_lock_is_not_reported_on_samples_or_non_production_modules(string path, bool reported)
    {
        const string text = "resource \"azurerm_postgresql_flexible_server\" \"db\" {\n  resource_group_name = \"rg\"\n}\n";
        var findings = RuleHarness.Analyze((path, text)).Findings.Where(f => f.RuleId == RuleIds.AzureDatabaseWithoutDeleteLock);
        Assert.Equal(reported ? 1 : 0, findings.Count());
    }

    [Fact]
    public void Plan_json_delete_or_replace_of_stateful_resources_is_reported_at_the_address()
    {
        RuleHarness.Verify("plan.json", """
            {"format_version":"1.2","resource_changes":[
              {"address":{|FB1100:"aws_db_instance.main"|},"mode":"managed","type":"aws_db_instance","change":{"actions":["delete","create"]}},
              {"address":{|FB1100:"module.s3.aws_s3_bucket.this[0]"|},"mode":"managed","type":"aws_s3_bucket","change":{"actions":["delete"]}},
              {"address":"aws_s3_bucket_policy.p","mode":"managed","type":"aws_s3_bucket_policy","change":{"actions":["delete"]}},
              {"address":"aws_instance.web","mode":"managed","type":"aws_instance","change":{"actions":["delete"]}},
              {"address":"aws_ebs_volume.v","mode":"managed","type":"aws_ebs_volume","change":{"actions":["update"]}}
            ]}
            """, RuleIds.PlanDeletesStatefulResource);
    }

    [Fact]
    public void A_suppression_in_an_hcl_comment_silences_the_finding()
    {
        RuleHarness.Verify("main.tf", """
            resource "aws_s3_bucket" "scratch" {
              # firebreak:ignore FB1103 -- scratch bucket, recreated by CI every run
              force_destroy = true
            }
            resource "aws_s3_bucket" "other" {
              {|FB1103:force_destroy = true|} // firebreak:ignore FB1102 -- another rule does not cover it
            }
            """, RuleIds.BucketForceDestroy);
    }
}
