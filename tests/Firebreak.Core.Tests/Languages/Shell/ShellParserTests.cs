using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Shell;
using Firebreak.Core.Text;

namespace Firebreak.Core.Tests.Languages.Shell;

public class ShellParserTests
{
    private static string At(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    private static ShellSimpleCommand Single(string text)
    {
        var script = ShellParser.Parse(text);
        Assert.Empty(script.Diagnostics);
        var statement = Assert.Single(script.Statements);
        return Assert.IsType<ShellSimpleCommand>(statement.Command);
    }

    private static string?[] Values(ShellSimpleCommand command) => command.Words.Select(w => w.StaticValue).ToArray();

    [Fact]
    public void Simple_command_words_have_exact_spans()
    {
        const string text = "  rm   -rf /tmp/x  ";
        var command = Single(text);
        Assert.Equal(new[] { "rm", "-rf", "/tmp/x" }, Values(command));
        Assert.Equal("rm   -rf /tmp/x", At(text, command.Span));
        Assert.Equal("/tmp/x", At(text, command.Words[2].Span));
    }

    [Theory]
    [InlineData("echo 'a b'", "a b")]
    [InlineData("echo \"a b\"", "a b")]
    [InlineData("echo a\\ b", "a b")]
    [InlineData("echo $'a\\tb\\x41\\n'", "a\tbA\n")]
    [InlineData("echo \"a\\$b\\\"c\\d\"", "a$b\"c\\d")]
    [InlineData("echo pre'mid'\"post\"", "premidpost")]
    [InlineData("echo ''", "")]
    [InlineData("echo a\\\nb", "ab")]
    public void Static_values_remove_quotes_and_resolve_escapes(string text, string expected)
    {
        var command = Single(text);
        Assert.Equal(expected, command.Words[1].StaticValue);
    }

    [Theory]
    [InlineData("echo $x")]
    [InlineData("echo \"a$x\"")]
    [InlineData("echo ${x:-y}")]
    [InlineData("echo $(date)")]
    [InlineData("echo `date`")]
    [InlineData("echo $((1+2))")]
    [InlineData("echo a$1")]
    public void Expansions_make_a_word_dynamic(string text)
    {
        var command = Single(text);
        Assert.False(command.Words[1].IsStatic);
        Assert.Null(command.Words[1].StaticValue);
    }

    [Fact]
    public void Value_offsets_map_back_into_quoted_source()
    {
        const string text = "rm \"-r\"'f' a\\ b";
        var command = Single(text);
        var flags = command.Words[1];
        Assert.Equal("-rf", flags.StaticValue);
        Assert.Equal("r", At(text, flags.MapValueSpan(1, 1)));
        Assert.Equal("f", At(text, flags.MapValueSpan(2, 1)));
        Assert.Equal("-r\"'f", At(text, flags.MapValueSpan(0, 3)));
        var spaced = command.Words[2];
        Assert.Equal("a b", spaced.StaticValue);
        Assert.Equal("\\ ", At(text, spaced.MapValueSpan(1, 1)));
    }

    [Fact]
    public void Parameter_expansion_keeps_name_operator_and_argument()
    {
        const string text = "echo ${HOME:-\"/root\"} ${#arr[@]} ${x//a/b} $1 $@";
        var command = Single(text);
        var p = Assert.IsType<ShellParameterPart>(Assert.Single(command.Words[1].Parts));
        Assert.Equal("HOME", p.Name);
        Assert.Equal(":-", p.Operator);
        Assert.Equal("/root", p.Argument!.StaticValue);
        var length = Assert.IsType<ShellParameterPart>(Assert.Single(command.Words[2].Parts));
        Assert.Equal("#", length.Prefix);
        Assert.Equal("arr", length.Name);
        Assert.Equal("@", length.Subscript);
        var replace = Assert.IsType<ShellParameterPart>(Assert.Single(command.Words[3].Parts));
        Assert.Equal("//", replace.Operator);
        Assert.Equal("1", Assert.IsType<ShellParameterPart>(Assert.Single(command.Words[4].Parts)).Name);
        Assert.Equal("@", Assert.IsType<ShellParameterPart>(Assert.Single(command.Words[5].Parts)).Name);
    }

    [Fact]
    public void Command_substitution_is_parsed_recursively_with_original_spans()
    {
        const string text = "x=\"$(rm -rf \"$(echo /)\")\" `ls -l`";
        var script = ShellParser.Parse(text);
        Assert.Empty(script.Diagnostics);
        var command = Assert.IsType<ShellSimpleCommand>(script.Statements[0].Command);
        var quoted = Assert.IsType<ShellDoubleQuotedPart>(Assert.Single(command.Assignments[0].Value!.Parts));
        var sub = Assert.IsType<ShellCommandSubstitutionPart>(Assert.Single(quoted.Parts));
        var inner = Assert.IsType<ShellSimpleCommand>(Assert.Single(sub.Body).Command);
        Assert.Equal("rm", inner.Words[0].StaticValue);
        Assert.Equal("\"$(echo /)\"", At(text, inner.Words[2].Span));
        var backtick = Assert.IsType<ShellCommandSubstitutionPart>(Assert.Single(command.Words[0].Parts));
        Assert.True(backtick.IsBacktick);
        var ls = Assert.IsType<ShellSimpleCommand>(Assert.Single(backtick.Body).Command);
        Assert.Equal("-l", At(text, ls.Words[1].Span));
    }

    [Fact]
    public void Arithmetic_expansion_and_command()
    {
        const string text = "echo $(( (1+2) * 3 )); (( i++ ))";
        var script = ShellParser.Parse(text);
        Assert.Empty(script.Diagnostics);
        var echo = Assert.IsType<ShellSimpleCommand>(script.Statements[0].Command);
        var arithmetic = Assert.IsType<ShellArithmeticPart>(Assert.Single(echo.Words[1].Parts));
        Assert.Equal(" (1+2) * 3 ", At(text, arithmetic.ExpressionSpan));
        var command = Assert.IsType<ShellArithmeticCommand>(script.Statements[1].Command);
        Assert.Equal(" i++ ", At(text, command.ExpressionSpan));
    }

    [Fact]
    public void Time_keyword_before_a_compound_command()
    {
        var script = ShellParser.Parse("time { rm -rf x; }\ntime -p ( a )\ntime rm y");
        Assert.Empty(script.Diagnostics);
        Assert.IsType<ShellBraceGroup>(script.Statements[0].Command);
        Assert.IsType<ShellSubshell>(script.Statements[1].Command);
        Assert.Equal("time", ((ShellSimpleCommand)script.Statements[2].Command).Words[0].StaticValue);
    }

    [Fact]
    public void Tricky_but_valid_constructs_parse_cleanly()
    {
        const string text = """
            case $x in (a) ;; esac
            a=$(case x in x) echo y;; esac)
            echo "${x//\"/}" ${var#*=} ${!ref} ${@:2} ${x:0:3} ${x/#a/b} $"locale $x"
            cat <<EOF1 <<EOF2
            one
            EOF1
            two
            EOF2
            declare -A m=([k]=v [k2]="v 2")
            exec {fd}>&-
            echo >&2 msg 2>/dev/null
            function g()
            {
              echo
            }
            cat <<EOF;
            body
            EOF
            echo $((x<<2)) $[1+2] "$(echo "$(echo "nested")")"
            ls @(a|b) !(c)
            [[ $x =~ ^(a|b)+$ ]] && echo
            [[ ! " ${list[*]} " =~ " $item " ]] && [[ $ip =~ [0-9]{1,3}\.[0-9]{1,3}$ ]]
            for ((;;)); do break; done
            { echo; } 2>&1 | tee log
            a=() b+=(c)
            """;
        var script = ShellParser.Parse(text);
        Assert.Empty(script.Diagnostics);
        Assert.Equal(16, script.Statements.Count);
    }

    [Fact]
    public void Subshell_that_starts_with_two_parens_is_not_arithmetic()
    {
        var script = ShellParser.Parse("((cd /x); rm -rf y)");
        Assert.Empty(script.Diagnostics);
        Assert.IsType<ShellSubshell>(script.Statements[0].Command);
    }

    [Fact]
    public void Assignments_prefix_and_arrays()
    {
        const string text = "FOO=1 BAR+=\"x y\" arr=(a 'b c' $d) cmd arg";
        var command = Single(text);
        Assert.Equal(new[] { "FOO", "BAR", "arr" }, command.Assignments.Select(a => a.Name).ToArray());
        Assert.Equal("1", command.Assignments[0].Value!.StaticValue);
        Assert.True(command.Assignments[1].IsAppend);
        Assert.Equal("x y", command.Assignments[1].Value!.StaticValue);
        Assert.Equal(new[] { "a", "b c", null }, command.Assignments[2].ArrayElements!.Select(w => w.StaticValue).ToArray());
        Assert.Equal(new[] { "cmd", "arg" }, Values(command));
    }

    [Fact]
    public void Redirections_of_every_form()
    {
        const string text = "cmd >out 2>&1 &>all 1>>log <in 3<>rw {fd}>x <<<\"here\" >|clobber";
        var command = Single(text);
        Assert.Equal(new[] { "cmd" }, Values(command));
        Assert.Equal(new[] { ">", ">&", "&>", ">>", "<", "<>", ">", "<<<", ">|" }, command.Redirections.Select(r => r.Operator).ToArray());
        Assert.Equal("2", command.Redirections[1].FileDescriptor);
        Assert.Equal("1", command.Redirections[1].Target!.StaticValue);
        Assert.Equal("fd", command.Redirections[6].FileDescriptor);
        Assert.Equal("here", command.Redirections[7].Target!.StaticValue);
        Assert.Equal("2>&1", At(text, command.Redirections[1].Span));
    }

    [Fact]
    public void Pipelines_negation_and_lists()
    {
        const string text = "! a | b |& c && d || e; f & g";
        var script = ShellParser.Parse(text);
        Assert.Empty(script.Diagnostics);
        Assert.Equal(3, script.Statements.Count);
        var list = Assert.IsType<ShellAndOrList>(script.Statements[0].Command);
        var pipeline = Assert.IsType<ShellPipeline>(list.First);
        Assert.True(pipeline.IsNegated);
        Assert.Equal(3, pipeline.Commands.Count);
        Assert.Equal(new[] { false, true }, pipeline.PipesStderr);
        Assert.Equal(new[] { ShellListOperator.And, ShellListOperator.Or }, list.Rest.Select(r => r.Operator).ToArray());
        Assert.True(script.Statements[1].IsBackground);
        Assert.Equal("f &", At(text, script.Statements[1].Span));
        Assert.False(script.Statements[2].IsBackground);
    }

    [Fact]
    public void Compound_commands_parse_without_diagnostics()
    {
        const string text = """
            if [ -f x ]; then a; elif b; then c; else d; fi
            for f in a "b c" $d; do rm "$f"; done
            for ((i=0; i<3; i++)); do echo $i; done
            for x; do :; done
            while read -r l; do echo "$l"; done < file
            until false; do break; done
            select s in a b; do break; done
            case "$1" in
              start|up) run ;;
              (stop) halt ;&
              *) other ;;
            esac
            f() { rm -rf "$1"; }
            function g { echo; }
            function h() ( echo )
            { a; b; } > log 2>&1
            ( cd /x && rm y )
            [[ -n $x && ( $y == "z" || $w =~ ^a(b|c)$ ) ]]
            """;
        var script = ShellParser.Parse(text);
        Assert.Empty(script.Diagnostics);
        var kinds = script.Statements.Select(s => s.Command.GetType().Name).ToArray();
        Assert.Equal(new[]
        {
            nameof(ShellIfCommand), nameof(ShellForCommand), nameof(ShellArithmeticForCommand), nameof(ShellForCommand),
            nameof(ShellLoopCommand), nameof(ShellLoopCommand), nameof(ShellForCommand), nameof(ShellCaseCommand),
            nameof(ShellFunctionDefinition), nameof(ShellFunctionDefinition), nameof(ShellFunctionDefinition),
            nameof(ShellBraceGroup), nameof(ShellSubshell), nameof(ShellTestCommand),
        }, kinds);
        var ifCommand = (ShellIfCommand)script.Statements[0].Command;
        Assert.Equal(2, ifCommand.Clauses.Count);
        Assert.NotNull(ifCommand.ElseBody);
        var caseCommand = (ShellCaseCommand)script.Statements[7].Command;
        Assert.Equal(3, caseCommand.Items.Count);
        Assert.Equal(new[] { "start", "up" }, caseCommand.Items[0].Patterns.Select(p => p.StaticValue).ToArray());
        Assert.Equal(";&", caseCommand.Items[1].Terminator);
        var while_ = (ShellLoopCommand)script.Statements[4].Command;
        Assert.Equal("<", Assert.Single(while_.Redirections).Operator);
        var f = (ShellFunctionDefinition)script.Statements[8].Command;
        Assert.Equal("f", f.Name);
        Assert.IsType<ShellBraceGroup>(f.Body);
        var group = (ShellBraceGroup)script.Statements[11].Command;
        Assert.Equal(2, group.Redirections.Count);
        Assert.EndsWith("2>&1", At(text, group.Span));
    }

    [Fact]
    public void Heredoc_bodies_are_kept_with_spans_and_expansion_flag()
    {
        const string text = "cat <<EOF > out; echo next\nhello $USER\nEOF\ncat <<-'END'\n\tliteral $x\n\tEND\nbash <<\"X\"\nrm -rf /\nX\n";
        var script = ShellParser.Parse(text);
        Assert.Empty(script.Diagnostics);
        var cat = Assert.IsType<ShellSimpleCommand>(script.Statements[0].Command);
        var heredoc = cat.Redirections[0].Heredoc!;
        Assert.Equal("EOF", heredoc.Delimiter);
        Assert.True(heredoc.IsExpanded);
        Assert.Equal("hello $USER\n", At(text, heredoc.BodySpan));
        Assert.Contains(heredoc.Parts, p => p is ShellParameterPart);
        Assert.Equal("echo", ((ShellSimpleCommand)script.Statements[1].Command).Words[0].StaticValue);
        var stripped = ((ShellSimpleCommand)script.Statements[2].Command).Redirections[0].Heredoc!;
        Assert.False(stripped.IsExpanded);
        Assert.True(stripped.StripsTabs);
        Assert.Equal("literal $x\n", stripped.Body);
        var bash = ((ShellSimpleCommand)script.Statements[3].Command).Redirections[0].Heredoc!;
        Assert.Equal("X", bash.Delimiter);
        Assert.Equal("rm -rf /\n", bash.Body);
        Assert.Equal(4, script.Statements.Count);
    }

    [Fact]
    public void Heredoc_inside_command_substitution()
    {
        const string text = "x=$(cat <<EOF\nbody\nEOF\n)\nnext";
        var script = ShellParser.Parse(text);
        Assert.Empty(script.Diagnostics);
        Assert.Equal(2, script.Statements.Count);
    }

    [Fact]
    public void Comments_are_kept_and_do_not_end_words_midway()
    {
        const string text = "# firebreak:ignore FB1001 -- ok\nrm -rf a#b # trailing\necho ${#x}";
        var script = ShellParser.Parse(text);
        Assert.Empty(script.Diagnostics);
        Assert.Equal(2, script.Comments.Count);
        Assert.Equal("# firebreak:ignore FB1001 -- ok", At(text, script.Comments[0].Span));
        Assert.Equal(" trailing", script.Comments[1].Text);
        var rm = (ShellSimpleCommand)script.Statements[0].Command;
        Assert.Equal("a#b", rm.Words[2].StaticValue);
        Assert.Equal("rm -rf a#b", At(text, script.Statements[0].Span));
    }

    [Fact]
    public void Line_continuations_join_words_of_one_command()
    {
        const string text = "rm \\\n  -rf \\\r\n  /data";
        var command = Single(text);
        Assert.Equal(new[] { "rm", "-rf", "/data" }, Values(command));
    }

    [Fact]
    public void Keywords_are_only_keywords_in_command_position()
    {
        var command = Single("echo if then fi done }");
        Assert.Equal(new[] { "echo", "if", "then", "fi", "done", "}" }, Values(command));
    }

    [Theory]
    [InlineData("echo 'unterminated", "unterminated single quote")]
    [InlineData("echo \"unterminated $x", "unterminated double quote")]
    [InlineData("if true; then echo x", "missing 'fi'")]
    [InlineData("echo a )", "unexpected ')'")]
    [InlineData("echo $(ls", "missing ')'")]
    [InlineData("cat <<EOF\nnever closed", "never closed")]
    [InlineData("while true; do x", "missing 'done'")]
    [InlineData("case x in a) y", "missing 'esac'")]
    [InlineData("a &&", "missing command")]
    [InlineData("fi", "unexpected 'fi'")]
    [InlineData("echo ${", "bad substitution")]
    public void Broken_input_yields_a_partial_tree_and_a_diagnostic(string text, string message)
    {
        var script = ShellParser.Parse(text);
        Assert.Contains(script.Diagnostics, d => d.Message.Contains(message));
        Assert.DoesNotContain(script.Diagnostics, d => d.Message.StartsWith("internal"));
    }

    [Fact]
    public void Partial_tree_keeps_commands_before_and_inside_the_error()
    {
        var script = ShellParser.Parse("rm -rf /a\nif true; then rm -rf /b");
        Assert.Equal(2, script.Statements.Count);
        var ifCommand = Assert.IsType<ShellIfCommand>(script.Statements[1].Command);
        var rm = Assert.IsType<ShellSimpleCommand>(Assert.Single(ifCommand.Clauses[0].Body).Command);
        Assert.Equal("/b", rm.Words[2].StaticValue);
    }

    [Theory]
    [InlineData("echo ", "$(", ")")]
    [InlineData("echo ", "\"$(", ")\"")]
    [InlineData("echo ", "${x:-", "}")]
    [InlineData("", "( ", " )")]
    [InlineData("", "{ ", ";}")]
    [InlineData("", "if ", ";then :;fi")]
    [InlineData("", "a=(", ")")]
    [InlineData("echo ", "<(", ")")]
    public void Deep_nesting_is_bounded(string prefix, string open, string close)
    {
        int depth = 10_000;
        var text = prefix + string.Concat(Enumerable.Repeat(open, depth)) + "rm x" + string.Concat(Enumerable.Repeat(close, depth));
        var script = ShellParser.Parse(text);
        Assert.DoesNotContain(script.Diagnostics, d => d.Message.StartsWith("internal"));
        // Too-deep content is opaque; the diagnostic lets rules report the script as not analyzable.
        Assert.Contains(script.Diagnostics, d => d.Message.Contains("nesting"));
        var commands = Firebreak.Core.Commands.CommandExtractor.Extract(script);
        if (prefix.Length > 0) Assert.Equal("echo", commands[commands.Count - 1].Name);
    }

    [Fact]
    public void Diagnostics_are_capped_on_garbage()
    {
        var script = ShellParser.Parse(string.Concat(Enumerable.Repeat("fi ) ;; ", 10_000)));
        Assert.Equal(ShellParser.MaxDiagnostics + 1, script.Diagnostics.Count);
        Assert.Contains("too many", script.Diagnostics[^1].Message);
    }

    [Fact]
    public void Long_and_or_chains_do_not_nest()
    {
        var text = string.Join(" && ", Enumerable.Repeat("true", 50_000));
        var script = ShellParser.Parse(text);
        Assert.Empty(script.Diagnostics);
        Assert.Equal(49_999, Assert.IsType<ShellAndOrList>(script.Statements[0].Command).Rest.Count);
    }

    [Fact]
    public void Every_prefix_of_a_sample_script_parses_without_throwing()
    {
        var sample = ShellSamples.Deploy;
        Assert.True(sample.Length > 1500);
        for (int i = 0; i <= sample.Length; i++)
        {
            var script = ShellParser.Parse(sample.Substring(0, i));
            Assert.DoesNotContain(script.Diagnostics, d => d.Message.StartsWith("internal"));
        }
        Assert.Empty(ShellParser.Parse(sample).Diagnostics);
    }

    [Fact]
    public void Random_garbage_never_throws()
    {
        var random = new System.Random(12345);
        const string alphabet = "ab $(){}[]<>|&;'\"`\\\n#=!*?-~0123456789ifthenfidoesac\t@%^:,/+.";
        var buffer = new char[200];
        for (int round = 0; round < 3000; round++)
        {
            int length = random.Next(buffer.Length);
            for (int i = 0; i < length; i++) buffer[i] = alphabet[random.Next(alphabet.Length)];
            var script = ShellParser.Parse(new string(buffer, 0, length));
            Assert.DoesNotContain(script.Diagnostics, d => d.Message.StartsWith("internal"));
            foreach (var statement in script.Statements)
                Assert.True(statement.Span.End <= length);
        }
    }

    [Fact]
    public void Mutations_of_the_sample_never_throw()
    {
        var random = new System.Random(7);
        var sample = ShellSamples.Deploy;
        for (int round = 0; round < 500; round++)
        {
            var chars = sample.ToCharArray();
            for (int k = 0; k < 5; k++)
            {
                int a = random.Next(chars.Length), b = random.Next(chars.Length);
                (chars[a], chars[b]) = (chars[b], chars[a]);
            }
            var script = ShellParser.Parse(new string(chars));
            Assert.DoesNotContain(script.Diagnostics, d => d.Message.StartsWith("internal"));
        }
    }
}
