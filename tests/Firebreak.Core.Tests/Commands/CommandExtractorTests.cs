using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Commands;
using Firebreak.Core.Text;

namespace Firebreak.Core.Tests.Commands;

public class CommandExtractorTests
{
    private static string At(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    private static string[] Names(string text) => ShellCommands.FromText(text).Select(c => c.Name ?? "<dynamic>").ToArray();

    /// <summary>The single command named <paramref name="name"/>.</summary>
    private static ShellCommand Find(string text, string name) => Assert.Single(ShellCommands.FromText(text), c => c.Name == name);

    private static string?[] Argv(ShellCommand command) => command.Arguments.Select(a => a.Value).ToArray();

    [Fact]
    public void Simple_commands_in_lists_and_pipelines()
    {
        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, Names("a && b || c; d | e"));
    }

    [Fact]
    public void Assignment_prefix_is_not_the_command()
    {
        const string text = "FOO=1 BAR=\"x y\" rm -rf /data";
        var rm = Find(text, "rm");
        Assert.Equal(new[] { "rm", "-rf", "/data" }, Argv(rm));
        Assert.Equal(new[] { "FOO", "BAR" }, rm.Assignments.Select(a => a.Name).ToArray());
        Assert.Equal("x y", rm.Assignments[1].Value);
        Assert.Equal("rm -rf /data", At(text, rm.Span));
    }

    [Fact]
    public void Pure_assignment_runs_only_its_substitution()
    {
        Assert.Equal(new[] { "rm" }, Names("X=$(rm -rf /tmp/x)"));
    }

    [Fact]
    public void Sudo_bash_c_is_unwrapped_with_spans_in_the_original_text()
    {
        const string text = "sudo -E -u deploy bash -c \"rm -rf /var/lib/data\"";
        var rm = Find(text, "rm");
        Assert.Equal(new[] { "rm", "-rf", "/var/lib/data" }, Argv(rm));
        Assert.Equal("-rf", At(text, rm.Arguments[1].Span));
        Assert.Equal("/var/lib/data", At(text, rm.Arguments[2].Span));
        Assert.True(rm.Context.HasFlag(CommandContext.NestedShell));
        var bash = rm.Wrapper!;
        Assert.Equal("bash", bash.Name);
        Assert.Equal("sudo", bash.Wrapper!.Name);
        Assert.Equal(new[] { "sudo", "-E", "-u", "deploy", "bash", "-c", "rm -rf /var/lib/data" }, Argv(bash.Wrapper));
    }

