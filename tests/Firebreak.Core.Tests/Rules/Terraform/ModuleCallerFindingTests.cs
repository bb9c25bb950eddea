using System.Linq;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Terraform;

/// <summary>Issue 14: a module input that makes a resource unsafe is reported where the caller sets it.</summary>
public sealed class ModuleCallerFindingTests
{
    private const string Module = """
        variable "skip_final_snapshot" {
          type    = bool
          default = false
        }
        resource "aws_db_instance" "this" {
          deletion_protection      = true
          backup_retention_period  = 7
          delete_automated_backups = false
          skip_final_snapshot      = var.skip_final_snapshot
        }
        """;

    [Fact]
    public void Each_caller_gets_its_own_finding_and_the_module_line_none()
    {
        var findings = RuleHarness.VerifyProject(new[]
        {
            ("modules/db/main.tf", Module),
            ("envs/a/main.tf", """
                module "db" {
                  source              = "../../modules/db"
                  {|FB1102:skip_final_snapshot = true|}
                }
                """),
            ("envs/b/main.tf", """
                module "orders" {
                  source              = "../../modules/db"
                  {|FB1102:skip_final_snapshot = true|}
                }
                module "quiet" {
                  source = "../../modules/db"
                }
                """),
        }, RuleIds.SkipFinalSnapshot);

        var b = findings.Single(f => f.Location.Path == "envs/b/main.tf");
        Assert.Contains("via `module.orders`, input `skip_final_snapshot`", b.Message);
        var related = Assert.Single(b.RelatedLocations);
        Assert.Equal("modules/db/main.tf", related.Location.Path);
        Assert.Equal("skip_final_snapshot      = var.skip_final_snapshot", related.Location.Snippet);
    }

    [Fact]
    public void A_pass_through_without_a_value_is_reported_at_the_default_that_decides()
    {
        var findings = RuleHarness.VerifyProject(new[]
        {
            ("modules/db/main.tf", Module),
            ("modules/service/main.tf", """
                variable "skip_final_snapshot" {
                  default = {|FB1102:true|}
                }
                module "db" {
                  source              = "../db"
                  skip_final_snapshot = var.skip_final_snapshot
                }
                """),
            ("main.tf", """
                module "svc" {
                  source = "./modules/service"
                }
                """),
        }, RuleIds.SkipFinalSnapshot);

        Assert.Contains("the default of `var.skip_final_snapshot`, passed to `module.db`", Assert.Single(findings).Message);
    }

    [Fact]
    public void A_value_the_module_decides_itself_stays_on_the_module_line()
    {
        RuleHarness.VerifyProject(new[]
        {
            ("modules/bucket/main.tf", """
                variable "name" {
                  type = string
                }
                resource "aws_s3_bucket" "this" {
                  bucket        = var.name
                  {|FB1103:force_destroy = true|}
                }
                """),
            ("main.tf", """
                module "logs" {
                  source = "./modules/bucket"
                  name   = "logs"
                }
                """),
        }, RuleIds.BucketForceDestroy);
    }
}
