using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Terraform;

public sealed class TrustAndColocationRuleTests
{
    [Fact]
    public void Oidc_trust_without_sub_or_with_a_wildcard_repository_is_reported()
    {
        RuleHarness.Verify("oidc.tf", """
            locals {
              github = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
            }
            resource "aws_iam_role" "no_sub" {
              assume_role_policy = jsonencode({
                Statement = [{
                  Effect    = "Allow"
                  Action    = "sts:AssumeRoleWithWebIdentity"
                  Principal = { Federated = local.github }
                  {|FB2105:Condition = { StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" } }|}
                }]
              })
            }
            resource "aws_iam_role" "scoped" {
              assume_role_policy = jsonencode({
                Statement = [{
                  Effect    = "Allow"
                  Action    = "sts:AssumeRoleWithWebIdentity"
                  Principal = { Federated = local.github }
                  Condition = { StringLike = { "token.actions.githubusercontent.com:sub" = "repo:acme/app:*" } }
                }]
              })
            }
            resource "aws_iam_role" "unknown" {
              assume_role_policy = jsonencode({
                Statement = [{
                  Effect    = "Allow"
                  Principal = { Federated = local.github }
                  Condition = { StringLike = { "token.actions.githubusercontent.com:sub" = var.subjects } }
                }]
              })
            }
            data "aws_iam_policy_document" "org_wide" {
              statement {
                actions = ["sts:AssumeRoleWithWebIdentity"]
                principals {
                  type        = "Federated"
                  identifiers = [local.github]
                }
                condition {
                  test     = "StringLike"
                  variable = "token.actions.githubusercontent.com:sub"
                  {|FB2105:values   = ["repo:acme/*"]|}
                }
              }
            }
            variable "subjects" {}
            """, RuleIds.CiOidcTrustUnscoped);
    }

    [Fact]
    public void S3_replication_into_the_same_bucket_or_region_is_reported_and_cross_region_is_quiet()
    {
        RuleHarness.Verify("s3.tf", """
            provider "aws" {
              region = var.region
            }
            provider "aws" {
              alias  = "same"
              region = var.region
            }
            provider "aws" {
              alias  = "dr"
              region = "us-west-2"
            }
            variable "region" {
              default = "us-east-1"
            }
            resource "aws_s3_bucket" "src" {
              bucket = "acme-src"
            }
            resource "aws_s3_bucket" "same" {
              provider = aws.same
              bucket   = "acme-same"
            }
            resource "aws_s3_bucket" "dr" {
              provider = aws.dr
              bucket   = "acme-dr"
            }
            resource "aws_s3_bucket_replication_configuration" "r" {
              bucket = aws_s3_bucket.src.id
              rule {
                destination {
                  {|FB3006:bucket = aws_s3_bucket.same.arn|}
                }
              }
              rule {
                destination {
                  {|FB3006:bucket = "arn:aws:s3:::acme-src"|}
                }
              }
              rule {
                destination {
                  bucket = aws_s3_bucket.dr.arn
                }
              }
              rule {
                destination {
                  bucket = var.external_bucket_arn
                }
              }
            }
            variable "external_bucket_arn" {}
            """, RuleIds.S3ReplicationColocated);
    }

    [Fact]
    public void Azure_vault_in_the_protected_resources_group_is_reported_at_its_resource_group()
    {
        RuleHarness.Verify("backup.tf", """
            resource "azurerm_linux_virtual_machine" "vm" {
              resource_group_name = "app"
            }
            resource "azurerm_recovery_services_vault" "v" {
              name                = "v"
              {|FB3007:resource_group_name = local.group|}
            }
            resource "azurerm_backup_protected_vm" "vm" {
              recovery_vault_name = azurerm_recovery_services_vault.v.name
              source_vm_id        = azurerm_linux_virtual_machine.vm.id
            }
            resource "azurerm_managed_disk" "d" {
              resource_group_name = var.group
            }
            resource "azurerm_data_protection_backup_vault" "dv" {
              resource_group_name = "backup"
            }
            resource "azurerm_data_protection_backup_instance_disk" "d" {
              vault_id = azurerm_data_protection_backup_vault.dv.id
              disk_id  = azurerm_managed_disk.d.id
            }
            locals {
              group = "app"
            }
            variable "group" {}
            """, RuleIds.AzureBackupVaultColocated);
    }
}
