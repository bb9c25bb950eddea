using System;
using System.Collections.Generic;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Platforms.GitLabCi;

/// <summary>
/// The typed view of a <c>.gitlab-ci.yml</c>: top-level variables and the jobs with their environment and whether a
/// person has to start them. Built once per file. Hidden jobs (<c>.template</c>) are templates, not jobs.
/// </summary>
public sealed class GitLabPipeline
{
    /// <summary>Top-level keys that are not jobs.</summary>
    internal static readonly HashSet<string> ReservedKeys = new(StringComparer.Ordinal)
    {
        "stages", "variables", "include", "workflow", "image", "services", "cache", "before_script", "after_script", "spec", "default",
    };

    private GitLabPipeline(YamlMapping root, IReadOnlyList<GitLabVariable> variables, IReadOnlyList<GitLabJob> jobs, IReadOnlyList<string> includes)
    {
        Root = root;
        Variables = variables;
        Jobs = jobs;
        LocalIncludes = includes;
    }

    public YamlMapping Root { get; }

    /// <summary>Top-level <c>variables:</c>: every job of the pipeline gets these.</summary>
    public IReadOnlyList<GitLabVariable> Variables { get; }

    public IReadOnlyList<GitLabJob> Jobs { get; }

    /// <summary>Repository paths of <c>include: local:</c> entries (and bare string includes that are paths).</summary>
    public IReadOnlyList<string> LocalIncludes { get; }

    public GitLabJob? Job(string name)
    {
        foreach (var job in Jobs)
            if (string.Equals(job.Name, name, StringComparison.Ordinal)) return job;
        return null;
    }

    private static readonly ModelKey<Holder> PipelineKey = new("gitlab-pipeline", static doc => new Holder(Build(doc.Yaml)));

    public static GitLabPipeline? Of(DocumentContext document) =>
        document.Get(PipelineKey).Pipeline;

    public static GitLabPipeline? Build(YamlFile yaml)
    {
        if (yaml.RootMapping is not { } root) return null;
        var jobs = new List<GitLabJob>();
        foreach (var pair in root.Pairs)
        {
            if (pair.KeyText is not { } name || name.StartsWith(".", StringComparison.Ordinal) || ReservedKeys.Contains(name)) continue;
            if (pair.Value.Resolve() is YamlMapping body) jobs.Add(new GitLabJob(name, pair, body));
        }
        return new GitLabPipeline(root, GitLabVariable.From(root), jobs, ReadIncludes(root["include"]));
    }

    private static IReadOnlyList<string> ReadIncludes(YamlNode? include)
    {
        var paths = new List<string>();
        void Add(YamlNode? node)
        {
            switch (node?.Resolve())
            {
                case YamlScalar scalar when scalar.Value.IndexOf("://", StringComparison.Ordinal) < 0:
                    paths.Add(scalar.Value.TrimStart('/'));
                    break;
                case YamlMapping mapping when mapping.ScalarValue("local") is { } local:
                    paths.Add(local.TrimStart('/'));
                    break;
            }
        }
        if (include is YamlSequence sequence)
            foreach (var item in sequence.Items) Add(item);
        else
            Add(include);
        return paths;
    }

    private sealed class Holder
    {
        public Holder(GitLabPipeline? pipeline) => Pipeline = pipeline;
        public GitLabPipeline? Pipeline { get; }
    }
}

/// <summary>One job of a GitLab pipeline.</summary>
public sealed class GitLabJob
{
    internal GitLabJob(string name, YamlPair pair, YamlMapping body)
    {
        Name = name;
        Pair = pair;
        Body = body;
        Variables = GitLabVariable.From(body);
        switch (body["environment"])
        {
            case YamlScalar { IsNull: false } scalar:
                Environment = scalar;
                break;
            case YamlMapping mapping when mapping.Scalar("name") is { IsNull: false } environmentName:
                Environment = environmentName;
                EnvironmentAction = mapping.ScalarValue("action");
                break;
        }
        IsManual = ReadManual(body);
        RunsOnMergeRequests = Mentions(body, "merge_request_event") || Mentions(body, "merge_requests");
        RunsOnSchedule = Mentions(body, "\"schedule\"") || Mentions(body, "schedules");
    }

