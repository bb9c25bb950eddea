using System;
using System.Collections.Generic;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Platforms.GitHubActions;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

using Firebreak.Core.Languages.Json;

namespace Firebreak.Core.Commands;

public static partial class ShellSources
{
    /// <summary>GitLab CI top-level keys that are not jobs.</summary>
    private static readonly HashSet<string> GitLabReservedKeys = new(StringComparer.Ordinal)
    {
        "stages", "variables", "include", "workflow", "image", "services", "cache", "before_script", "after_script", "spec",
    };

    private static readonly string[] GitLabScriptKeys = { "before_script", "script", "after_script" };

    // ---- GitHub Actions ---------------------------------------------------------------------------------

    private static void FromWorkflow(DocumentContext document, Collector collector)
    {
        if (GitHubWorkflow.Of(document) is not { } workflow) return;
        string? workflowShell = DefaultShell(workflow.Root);
        foreach (var job in workflow.Jobs)
        {
            var (environment, environmentSpan) = Environment(job.Body["environment"]);
            var context = new ShellHostContext(job.Id, environment, environmentSpan, workflow.Triggers);
            string? jobShell = DefaultShell(job.Body) ?? workflowShell;
            foreach (var step in job.Steps)
            {
                string? shell = step.Shell ?? jobShell;
                if (IsPowerShell(shell))
                {
                    if (step.Run?.Resolve() is YamlScalar { IsNull: false } run)
                        AddPowerShell(MaskExpressions(run.ToEmbeddedText(collector.HostText)), "workflow step (pwsh)", context, new WorkflowStepOrigin(job, step), document, collector);
                    continue;
                }
                if (!IsPosixShell(shell)) continue;
                collector.AddScalar(step.Run, "workflow step", context, MaskExpressions, new WorkflowStepOrigin(job, step));
            }
        }
    }

    private static void FromCompositeAction(DocumentContext document, Collector collector)
    {
        if (document.Yaml.RootMapping?.Mapping("runs") is not { } runs) return;
        if (!string.Equals(runs.ScalarValue("using"), "composite", StringComparison.OrdinalIgnoreCase)) return;
        FromSteps(runs.Sequence("steps"), null, "composite action step", ShellHostContext.None, collector);
    }

    private static void FromSteps(YamlSequence? steps, string? defaultShell, string host, ShellHostContext context, Collector collector)
    {
        if (steps == null) return;
        foreach (var item in steps.Items)
        {
            if (item.Resolve() is not YamlMapping step) continue;
            string? shell = step.ScalarValue("shell") ?? defaultShell;
            if (IsPowerShell(shell))
            {
                if (step["run"]?.Resolve() is YamlScalar { IsNull: false } run)
                    AddPowerShell(MaskExpressions(run.ToEmbeddedText(collector.HostText)), host + " (pwsh)", context, null, collector.Document, collector);
                continue;
            }
            if (!IsPosixShell(shell)) continue;
            collector.AddScalar(step["run"], host, context, MaskExpressions);
        }
    }

    /// <summary><c>pwsh</c> or <c>powershell</c>, as <c>shell:</c> names them (also a custom <c>pwsh -command ". '{0}'"</c>).</summary>
    private static bool IsPowerShell(string? shell)
    {
        if (string.IsNullOrWhiteSpace(shell)) return false;
        string program = shell!.Trim();
        int space = program.IndexOf(' ');
        if (space > 0) program = program.Substring(0, space);
        program = ShellCommand.ProgramName(program);
        return program is "pwsh" or "powershell" or "pwsh.exe" or "powershell.exe";
    }

    private static string? DefaultShell(YamlMapping mapping) => mapping.Mapping("defaults")?.Mapping("run")?.ScalarValue("shell");

    /// <summary>bash (the default on Linux/macOS runners), sh, zsh, or a custom <c>bash -e {0}</c>; not pwsh, python, cmd.</summary>
    private static bool IsPosixShell(string? shell)
    {
        if (string.IsNullOrWhiteSpace(shell)) return true;
        string program = shell!.Trim();
        int space = program.IndexOf(' ');
        if (space > 0) program = program.Substring(0, space);
        program = ShellCommand.ProgramName(program);
        return program is "bash" or "sh" or "zsh" or "dash" or "ksh";
    }

