using System;
using System.Collections.Generic;
using System.Linq;
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
                    var play = new PlayState(mapping["hosts"] as YamlScalar,
                        mapping["vars_prompt"] is not null ? "the play's `vars_prompt` asks a person before it runs" : Gate(mapping, inherited: null));
                    foreach (var list in TaskLists) AddTasks(mapping.Sequence(list), play, play.PlayGate, tasks, 0);
                }
                else AddTask(mapping, new PlayState(null, null), null, tasks, 0);
            }
        }
        return new AnsiblePlaybook(tasks);
    }

    /// <summary>One play while its tasks are read in the order they run: a <c>pause</c> with a <c>prompt</c> gates what follows it.</summary>
    private sealed class PlayState
    {
        public PlayState(YamlScalar? hosts, string? playGate)
        {
            Hosts = hosts;
            PlayGate = playGate;
        }

        public YamlScalar? Hosts { get; }
        public string? PlayGate { get; }
        public string? PausedAt { get; set; }
    }

    private static void AddTasks(YamlSequence? list, PlayState play, string? inherited, List<AnsibleTask> tasks, int depth)
    {
        if (list is null) return;
        foreach (var item in list.Items)
            if (item.Resolve() is YamlMapping task) AddTask(task, play, inherited, tasks, depth);
    }

    /// <summary>
    /// What makes a person decide before this task (or block) runs, on top of what encloses it: <c>tags: never</c> (it
    /// runs only when asked for by tag), <c>check_mode: true</c> (a dry run), or a <c>when:</c> on a confirmation
    /// variable (<c>when: confirm_delete | bool</c>, set by <c>-e</c> or a prompt). A <c>when:</c> on facts or hosts
    /// decides where the task runs, not whether someone agreed to it.
    /// </summary>
    private static string? Gate(YamlMapping task, string? inherited)
    {
        if (inherited is not null) return inherited;
        if (task["tags"]?.Resolve() is { } tags && (tags is YamlScalar one ? one.Value.Trim() == "never"
            : tags is YamlSequence many && many.Items.Any(i => (i.Resolve() as YamlScalar)?.Value.Trim() == "never")))
            return "`tags: never` runs it only when asked for by tag";
        if (task.ScalarValue("check_mode")?.Trim().ToLowerInvariant() is "true" or "yes") return "`check_mode: true` makes it a dry run";
        string when = task["when"]?.Resolve() switch
        {
            YamlScalar scalar => scalar.Value,
            YamlSequence conditions => string.Join(" and ", conditions.Items.Select(i => (i.Resolve() as YamlScalar)?.Value ?? "")),
            _ => "",
        };
        return NamesConfirmation(when) ? $"`when: {when.Trim()}` asks for a confirmation" : null;
    }

    /// <summary>Parts of the variable names teams give a confirmation (<c>confirm_delete</c>, <c>i_know_what_i_am_doing</c>).</summary>
    private static readonly string[] ConfirmationWords =
        { "confirm", "approv", "i_know", "are_you_sure", "really", "yes_i", "destroy", "delete", "teardown", "allow_", "force_" };

    private static bool NamesConfirmation(string when)
    {
        foreach (var word in ConfirmationWords)
            if (when.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        return false;
    }

    private static void AddTask(YamlMapping task, PlayState play, string? inherited, List<AnsibleTask> tasks, int depth)
    {
        if (depth > 16) return;
        string? gate = Gate(task, inherited) ?? play.PausedAt;
        bool block = false;
        foreach (var list in BlockLists)
            if (task.Sequence(list) is { } inner)
            {
                block = true;
                AddTasks(inner, play, gate, tasks, depth + 1);
            }
        if (block) return;
        var hosts = play.Hosts;
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
                        Add(new AnsibleTask(task, pair, module, ShortName(module), hosts, rest, gate));
                        return;
                    case YamlMapping arguments when arguments.ScalarValue("module") is { } named:
                        Add(new AnsibleTask(task, pair, named, ShortName(named), hosts, gate: gate));
                        return;
                }
                continue;
            }
            if (Keywords.Contains(key)) continue;
            Add(new AnsibleTask(task, pair, key, ShortName(key), hosts, gate: gate));
            return;
        }

        void Add(AnsibleTask added)
        {
            tasks.Add(added);
            // A prompt waits for a person at the terminal: every later task of the play runs only after they answer.
            if (added.ShortName == "pause" && added.Argument("prompt") is not null && play.PausedAt is null)
                play.PausedAt = "the `pause` prompt before it waits for a person";
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
    public AnsibleTask(YamlMapping body, YamlPair modulePair, string module, string shortName, YamlScalar? hosts, int freeFormStart = 0,
        string? gate = null)
    {
        Gate = gate;
        Body = body;
        ModulePair = modulePair;
        Module = module;
        ShortName = shortName;
        Hosts = hosts;
        FreeFormStart = freeFormStart;
    }

    /// <summary>
    /// What makes a person decide before the task runs (a <c>pause</c> prompt earlier in the play, <c>vars_prompt</c>,
    /// <c>tags: never</c>, <c>check_mode: true</c>, a <c>when:</c> on a confirmation variable — on the task or a block
    /// around it), as a phrase; null when nothing does.
    /// </summary>
    public string? Gate { get; }

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