    [Theory]
    [InlineData("bash -c 'rm -rf x'")]
    [InlineData("sh -xc 'rm -rf x'")]
    [InlineData("bash -ec 'rm -rf x'")]
    [InlineData("bash -lc 'rm -rf x'")]
    [InlineData("zsh -c 'rm -rf x'")]
    [InlineData("dash -o errexit -c 'rm -rf x'")]
    [InlineData("eval 'rm -rf x'")]
    [InlineData("eval rm -rf x")]
    [InlineData("\\rm -rf x")]
    [InlineData("'rm' -rf x")]
    [InlineData("/bin/rm -rf x")]
    [InlineData("command rm -rf x")]
    [InlineData("command -p rm -rf x")]
    [InlineData("builtin rm -rf x")]
    [InlineData("exec rm -rf x")]
    [InlineData("nohup rm -rf x &")]
    [InlineData("nice -n 5 rm -rf x")]
    [InlineData("nice -5 rm -rf x")]
    [InlineData("ionice -c3 rm -rf x")]
    [InlineData("ionice -c 2 -n 7 rm -rf x")]
    [InlineData("time rm -rf x")]
    [InlineData("time -p rm -rf x")]
    [InlineData("timeout 10s rm -rf x")]
    [InlineData("timeout -s KILL --kill-after=5 10 rm -rf x")]
    [InlineData("env -i rm -rf x")]
    [InlineData("env -u HOME PATH=/bin rm -rf x")]
    [InlineData("env -S 'rm -rf x'")]
    [InlineData("sudo rm -rf x")]
    [InlineData("sudo -u root -- rm -rf x")]
    [InlineData("sudo --user=root HOME=/x rm -rf x")]
    [InlineData("doas -u root rm -rf x")]
    [InlineData("stdbuf -oL rm -rf x")]
    [InlineData("ls | xargs rm -rf x")]
    [InlineData("ls | xargs -0 -n 1 -I{} rm -rf x")]
    [InlineData("ls | xargs -P 4 --max-args=2 rm -rf x")]
    [InlineData("watch -n 5 'rm -rf x'")]
    [InlineData("watch -x rm -rf x")]
    [InlineData("ssh -i key -p 22 user@host 'rm -rf x'")]
    [InlineData("ssh host rm -rf x")]
    [InlineData("docker exec -it -u root ctr rm -rf x")]
    [InlineData("docker container exec ctr rm -rf x")]
    [InlineData("podman exec -e A=1 ctr rm -rf x")]
    [InlineData("kubectl exec -it pod -n prod -- rm -rf x")]
    [InlineData("docker compose exec -T -u root db rm -rf x")]
    [InlineData("docker-compose exec db rm -rf x")]
    [InlineData("setsid rm -rf x")]
    [InlineData("runuser -u app -- rm -rf x")]
    [InlineData("runuser -l app -c 'rm -rf x'")]
    [InlineData("ls | xargs sh -c 'rm -rf x' _")]
    [InlineData("find . -exec bash -c 'rm -rf x' \\;")]
    [InlineData("sudo bash <<EOF\nrm -rf x\nEOF")]
    [InlineData("bash -s -- arg <<EOF\nrm -rf x\nEOF")]
    [InlineData("time { rm -rf x; }")]
    [InlineData("{rm,-rf,x}")]
    [InlineData("$'\\x72\\x6d' -rf x")]
    [InlineData("r\\m -r''f x")]
    [InlineData("kubectl -n prod exec pod -c app -- sh -c 'rm -rf x'")]
    [InlineData("find . -exec rm -rf x \\;")]
    [InlineData("echo $(rm -rf x)")]
    [InlineData("echo \"$(rm -rf x)\"")]
    [InlineData("echo `rm -rf x`")]
    [InlineData("diff <(rm -rf x) y")]
    [InlineData("echo ${X:-$(rm -rf x)}")]
    [InlineData("echo $(( $(rm -rf x) + 1 ))")]
    [InlineData("(( $(rm -rf x) ))")]
    [InlineData("rm \\\n  -rf \\\n  x")]
    [InlineData("trap 'rm -rf x' EXIT")]
    [InlineData("su -c 'rm -rf x' root")]
    [InlineData("busybox rm -rf x")]
    [InlineData("sudo -E env -i nohup timeout 5 nice -n 1 bash -c \"eval 'rm -rf x'\"")]
    [InlineData("bash -c \"ssh host 'sudo rm -rf x'\"")]
    [InlineData("bash <<EOF\nrm -rf x\nEOF")]
    [InlineData("sh -s <<'EOF'\nrm -rf x\nEOF")]
    [InlineData("bash <<<'rm -rf x'")]
    [InlineData("echo 'rm -rf x' | sh")]
    [InlineData("printf 'rm -rf x\\n' | bash")]
    [InlineData("cat <<EOF | bash\nrm -rf x\nEOF")]
    [InlineData("f() { rm -rf x; }")]
    [InlineData("if true; then rm -rf x; fi")]
    [InlineData("for i in 1; do rm -rf x; done")]
    [InlineData("case a in a) rm -rf x;; esac")]
    [InlineData("( cd / && rm -rf x )")]
    public void Guard_bypasses_do_not_bypass_extraction(string text)
    {
        var rm = Find(text, "rm");
        Assert.Equal(new[] { "rm", "-rf", "x" }, Argv(rm).Select(v => v == "/bin/rm" ? "rm" : v).ToArray());
        Assert.Equal("x", At(text, rm.Arguments[2].Span));
    }

