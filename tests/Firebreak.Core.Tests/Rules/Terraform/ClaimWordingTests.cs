using System.Linq;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Terraform;

/// <summary>Issue 14, "every claim true": what the messages say matches what the configuration does.</summary>
public sealed class ClaimWordingTests
{
    [Fact]
    public void Cloud_sql_api_protection_off_with_terraform_protection_on_does_not_claim_terraform_destroy_deletes_it()
    {
        var finding = Assert.Single(RuleHarness.Verify("main.tf", """
            resource "google_sql_database_instance" "main" {
              name = "orders"
              settings {
                {|FB1101:deletion_protection_enabled = false|}
              }
            }
            """, RuleIds.DatabaseDeletionProtectionOff));
        Assert.DoesNotContain("one `terraform destroy`", finding.Message);
        Assert.Contains("`gcloud sql instances delete`", finding.Message);
    }

    [Fact]
    public void Cloud_sql_with_both_protections_off_says_terraform_destroy_deletes_it()
    {
        var findings = RuleHarness.Verify("main.tf", """
            resource "google_sql_database_instance" "main" {
              {|FB1101:deletion_protection = false|}
              settings {
                {|FB1101:deletion_protection_enabled = false|}
              }
            }
            """, RuleIds.DatabaseDeletionProtectionOff);
        Assert.All(findings, f => Assert.Contains("one `terraform destroy`", f.Message));
    }

    [Fact]
    public void Prevent_destroy_finding_names_the_root_module_in_words()
    {
        var finding = Assert.Single(RuleHarness.VerifyProject(new[]
        {
            ("main.tf", """
                variable "environment" {
                  default = "production"
                }
                resource {|FB1104:"aws_dynamodb_table" "orders"|} {
                  name = "orders"
                }
                """),
        }, RuleIds.ProductionResourceWithoutPreventDestroy));
        Assert.Contains("in a production module (the root module)", finding.Message);
        Assert.DoesNotContain("``", finding.Message);
    }

    [Fact]
    public void Locked_backup_vault_needs_no_prevent_destroy_and_an_unlocked_one_does()
    {
        RuleHarness.VerifyProject(new[]
        {
            ("prod/main.tf", """
                resource "aws_backup_vault" "locked" {
                  name = "prod-locked"
                }
                resource "aws_backup_vault_lock_configuration" "locked" {
                  backup_vault_name  = aws_backup_vault.locked.name
                  min_retention_days = 30
                }
                resource {|FB1104:"aws_backup_vault" "open"|} {
                  name = "prod-open"
                }
                """),
        }, RuleIds.ProductionResourceWithoutPreventDestroy);
    }

    [Fact]
    public void Management_group_scope_is_named_as_such()
    {
        var findings = RuleHarness.Verify("main.tf", """
            resource "azurerm_management_group" "platform" {
              display_name = "Platform"
            }
            resource "azurerm_role_assignment" "mg" {
              scope                = azurerm_management_group.platform.id
              {|FB2104:role_definition_name = "Contributor"|}
              principal_id         = "p"
            }
            resource "azurerm_role_assignment" "sub" {
              scope                = "/subscriptions/00000000-0000-0000-0000-000000000000"
              {|FB2104:role_definition_name = "Owner"|}
              principal_id         = "p"
            }
            """, RuleIds.AzureSubscriptionRoleAssignment);
        Assert.Contains("on a management group (every subscription under it)", findings.Single(f => f.Message.Contains("`Contributor`")).Message);
        Assert.Contains("on a whole subscription", findings.Single(f => f.Message.Contains("`Owner`")).Message);
    }

    [Fact]
    public void A_lock_on_the_resource_group_in_another_module_of_the_scan_counts()
    {
        RuleHarness.VerifyProject(new[]
        {
            ("data/main.tf", """
                resource "azurerm_mssql_server" "locked" {
                  name                = "sql-a"
                  resource_group_name = "rg-data"
                }
                resource {|FB1105:"azurerm_mssql_server" "open"|} {
                  name                = "sql-b"
                  resource_group_name = "rg-other"
                }
                """),
            ("platform/main.tf", """
                resource "azurerm_resource_group" "data" {
                  name     = "rg-data"
                  location = "westeurope"
                }
                resource "azurerm_management_lock" "data" {
                  name       = "no-delete"
                  scope      = azurerm_resource_group.data.id
                  lock_level = "CanNotDelete"
                }
                """),
        }, RuleIds.AzureDatabaseWithoutDeleteLock);
    }
}
