using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Catalogs;
using YamlDotNet.RepresentationModel;

namespace Firebreak.Core.Commands;

/// <summary>A coding-agent CLI (an entry of rules/catalogs/agents.yaml) and the flags that turn its approvals off.</summary>
public sealed class AgentCli
{
    internal AgentCli(string id, IReadOnlyList<string> programs, IReadOnlyList<string> packages, IReadOnlyList<string> bypassFlags,
        IReadOnlyList<(string Option, string Value)> bypassOptionValues, IReadOnlyList<string> mustMatch, IReadOnlyList<string> mustNotMatch)
    {
        Id = id;
        Programs = programs;
        Packages = packages;
        BypassFlags = bypassFlags;
        BypassOptionValues = bypassOptionValues;
        MustMatch = mustMatch;
        MustNotMatch = mustNotMatch;
    }

    public string Id { get; }

    /// <summary>The CLI's names; the first one names it in messages.</summary>
    public IReadOnlyList<string> Programs { get; }

    /// <summary>npm packages that start it (<c>npx @openai/codex</c>).</summary>
    public IReadOnlyList<string> Packages { get; }

    public IReadOnlyList<string> BypassFlags { get; }

    /// <summary>An option and the value that turns approval off (<c>--permission-mode bypassPermissions</c>).</summary>
    public IReadOnlyList<(string Option, string Value)> BypassOptionValues { get; }

    public IReadOnlyList<string> MustMatch { get; }
    public IReadOnlyList<string> MustNotMatch { get; }
}

/// <summary>rules/catalogs/agents.yaml: coding-agent CLIs, their npm packages and their approval-off flags (data, with self-tests).</summary>
public sealed class AgentCliCatalog
{
    private const string ResourceName = "catalogs/agents.yaml";
    private static readonly Lazy<AgentCliCatalog> s_default = new(() => Parse(EmbeddedCatalog.Text(ResourceName)));

    private readonly Dictionary<string, AgentCli> _byName = new(StringComparer.Ordinal);

    private AgentCliCatalog(IReadOnlyList<AgentCli> agents)
    {
        Agents = agents;
        foreach (var agent in agents)
            foreach (var name in agent.Programs.Concat(agent.Packages))
                if (!_byName.ContainsKey(name)) _byName[name] = agent;
    }

    public static AgentCliCatalog Default => s_default.Value;

    public IReadOnlyList<AgentCli> Agents { get; }

    /// <summary>The agent a program name or an npm package (version removed) starts, or null.</summary>
    public AgentCli? Find(string programOrPackage) => _byName.TryGetValue(programOrPackage, out var agent) ? agent : null;

    public static AgentCliCatalog Parse(string yaml, string sourceName = "agents.yaml") =>
        CatalogYaml.Read(yaml, sourceName, document => Parse(document, sourceName));

    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
    {
        "id", "program", "packages", "bypass_flags", "bypass_option_values", "must_match", "must_not_match",
    };

    private static AgentCliCatalog Parse(YamlNode? document, string sourceName)
    {
        var agents = new List<AgentCli>();
        foreach (var (entry, where, id) in CatalogYaml.Entries(document, "agents", sourceName, KnownKeys))
        {
            var programs = CatalogYaml.Strings(entry, "program");
            if (programs.Count == 0) throw new FormatException($"{where}: 'program' is required");
            var optionValues = new List<(string, string)>();
            foreach (var pair in CatalogYaml.Strings(entry, "bypass_option_values"))
            {
                int eq = pair.IndexOf('=');
                if (eq <= 0 || eq == pair.Length - 1) throw new FormatException($"{where}: a bypass_option_values item is '--option=value'");
                optionValues.Add((pair.Substring(0, eq), pair.Substring(eq + 1)));
            }
            var bypassFlags = CatalogYaml.Strings(entry, "bypass_flags");
            if (bypassFlags.Count == 0 && optionValues.Count == 0) throw new FormatException($"{where}: 'bypass_flags' or 'bypass_option_values' is required");
            agents.Add(new AgentCli(id, programs, CatalogYaml.Strings(entry, "packages"), bypassFlags, optionValues, CatalogYaml.Strings(entry, "must_match"), CatalogYaml.Strings(entry, "must_not_match")));
        }
        return new AgentCliCatalog(agents);
    }
}
