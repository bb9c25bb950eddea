using System.Linq;
using Firebreak.Core.Platforms.Terraform;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Platforms;

public sealed class TerraformModuleEvaluatorTests
{
    private static TerraformProject Project(params (string Path, string Text)[] files) =>
        TerraformProject.Get(new ProjectContext(files.Select(f => new DocumentContext(new SourceFile(f.Path, f.Text))).ToArray()));

    /// <summary>The value of <c>local.result</c> in the root module of <paramref name="locals"/>, as JSON (or "(unknown)").</summary>
    private static string Eval(string locals, params (string Path, string Text)[] more)
    {
        var project = Project(new[] { ("main.tf", locals) }.Concat(more).ToArray());
        var root = project.Instances.First(i => i.Module.Directory == "");
        return root.Evaluator.Local("result").ToString();
    }

    [Theory]
    [InlineData("result = 1 + 2 * 3", "7")]
    [InlineData("result = \"a-${upper(\"b\")}-${1 + 1}\"", "a-B-2")]
    [InlineData("result = true && !false ? \"yes\" : \"no\"", "yes")]
    [InlineData("result = [for x in [1, 2, 3] : x * 2 if x > 1]", "[4,6]")]
    [InlineData("result = {for k, v in { a = 1, b = 2 } : upper(k) => v}", "{\"A\":1,\"B\":2}")]
    [InlineData("result = jsondecode(jsonencode({ Action = [\"*\"] })).Action[0]", "*")]
    [InlineData("result = merge({ a = 1 }, { a = 2, b = 3 })", "{\"a\":2,\"b\":3}")]
    [InlineData("result = concat([1], [2, 3])", "[1,2,3]")]
    [InlineData("result = lookup({ a = \"x\" }, \"b\", \"fallback\")", "fallback")]
    [InlineData("result = format(\"%s-%d\", \"db\", 7)", "db-7")]
    [InlineData("result = replace(\"a.b.c\", \".\", \"/\")", "a/b/c")]
    [InlineData("result = replace(\"prod-db\", \"/^prod-/\", \"\")", "db")]
    [InlineData("result = try(local.missing, { a = 1 }.b, \"third\")", "third")]
    [InlineData("result = can({ a = 1 }.b)", "false")]
    [InlineData("result = coalesce(null, \"\", \"x\")", "x")]
    [InlineData("result = length(toset([\"a\", \"a\", \"b\"]))", "2")]
    [InlineData("result = contains([\"roles/owner\"], \"roles/owner\")", "true")]
    [InlineData("result = element([\"a\", \"b\"], 3)", "b")]
    [InlineData("result = flatten([[1], [[2, 3]]])", "[1,2,3]")]
    [InlineData("result = tostring(5)", "5")]
    [InlineData("result = \"%{ for s in [\"a\", \"b\"] }${s};%{ endfor }\"", "a;b;")]
    [InlineData("result = [{ n = 1 }, { n = 2 }][*].n", "[1,2]")]
    public void Known_expressions_evaluate(string local, string expected)
    {
        Assert.Equal(expected, Eval("locals {\n  " + local + "\n}\n"));
    }

    [Theory]
    [InlineData("result = var.no_default")]
    [InlineData("result = data.aws_caller_identity.current.account_id")]
    [InlineData("result = aws_s3_bucket.b.arn")]
    [InlineData("result = each.key")]
    [InlineData("result = local.a")]
    [InlineData("result = var.no_default ? true : false")]
    [InlineData("result = timestamp()")]
    public void Unknown_inputs_and_cycles_stay_unknown(string local)
    {
        Assert.Equal("(unknown)", Eval("variable \"no_default\" {}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\nlocals {\n  a = local.b\n  b = local.a\n  " + local + "\n}\n"));
    }

