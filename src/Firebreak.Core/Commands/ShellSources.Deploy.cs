using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Json;
using Firebreak.Core.Languages.Toml;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands;

public static partial class ShellSources
{
    // ---- PaaS configuration: the commands a platform runs on every deploy ------------------------------------------

    private static void FromPaasConfig(DocumentContext document, Collector collector)
    {
        switch (PaasConfigs.NameOf(document.Path))
        {
            case "procfile":
                FromProcfile(document, collector);
                break;
            case "fly.toml":
                FromToml(document, collector, "fly.toml", (table, key) => (table, key) is ("deploy", "release_command") or ("processes", _) or ("experimental", "cmd"));
                break;
            case "railway.toml":
                FromToml(document, collector, "railway.toml", (table, key) => (table, key) is ("deploy", "preDeployCommand" or "startCommand") or ("build", "buildCommand"));
                break;
            case "nixpacks.toml":
                FromToml(document, collector, "nixpacks.toml", (table, key) => (table, key) is ("start", "cmd"));
                break;
            case "netlify.toml":
                FromToml(document, collector, "netlify.toml", (table, key) => (table, key) is ("build", "command") || (table.StartsWith("context.", StringComparison.Ordinal) && key == "command"));
                break;
            case "railway.json":
                if (document.Json.Root is JsonObject railway)
                {
                    AddJsonCommand(railway.Get("deploy") is JsonObject deploy ? deploy.Get("preDeployCommand") : null, "railway.json preDeployCommand", "preDeployCommand", collector);
                    AddJsonCommand(railway.Get("deploy") is JsonObject start ? start.Get("startCommand") : null, "railway.json startCommand", "startCommand", collector);
                    AddJsonCommand(railway.Get("build") is JsonObject build ? build.Get("buildCommand") : null, "railway.json buildCommand", "buildCommand", collector);
                }
                break;
            case "app.json":
                if (document.Json.Root is JsonObject app && app.Get("scripts") is JsonObject scripts)
                    foreach (var member in scripts.Members)
                        AddJsonCommand(member.Value, $"app.json script `{member.Name}`", member.Name, collector);
                break;
            case "vercel.json":
                if (document.Json.Root is JsonObject vercel)
                    foreach (var key in new[] { "buildCommand", "installCommand" })
                        AddJsonCommand(vercel.Get(key), $"vercel.json {key}", key, collector);
                break;
            case "render.yaml":
                foreach (var group in new[] { "services", "previews" })
                    if (document.Yaml.RootMapping?.Sequence(group) is { } services)
                        foreach (var item in services.Items)
                            if (item.Resolve() is YamlMapping service)
                                foreach (var key in new[] { "preDeployCommand", "startCommand", "buildCommand" })
                                    collector.AddScalar(service[key], $"render.yaml {key}", new ShellHostContext(service.ScalarValue("name") ?? key, null, null, Array.Empty<string>()));
                break;
            case "heroku.yml":
                var root = document.Yaml.RootMapping;
                AddCommandNode(root?.Mapping("release")?["command"], "heroku.yml release", new ShellHostContext("release", null, null, Array.Empty<string>()), collector);
                if (root?.Mapping("run") is { } run)
                    foreach (var pair in run.Pairs)
                        AddCommandNode(pair.Value.Resolve() is YamlMapping process ? process["command"] : pair.Value, $"heroku.yml run `{pair.KeyText}`", new ShellHostContext(pair.KeyText, null, null, Array.Empty<string>()), collector);
                break;
        }
    }

    /// <summary><c>process: command</c> lines; <c>release:</c> runs before every deploy.</summary>
    private static void FromProcfile(DocumentContext document, Collector collector)
    {
        string text = document.Text.Text;
        foreach (var line in Lines(text))
        {
            int colon = text.IndexOf(':', line.Start);
            if (colon < 0 || colon >= line.End) continue;
            string name = text.Substring(line.Start, colon - line.Start).Trim();
            if (name.Length == 0 || name.StartsWith("#", StringComparison.Ordinal) || name.IndexOf(' ') >= 0) continue;
            int start = colon + 1;
            while (start < line.End && text[start] is ' ' or '\t') start++;
            if (start >= line.End) continue;
            collector.Add(EmbeddedText.Contiguous(text.Substring(start, line.End - start), start), $"Procfile `{name}`",
                new ShellHostContext(name, null, null, Array.Empty<string>()), registerComments: false);
        }
    }