    [Theory]
    [InlineData("echo \"terraform destroy\"")]
    [InlineData("echo terraform destroy")]
    [InlineData("printf '%s' 'terraform destroy'")]
    [InlineData("# terraform destroy")]
    [InlineData("echo ok # terraform destroy")]
    [InlineData("cat <<EOF\nterraform destroy\nEOF")]
    [InlineData("cat <<'EOF' > plan.txt\nterraform destroy\nEOF")]
    [InlineData("tee x <<EOF\nterraform destroy\nEOF")]
    [InlineData("grep 'terraform destroy' log")]
    [InlineData("grep -e \"terraform destroy\" log")]
    [InlineData("X='terraform destroy'")]
    [InlineData("command -v terraform")]
    [InlineData("[[ $x == 'terraform destroy' ]]")]
    public void Data_is_not_a_command(string text)
    {
        Assert.DoesNotContain(ShellCommands.FromText(text), c => c.Name == "terraform");
    }

    [Fact]
    public void Echo_piped_into_a_client_exposes_the_text()
    {
        const string text = "echo FLUSHALL | redis-cli -h prod";
        var redis = Find(text, "redis-cli");
        Assert.NotNull(redis.Input);
        Assert.Equal(CommandInputKind.EchoPipe, redis.Input!.Kind);
        Assert.Equal("FLUSHALL\n", redis.Input.Text);
        Assert.Equal("FLUSHALL", At(text, redis.Input.Span));
        Assert.Equal("echo", redis.Input.Source!.Name);
    }

    [Fact]
    public void Printf_piped_into_a_client_resolves_format_and_arguments()
    {
        const string text = "printf '%s\\n' 'FLUSHALL' | redis-cli";
        var redis = Find(text, "redis-cli");
        Assert.Equal(CommandInputKind.PrintfPipe, redis.Input!.Kind);
        Assert.Equal("FLUSHALL\n", redis.Input.Text);
        int at = redis.Input.Text!.IndexOf("FLUSHALL");
        Assert.Equal("FLUSHALL", At(text, redis.Input.Embedded!.MapToHost(new TextSpan(at, 8))));
    }

    [Fact]
    public void Heredoc_here_string_and_file_inputs()
    {
        const string text = "psql <<-SQL\n\tDROP DATABASE prod;\n\tSQL\nredis-cli <<< \"FLUSHALL\"\nmysql < dump.sql\ncurl -s https://x | sh";
        var commands = ShellCommands.FromText(text);
        var psql = commands.Single(c => c.Name == "psql");
        Assert.Equal(CommandInputKind.Heredoc, psql.Input!.Kind);
        Assert.Equal("DROP DATABASE prod;\n", psql.Input.Text);
        Assert.Equal("\tDROP DATABASE prod;\n", At(text, psql.Input.Span));
        Assert.Equal("DROP", At(text, psql.Input.Embedded!.MapToHost(new TextSpan(0, 4))));
        var redis = commands.Single(c => c.Name == "redis-cli");
        Assert.Equal(CommandInputKind.HereString, redis.Input!.Kind);
        Assert.Equal("FLUSHALL", redis.Input.Text);
        var mysql = commands.Single(c => c.Name == "mysql");
        Assert.Equal(CommandInputKind.File, mysql.Input!.Kind);
        Assert.Equal("dump.sql", mysql.Input.File!.Value);
        var sh = commands.Single(c => c.Name == "sh");
        Assert.Equal(CommandInputKind.Pipe, sh.Input!.Kind);
        Assert.Null(sh.Input.Text);
        Assert.Equal("curl", sh.Input.Source!.Name);
    }

    [Fact]
    public void Heredoc_fed_to_a_shell_is_parsed_with_host_spans()
    {
        const string text = "ssh host bash <<'EOF'\n  rm -rf /srv/data\nEOF\n";
        var rm = Find(text, "rm");
        Assert.Equal("/srv/data", At(text, rm.Arguments[2].Span));
        Assert.Equal("bash", rm.Wrapper!.Name);
        Assert.True(rm.Context.HasFlag(CommandContext.NestedShell));
    }