    [Fact]
    public void Variables_come_from_auto_tfvars_over_terraform_tfvars_over_defaults_and_resources_from_their_configuration()
    {
        string main = "variable \"a\" {\n  default = \"default\"\n}\nvariable \"b\" {\n  default = \"default\"\n}\nresource \"aws_s3_bucket\" \"x\" {\n  bucket = \"name-${var.b}\"\n}\nlocals {\n  result = \"${var.a}/${aws_s3_bucket.x.bucket}\"\n}\n";
        Assert.Equal("auto/name-tfvars", Eval(main, ("terraform.tfvars", "a = \"tfvars\"\nb = \"tfvars\"\n"), ("x.auto.tfvars", "a = \"auto\"\n"), ("other/terraform.tfvars", "b = \"elsewhere\"\n")));
    }

    [Fact]
    public void Local_module_calls_pass_inputs_and_return_outputs_and_remote_ones_are_unknown()
    {
        string main = "module \"child\" {\n  source = \"./child\"\n  name   = \"in\"\n}\nmodule \"remote\" {\n  source = \"terraform-aws-modules/rds/aws\"\n}\nlocals {\n  result = [module.child.out, module.remote.out]\n}\n";
        Assert.Equal("(partly unknown)", Eval(main, ("child/main.tf", "variable \"name\" {}\noutput \"out\" {\n  value = \"${var.name}-out\"\n}\n")));
        var project = Project(("main.tf", main), ("child/main.tf", "variable \"name\" {}\noutput \"out\" {\n  value = \"${var.name}-out\"\n}\n"));
        var root = project.Instances.First(i => i.Module.Directory == "");
        var value = root.Evaluator.Local("result");
        Assert.Equal("in-out", value.Items[0].StringValue);
        Assert.False(value.Items[1].IsKnown);
        Assert.Contains(project.Instances, i => i.Name == "module.child");
    }

    [Fact]
    public void A_module_that_calls_itself_and_sources_outside_the_tree_are_bounded()
    {
        var project = Project(
            ("a/main.tf", "module \"self\" {\n  source = \"../a\"\n}\nmodule \"escape\" {\n  source = \"../../../etc\"\n}\n"));
        Assert.InRange(project.Instances.Count, 1, 16);
    }

    [Fact]
    public void Huge_collections_become_unknown_instead_of_exhausting_memory()
    {
        string nested = "result = length(flatten([for a in local.l : [for b in local.l : [for c in local.l : c]]]))";
        string list = "l = [" + string.Join(",", Enumerable.Range(0, 60)) + "]";
        var value = Eval("locals {\n  " + list + "\n  " + nested + "\n}\n");
        Assert.True(value == "(unknown)" || value == "216000");
    }

    [Fact]
    public void An_unknown_template_keeps_its_known_ends()
    {
        var project = Project(("main.tf", """
            locals {
              arn     = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess"
              nested  = "${local.arn}-copy"
              unknown = "${var.a}${var.b}"
            }
            variable "a" {}
            variable "b" {}
            """));
        var evaluator = project.Instances[0].Evaluator;
        var arn = evaluator.Local("arn");
        Assert.False(arn.IsKnown);
        Assert.Equal(("arn:", ":iam::aws:policy/AdministratorAccess"), (arn.KnownPrefix, arn.KnownSuffix));
        Assert.Equal(("arn:", ":iam::aws:policy/AdministratorAccess-copy"), (evaluator.Local("nested").KnownPrefix, evaluator.Local("nested").KnownSuffix));
        Assert.Same(TerraformValue.Unknown, evaluator.Local("unknown"));
    }

