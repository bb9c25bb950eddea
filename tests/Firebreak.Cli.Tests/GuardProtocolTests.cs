using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Firebreak.Cli.Tests;

/// <summary>
/// `firebreak guard --agent X` on payloads shaped as each agent documents and sends them (Claude Code PreToolUse, Cursor
/// beforeShellExecution / beforeMCPExecution / preToolUse, Gemini CLI BeforeTool, Codex PreToolUse), answered in each
/// agent's own format; and everything that is not such a call blocked in that agent's blocking form.
/// </summary>
public sealed class GuardProtocolTests : IDisposable
{
    private readonly TempRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private (int Code, string Stdout, string Stderr) Run(string agent, string payload, params string[] extra)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var args = new[] { "guard", "--agent", agent }.Concat(extra).ToArray();
        int code = Program.Run(args, new StringReader(payload), stdout, stderr, _repo.Root);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The decision as each agent reads it: deny, ask, or none (the agent's own permissions decide).</summary>
    private static string Decision(string agent, (int Code, string Stdout, string Stderr) run)
    {
        if (run.Code == 2) return "blocked";
        Assert.Equal(0, run.Code);
        if (run.Stdout.Trim().Length == 0) return "none";
        using var answer = JsonDocument.Parse(run.Stdout);
        var root = answer.RootElement;
        return agent switch
        {
            "claude" or "codex" => root.GetProperty("hookSpecificOutput").GetProperty("permissionDecision").GetString()!,
            "gemini" => root.TryGetProperty("decision", out var d) ? d.GetString()! : "none",
            "cursor" => root.GetProperty("permission").GetString() is "allow" ? "none" : root.GetProperty("permission").GetString()!,
            _ => throw new ArgumentException(agent),
        };
    }

    private string Json(object payload) => JsonSerializer.Serialize(payload);

    // ---- recorded payload shapes ---------------------------------------------------------------------------

    private string Claude(string tool, object input) => Json(new
    {
        session_id = "6f1c0e4e-2b1a-4d1e-9c55-0d6a3b9f1a10",
        transcript_path = "/home/dev/.claude/projects/shop/6f1c0e4e.jsonl",
        cwd = _repo.Root,
        permission_mode = "default",
        hook_event_name = "PreToolUse",
        tool_name = tool,
        tool_input = input,
        tool_use_id = "toolu_01ABCDEF",
    });

    private string Codex(string tool, object input) => Json(new
    {
        session_id = "0199a8f2-7c11-7d30-b3a5-2f6e5a8d9c41",
        turn_id = "1",
        transcript_path = (string?)null,
        cwd = _repo.Root,
        hook_event_name = "PreToolUse",
        model = "gpt-5-codex",
        permission_mode = "default",
        tool_name = tool,
        tool_input = input,
        tool_use_id = "call_9XkQ",
    });

    private string Gemini(string tool, object input, object? mcp = null) => Json(new
    {
        session_id = "b7d3c1e2-9a4f-4c2d-8e1b-5f6a7b8c9d0e",
        transcript_path = "/home/dev/.gemini/tmp/chats/session.json",
        cwd = _repo.Root,
        hook_event_name = "BeforeTool",
        timestamp = "2026-12-03T07:00:00.000Z",
        tool_name = tool,
        tool_input = input,
        mcp_context = mcp,
    });

    private string CursorShell(string command) => Json(new
    {
        conversation_id = "c7a1", generation_id = "g42", model = "claude-sonnet-4", hook_event_name = "beforeShellExecution",
        cursor_version = "2.0.77", workspace_roots = new[] { _repo.Root }, user_email = (string?)null, transcript_path = (string?)null,
        command, cwd = _repo.Root, sandbox = false,
    });

    private string CursorTool(string tool, object input) => Json(new
    {
        conversation_id = "c7a1", generation_id = "g42", model = "claude-sonnet-4", hook_event_name = "preToolUse",
        cursor_version = "2.0.77", workspace_roots = new[] { _repo.Root }, tool_name = tool, tool_input = input,
        tool_use_id = "abc123", cwd = _repo.Root, agent_message = "Running it",
    });

    private string CursorMcp(string server, string tool, object arguments, string command) => Json(new
    {
        conversation_id = "c7a1", generation_id = "g42", hook_event_name = "beforeMCPExecution", cursor_version = "2.0.77",
        workspace_roots = new[] { _repo.Root }, tool_name = tool, tool_input = JsonSerializer.Serialize(arguments),
        mcp_server_name = server, command,
    });

    private string ShellPayload(string agent, string command) => agent switch
    {
        "claude" => Claude("Bash", new { command, description = "Run it" }),
        "codex" => Codex("Bash", new { command }),
        "gemini" => Gemini("run_shell_command", new { command, description = "Run it", dir_path = "." }),
        "cursor" => CursorShell(command),
        _ => throw new ArgumentException(agent),
    };

    public static TheoryData<string> Agents => new() { "claude", "cursor", "gemini", "codex" };

    // ---- infrastructure deletes are denied, safe commands are not, in every protocol -------------------

    [Theory]
    [MemberData(nameof(Agents))]
    public void An_infrastructure_delete_is_denied_in_the_agents_own_form(string agent)
    {
        var run = Run(agent, ShellPayload(agent, "aws rds delete-db-instance --db-instance-identifier shop --skip-final-snapshot"));
        Assert.Equal("deny", Decision(agent, run));
        Assert.Contains("delete-db-instance", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Agents))]
    public void A_safe_command_gets_no_decision(string agent)
    {
        foreach (var command in new[] { "git status && ls -la", "echo \"terraform destroy -auto-approve\"", "terraform plan -destroy" })
            Assert.Equal("none", Decision(agent, Run(agent, ShellPayload(agent, command))));
    }

