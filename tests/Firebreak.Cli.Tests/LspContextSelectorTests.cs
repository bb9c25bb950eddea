using Firebreak.Cli.Lsp;

namespace Firebreak.Cli.Tests;

public sealed class LspContextSelectorTests
{
    private static readonly string[] Repository =
    {
        ".env.railway", "docker-compose.yml", "firebreak.yml",
        ".github/workflows/deploy.yml", ".github/actions/reset/action.yml",
        "scripts/reset-staging.sh", "scripts/unrelated.sh",
        "infra/prod/main.tf", "infra/prod/variables.tf", "infra/modules/db/main.tf", "infra/modules/db/outputs.tf",
        "services/api/deep/thing.yml",
    };

    [Fact]
    public void A_workflow_reads_the_script_it_names_the_pipelines_and_the_root_but_not_unrelated_folders()
    {
        var chosen = ContextSelector.Select(".github/workflows/deploy.yml", "steps:\n  - run: ./scripts/reset-staging.sh --yes\n", Repository);
        Assert.Contains("scripts/reset-staging.sh", chosen);
        Assert.Contains(".github/actions/reset/action.yml", chosen);
        Assert.Contains("docker-compose.yml", chosen);
        Assert.DoesNotContain("scripts/unrelated.sh", chosen);
        Assert.DoesNotContain("services/api/deep/thing.yml", chosen);
        Assert.DoesNotContain("infra/modules/db/main.tf", chosen);
    }

    [Fact]
    public void A_terraform_file_reads_its_module_and_the_local_modules_it_calls()
    {
        var chosen = ContextSelector.Select("infra/prod/main.tf", "module \"db\" {\n  source = \"../modules/db\"\n}\n", Repository);
        Assert.Contains("infra/prod/variables.tf", chosen);
        Assert.Contains("infra/modules/db/main.tf", chosen);
        Assert.Contains("infra/modules/db/outputs.tf", chosen);
        Assert.Contains(".env.railway", chosen); // the root's own files, as for every file
        Assert.DoesNotContain("scripts/reset-staging.sh", chosen);
    }
}