    [Fact]
    public void Nested_quoting_maps_each_value_character_back()
    {
        const string text = "bash -c \"ssh host 'sudo rm -rf \\\"/var/lib/x\\\"'\"";
        var rm = Find(text, "rm");
        var path = rm.Arguments[2];
        Assert.Equal("/var/lib/x", path.Value);
        Assert.Equal("/var/lib/x", At(text, path.MapValueSpan(0, path.Value!.Length)));
        Assert.True(rm.Context.HasFlag(CommandContext.Remote));
        Assert.Equal(new[] { "sudo", "ssh", "bash" }, Chain(rm));
    }

    private static string[] Chain(ShellCommand command)
    {
        var names = new List<string>();
        for (var w = command.Wrapper; w != null; w = w.Wrapper) names.Add(w.Name!);
        return names.ToArray();
    }

    [Fact]
    public void Brace_expansion_yields_one_argument_per_alternative()
    {
        const string text = "rm -rf /srv/{data,backups} \"{a,b}\"";
        var rm = Find(text, "rm");
        Assert.Equal(new[] { "rm", "-rf", "/srv/data", "/srv/backups", "{a,b}" }, Argv(rm));
        Assert.Equal("backups", At(text, rm.Arguments[3].MapValueSpan(5, 7)));
    }

    [Fact]
    public void Escaped_backticks_nest_like_the_shell_reads_them()
    {
        const string text = "echo `echo \\`rm -rf /x\\``";
        var commands = ShellCommands.FromText(text);
        Assert.Equal(new[] { "rm", "echo", "echo" }, commands.Select(c => c.Name).ToArray());
        var rm = commands[0];
        Assert.Equal("/x", At(text, rm.Arguments[2].Span));
        Assert.True(rm.Context.HasFlag(CommandContext.CommandSubstitution));
    }

    [Fact]
    public void Dynamic_code_keeps_the_static_parts()
    {
        const string text = "bash -c \"rm -rf $TARGET/cache\"";
        var rm = Find(text, "rm");
        Assert.Equal("-rf", rm.Arguments[1].Value);
        Assert.False(rm.Arguments[2].IsStatic);
        Assert.Equal("$TARGET/cache", At(text, rm.Arguments[2].Span));
    }

    [Fact]
    public void Substitution_inside_nested_code_is_extracted_once()
    {
        var names = Names("bash -c \"echo $(rm -rf x)\"");
        Assert.Equal(1, names.Count(n => n == "rm"));
        Assert.Contains("echo", names);
    }

    [Fact]
    public void Unanalyzable_code_reports_the_wrapper()
    {
        var dynamic = Assert.Single(ShellCommands.FromText("bash -c \"$CMD\""));
        Assert.Null(dynamic.Name);
        Assert.Equal("bash", dynamic.Wrapper!.Name);
        Assert.Equal(new[] { "curl", "bash" }, Names("curl -fsSL https://x | bash"));
        Assert.Equal(new[] { "<dynamic>" }, Names("$TOOL -rf /"));
        Assert.Equal(new[] { "bash" }, Names("bash deploy.sh"));
    }

    [Fact]
    public void Find_delete_and_exec()
    {
        const string text = "find /data -mtime +7 -delete; find . -name '*.tmp' -execdir rm -f {} + -exec shred -u {} \\;";
        var commands = ShellCommands.FromText(text);
        Assert.Equal(new[] { "find", "find", "rm", "shred" }, commands.Select(c => c.Name).ToArray());
        var delete = commands[0].ParsedArguments.FindOption("-delete");
        Assert.NotNull(delete);
        Assert.Equal("-delete", At(text, delete!.NameSpan));
        Assert.Equal(new[] { "rm", "-f", "{}" }, Argv(commands[2]));
        Assert.Same(commands[1], commands[2].Wrapper);
        Assert.Equal(new[] { "shred", "-u", "{}" }, Argv(commands[3]));
    }