    private static void FromToml(DocumentContext document, Collector collector, string file, Func<string, string, bool> isCommand)
    {
        string text = document.Text.Text;
        foreach (var entry in TomlKeyValueLexer.Read(text))
        {
            if (!entry.IsString || !isCommand(entry.Table, entry.Key)) continue;
            // A basic string with escapes would not map character for character; the command is then skipped, not misread.
            int start = entry.ValueSpan.Start + 1;
            if (start + entry.Value.Length > text.Length || string.CompareOrdinal(text, start, entry.Value, 0, entry.Value.Length) != 0) continue;
            collector.Add(EmbeddedText.Contiguous(entry.Value, start), $"{file} {entry.Key}", new ShellHostContext(entry.Key, null, null, Array.Empty<string>()));
        }
    }

    private static void AddJsonCommand(JsonValue? value, string host, string name, Collector collector)
    {
        if (value is JsonString command)
            collector.Add(command.ToEmbeddedText(collector.HostText), host, new ShellHostContext(name, null, null, Array.Empty<string>()), registerComments: false);
    }

    // ---- agent instructions: fenced shell blocks an agent reads as commands to run -------------------------------------

    private static readonly HashSet<string> ShellFenceLanguages = new(StringComparer.OrdinalIgnoreCase) { "sh", "bash", "shell", "zsh", "console", "shell-session", "shellsession" };

    private static void FromAgentInstructions(DocumentContext document, Collector collector)
    {
        string text = document.Text.Text;
        var lines = Lines(text);
        for (int i = 0; i < lines.Count; i++)
        {
            var open = lines[i];
            int indent = open.Start;
            while (indent < open.End && text[indent] == ' ' && indent - open.Start < 3) indent++;
            if (indent + 3 > open.End) continue;
            char fence = text[indent];
            if (fence is not ('`' or '~')) continue;
            int run = indent;
            while (run < open.End && text[run] == fence) run++;
            if (run - indent < 3) continue;
            string info = text.Substring(run, open.End - run).Trim();
            string language = info.Split(' ', '{', ',')[0].Trim();
            int close = i + 1;
            while (close < lines.Count && !IsClosingFence(text, lines[close], fence, run - indent)) close++;
            if (ShellFenceLanguages.Contains(language) && close > i + 1)
            {
                bool prompts = language.Equals("console", StringComparison.OrdinalIgnoreCase) || language.StartsWith("shell", StringComparison.OrdinalIgnoreCase) && language.Length > 5;
                var builder = new EmbeddedText.Builder();
                for (int k = i + 1; k < close && k < lines.Count; k++)
                {
                    int from = lines[k].Start;
                    if (prompts)
                    {
                        // A console transcript: only `$ ` lines are commands, the rest is output.
                        int p = from;
                        while (p < lines[k].End && text[p] == ' ') p++;
                        if (p + 1 >= lines[k].End || text[p] != '$' || text[p + 1] != ' ') continue;
                        from = p + 2;
                    }
                    for (int c = from; c < lines[k].End; c++) builder.Append(text[c], c);
                    builder.Append('\n', lines[k].End);
                }
                collector.Add(builder.Build(lines[Math.Min(close, lines.Count) - 1].End), "agent instructions", ShellHostContext.None);
            }
            i = close;
        }
    }

    private static bool IsClosingFence(string text, Line line, char fence, int length)
    {
        int p = line.Start;
        while (p < line.End && text[p] == ' ' && p - line.Start < 3) p++;
        int run = p;
        while (run < line.End && text[run] == fence) run++;
        if (run - p < length) return false;
        for (int q = run; q < line.End; q++)
            if (text[q] is not (' ' or '\t')) return false;
        return true;
    }
}
