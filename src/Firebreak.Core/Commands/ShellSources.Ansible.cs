using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Platforms.Ansible;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands;

public static partial class ShellSources
{
    // ---- Ansible: shell/command/raw/script tasks -----------------------------------------------------------------------

    private static void FromAnsible(DocumentContext document, Collector collector)
    {
        foreach (var task in AnsiblePlaybook.Of(document).Tasks)
        {
            if (task.ShortName is not ("shell" or "command" or "raw" or "script")) continue;
            string host = $"Ansible `{task.Module}` task";
            // The play's hosts are where it runs: `hosts: production` raises the level as `environment: production` does.
            var context = new ShellHostContext(task.Body.ScalarValue("name") ?? task.Module, task.Hosts?.Value, task.Hosts?.Span, Array.Empty<string>());
            switch (task.ModulePair.Value.Resolve())
            {
                case YamlScalar free when !free.IsNull:
                    // Free form: `shell: rm -rf /data chdir=/srv` — the whole string is the command line; after
                    // `action: shell ` only what follows the module name.
                    collector.AddScalar(free, host, context, task.FreeFormStart == 0 ? MaskJinja
                        : text => MaskJinja(text.Slice(Math.Min(task.FreeFormStart, text.Value.Length), Math.Max(0, text.Value.Length - task.FreeFormStart))));
                    break;
                case YamlMapping arguments:
                    AddAnsibleCommand(arguments, host, context, collector);
                    continue;
            }
            if (task.Body.Mapping("args") is { } args) AddAnsibleCommand(args, host, context, collector);
        }
    }

    /// <summary><c>cmd:</c> (a command line) or <c>argv:</c> (a list, run without a shell).</summary>
    private static void AddAnsibleCommand(YamlMapping arguments, string host, ShellHostContext context, Collector collector)
    {
        collector.AddScalar(arguments["cmd"], host, context, MaskJinja);
        if (arguments.Sequence("argv") is { } argv)
        {
            var items = new List<YamlScalar>();
            foreach (var item in argv.Items)
            {
                if (item.Resolve() is not YamlScalar scalar) return;
                items.Add(scalar);
            }
            collector.AddArgv(items, host, context);
        }
    }

    /// <summary>
    /// Jinja <c>{{ expr }}</c> is rendered by Ansible before the command runs: the shell would read its braces as words.
    /// It becomes <c>${J}</c> (a word whose value is unknown) mapped onto the expression; <c>{% … %}</c> is left as text.
    /// </summary>
    internal static EmbeddedText MaskJinja(EmbeddedText text)
    {
        string value = text.Value;
        int open = value.IndexOf("{{", StringComparison.Ordinal);
        if (open < 0) return text;
        var builder = new EmbeddedText.Builder();
        int i = 0;
        while (open >= 0)
        {
            int close = value.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0) break;
            for (; i < open; i++) builder.Append(value[i], text.MapToHost(i));
            builder.Append('$', text.MapToHost(open));
            builder.Append('{', text.MapToHost(open + 1));
            builder.Append('J', text.MapToHost(open + 2));
            builder.Append('}', text.MapToHost(close + 1));
            i = close + 2;
            open = value.IndexOf("{{", i, StringComparison.Ordinal);
        }
        for (; i < value.Length; i++) builder.Append(value[i], text.MapToHost(i));
        return builder.Build(text.HostEnd);
    }
}