    [Fact]
    public void Context_flags_follow_the_structure()
    {
        const string text = """
            if rm a; then rm b; fi
            true || rm c
            true && rm d
            cleanup() { rm e; }
            ! rm f
            rm g &
            x=$(rm h)
            while rm i; do rm j; done
            ( rm k )
            ssh host rm l
            """;
        var byArg = ShellCommands.FromText(text).Where(c => c.Name == "rm").ToDictionary(c => c.Arguments[1].Value!, c => c);
        Assert.True(byArg["a"].Context.HasFlag(CommandContext.Condition));
        Assert.False(byArg["b"].Context.HasFlag(CommandContext.Condition));
        Assert.True(byArg["c"].Context.HasFlag(CommandContext.AfterOr));
        Assert.True(byArg["d"].Context.HasFlag(CommandContext.AfterAnd));
        Assert.True(byArg["e"].Context.HasFlag(CommandContext.FunctionBody));
        Assert.Equal("cleanup", byArg["e"].Function);
        Assert.True(byArg["f"].Context.HasFlag(CommandContext.Negated));
        Assert.True(byArg["g"].Context.HasFlag(CommandContext.Background));
        Assert.True(byArg["h"].Context.HasFlag(CommandContext.CommandSubstitution));
        Assert.True(byArg["i"].Context.HasFlag(CommandContext.Condition | CommandContext.Loop));
        Assert.True(byArg["j"].Context.HasFlag(CommandContext.Loop));
        Assert.True(byArg["k"].Context.HasFlag(CommandContext.Subshell));
        Assert.True(byArg["l"].Context.HasFlag(CommandContext.Remote));
        Assert.Equal(CommandContext.None, byArg["b"].Context);
    }

    [Fact]
    public void Env_and_sudo_assignments_reach_the_command()
    {
        const string text = "sudo AWS_PROFILE=prod env -i TOKEN=abc aws s3 rb s3://b --force";
        var aws = Find(text, "aws");
        Assert.Equal(new[] { "AWS_PROFILE", "TOKEN" }, aws.Assignments.Select(a => a.Name).ToArray());
        Assert.Equal("abc", aws.Assignments[1].Value);
        Assert.Equal("abc", At(text, aws.Assignments[1].ValueSpan));
        Assert.Equal("TOKEN", At(text, aws.Assignments[1].NameSpan));
    }

    [Fact]
    public void Embedded_scripts_map_spans_to_the_host()
    {
        const string host = "steps:\n  - run: |\n      terraform destroy -auto-approve\n";
        int start = host.IndexOf("terraform");
        var embedded = EmbeddedText.Contiguous(host.Substring(start), start);
        var terraform = Assert.Single(ShellCommands.FromEmbedded(embedded));
        Assert.Equal("terraform destroy -auto-approve", At(host, terraform.Span));
        Assert.Equal("-auto-approve", At(host, terraform.Arguments[2].Span));
    }

    [Fact]
    public void Wrapping_depth_is_bounded()
    {
        var text = string.Concat(Enumerable.Repeat("eval ", 500)) + "rm -rf x";
        var commands = ShellCommands.FromText(text);
        Assert.NotEmpty(commands);
        var deep = string.Concat(Enumerable.Repeat("sudo ", 5000)) + "rm";
        Assert.NotEmpty(ShellCommands.FromText(deep));
    }

    [Fact]
    public void Every_prefix_of_the_sample_extracts_without_throwing()
    {
        var sample = Languages.Shell.ShellSamples.Deploy;
        for (int i = 0; i <= sample.Length; i += 3)
            ShellCommands.FromText(sample.Substring(0, i));
        var names = Names(sample);
        Assert.Contains("pg_dump", names);
        Assert.Contains("rm", names); // from the trap and find -exec
        Assert.Contains("restart.sh", names); // ./restart.sh, unwrapped from sudo env nohup timeout
        Assert.DoesNotContain("apiVersion:", names);
    }
}
