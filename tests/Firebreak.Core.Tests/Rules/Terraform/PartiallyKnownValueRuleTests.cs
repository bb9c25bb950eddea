using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Terraform;

/// <summary>Findings that need more than a fully known value: known ends of a template, per-instance values, existence.</summary>
public sealed class PartiallyKnownValueRuleTests
{
    [Fact]
    public void Administrator_access_arn_with_an_unknown_partition_is_reported()
    {
        RuleHarness.Verify("main.tf", """
            data "aws_partition" "current" {}
            resource "aws_iam_role_policy_attachment" "admin" {
              role       = "ci"
              {|FB2102:policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess"|}
            }
            resource "aws_iam_role_policy_attachment" "read_only" {
              role       = "ci"
              policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/ReadOnlyAccess"
            }
            resource "aws_iam_role_policy_attachment" "unknown" {
              role       = "ci"
              policy_arn = "${var.prefix}${var.name}"
            }
            """, RuleIds.AdministratorAccessAttached);
    }

    [Fact]
    public void Azure_subscription_scope_template_role_definition_ids_and_for_each_roles_are_reported()
    {
        RuleHarness.Verify("main.tf", """
            variable "subscription_id" {}
            data "azurerm_subscription" "primary" {}
            resource "azurerm_role_assignment" "template" {
              scope                = "/subscriptions/${var.subscription_id}"
              {|FB2104:role_definition_name = "Contributor"|}
              principal_id         = "p"
            }
            resource "azurerm_role_assignment" "group" {
              scope                = "/subscriptions/${var.subscription_id}/resourceGroups/rg-app"
              role_definition_name = "Owner"
              principal_id         = "p"
            }
            resource "azurerm_role_assignment" "by_id" {
              scope              = data.azurerm_subscription.primary.id
              {|FB2104:role_definition_id = "${data.azurerm_subscription.primary.id}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"|}
              principal_id       = "p"
            }
            resource "azurerm_role_assignment" "reader_by_id" {
              scope              = data.azurerm_subscription.primary.id
              role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"
              principal_id       = "p"
            }
            """, RuleIds.AzureSubscriptionRoleAssignment);
        RuleHarness.Verify("main.tf", """
            resource "google_project_iam_member" "roles" {
              for_each = toset(["roles/logging.logWriter", "roles/editor"])
              project  = "p"
              {|FB2103:role     = each.value|}
              member   = "serviceAccount:x"
            }
            resource "google_project_iam_member" "narrow" {
              for_each = { log = "roles/logging.logWriter" }
              project  = "p"
              role     = each.value
              member   = "serviceAccount:x"
            }
            """, RuleIds.GoogleBasicRoleGranted);
    }

    [Fact]
    public void Oidc_trust_with_a_computed_provider_arn_takes_the_issuer_from_its_condition_keys()
    {
        RuleHarness.Verify("main.tf", """
            resource "aws_iam_role" "gha" {
              assume_role_policy = jsonencode({
                Statement = [{
                  Effect    = "Allow"
                  Action    = "sts:AssumeRoleWithWebIdentity"
                  Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
                  {|FB2105:Condition = {
                    StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
                  }|}
                }]
              })
            }
            resource "aws_iam_role" "scoped" {
              assume_role_policy = jsonencode({
                Statement = [{
                  Effect    = "Allow"
                  Action    = "sts:AssumeRoleWithWebIdentity"
                  Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
                  Condition = {
                    StringEquals = { "token.actions.githubusercontent.com:sub" = "repo:acme/api:ref:refs/heads/main" }
                  }
                }]
              })
            }
            resource "aws_iam_openid_connect_provider" "github" {
              url = "https://token.actions.githubusercontent.com"
            }
            """, RuleIds.CiOidcTrustUnscoped);
    }

    [Fact]
    public void A_lock_with_count_zero_protects_nothing_and_a_replica_may_skip_its_final_snapshot()
    {
        RuleHarness.Verify("main.tf", """
            variable "lock" {
              default = false
            }
            resource {|FB1105:"azurerm_mssql_server" "this"|} {
              resource_group_name = "rg"
            }
            resource "azurerm_management_lock" "this" {
              count      = var.lock ? 1 : 0
              scope      = azurerm_mssql_server.this.id
              lock_level = "CanNotDelete"
            }
            """, RuleIds.AzureDatabaseWithoutDeleteLock);
        RuleHarness.Verify("main.tf", """
            resource "aws_db_instance" "replica" {
              replicate_source_db = "primary"
              skip_final_snapshot = true
            }
            resource "aws_db_instance" "primary" {
              {|FB1102:skip_final_snapshot = true|}
            }
            """, RuleIds.SkipFinalSnapshot);
    }

    [Fact]
    public void Settings_are_checked_in_every_instance_of_a_counted_or_for_each_resource()
    {
        RuleHarness.Verify("main.tf", """
            resource "aws_s3_bucket" "lake" {
              count         = 2
              bucket        = "lake-${count.index}"
              {|FB1103:force_destroy = count.index == 1|}
            }
            resource "google_spanner_database" "db" {
              for_each            = { a = true, b = false }
              name                = each.key
              {|FB1101:deletion_protection = each.value|}
            }
            resource "google_spanner_database" "safe" {
              for_each            = { a = true }
              name                = each.key
              deletion_protection = each.value
            }
            """, RuleIds.BucketForceDestroy, RuleIds.DatabaseDeletionProtectionOff);
    }

    [Fact]
    public void A_copy_action_into_the_rules_own_vault_is_no_copy()
    {
        RuleHarness.Verify("main.tf", """
            resource "aws_backup_plan" "p" {
              rule {
                rule_name         = "same"
                target_vault_name = aws_backup_vault.a.name
                copy_action {
                  {|FB3002:destination_vault_arn = aws_backup_vault.a.arn|}
                }
              }
              rule {
                rule_name         = "other"
                target_vault_name = aws_backup_vault.a.name
                copy_action {
                  destination_vault_arn = aws_backup_vault.b.arn
                }
              }
            }
            """, RuleIds.BackupPlanWithoutCopyAction);
    }
}
