using System.Linq;
using Firebreak.Core.Commands;
using Firebreak.Core.Tests.Infrastructure;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Commands;

/// <summary>Every host of embedded shell (host names compared by prefix): the marked span is where the <c>rm</c> command is found in the file.</summary>
public class ShellSourcesTests
{
    private static ShellSource[] Sources(string path, string text) =>
        ShellSources.Of(new DocumentContext(new SourceFile(path, text))).ToArray();

    /// <summary>The file spans of every <c>rm</c> command's program word and the markup's marked spans agree.</summary>
    private static void AssertRmAt(string path, string markup, string host)
    {
        var (text, expected) = Markup.Parse(markup);
        var sources = Sources(path, text);
        var found = sources.SelectMany(s => s.Commands.Where(c => c.Name == "rm").Select(c => (Host: s.Host.StartsWith(host, System.StringComparison.Ordinal) ? host : s.Host, Text: text.Substring(c.Span.Start, c.Span.Length), c.Span.Start))).ToArray();
        Assert.Equal(expected.Select(e => (host, text.Substring(e.Span.Start, e.Span.Length), e.Span.Start)).ToArray(), found);
    }

    [Fact]
    public void Shell_file() => AssertRmAt("deploy.sh", "set -e\n{|X:rm -rf /data|}\n", "shell script");

    [Fact]
    public void Shebang_file_without_extension() => AssertRmAt("bin/reset", "#!/usr/bin/env bash\n{|X:rm -rf /srv/db|}\n", "shell script");

    [Fact]
    public void Workflow_run_block_with_expressions_and_shell_choice()
    {
        const string markup = """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                environment: production
                steps:
                  - run: |
                      echo "${{ github.sha }}"
                      {|X:rm -rf "${{ env.DIR }}/data"|}
                  - shell: pwsh
                    run: rm -rf /not/shell
                  - run: {|X:rm -r /x|}
            """;
        AssertRmAt(".github/workflows/deploy.yml", markup, "workflow step");
        var (text, _) = Markup.Parse(markup);
        var source = Sources(".github/workflows/deploy.yml", text)[0];
        Assert.Equal("deploy", source.Context.Name);
        Assert.Equal("production", source.Context.Environment);
        Assert.Equal(new[] { "push" }, source.Context.Triggers);
    }

    [Fact]
    public void Composite_action() => AssertRmAt("action.yml", """
        runs:
          using: composite
          steps:
            - shell: bash
              run: {|X:rm -rf /var/lib/app|}
        """, "composite action step");

    [Fact]
    public void GitLab_script_lists_and_strings() => AssertRmAt(".gitlab-ci.yml", """
        stages: [test]
        cleanup:
          environment:
            name: production
          script:
            - echo hi
            - {|X:rm -rf /data|}
          after_script: "{|X:rm -r /tmp/x|}"
        """, "GitLab CI");

    [Fact]
    public void Dockerfile_shell_exec_and_heredoc_forms()
    {
        const string markup = """
            FROM alpine AS build
            RUN apk add curl && \
                # a comment docker drops
                {|X:rm -rf /var/cache/apk|}
            RUN ["sh", "-c", "{|X:rm -rf /data|}"]
            RUN --mount=type=cache,target=/x {|X:rm -r /y|}
            RUN <<EOF
            set -e
            {|X:rm -rf /z|}
            EOF
            """;
        AssertRmAt("Dockerfile", markup, "Dockerfile RUN");
    }

    [Fact]
    public void Compose_command_string_and_list() => AssertRmAt("docker-compose.yml", """
        services:
          app:
            command: ["sh", "-c", "{|X:rm -rf /data|}"]
          worker:
            entrypoint: sh -c '{|X:rm -rf /w|}'
        """, "compose");

    [Fact]
    public void Compose_entrypoint_and_command_lists_form_one_argv() => AssertRmAt("docker-compose.yml", """
        services:
          reset:
            entrypoint: ["sh", "-c"]
            command: ["{|X:rm -rf /data|} && echo done"]
        """, "compose entrypoint and command");

