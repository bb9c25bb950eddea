using System.Threading.Tasks;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Firebreak.Analyzers.Tests;

public sealed class AdditionalFileAnalyzerTests
{
    private static CSharpAnalyzerTest<AdditionalFileAnalyzer, DefaultVerifier> Test(string path, string markup)
    {
        var test = new CSharpAnalyzerTest<AdditionalFileAnalyzer, DefaultVerifier>
        {
            TestCode = "class Program { static void Main() { } }",
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalFiles.Add((path, markup));
        return test;
    }

    [Fact]
    public async Task Reports_FB2001_at_the_job_key_of_a_workflow_given_as_an_additional_file()
    {
        var test = Test("/repo/.github/workflows/ci.yml", """
            on: push
            jobs:
              {|#0:build|}:
                runs-on: ubuntu-latest
                steps:
                  - run: make
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.WorkflowTokenNotScoped, DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("Job 'build' has no `permissions:` and neither has the workflow, so its GITHUB_TOKEN gets the repository default (write-all on older repositories and organisations); add `permissions:` with only the scopes this job needs."));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_scoped_workflow_and_an_unrelated_yaml_file_are_quiet()
    {
        var test = Test("/repo/.github/workflows/ci.yml", """
            on: push
            permissions: {}
            jobs:
              build:
                permissions:
                  contents: read
                runs-on: ubuntu-latest
                steps: [{ run: make }]
            """);
        test.TestState.AdditionalFiles.Add(("/repo/config/app.yml", "jobs:\n  a:\n    runs-on: x\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Inline_suppressions_work_in_the_build_as_in_the_cli()
    {
        var test = Test("/repo/.github/workflows/ci.yml", """
            on: push
            jobs:
              # firebreak:ignore FB2001 -- release job, reviewed
              release:
                runs-on: ubuntu-latest
              # {|#1:firebreak:ignore FB2001|}
              {|#0:build|}:
                runs-on: ubuntu-latest
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.InvalidSuppression, DiagnosticSeverity.Warning).WithLocation(1));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.WorkflowTokenNotScoped, DiagnosticSeverity.Warning).WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task Bicep_files_and_arm_templates_are_found_by_the_engines_detector()
    {
        var test = Test("/repo/infra/main.bicep", """
            resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
              name: 'kv-orders'
              properties: {
                {|#0:enablePurgeProtection: false|}
              }
            }
            resource sql {|#1:'Microsoft.Sql/servers@2023-08-01-preview'|} = {
              name: 'orders-sql'
            }
            """);
        test.TestState.AdditionalFiles.Add(("/repo/deploy/template.json", """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "resources": [
                {
                  "type": "Microsoft.Storage/storageAccounts/blobServices",
                  "name": "data/default",
                  "properties": { "deleteRetentionPolicy": { {|#2:"enabled": false|} } }
                }
              ]
            }
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.SoftDeleteOff, DiagnosticSeverity.Warning).WithLocation(0));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.AzureDatabaseWithoutDeleteLock, DiagnosticSeverity.Warning).WithLocation(1));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.SoftDeleteOff, DiagnosticSeverity.Warning).WithLocation(2));
        await test.RunAsync();
    }
}
