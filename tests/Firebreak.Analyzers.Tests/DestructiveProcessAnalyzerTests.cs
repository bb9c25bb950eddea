using System.Threading.Tasks;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Firebreak.Analyzers.Tests;

/// <summary>FB1001 on processes C# starts: the argv goes through the engine's destructive command catalogue.</summary>
public sealed class DestructiveProcessAnalyzerTests
{
    private static CSharpAnalyzerTest<DestructiveProcessAnalyzer, DefaultVerifier> Test(string source)
    {
        var test = new CSharpAnalyzerTest<DestructiveProcessAnalyzer, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add("#nullable enable\n" + source);
        return test;
    }

    [Fact]
    public async Task Process_Start_and_ProcessStartInfo_with_destructive_argv_are_reported()
    {
        var test = Test("""
            using System.Diagnostics;
            static class Teardown
            {
                static void Run(string stack)
                {
                    Process.{|#0:Start|}("terraform", "destroy -auto-approve");
                    Process.{|#1:Start|}("kubectl", new[] { "delete", "namespace", stack });
                    var info = {|#2:new ProcessStartInfo("aws") { Arguments = "s3 rb s3://shop-uploads --force" }|};
                    var list = {|#3:new ProcessStartInfo { FileName = "/usr/bin/railway", ArgumentList = { "volume", "delete", "--volume", "pgdata", "--yes" } }|};
                }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.DestructiveCommand, DiagnosticSeverity.Warning).WithLocation(0).WithMessage(
            "`Process.Start` runs `terraform destroy -auto-approve`, which destroys every resource in the Terraform state. Keep it out of code that runs unattended, or require an approval before it runs."));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.DestructiveCommand, DiagnosticSeverity.Warning).WithLocation(1));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.DestructiveCommand, DiagnosticSeverity.Warning).WithLocation(2));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.DestructiveCommand, DiagnosticSeverity.Error).WithLocation(3));
        await test.RunAsync();
    }

    [Fact]
    public async Task Safe_commands_echoed_text_and_unknown_programs_are_quiet()
    {
        await Test("""
            using System.Diagnostics;
            static class Build
            {
                static void Run(string tool)
                {
                    Process.Start("terraform", "plan -out plan.tfplan");
                    Process.Start("echo", "terraform destroy -auto-approve");
                    Process.Start(tool, "destroy -auto-approve");
                    new ProcessStartInfo("kubectl", "get namespaces");
                }
            }
            """).RunAsync();
    }
}
