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

    private const string BuildToolStubs = """
        namespace CliWrap
        {
            public static class Cli { public static Command Wrap(string targetFilePath) => new Command(); }
            public class ArgumentsBuilder { public ArgumentsBuilder Add(string value, bool escape = true) => this; }
            public class Command
            {
                public Command WithArguments(string arguments) => this;
                public Command WithArguments(System.Collections.Generic.IEnumerable<string> arguments, bool escape = true) => this;
                public Command WithArguments(System.Action<ArgumentsBuilder> configure) => this;
                public Command WithWorkingDirectory(string path) => this;
                public System.Threading.Tasks.Task ExecuteAsync() => System.Threading.Tasks.Task.CompletedTask;
            }
        }
        namespace Nuke.Common.Tooling
        {
            public static class ProcessTasks { public static object StartProcess(string toolPath, string arguments = null, string workingDirectory = null) => null; }
        }
        namespace Cake.Core.IO { public class FilePath { public static implicit operator FilePath(string path) => new FilePath(); } }
        namespace Cake.Core
        {
            public interface ICakeContext { }
            namespace IO { public class ProcessArgumentBuilder { public static implicit operator ProcessArgumentBuilder(string value) => new ProcessArgumentBuilder(); } }
            namespace IO { public class ProcessSettings { public ProcessArgumentBuilder Arguments { get; set; } } }
        }
        namespace Cake.Common
        {
            public static class ProcessAliases
            {
                public static int StartProcess(this Cake.Core.ICakeContext context, Cake.Core.IO.FilePath fileName, string processArguments) => 0;
                public static int StartProcess(this Cake.Core.ICakeContext context, Cake.Core.IO.FilePath fileName, Cake.Core.IO.ProcessSettings settings) => 0;
            }
        }
        """;

    [Fact]
    public async Task CliWrap_NUKE_and_Cake_processes_are_judged_like_Process_Start()
    {
        var test = Test("""
            using CliWrap;
            using Cake.Common;
            using Cake.Core;
            using Cake.Core.IO;
            using Nuke.Common.Tooling;
            static class Teardown
            {
                static async System.Threading.Tasks.Task Run(ICakeContext context, string name)
                {
                    await Cli.{|#0:Wrap|}("terraform").WithArguments("destroy -auto-approve").ExecuteAsync();
                    await Cli.{|#1:Wrap|}("kubectl").WithWorkingDirectory(".").WithArguments(new[] { "delete", "namespace", name }).ExecuteAsync();
                    await Cli.{|#2:Wrap|}("railway").WithArguments(args => args.Add("volume").Add("delete").Add("--yes")).ExecuteAsync();
                    ProcessTasks.{|#3:StartProcess|}("terraform", "destroy -auto-approve");
                    context.{|#4:StartProcess|}("dropdb", new ProcessSettings { Arguments = "orders" });
                    context.{|#5:StartProcess|}("aws", "s3 rb s3://shop-uploads --force");
                    await Cli.Wrap("terraform").WithArguments("plan").ExecuteAsync();
                    await Cli.Wrap("echo").WithArguments(args => args.Add("terraform").Add("destroy")).ExecuteAsync();
                    ProcessTasks.StartProcess("kubectl", "get pods");
                    context.StartProcess("dotnet", "build");
                }
            }
            """);
        test.TestState.Sources.Add(BuildToolStubs);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.DestructiveCommand, DiagnosticSeverity.Warning).WithLocation(0).WithMessage(
            "`Cli.Wrap` runs `terraform destroy -auto-approve`, which destroys every resource in the Terraform state. Keep it out of code that runs unattended, or require an approval before it runs."));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.DestructiveCommand, DiagnosticSeverity.Warning).WithLocation(1));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.DestructiveCommand, DiagnosticSeverity.Error).WithLocation(2));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.DestructiveCommand, DiagnosticSeverity.Warning).WithLocation(3));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.DestructiveCommand, DiagnosticSeverity.Warning).WithLocation(4));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.DestructiveCommand, DiagnosticSeverity.Warning).WithLocation(5));
        await test.RunAsync();
    }
}
