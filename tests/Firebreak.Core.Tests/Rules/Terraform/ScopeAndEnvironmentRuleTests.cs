using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Terraform;

/// <summary>Where a protection applies: the environment a module is for, the scope of a lock, the region of a copy.</summary>
public sealed class ScopeAndEnvironmentRuleTests
{
    [Fact]
    public void A_module_whose_environment_variable_is_production_needs_prevent_destroy()
    {
        const string Table = """
            variable "environment" {}
            resource {|FB1104:"aws_s3_bucket" "data"|} {
              bucket = "data-${var.environment}"
            }
            """;
        RuleHarness.VerifyProject(new[] { ("live/main.tf", Table), ("live/terraform.tfvars", "environment = \"prod\"") }, RuleIds.ProductionResourceWithoutPreventDestroy);
        RuleHarness.VerifyProject(new[] { ("live/main.tf", Table.Replace("{|FB1104:", "").Replace("|}", "")), ("live/terraform.tfvars", "environment = \"staging\"") },
            RuleIds.ProductionResourceWithoutPreventDestroy);
    }

    [Fact]
    public void A_subscription_lock_protects_every_database_server_in_it()
    {
        RuleHarness.Verify("main.tf", """
            data "azurerm_subscription" "current" {}
            resource "azurerm_management_lock" "all" {
              scope      = data.azurerm_subscription.current.id
              lock_level = "CanNotDelete"
            }
            resource "azurerm_mssql_server" "a" {
              resource_group_name = "rg"
            }
            """, RuleIds.AzureDatabaseWithoutDeleteLock);
        RuleHarness.Verify("main.tf", """
            variable "subscription_id" {}
            resource "azurerm_management_lock" "all" {
              scope      = "/subscriptions/${var.subscription_id}"
              lock_level = "CanNotDelete"
            }
            resource "azurerm_mssql_server" "a" {
              resource_group_name = "rg"
            }
            """, RuleIds.AzureDatabaseWithoutDeleteLock);
    }

    [Fact]
    public void A_copy_into_a_vault_of_the_same_provider_configuration_stays_in_the_region()
    {
        RuleHarness.Verify("main.tf", """
            provider "aws" {
              region = "eu-west-1"
            }
            provider "aws" {
              alias  = "dr"
              region = "eu-central-1"
            }
            resource "aws_backup_vault" "second" {}
            resource "aws_backup_vault" "dr" {
              provider = aws.dr
            }
            resource "aws_backup_plan" "p" {
              rule {
                target_vault_name = "primary"
                copy_action {
                  {|FB3002:destination_vault_arn = aws_backup_vault.second.arn|}
                }
              }
              rule {
                target_vault_name = "primary"
                copy_action {
                  destination_vault_arn = aws_backup_vault.dr.arn
                }
              }
            }
            """, RuleIds.BackupPlanWithoutCopyAction);
    }

    [Fact]
    public void Basic_roles_in_google_iam_policy_and_roles_looked_up_by_name_are_reported()
    {
        RuleHarness.Verify("main.tf", """
            data "google_iam_policy" "p" {
              binding {
                {|FB2103:role = "roles/editor"|}
                members = ["group:devs@acme.com"]
              }
              binding {
                role    = "roles/viewer"
                members = ["group:all@acme.com"]
              }
            }
            """, RuleIds.GoogleBasicRoleGranted);
        RuleHarness.Verify("main.tf", """
            data "azurerm_subscription" "s" {}
            data "azurerm_role_definition" "owner" {
              name = "Owner"
            }
            data "azurerm_role_definition" "reader" {
              name = "Reader"
            }
            resource "azurerm_role_assignment" "a" {
              scope              = data.azurerm_subscription.s.id
              {|FB2104:role_definition_id = data.azurerm_role_definition.owner.id|}
              principal_id       = "p"
            }
            resource "azurerm_role_assignment" "b" {
              scope              = data.azurerm_subscription.s.id
              role_definition_id = data.azurerm_role_definition.reader.id
              principal_id       = "p"
            }
            """, RuleIds.AzureSubscriptionRoleAssignment);
    }

    [Fact]
    public void A_plan_replacing_a_cluster_member_instance_or_a_bucket_setting_loses_no_data()
    {
        RuleHarness.Verify("plan.json", """
            {
              "format_version": "1.2",
              "resource_changes": [
                { "address": "aws_rds_cluster_instance.a", "type": "aws_rds_cluster_instance", "change": { "actions": ["delete", "create"] } },
                { "address": "aws_s3_bucket_versioning.a", "type": "aws_s3_bucket_versioning", "change": { "actions": ["delete"] } },
                { "address": {|FB1100:"aws_rds_cluster.a"|}, "type": "aws_rds_cluster", "change": { "actions": ["delete"] } }
              ]
            }
            """, RuleIds.PlanDeletesStatefulResource);
    }

    [Fact]
    public void A_google_workload_identity_provider_for_github_must_pin_the_repository()
    {
        RuleHarness.Verify("main.tf", """
            resource {|FB2105:"google_iam_workload_identity_pool_provider" "none"|} {
              oidc {
                issuer_uri = "https://token.actions.githubusercontent.com"
              }
            }
            resource "google_iam_workload_identity_pool_provider" "owner" {
              {|FB2105:attribute_condition = "assertion.repository_owner == 'acme'"|}
              oidc {
                issuer_uri = "https://token.actions.githubusercontent.com"
              }
            }
            resource "google_iam_workload_identity_pool_provider" "pinned" {
              attribute_condition = "assertion.repository == 'acme/infra'"
              oidc {
                issuer_uri = "https://token.actions.githubusercontent.com"
              }
            }
            resource "google_iam_workload_identity_pool_provider" "other_issuer" {
              oidc {
                issuer_uri = "https://sts.windows.net/tenant/"
              }
            }
            """, RuleIds.CiOidcTrustUnscoped);
    }
}
