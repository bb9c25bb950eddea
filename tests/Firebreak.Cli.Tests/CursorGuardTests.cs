using System;
using System.IO;
using System.Text.Json;

namespace Firebreak.Cli.Tests;

/// <summary>`firebreak guard --agent cursor` on Cursor's own hook payloads: the incident's agent ran in Cursor.</summary>
public sealed class CursorGuardTests
{
    private static (int Code, string Permission, string Message) Guard(string payload)
    {
        var stdout = new StringWriter();
        int code = Program.Run(new[] { "guard", "--agent", "cursor" }, new StringReader(payload), stdout, new StringWriter(), Path.GetTempPath());
        using var answer = JsonDocument.Parse(stdout.ToString());
        string message = answer.RootElement.TryGetProperty("agent_message", out var m) ? m.GetString()! : string.Empty;
        return (code, answer.RootElement.GetProperty("permission").GetString()!, message);
    }

    private static string Shell(string command) =>
        JsonSerializer.Serialize(new { conversation_id = "c1", generation_id = "g1", hook_event_name = "beforeShellExecution", command, cwd = Path.GetTempPath() });

    [Fact]
    public void The_incidents_mutation_is_denied_in_cursor_s_form()
    {
        var (code, permission, message) = Guard(Shell("curl -s https://backboard.railway.app/graphql/v2 -H \"Authorization: Bearer $RAILWAY_API_TOKEN\" -d '{\"query\":\"mutation { volumeDelete(volumeId: \\\"v1\\\") }\"}'"));
        Assert.Equal(0, code);
        Assert.Equal("deny", permission);
        Assert.Contains("volumeDelete", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("terraform plan")]
    [InlineData("echo \"terraform destroy -auto-approve\"")]
    [InlineData("git status")]
    public void Safe_commands_are_allowed(string command) => Assert.Equal("allow", Guard(Shell(command)).Permission);

    [Fact]
    public void Sql_sent_through_an_mcp_tool_is_judged_by_the_sql_rules()
    {
        string call(string sql) => JsonSerializer.Serialize(new
        {
            hook_event_name = "beforeMCPExecution",
            tool_name = "execute_sql",
            tool_input = JsonSerializer.Serialize(new { project_id = "p1", query = sql }), // a JSON string, as Cursor sends it
            command = "npx -y @supabase/mcp-server-supabase",
        });
        Assert.NotEqual("allow", Guard(call("DROP TABLE orders")).Permission);
        Assert.Equal("allow", Guard(call("SELECT count(*) FROM orders")).Permission);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"hook_event_name\":\"beforeShellExecution\"}")]
    [InlineData("{\"hook_event_name\":\"beforeShellExecution\",\"command\":42}")]
    [InlineData("{\"hook_event_name\":\"beforeSomethingNew\",\"command\":\"ls\"}")]
    [InlineData("{\"hook_event_name\":\"beforeMCPExecution\",\"tool_name\":\"x\",\"tool_input\":\"{not json\"}")]
    public void What_cannot_be_read_as_a_cursor_call_is_denied(string payload)
    {
        var (code, permission, message) = Guard(payload);
        Assert.Equal(2, code);
        Assert.Equal("deny", permission);
        Assert.StartsWith("firebreak: cannot judge this call", message, StringComparison.Ordinal);
    }
}
