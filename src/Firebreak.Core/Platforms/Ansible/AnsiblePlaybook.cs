using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;

namespace Firebreak.Core.Platforms.Ansible;

/// <summary>
/// The tasks of an Ansible playbook or role task file, as parsed YAML: each task's module (its collection prefix
/// removed: <c>amazon.aws.rds_instance</c> and <c>rds_instance</c> are one module), its arguments and the hosts its play
/// targets. Tasks are found in a play's <c>pre_tasks</c>, <c>tasks</c>, <c>post_tasks</c> and <c>handlers</c>, and in
/// <c>block</c>/<c>rescue</c>/<c>always</c> at any depth.
/// </summary>
public sealed class AnsiblePlaybook
{
    private static readonly string[] TaskLists = { "pre_tasks", "tasks", "post_tasks", "handlers" };
    private static readonly string[] BlockLists = { "block", "rescue", "always" };

    /// <summary>Task keywords: never a module name.</summary>
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "name", "when", "become", "become_user", "become_method", "register", "tags", "vars", "loop", "loop_control", "notify",
        "args", "delegate_to", "delegate_facts", "ignore_errors", "ignore_unreachable", "changed_when", "failed_when", "environment",
        "no_log", "run_once", "until", "retries", "delay", "block", "rescue", "always", "check_mode", "diff", "listen", "any_errors_fatal",
        "async", "poll", "connection", "collections", "module_defaults", "throttle", "timeout", "debugger", "local_action", "action",
        "remote_user", "port", "become_flags", "become_exe", "with_items", "with_dict", "with_list", "with_fileglob", "with_together",
        "with_nested", "with_subelements", "with_sequence", "with_first_found", "with_random_choice", "with_lines", "with_indexed_items",
    };

    private AnsiblePlaybook(IReadOnlyList<AnsibleTask> tasks) => Tasks = tasks;

    public IReadOnlyList<AnsibleTask> Tasks { get; }

    private static readonly ModelKey<AnsiblePlaybook> Key = new("ansible", static doc => Build(doc));

    public static AnsiblePlaybook Of(DocumentContext document) => document.Get(Key);

    private static AnsiblePlaybook Build(DocumentContext document)
    {
        var tasks = new List<AnsibleTask>();
        foreach (var yamlDocument in document.Yaml.Documents)
        {
            if (yamlDocument.Root?.Resolve() is not YamlSequence items) continue;
            foreach (var item in items.Items)
            {
                if (item.Resolve() is not YamlMapping mapping) continue;
                if (mapping.FindPair("hosts") is not null)
                {
                    var hosts = mapping["hosts"] as YamlScalar;
                    foreach (var list in TaskLists) AddTasks(mapping.Sequence(list), hosts, tasks, 0);
                }
                else AddTask(mapping, null, tasks, 0);
            }
        }
        return new AnsiblePlaybook(tasks);
    }

    private static void AddTasks(YamlSequence? list, YamlScalar? hosts, List<AnsibleTask> tasks, int depth)
    {
        if (list is null) return;
        foreach (var item in list.Items)
            if (item.Resolve() is YamlMapping task) AddTask(task, hosts, tasks, depth);
    }

    private static void AddTask(YamlMapping task, YamlScalar? hosts, List<AnsibleTask> tasks, int depth)
    {
        if (depth > 16) return;
        bool block = false;
        foreach (var list in BlockLists)
            if (task.Sequence(list) is { } inner)
            {
                block = true;
                AddTasks(inner, hosts, tasks, depth + 1);
            }
        if (block) return;
        foreach (var pair in task.Pairs)
        {
            if (pair.KeyText is not { } key || key.StartsWith("with_", StringComparison.Ordinal)) continue;
            if (key is "action" or "local_action")
            {
                // `action: shell rm -rf /x` (module first, then its free-form arguments) or `action: {module: shell, cmd: …}`.
                switch (pair.Value.Resolve())
                {
                    case YamlScalar line when !line.IsNull:
                        string text = line.Value.TrimStart();
                        int lead = line.Value.Length - text.Length;
                        int space = text.IndexOfAny(new[] { ' ', '\t', '\n' });
                        string module = space < 0 ? text : text.Substring(0, space);
                        int rest = space < 0 ? line.Value.Length : lead + space + 1;
                        tasks.Add(new AnsibleTask(task, pair, module, ShortName(module), hosts, rest));
                        return;
                    case YamlMapping arguments when arguments.ScalarValue("module") is { } named:
                        tasks.Add(new AnsibleTask(task, pair, named, ShortName(named), hosts));
                        return;
                }
                continue;
            }
            if (Keywords.Contains(key)) continue;
            tasks.Add(new AnsibleTask(task, pair, key, ShortName(key), hosts));
            return;
        }
    }

    /// <summary><c>amazon.aws.rds_instance</c> → <c>rds_instance</c>; <c>ansible.builtin.shell</c> → <c>shell</c>.</summary>
    public static string ShortName(string module)
    {
        int dot = module.LastIndexOf('.');
        return dot < 0 ? module : module.Substring(dot + 1);
    }
}

/// <summary>One task: the module it calls and its arguments (a mapping, or a free-form string).</summary>
public sealed class AnsibleTask
{
    public AnsibleTask(YamlMapping body, YamlPair modulePair, string module, string shortName, YamlScalar? hosts, int freeFormStart = 0)
    {
        Body = body;
        ModulePair = modulePair;
        Module = module;
        ShortName = shortName;
        Hosts = hosts;
        FreeFormStart = freeFormStart;
    }

    /// <summary>Where the free-form arguments start in the scalar: after the module name in <c>action: shell …</c>, 0 otherwise.</summary>
    public int FreeFormStart { get; }

    public YamlMapping Body { get; }
    public YamlPair ModulePair { get; }

    /// <summary>The module as written (<c>amazon.aws.rds_instance</c>).</summary>
    public string Module { get; }

    /// <summary>The module without its collection (<c>rds_instance</c>).</summary>
    public string ShortName { get; }

    /// <summary>The play's <c>hosts:</c> when it is a scalar; null in a role's task file.</summary>
    public YamlScalar? Hosts { get; }

    /// <summary>The module's arguments as a mapping (<c>module: {k: v}</c>, <c>action: {module: m, k: v}</c>, or the task's <c>args:</c>); null for free-form.</summary>
    public YamlMapping? Arguments => ModulePair.Value.Resolve() as YamlMapping ?? Body.Mapping("args");

    /// <summary>An argument's scalar (the module's mapping first, then <c>args:</c>).</summary>
    public YamlScalar? Argument(string name) =>
        (ModulePair.Value.Resolve() as YamlMapping)?.Scalar(name) ?? Body.Mapping("args")?.Scalar(name);

    /// <summary>An argument read as a YAML boolean (<c>true</c>, <c>yes</c>, <c>on</c>); null when absent or not a literal.</summary>
    public bool? Flag(string name) => Argument(name)?.Value.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "y" or "1" => true,
        "false" or "no" or "off" or "n" or "0" => false,
        _ => null,
    };
}