    [Fact]
    public void Cursor_allows_explicitly_and_gemini_answers_an_empty_object_when_there_is_nothing_to_say()
    {
        Assert.Equal("{\"permission\":\"allow\"}", Run("cursor", CursorShell("ls")).Stdout.Trim());
        Assert.Equal("{}", Run("gemini", ShellPayload("gemini", "ls")).Stdout.Trim());
        Assert.Equal(string.Empty, Run("claude", ShellPayload("claude", "ls")).Stdout);
    }

    // ---- file writes and edits are judged as the file they leave ---------------------------------------------

    private const string SafeWorkflow = "on: workflow_dispatch\npermissions: {}\njobs:\n  tidy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo tidy\n";

    [Fact]
    public void Claude_edit_and_multiedit_are_judged_on_the_file_after_the_edit()
    {
        _repo.Write(".github/workflows/tidy.yml", SafeWorkflow);
        string path = Path.Combine(_repo.Root, ".github/workflows/tidy.yml");
        var edit = Run("claude", Claude("Edit", new { file_path = path, old_string = "echo tidy", new_string = "terraform destroy -auto-approve" }));
        Assert.Equal("deny", Decision("claude", edit));
        var multi = Run("claude", Claude("MultiEdit", new { file_path = path, edits = new object[]
        {
            new { old_string = "tidy:", new_string = "cleanup:" },
            new { old_string = "echo tidy", new_string = "railway volume delete --volume pg-data --yes" },
        } }));
        Assert.Equal("deny", Decision("claude", multi));
        // The same edit to something harmless, and an edit the agent would reject (old text absent), say nothing.
        Assert.Equal("none", Decision("claude", Run("claude", Claude("Edit", new { file_path = path, old_string = "echo tidy", new_string = "echo done" }))));
        Assert.Equal("none", Decision("claude", Run("claude", Claude("Edit", new { file_path = path, old_string = "not there", new_string = "terraform destroy -auto-approve" }))));
    }

    [Fact]
    public void Gemini_replace_and_write_file_and_cursor_write_are_judged_as_files()
    {
        _repo.Write(".github/workflows/tidy.yml", SafeWorkflow);
        string path = Path.Combine(_repo.Root, ".github/workflows/tidy.yml");
        Assert.Equal("deny", Decision("gemini", Run("gemini", Gemini("replace", new { file_path = path, old_string = "echo tidy", new_string = "terraform destroy -auto-approve", instruction = "clean up" }))));
        Assert.Equal("deny", Decision("gemini", Run("gemini", Gemini("write_file", new { file_path = Path.Combine(_repo.Root, ".claude/settings.json"), content = "{\"permissions\":{\"defaultMode\":\"bypassPermissions\"}}" }))));
        Assert.Equal("deny", Decision("cursor", Run("cursor", CursorTool("Write", new { file_path = Path.Combine(_repo.Root, ".claude/settings.json"), contents = "{\"permissions\":{\"defaultMode\":\"bypassPermissions\"}}" }))));
    }