    [Fact]
    public void Resources_with_count_zero_or_empty_for_each_do_not_exist_and_each_value_is_known_per_instance()
    {
        var project = Project(("main.tf", """
            variable "enabled" {
              default = false
            }
            variable "unknown" {}
            resource "azurerm_management_lock" "off" {
              count = var.enabled ? 1 : 0
            }
            resource "azurerm_management_lock" "none" {
              for_each = toset([])
            }
            resource "azurerm_management_lock" "maybe" {
              count = var.unknown ? 1 : 0
            }
            resource "google_project_iam_member" "roles" {
              for_each = toset(["roles/viewer", "roles/editor"])
              role     = each.value
              member   = "group:${each.key}"
            }
            resource "aws_s3_bucket" "counted" {
              count  = 2
              bucket = "b-${count.index}"
            }
            """));
        var instance = project.Instances[0];
        Assert.Equal(new[] { "azurerm_management_lock.maybe", "google_project_iam_member.roles", "aws_s3_bucket.counted" }, instance.Resources.Select(r => r.Address));
        var roles = instance.Module.FindManaged("google_project_iam_member", "roles")!;
        Assert.Equal(new[] { "roles/viewer", "roles/editor" }, instance.Evaluator.EvaluateEach(roles, roles.Body.Attribute("role")!.Value).Select(v => v.AsString()));
        Assert.Equal(new[] { "group:roles/viewer", "group:roles/editor" }, instance.Evaluator.EvaluateEach(roles, roles.Body.Attribute("member")!.Value).Select(v => v.AsString()));
        Assert.False(instance.Evaluator.Evaluate(roles.Body.Attribute("role")!.Value).IsKnown);
        var counted = instance.Module.FindManaged("aws_s3_bucket", "counted")!;
        Assert.Equal(new[] { "b-0", "b-1" }, instance.Evaluator.EvaluateEach(counted, counted.Body.Attribute("bucket")!.Value).Select(v => v.AsString()));
    }

    [Fact]
    public void File_and_templatefile_read_files_of_the_scan_relative_to_the_root_module_and_json_templates_keep_their_structure()
    {
        var project = Project(
            ("envs/prod/main.tf", """
                module "role" {
                  source = "../../modules/role"
                }
                """),
            ("modules/role/main.tf", """
                locals {
                  module_path = path.module
                  policy      = file("${path.module}/policy.json")
                  rendered    = templatefile("${path.module}/p.tftpl", { action = "s3:*", arn = aws_s3_bucket.b.arn })
                  outside     = file("/etc/passwd")
                  heredoc     = <<-EOT
                    { "Action": "*", "Resource": "${aws_s3_bucket.b.arn}/*" }
                  EOT
                }
                resource "aws_s3_bucket" "b" {}
                """),
            ("modules/role/policy.json", """{ "Action": "*" }"""),
            ("modules/role/p.tftpl", """{ "Action": "${action}", "Resource": "${arn}" }"""));
        var child = project.Instances.Single(i => i.Module.Directory == "modules/role").Evaluator;
        Assert.Equal("../../modules/role", child.Local("module_path").AsString());
        Assert.Equal("""{ "Action": "*" }""", child.Local("policy").AsString());
        var rendered = child.Local("rendered");
        Assert.False(rendered.IsKnown);
        Assert.Equal("s3:*", rendered.EncodedFrom!.Get("Action").AsString());
        Assert.False(rendered.EncodedFrom.Get("Resource").IsKnown);
        Assert.False(child.Local("outside").IsKnown);
        var heredoc = child.Local("heredoc").EncodedFrom!;
        Assert.Equal("*", heredoc.Get("Action").AsString());
        Assert.Equal("/*", heredoc.Get("Resource").KnownSuffix);
    }
}

public sealed class TerraformValueSharedInstanceTests
{
    [Fact]
    public void The_shared_values_have_empty_attributes_and_items_not_null()
    {
        foreach (var value in new[] { Firebreak.Core.Platforms.Terraform.TerraformValue.Unknown, Firebreak.Core.Platforms.Terraform.TerraformValue.Null, Firebreak.Core.Platforms.Terraform.TerraformValue.True })
        {
            Assert.Empty(value.Attributes);
            Assert.Empty(value.Items);
        }
    }
}
