using System;
using System.Linq;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.PowerShell;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Languages.PowerShell;

/// <summary>
/// The PowerShell reader finds the commands a script runs, with PowerShell's quoting, and nothing else: strings,
/// comments and here-strings are data. Findings on <c>.ps1</c> files land on the exact characters.
/// </summary>
public sealed class PowerShellParserTests
{
    private static string[][] Commands(string text) =>
        PowerShellParser.Parse(text).Pipelines.SelectMany(p => p.Commands)
            .Select(c => c.Elements.Select(e => e.Value ?? "<dynamic>").ToArray()).ToArray();

    [Fact]
    public void Arguments_are_read_with_powershell_quoting()
    {
        var commands = Commands("Remove-Item -Path 'C:\\it''s' \"a`tb\" -Confirm:$false plain` escaped $env:X \"$x y\"\n");
        Assert.Equal(new[] { "Remove-Item", "-Path", "C:\\it's", "a\tb", "-Confirm:$false", "plain escaped", "<dynamic>", "<dynamic>" }, Assert.Single(commands));
    }

    [Fact]
    public void Comments_strings_and_here_strings_are_not_commands()
    {
        const string text = """
            # Remove-AzResourceGroup -Name prod -Force
            <# Remove-Item -Recurse C:\data
               #>
            Write-Host "Remove-AzResourceGroup -Name prod -Force"
            $doc = @'
            Remove-AzSqlDatabase -DatabaseName d -Force
            '@
            """;
        Assert.Equal(new[] { "Write-Host" }, Commands(text).Select(c => c[0]).ToArray());
    }

    [Fact]
    public void Commands_inside_blocks_script_blocks_subexpressions_and_assignments_are_found()
    {
        const string text = """
            function Reset { param($a) Remove-Item -Recurse $a }
            if ($x -eq 1) { Stop-Service db } elseif ($y) { Start-Service db } else { Restart-Service db }
            foreach ($f in (Get-ChildItem .)) { Clear-Content $f }
            try { Invoke-A } catch [System.IO.IOException], [System.Exception] { Invoke-B } finally { Invoke-C }
            $items | ForEach-Object { Remove-S3Bucket -BucketName $_ -Force }
            $r = Invoke-RestMethod -Uri "https://x/$(Get-Id)"
            & "C:\tools\az.cmd" group delete --name rg
            Get-Foo -Bar `
                -Baz 1 && Invoke-Next || Invoke-Else
            """;
        var names = Commands(text).Select(c => c[0]).ToArray();
        Assert.Equal(new[]
        {
            "Remove-Item", "Stop-Service", "Start-Service", "Restart-Service", "Get-ChildItem", "Clear-Content", "Invoke-A", "Invoke-B", "Invoke-C",
            "ForEach-Object", "Remove-S3Bucket", "Invoke-RestMethod", "Get-Id", "C:\\tools\\az.cmd", "Get-Foo", "Invoke-Next", "Invoke-Else",
        }, names.OrderBy(n => text.IndexOf(n, StringComparison.Ordinal)).ToArray());
        Assert.Contains(Commands(text), c => c.SequenceEqual(new[] { "Get-Foo", "-Bar", "-Baz", "1" }));
    }

    [Fact]
    public void Spans_of_values_point_into_the_file()
    {
        const string text = "rm -r -fo 'C:\\data\\pg'\n";
        var element = PowerShellParser.Parse(text).Pipelines.Single().Commands.Single().Elements[3];
        Assert.Equal("'C:\\data\\pg'", text.Substring(element.Span.Start, element.Span.Length));
        Assert.Equal(text.IndexOf('C'), element.Offsets![0]);
    }

    [Fact]
    public void A_finding_on_a_ps1_file_is_at_the_path_and_a_comment_suppresses_it()
    {
        const string text = "Remove-Item -Recurse -Force C:\\data\\postgres\n";
        var finding = Assert.Single(RuleHarness.Analyze(("ops/reset.ps1", text)).Findings, f => f.RuleId == "FB1001");
        Assert.Equal("C:\\data\\postgres", text.Substring(finding.Location.Span.Start, finding.Location.Span.Length));

        const string suppressed = "Remove-Item -Recurse -Force C:\\data\\postgres # firebreak:ignore FB1001 -- the test VM's disposable data disk\n";
        Assert.DoesNotContain(RuleHarness.Analyze(("ops/reset.ps1", suppressed)).Findings, f => f.RuleId == "FB1001");
    }

    [Fact]
    public void Broken_scripts_give_diagnostics_and_keep_what_was_read()
    {
        var script = PowerShellParser.Parse("Remove-AzResourceGroup -Name prod -Force\nif ($x) { Write-Host 'open\n");
        Assert.NotEmpty(script.Diagnostics);
        Assert.Equal("Remove-AzResourceGroup", script.Pipelines[0].Commands[0].Elements[0].Value);
    }

    [Fact]
    public void Deep_nesting_stops_with_a_diagnostic_instead_of_the_stack()
    {
        var script = PowerShellParser.Parse(new string('(', 100_000) + "Remove-Item x" + new string(')', 100_000));
        Assert.Contains(script.Diagnostics, d => d.Message.Contains("too deep", StringComparison.Ordinal));
    }

    [Fact]
    public void Random_input_never_throws_and_always_ends()
    {
        const string alphabet = "ab-$@'\"`{}()[]|&;#<>,.:= \n\r\t1\\/";
        var random = new Random(20261203);
        for (int n = 0; n < 3000; n++)
        {
            var text = new StringBuilder();
            int length = random.Next(0, 120);
            for (int i = 0; i < length; i++) text.Append(alphabet[random.Next(alphabet.Length)]);
            var script = PowerShellParser.Parse(text.ToString());
            foreach (var element in script.Pipelines.SelectMany(p => p.Commands).SelectMany(c => c.Elements))
            {
                Assert.InRange(element.Span.Start, 0, text.Length);
                Assert.InRange(element.Span.End, element.Span.Start, text.Length);
                if (element.Offsets != null) Assert.All(element.Offsets, o => Assert.InRange(o, 0, text.Length - 1));
            }
        }
    }
}
