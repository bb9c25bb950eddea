using System;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Json;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Languages;

/// <summary>
/// One JSON reader for every JSON host: JSON with comments where the host accepts it (a comment in an agent's settings no
/// longer hides its findings), strict JSON elsewhere, parse problems as FB0001 notes, package.json read as JSON.
/// </summary>
public sealed class JsonReaderTests
{
    [Fact]
    public void A_commented_claude_settings_file_is_still_analysed()
    {
        const string text = """
            {
              // the team's defaults
              "permissions": {
                /* reviewed 2026-11 */
                "defaultMode": "bypassPermissions",
                "allow": ["Bash", "Read",],
              },
            }
            """;
        var findings = RuleHarness.Analyze((".claude/settings.json", text)).Findings;
        Assert.Equal(2, findings.Count(f => f.RuleId == "FB2005"));
        Assert.DoesNotContain(findings, f => f.RuleId == "FB0001");
    }

    [Fact]
    public void A_commented_vscode_mcp_file_still_reports_the_account_token()
    {
        const string text = """
            {
              // Railway's MCP server for the whole team
              "servers": {
                "railway": { "command": "npx", "args": ["-y", "@railway/mcp-server"], "env": { "RAILWAY_API_TOKEN": "${input:railway}" } }
              }
            }
            """;
        var findings = RuleHarness.Analyze((".vscode/mcp.json", text)).Findings;
        Assert.Contains(findings, f => f.RuleId == "FB2003");
    }

    [Fact]
    public void A_suppression_in_a_jsonc_comment_is_honoured()
    {
        const string text = """
            {
              "permissions": {
                // firebreak:ignore FB2005 -- a disposable sandbox VM, wiped after each session
                "defaultMode": "bypassPermissions"
              }
            }
            """;
        var result = RuleHarness.Analyze((".claude/settings.json", text));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "FB2005");
        Assert.Equal(1, result.SuppressedCount);
    }

    [Fact]
    public void Strict_json_with_a_comment_is_a_note_not_silence()
    {
        const string text = "{\n  // npm does not read comments\n  \"scripts\": { \"reset\": \"rm -rf /var/lib/postgresql/data\" }\n}\n";
        var findings = RuleHarness.Analyze(("package.json", text)).Findings;
        var note = Assert.Single(findings, f => f.RuleId == "FB0001");
        Assert.Contains("JSON could not be parsed", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_json_script_is_read_as_json_and_reported_where_it_is_written()
    {
        // An escaped quote before the command: the finding still lands on `rm` in the file, not a column off.
        const string text = "{\n\t\"scripts\": {\n\t\t\"db:wipe\": \"echo \\\"wiping\\\" && rm -rf /var/lib/postgresql/data\"\n\t}\n}\n";
        var findings = RuleHarness.Analyze(("package.json", text)).Findings;
        var rm = Assert.Single(findings, f => f.RuleId == "FB1001");
        Assert.Equal(2, rm.Location.Start.Line);

        // The same command in a script is reported on the same words.
        const string script = "echo \"wiping\" && rm -rf /var/lib/postgresql/data\n";
        var inScript = Assert.Single(RuleHarness.Analyze(("wipe.sh", script)).Findings, f => f.RuleId == "FB1001");
        Assert.Equal(script.Substring(inScript.Location.Span.Start, inScript.Location.Span.Length), text.Substring(rm.Location.Span.Start, rm.Location.Span.Length));
    }

    [Theory]
    [InlineData(".claude/settings.json", true)]
    [InlineData(".vscode/settings.json", true)]
    [InlineData("tsconfig.build.json", true)]
    [InlineData("package.json", false)]
    [InlineData("infra/plan.json", false)]
    public void Comments_are_accepted_where_the_host_accepts_them(string path, bool jsonc) =>
        Assert.Equal(jsonc, JsonModels.AllowsComments(FileKindDetector.Detect(path), path));
}