    private static (string? Name, TextSpan? Span) Environment(YamlNode? node)
    {
        switch (node?.Resolve())
        {
            case YamlScalar scalar when !scalar.IsNull:
                return (scalar.Value, scalar.Span);
            case YamlMapping mapping when mapping.Scalar("name") is { } name:
                return (name.Value, name.Span);
            default:
                return (null, null);
        }
    }

    /// <summary>
    /// <c>${{ expr }}</c> is substituted by the runner before the shell sees the script; the shell would read it as a
    /// malformed parameter expansion. It becomes <c>${E}</c> (a dynamic word) mapped onto the expression.
    /// </summary>
    internal static EmbeddedText MaskExpressions(EmbeddedText text)
    {
        string value = text.Value;
        int open = value.IndexOf("${{", StringComparison.Ordinal);
        if (open < 0) return text;
        var builder = new EmbeddedText.Builder();
        int i = 0;
        while (open >= 0)
        {
            int close = value.IndexOf("}}", open + 3, StringComparison.Ordinal);
            if (close < 0) break;
            for (; i < open; i++) builder.Append(value[i], text.MapToHost(i));
            builder.Append('$', text.MapToHost(open));
            builder.Append('{', text.MapToHost(open + 1));
            builder.Append('E', text.MapToHost(open + 2));
            builder.Append('}', text.MapToHost(close + 1));
            i = close + 2;
            open = value.IndexOf("${{", i, StringComparison.Ordinal);
        }
        for (; i < value.Length; i++) builder.Append(value[i], text.MapToHost(i));
        return builder.Build(text.HostEnd);
    }

    // ---- GitLab CI --------------------------------------------------------------------------------------

    private static void FromGitLabCi(DocumentContext document, Collector collector)
    {
        if (document.Yaml.RootMapping is not { } root) return;
        foreach (var pair in root.Pairs)
        {
            if (pair.KeyText is not { } name) continue;
            if (pair.Value.Resolve() is not YamlMapping job)
            {
                // Global before_script / after_script.
                if (name is "before_script" or "after_script") AddScriptList(pair.Value, "GitLab CI " + name, ShellHostContext.None, collector);
                continue;
            }
            if (GitLabReservedKeys.Contains(name)) continue;
            var (environment, environmentSpan) = Environment(job["environment"]);
            var context = new ShellHostContext(name, environment, environmentSpan, Array.Empty<string>());
            foreach (var key in GitLabScriptKeys)
                AddScriptList(job[key], "GitLab CI " + key, context, collector);
        }
    }

