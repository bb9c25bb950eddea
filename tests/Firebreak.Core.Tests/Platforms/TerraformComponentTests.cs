using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Documents;
using Firebreak.Core.Platforms.Terraform;
using Firebreak.Core.Rules;

namespace Firebreak.Core.Tests.Platforms;

/// <summary>
/// The Terraform rules check a scan one component at a time (modules joined by local calls): the components, and
/// that what a rule sees across components (locks) and through calls is what it saw in the whole scan.
/// </summary>
public class TerraformComponentTests
{
    private static IReadOnlyList<string[]> Components(params (string Path, string Text)[] files)
    {
        var project = new ProjectContext(files.Select(f => new DocumentContext(new SourceFile(f.Path, f.Text))).ToArray());
        return TerraformComponents.Of(project).Select(c => c.Select(d => d.Path).ToArray()).ToArray();
    }

    [Fact]
    public void Modules_joined_by_local_calls_are_one_component_and_stacks_are_apart()
    {
        var components = Components(
            ("b/main.tf", "module \"db\" {\n  source = \"../shared/db\"\n}\n"),
            ("b/terraform.tfvars", "name = \"b\"\n"),
            ("a/main.tf", "module \"net\" {\n  source = \"./net\"\n}\nmodule \"registry\" {\n  source = \"terraform-aws-modules/rds/aws\"\n}\n"),
            ("a/net/main.tf", "resource \"aws_vpc\" \"v\" {}\n"),
            ("shared/db/main.tf", "resource \"aws_db_instance\" \"d\" {}\n"),
            ("c/main.tf", "module \"db\" {\n  source = \"../shared/db\"\n}\n"),
            ("lonely/main.tf", "resource \"aws_s3_bucket\" \"s\" {}\n"),
            ("deploy.sh", "terraform apply\n"));

        Assert.Equal(new[]
        {
            new[] { "a/main.tf", "a/net/main.tf" },
            new[] { "b/main.tf", "b/terraform.tfvars", "c/main.tf", "shared/db/main.tf" },
            new[] { "lonely/main.tf" },
        }, components);
    }

    [Fact]
    public void A_lock_on_the_resource_group_in_another_stack_still_covers_the_server()
    {
        const string server = "resource \"azurerm_mssql_server\" \"sql\" {\n  resource_group_name = \"orders-data\"\n}\n";
        const string locks = "resource \"azurerm_management_lock\" \"rg\" {\n  name       = \"rg\"\n  scope      = \"/subscriptions/0000/resourceGroups/orders-data\"\n  lock_level = \"CanNotDelete\"\n}\n";
        var unlocked = new AnalysisEngine().Analyze(new[] { new SourceFile("infra/database/main.tf", server) }).Findings;
        Assert.Single(unlocked, f => f.RuleId == RuleIds.AzureDatabaseWithoutDeleteLock);

        var locked = new AnalysisEngine().Analyze(new[] { new SourceFile("infra/database/main.tf", server), new SourceFile("platform/locks/main.tf", locks) }).Findings;
        Assert.DoesNotContain(locked, f => f.RuleId == RuleIds.AzureDatabaseWithoutDeleteLock);
    }

    [Fact]
    public void The_same_findings_whatever_the_thread_count_and_with_every_tree_dropped_after_its_component()
    {
        var files = new List<SourceFile>();
        for (int i = 0; i < 12; i++)
        {
            files.Add(new SourceFile($"stacks/s{i}/main.tf", $"module \"db\" {{\n  source = \"../../modules/db{i % 3}\"\n  skip = {(i % 2 == 0 ? "true" : "false")}\n}}\n"));
        }
        for (int m = 0; m < 3; m++)
            files.Add(new SourceFile($"modules/db{m}/main.tf", "variable \"skip\" {}\nresource \"aws_db_instance\" \"d\" {\n  skip_final_snapshot = var.skip\n}\n"));

        string Run(int threads) => string.Join("\n", new AnalysisEngine(new AnalysisOptions { MaxDegreeOfParallelism = threads }).Analyze(files).Findings
            .Select(f => $"{f.RuleId} {f.Location.Path}:{f.Location.Start} {f.Message}"));

        string one = Run(1);
        Assert.Equal(6, one.Split('\n').Count(l => l.StartsWith("FB1102 stacks/", System.StringComparison.Ordinal)));
        Assert.Equal(one, Run(4));
    }
}
