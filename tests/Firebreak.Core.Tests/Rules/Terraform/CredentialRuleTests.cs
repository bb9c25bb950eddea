using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Terraform;

public sealed class CredentialRuleTests
{
    [Fact]
    public void Wildcards_in_jsonencode_heredoc_and_policy_documents_are_reported()
    {
        RuleHarness.Verify("iam.tf", """
            locals {
              actions = ["*"]
            }
            resource "aws_iam_policy" "a" {
              policy = jsonencode({
                Statement = [{
                  Effect   = "Allow"
                  {|FB2101:Action   = local.actions|}
                  Resource = aws_s3_bucket.b.arn
                }]
              })
            }
            resource "aws_iam_role_policy" "b" {
              {|FB2101:policy = <<EOF
            {"Statement": [{"Effect": "Allow", "Action": ["s3:DeleteObject"], "Resource": "*"}]}
            EOF|}
            }
            data "aws_iam_policy_document" "c" {
              statement {
                actions   = ["rds:Delete*"]
                {|FB2101:resources = ["*"]|}
              }
            }
            """, RuleIds.IamPolicyWildcard);
    }

    [Fact]
    public void Read_only_wildcard_resources_deny_statements_and_unknown_policies_stay_quiet()
    {
        RuleHarness.Verify("iam.tf", """
            resource "aws_iam_policy" "read" {
              policy = jsonencode({
                Statement = [
                  { Effect = "Allow", Action = ["s3:GetObject", "ec2:Describe*"], Resource = "*" },
                  { Effect = "Deny", Action = "*", Resource = "*" },
                ]
              })
            }
            resource "aws_iam_policy" "unknown" {
              policy = data.aws_iam_policy_document.x.json
            }
            resource "aws_iam_policy" "var" {
              policy = var.policy
            }
            variable "policy" {}
            """, RuleIds.IamPolicyWildcard);
    }

    [Fact]
    public void Admin_attachments_basic_roles_and_subscription_owners_are_reported_at_the_attribute()
    {
        RuleHarness.Verify("main.tf", """
            locals {
              admin = "arn:aws:iam::aws:policy/${"Administrator"}Access"
              sub   = "00000000-0000-0000-0000-000000000000"
            }
            resource "aws_iam_role_policy_attachment" "a" {
              role       = "ci"
              {|FB2102:policy_arn = local.admin|}
            }
            resource "aws_iam_role_policy_attachment" "b" {
              role       = "ci"
              policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
            }
            resource "google_project_iam_binding" "c" {
              {|FB2103:role    = lower("ROLES/OWNER")|}
              members = []
            }
            resource "google_project_iam_member" "d" {
              role   = "roles/viewer"
              member = "user:a@b.c"
            }
            resource "azurerm_role_assignment" "e" {
              scope                = "/subscriptions/${local.sub}"
              {|FB2104:role_definition_name = "Owner"|}
            }
            resource "azurerm_role_assignment" "f" {
              scope                = "/subscriptions/${local.sub}/resourceGroups/app"
              role_definition_name = "Owner"
            }
            """, RuleIds.AdministratorAccessAttached, RuleIds.GoogleBasicRoleGranted, RuleIds.AzureSubscriptionRoleAssignment);
    }
}