    public string Name { get; }

    /// <summary>The <c>name: {…}</c> pair; <c>Pair.Key</c> is where job-level findings point.</summary>
    public YamlPair Pair { get; }
    public YamlMapping Body { get; }
    public IReadOnlyList<GitLabVariable> Variables { get; }

    /// <summary>The environment name node (<c>environment: production</c> or <c>environment: { name: … }</c>).</summary>
    public YamlScalar? Environment { get; }

    /// <summary><c>environment: { action: stop }</c> and the like.</summary>
    public string? EnvironmentAction { get; }

    /// <summary>
    /// A person has to start it: <c>when: manual</c> on the job, or every <c>rules:</c> entry that runs the job is manual.
    /// </summary>
    public bool IsManual { get; }

    /// <summary>Its <c>rules:</c>/<c>only:</c> name merge request pipelines (code from a merge request runs it).</summary>
    public bool RunsOnMergeRequests { get; }

    public bool RunsOnSchedule { get; }

    private static bool ReadManual(YamlMapping body)
    {
        if (string.Equals(body.ScalarValue("when"), "manual", StringComparison.Ordinal)) return true;
        if (body.Sequence("rules") is not { } rules || rules.Items.Count == 0) return false;
        bool anyRuns = false;
        foreach (var item in rules.Items)
        {
            if (item.Resolve() is not YamlMapping rule) continue;
            string when = rule.ScalarValue("when") ?? "on_success";
            if (when == "never") continue;
            anyRuns = true;
            if (when != "manual") return false;
        }
        return anyRuns;
    }

    /// <summary>Whether a <c>rules: if:</c> expression or an <c>only:</c> entry names <paramref name="source"/>.</summary>
    private static bool Mentions(YamlMapping body, string source)
    {
        if (body.Sequence("rules") is { } rules)
        {
            foreach (var item in rules.Items)
            {
                if (item.Resolve() is YamlMapping rule && rule.ScalarValue("when") != "never" &&
                    rule.ScalarValue("if") is { } condition && condition.IndexOf(source.Trim('"'), StringComparison.Ordinal) >= 0 &&
                    condition.IndexOf("CI_PIPELINE_SOURCE", StringComparison.Ordinal) >= 0 &&
                    condition.IndexOf("!=", StringComparison.Ordinal) < 0)
                    return true;
            }
        }
        if (body["only"] is YamlSequence only)
            foreach (var item in only.Items)
                if (item.Resolve() is YamlScalar scalar && scalar.Value == source) return true;
        return false;
    }
}

/// <summary>One entry of <c>variables:</c> (a scalar value, or a mapping with <c>value:</c>).</summary>
public sealed class GitLabVariable
{
    private GitLabVariable(string name, YamlPair pair, YamlScalar? value)
    {
        Name = name;
        Pair = pair;
        Value = value;
    }

    public string Name { get; }
    public YamlPair Pair { get; }
    public YamlScalar? Value { get; }

    internal static IReadOnlyList<GitLabVariable> From(YamlMapping owner)
    {
        if (owner.Mapping("variables") is not { } variables) return Array.Empty<GitLabVariable>();
        var list = new List<GitLabVariable>();
        foreach (var pair in variables.Pairs)
        {
            if (pair.KeyText is not { } name) continue;
            var value = pair.Value.Resolve() switch
            {
                YamlScalar scalar => scalar,
                YamlMapping mapping => mapping.Scalar("value"),
                _ => null,
            };
            list.Add(new GitLabVariable(name, pair, value));
        }
        return list;
    }
}