    [Fact]
    public void Codex_apply_patch_is_judged_on_the_files_it_leaves()
    {
        _repo.Write(".github/workflows/tidy.yml", SafeWorkflow);
        const string update = "*** Begin Patch\n*** Update File: .github/workflows/tidy.yml\n@@\n     steps:\n-      - run: echo tidy\n+      - run: terraform destroy -auto-approve\n*** End Patch\n";
        Assert.Equal("deny", Decision("codex", Run("codex", Codex("apply_patch", new { command = update }))));
        const string add = "*** Begin Patch\n*** Add File: scripts/reset.sh\n+#!/bin/sh\n+dropdb --if-exists shop_production\n*** End Patch\n";
        Assert.Equal("deny", Decision("codex", Run("codex", Codex("apply_patch", new { command = add }))));
        const string harmless = "*** Begin Patch\n*** Update File: .github/workflows/tidy.yml\n@@\n-      - run: echo tidy\n+      - run: echo done\n*** End Patch\n";
        Assert.Equal("none", Decision("codex", Run("codex", Codex("apply_patch", new { command = harmless }))));
        Assert.Equal("blocked", Decision("codex", Run("codex", Codex("apply_patch", new { command = "rm -rf /" }))));
    }

    // ---- MCP calls -----------------------------------------------------------------------------------------

    [Fact]
    public void Sql_sent_through_an_mcp_tool_is_judged_by_the_sql_rules_in_every_protocol()
    {
        var drop = new { project_id = "shop", query = "DROP TABLE orders" };
        var select = new { project_id = "shop", query = "SELECT count(*) FROM orders" };
        Assert.NotEqual("none", Decision("claude", Run("claude", Claude("mcp__supabase__execute_sql", drop))));
        Assert.Equal("none", Decision("claude", Run("claude", Claude("mcp__supabase__execute_sql", select))));
        Assert.NotEqual("none", Decision("codex", Run("codex", Codex("mcp__supabase__execute_sql", drop))));
        Assert.NotEqual("none", Decision("gemini", Run("gemini", Gemini("execute_sql", drop, new { server_name = "supabase", tool_name = "execute_sql", command = "npx" }))));
        Assert.NotEqual("none", Decision("cursor", Run("cursor", CursorMcp("supabase", "execute_sql", drop, "npx -y @supabase/mcp-server-supabase"))));
        Assert.Equal("none", Decision("cursor", Run("cursor", CursorMcp("supabase", "execute_sql", select, "npx -y @supabase/mcp-server-supabase"))));
    }

    [Fact]
    public void A_destructive_mcp_tool_is_denied_however_the_agent_names_its_server()
    {
        var project = new { projectId = "shop-production" };
        Assert.Equal("deny", Decision("claude", Run("claude", Claude("mcp__neon__delete_project", project))));
        Assert.Equal("none", Decision("claude", Run("claude", Claude("mcp__neon__describe_project", project))));
        Assert.Equal("deny", Decision("codex", Run("codex", Codex("mcp__neon__delete_project", project))));
        Assert.Equal("deny", Decision("gemini", Run("gemini", Gemini("mcp_db_delete_project", project, new { server_name = "db", tool_name = "delete_project", command = "npx", args = new[] { "-y", "@neondatabase/mcp-server-neon", "start" } }))));
        Assert.Equal("deny", Decision("cursor", Run("cursor", CursorMcp("db", "delete_project", project, "npx -y @neondatabase/mcp-server-neon start"))));
        Assert.Equal("deny", Decision("cursor", Run("cursor", CursorTool("MCP:neon:delete_project", project))));
        // The server's key is the user's; `.mcp.json` says what it launches.
        _repo.Write(".mcp.json", "{\"mcpServers\": {\"db\": {\"command\": \"npx\", \"args\": [\"-y\", \"@neondatabase/mcp-server-neon\", \"start\"]}}}");
        Assert.Equal("deny", Decision("claude", Run("claude", Claude("mcp__db__delete_project", project))));
        // A command a tool runs is judged as shell.
        Assert.Equal("deny", Decision("claude", Run("claude", Claude("mcp__aws-api__call_aws", new { cli_command = "aws rds delete-db-instance --db-instance-identifier shop --skip-final-snapshot" }))));
    }

    // ---- fail closed: what is not a tool call of this agent is blocked in its form --------------------------