    /// <summary>A string, or a list of strings (nested lists from anchors and <c>!reference</c> flattened).</summary>
    private static void AddScriptList(YamlNode? node, string host, ShellHostContext context, Collector collector, int depth = 0)
    {
        if (depth > 8) return;
        switch (node?.Resolve())
        {
            case YamlScalar scalar:
                collector.AddScalar(scalar, host, context);
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items) AddScriptList(item, host, context, collector, depth + 1);
                break;
        }
    }

    // ---- Compose ----------------------------------------------------------------------------------------

    private static void FromCompose(DocumentContext document, Collector collector)
    {
        if (document.Yaml.RootMapping?.Mapping("services") is not { } services) return;
        foreach (var pair in services.Pairs)
        {
            if (pair.Value.Resolve() is not YamlMapping service) continue;
            var context = new ShellHostContext(pair.KeyText, null, null, Array.Empty<string>());
            // entrypoint + command form one argv when both are lists (`entrypoint: ["sh", "-c"]` + `command: ["dropdb app"]`,
            // as the container runs them); each is checked on its own otherwise.
            if (service["entrypoint"]?.Resolve() is YamlSequence entrypoint && service["command"]?.Resolve() is YamlSequence command)
            {
                var argv = Scalars(entrypoint);
                argv.AddRange(Scalars(command));
                collector.AddArgv(argv, "compose entrypoint and command", context);
                continue;
            }
            AddCommandNode(service["entrypoint"], "compose entrypoint", context, collector);
            AddCommandNode(service["command"], "compose command", context, collector);
        }
    }

    /// <summary>A command given as a string (read as shell words) or as a list (exec form).</summary>
    private static void AddCommandNode(YamlNode? node, string host, ShellHostContext context, Collector collector)
    {
        switch (node?.Resolve())
        {
            case YamlScalar scalar:
                collector.AddScalar(scalar, host, context);
                break;
            case YamlSequence sequence:
                collector.AddArgv(Scalars(sequence), host, context);
                break;
        }
    }

    private static List<YamlScalar> Scalars(YamlSequence? sequence)
    {
        var items = new List<YamlScalar>();
        if (sequence == null) return items;
        foreach (var item in sequence.Items)
            if (item.Resolve() is YamlScalar scalar) items.Add(scalar);
        return items;
    }

    // ---- Kubernetes -------------------------------------------------------------------------------------

    private static void FromKubernetes(DocumentContext document, Collector collector)
    {
        foreach (var yamlDocument in document.Yaml.Documents)
        {
            if (yamlDocument.Root is not YamlMapping root) continue;
            var metadata = root.Mapping("metadata");
            string? name = metadata?.ScalarValue("name");
            string? ns = metadata?.ScalarValue("namespace");
            var context = new ShellHostContext(name, ns, metadata?.Scalar("namespace")?.Span, Array.Empty<string>());
            FindContainers(root, context, collector, 0);
        }
    }

    /// <summary>Containers sit at different depths (Pod, Deployment, CronJob); walk mappings, not aliases.</summary>
    private static void FindContainers(YamlMapping mapping, ShellHostContext context, Collector collector, int depth)
    {
        if (depth > 12) return;
        foreach (var pair in mapping.Pairs)
        {
            if (pair.Value is YamlMapping child)
            {
                FindContainers(child, context, collector, depth + 1);
            }
            else if (pair.Value is YamlSequence sequence && pair.KeyText is "containers" or "initContainers" or "ephemeralContainers")
            {
                foreach (var item in sequence.Items)
                {
                    if (item is not YamlMapping container) continue;
                    var argv = Scalars(container.Sequence("command"));
                    argv.AddRange(Scalars(container.Sequence("args")));
                    collector.AddArgv(argv, "Kubernetes container", context);
                }
            }
            else if (pair.Value is YamlSequence list)
            {
                foreach (var item in list.Items)
                    if (item is YamlMapping element) FindContainers(element, context, collector, depth + 1);
            }
        }
    }

    // ---- Taskfile ---------------------------------------------------------------------------------------

    private static void FromTaskfile(DocumentContext document, Collector collector)
    {
        if (document.Yaml.RootMapping?.Mapping("tasks") is not { } tasks) return;
        foreach (var pair in tasks.Pairs)
        {
            var context = new ShellHostContext(pair.KeyText, null, null, Array.Empty<string>());
            switch (pair.Value.Resolve())
            {
                case YamlScalar single: // `task: echo hi` shorthand
                    collector.AddScalar(single, "Taskfile command", context);
                    break;
                case YamlSequence shorthand:
                    AddTaskCommands(shorthand, context, collector);
                    break;
                case YamlMapping task:
                    collector.AddScalar(task["cmd"], "Taskfile command", context);
                    if (task.Sequence("cmds") is { } cmds) AddTaskCommands(cmds, context, collector);
                    break;
            }
        }
    }

    private static void AddTaskCommands(YamlSequence cmds, ShellHostContext context, Collector collector)
    {
        foreach (var item in cmds.Items)
        {
            switch (item.Resolve())
            {
                case YamlScalar scalar:
                    collector.AddScalar(scalar, "Taskfile command", context);
                    break;
                case YamlMapping mapping:
                    collector.AddScalar(mapping["cmd"], "Taskfile command", context);
                    break;
            }
        }
    }

    // ---- package.json -----------------------------------------------------------------------------------

    private static void FromPackageJson(DocumentContext document, Collector collector)
    {
        if (document.Text.Text.IndexOf("\"scripts\"", StringComparison.Ordinal) < 0) return;
        // JSON is YAML 1.2 flow syntax, so the YAML tree gives each script value with its exact span and escapes.
        // package.json is JSON (strict, as npm reads it): each script's string maps back to where it is written.
        if (document.Json.Root is not JsonObject root || root.Get("scripts") is not JsonObject scripts) return;
        foreach (var member in scripts.Members)
        {
            if (member.Value is JsonString script)
                collector.Add(script.ToEmbeddedText(document.Text.Text), "package.json script", new ShellHostContext(member.Name, null, null, Array.Empty<string>()));
        }
    }
}
