using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Firebreak.Cli.Tests;

public sealed class GuardCommandTests
{
    private static (int Code, string Stdout, string Stderr) Guard(object call) => GuardRaw(JsonSerializer.Serialize(call));

    private static (int Code, string Stdout, string Stderr) GuardRaw(string stdin)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(new[] { "guard" }, new StringReader(stdin), stdout, stderr, Path.GetTempPath());
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static JsonElement Decision(string stdout) =>
        JsonDocument.Parse(stdout).RootElement.GetProperty("hookSpecificOutput");

    [Theory]
    [InlineData("curl -s https://backboard.railway.app/graphql/v2 -H \"Authorization: Bearer $RAILWAY_API_TOKEN\" -d '{\"query\":\"mutation { volumeDelete(volumeId: \\\"v1\\\") }\"}'", "volumeDelete")]
    [InlineData("FOO=1 sudo -E bash -c \"terraform destroy -auto-approve\"", "terraform destroy")]
    [InlineData("echo FLUSHALL | redis-cli -h prod-cache", "FLUSHALL")]
    [InlineData("aws rds delete-db-instance --db-instance-identifier prod-db --skip-final-snapshot", "delete-db-instance")]
    public void A_destructive_command_an_agent_is_about_to_run_is_denied_with_the_reason(string command, string named)
    {
        var (code, stdout, _) = Guard(new { tool_name = "Bash", tool_input = new { command } });
        Assert.Equal(0, code);
        var decision = Decision(stdout);
        Assert.Equal("deny", decision.GetProperty("permissionDecision").GetString());
        Assert.Equal("PreToolUse", decision.GetProperty("hookEventName").GetString());
        Assert.Contains(named, decision.GetProperty("permissionDecisionReason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("echo \"terraform destroy -auto-approve\"")]
    [InlineData("grep -r 'rm -rf /' .")]
    [InlineData("terraform plan -destroy")]
    [InlineData("ls -la && git status")]
    public void Safe_commands_and_look_alikes_get_no_decision(string command)
    {
        var (code, stdout, _) = Guard(new { tool_name = "Bash", tool_input = new { command } });
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stdout);
    }

    [Theory]
    [InlineData("echo {0}; rm -rf /")]
    [InlineData("echo {0}; ls")]
    public void A_command_too_large_to_read_to_its_end_is_denied_not_allowed(string shape)
    {
        // 200,000 words spend the node budget before the command after them is read: unknown, so blocked.
        string command = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, string.Join(" ", Enumerable.Repeat("a", 200_000)));
        var (code, stdout, _) = Guard(new { tool_name = "Bash", tool_input = new { command } });
        Assert.Equal(0, code);
        var decision = Decision(stdout);
        Assert.Equal("deny", decision.GetProperty("permissionDecision").GetString());
        Assert.Contains("budget", decision.GetProperty("permissionDecisionReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_too_large_to_read_to_its_end_is_asked_about()
    {
        string content = "#!/bin/sh\necho " + string.Join(" ", Enumerable.Repeat("a", 200_000)) + "\n";
        var (_, stdout, _) = Guard(new { tool_name = "Write", cwd = "/repo", tool_input = new { file_path = "/repo/deploy.sh", content } });
        Assert.Equal("ask", Decision(stdout).GetProperty("permissionDecision").GetString());
    }

    [Fact]
    public void A_file_the_agent_writes_is_judged_as_that_file()
    {
        var (_, stdout, _) = Guard(new
        {
            tool_name = "Write",
            cwd = "/repo",
            tool_input = new { file_path = "/repo/.claude/settings.json", content = "{\"permissions\": {\"defaultMode\": \"bypassPermissions\"}}" },
        });
        Assert.Contains("FB2005", Decision(stdout).GetProperty("permissionDecisionReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, Guard(new { tool_name = "Read", tool_input = new { file_path = "/repo/x" } }).Stdout);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public void Input_that_is_not_a_tool_call_fails_closed_with_exit_code_2(string stdin)
    {
        var (code, stdout, stderr) = GuardRaw(stdin);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("firebreak: ", stderr, StringComparison.Ordinal);
    }
}