    [Fact]
    public void Kubernetes_command_and_args() => AssertRmAt("k8s/job.yaml", """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: wipe
        spec:
          template:
            spec:
              containers:
                - name: c
                  command: ["/bin/sh", "-c"]
                  args:
                    - {|X:rm -rf /var/lib/postgresql/data|}
        """, "Kubernetes container");

    [Fact]
    public void Makefile_recipes()
    {
        const string markup = "DIR := /data\nclean:\n\t@{|X:rm -rf $(DIR)/x|}\n\t-{|X:rm -r $$HOME/y|}\n\nx = 1\n";
        AssertRmAt("Makefile", markup, "Makefile recipe");
        var (text, _) = Markup.Parse(markup);
        var rm = Sources("Makefile", text)[1].Commands.Single();
        Assert.Null(rm.Arguments[2].Value); // $$HOME became $HOME: dynamic
        Assert.Equal("clean", Sources("Makefile", text)[0].Context.Name);
    }

    [Fact]
    public void Package_json_scripts() => AssertRmAt("package.json", "{\n\t\"name\": \"x\",\n\t\"scripts\": {\n\t\t\"clean\": \"{|X:rm -rf dist|} && echo \\\"done\\\"\"\n\t}\n}\n", "package.json script");

    [Fact]
    public void Taskfile_cmds() => AssertRmAt("Taskfile.yml", """
        version: '3'
        tasks:
          clean:
            cmds:
              - {|X:rm -rf /data|}
              - cmd: {|X:rm -r /x|}
        """, "Taskfile command");

    [Fact]
    public void Justfile_recipes() => AssertRmAt("justfile", "set shell := [\"bash\", \"-c\"]\n\nclean arg:\n    @{|X:rm -rf /data/{{arg}}|}\n    echo done\n", "justfile recipe");

    [Fact]
    public void Comments_in_run_blocks_become_suppressions()
    {
        const string text = """
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      # firebreak:ignore FB1001 -- test
                      rm -rf /data
            """;
        var document = new DocumentContext(new SourceFile(".github/workflows/a.yml", text));
        ShellSources.Of(document);
        Assert.Contains(Firebreak.Core.Languages.DocumentComments.Of(document), c => c.Text.Contains("firebreak:ignore FB1001"));
    }

    [Fact]
    public void Workflow_default_shell_pwsh_skips_run_blocks_unless_a_step_says_bash() => AssertRmAt(".github/workflows/w.yml", """
        on: push
        defaults:
          run:
            shell: pwsh
        jobs:
          a:
            runs-on: windows-latest
            steps:
              - run: rm -rf /not/shell
              - shell: bash
                run: {|X:rm -rf /x|}
        """, "workflow step");

    [Fact]
    public void Exec_form_keeps_quotes_inside_arguments()
    {
        const string text = "RUN [\"sh\", \"-c\", \"echo 'a b' && rm -rf /data\"]\n";
        var rm = Sources("Dockerfile", text).Single().Commands.Single(c => c.Name == "rm");
        Assert.Equal("/data", text.Substring(rm.Arguments[2].Span.Start, rm.Arguments[2].Span.Length));
    }

    [Fact]
    public void Sources_are_found_once_per_document()
    {
        var document = new DocumentContext(new SourceFile("a.sh", "rm -rf /x\n"));
        Assert.Same(ShellSources.Of(document), ShellSources.Of(document));
    }

    [Fact]
    public void Shell_parse_problems_are_reported_in_file_offsets()
    {
        var result = RuleHarness.Analyze((".github/workflows/a.yml", "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo \"unterminated\n"));
        Assert.Contains(result.Findings, f => f.RuleId == "FB0001" && f.Message.Contains("shell", System.StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Other_file_kinds_hold_no_shell() => Assert.Empty(Sources("README.md", "rm -rf /\n"));
}