    public static TheoryData<string, string> Unreadable()
    {
        var data = new TheoryData<string, string>();
        foreach (var agent in new[] { "claude", "cursor", "gemini", "codex" })
        {
            string evt = agent switch { "claude" or "codex" => "PreToolUse", "gemini" => "BeforeTool", _ => "preToolUse" };
            string shell = agent switch { "claude" or "codex" => "Bash", "gemini" => "run_shell_command", _ => "Shell" };
            string write = agent switch { "claude" => "Write", "gemini" => "write_file", "cursor" => "Write", _ => "Bash" };
            data.Add(agent, "{}");
            data.Add(agent, "not json");
            data.Add(agent, "[1,2]");
            data.Add(agent, "");
            data.Add(agent, $"{{\"hook_event_name\":\"{evt}\",\"tool_name\":\"{shell}\",\"tool_input\":{{\"cmd\":\"ls\"}}}}");
            data.Add(agent, $"{{\"hook_event_name\":\"{evt}\",\"tool_name\":\"{shell}\",\"tool_input\":\"ls\"}}");
            data.Add(agent, $"{{\"hook_event_name\":\"{evt}\",\"tool_name\":\"{shell}\",\"tool_input\":{{\"command\":42}}}}");
            data.Add(agent, $"{{\"hook_event_name\":\"{evt}\",\"tool_name\":\"{shell}\",\"tool_input\":{{\"command\":\"ls \\q\"}}}}");
            data.Add(agent, $"{{\"hook_event_name\":\"SessionStart\",\"tool_name\":\"{shell}\",\"tool_input\":{{\"command\":\"ls\"}}}}");
            if (agent != "codex")
            {
                data.Add(agent, $"{{\"hook_event_name\":\"{evt}\",\"tool_name\":\"{write}\",\"tool_input\":{{\"file_path\":\"/tmp/a\\u0000b\",\"content\":\"x\",\"contents\":\"x\"}}}}");
                data.Add(agent, $"{{\"hook_event_name\":\"{evt}\",\"tool_name\":\"{write}\",\"tool_input\":{{\"file_path\":\"/tmp/a\\ud800b\",\"content\":\"x\",\"contents\":\"x\"}}}}");
            }
        }
        data.Add("cursor", "{\"hook_event_name\":\"beforeShellExecution\"}");
        data.Add("cursor", "{\"hook_event_name\":\"beforeMCPExecution\",\"tool_name\":\"x\",\"tool_input\":\"{not json\"}");
        data.Add("gemini", "{\"tool_name\":\"run_shell_command\",\"tool_input\":{\"command\":\"ls\"}}");
        data.Add("codex", "{\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"ls\"}}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void What_cannot_be_read_as_a_call_is_blocked_with_a_one_line_reason(string agent, string payload)
    {
        var (code, stdout, stderr) = Run(agent, payload);
        Assert.Equal(2, code);
        string reason = stderr.TrimEnd('\n', '\r');
        Assert.StartsWith("firebreak: cannot judge this call, so it is blocked: ", reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', reason);
        if (agent == "cursor")
        {
            using var answer = JsonDocument.Parse(stdout);
            Assert.Equal("deny", answer.RootElement.GetProperty("permission").GetString());
        }
        else
        {
            Assert.Equal(string.Empty, stdout); // on exit code 2 these agents read stderr, and stdout must hold no stray text
        }
    }

    [Theory]
    [MemberData(nameof(Agents))]
    public void An_oversized_payload_and_a_passed_deadline_are_blocked(string agent)
    {
        string huge = ShellPayload(agent, "echo " + new string('a', 4 * 1024 * 1024 + 10));
        Assert.Contains("larger than 4 MiB", Run(agent, huge).Stderr, StringComparison.Ordinal);
        var late = Run(agent, ShellPayload(agent, "ls"), "--deadline-ms", "0");
        Assert.Equal(2, late.Code);
        Assert.Contains("deadline", late.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ask_becomes_a_deny_where_the_agent_cannot_ask()
    {
        // `gh repo delete` asks for confirmation itself and its target is not marked production: a warning, so `ask`.
        Assert.Equal("ask", Decision("claude", Run("claude", ShellPayload("claude", "gh repo delete acme/app"))));
        Assert.Equal("ask", Decision("cursor", Run("cursor", ShellPayload("cursor", "gh repo delete acme/app"))));
        Assert.Equal("ask", Decision("gemini", Run("gemini", ShellPayload("gemini", "gh repo delete acme/app"))));
        var codex = Run("codex", ShellPayload("codex", "gh repo delete acme/app"));
        Assert.Equal("deny", Decision("codex", codex));
        Assert.Contains("does not ask", codex.Stdout, StringComparison.Ordinal);
        Assert.Equal("deny", Decision("cursor", Run("cursor", CursorTool("Shell", new { command = "gh repo delete acme/app", working_directory = _repo.Root }))));
    }
}
