using System;
using System.Collections.Generic;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Platforms.GitHubActions;

/// <summary>The typed view of a GitHub Actions workflow: triggers, permissions, jobs. Built once per file.</summary>
public sealed class GitHubWorkflow
{
    private GitHubWorkflow(YamlMapping root, IReadOnlyList<string> triggers, WorkflowPermissions? permissions, IReadOnlyList<WorkflowJob> jobs)
    {
        Root = root;
        Triggers = triggers;
        Permissions = permissions;
        Jobs = jobs;
        Env = WorkflowEnvEntry.From(root, EnvLevel.Workflow);
    }

    public YamlMapping Root { get; }

    /// <summary>Event names under <c>on:</c> (a string, a list, or a mapping's keys).</summary>
    public IReadOnlyList<string> Triggers { get; }
    public WorkflowPermissions? Permissions { get; }
    public IReadOnlyList<WorkflowJob> Jobs { get; }

    /// <summary>Workflow-level <c>env:</c>: every step of every job gets these.</summary>
    public IReadOnlyList<WorkflowEnvEntry> Env { get; }

    /// <summary>Only <c>workflow_call</c>: a reusable workflow whose caller decides permissions and secrets.</summary>
    public bool IsReusableOnly
    {
        get
        {
            if (Triggers.Count == 0) return false;
            foreach (var trigger in Triggers)
                if (!string.Equals(trigger, "workflow_call", StringComparison.Ordinal)) return false;
            return true;
        }
    }

    public bool IsTriggeredBy(string eventName)
    {
        foreach (var trigger in Triggers)
        {
            if (string.Equals(trigger, eventName, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static readonly ModelKey<Holder> WorkflowKey = new("github-workflow", static doc => new Holder(Build(doc.Yaml)));

    /// <summary>The workflow of a document, or null when the file is not one (no <c>jobs:</c> mapping).</summary>
    public static GitHubWorkflow? Of(DocumentContext document) =>
        document.Get(WorkflowKey).Workflow;

    public static GitHubWorkflow? Build(YamlFile yaml)
    {
        if (yaml.RootMapping is not { } root) return null;
        if (root.Mapping("jobs") is not { } jobsMapping) return null;
        var jobs = new List<WorkflowJob>();
        foreach (var pair in jobsMapping.Pairs)
        {
            if (pair.KeyText is { } id && pair.Value.Resolve() is YamlMapping body) jobs.Add(new WorkflowJob(id, pair, body));
        }
        return new GitHubWorkflow(root, ReadTriggers(root), WorkflowPermissions.From(root), jobs);
    }

    private static IReadOnlyList<string> ReadTriggers(YamlMapping root)
    {
        // YAML 1.1 readers turn a bare `on` key into `true`; the parser here keeps keys as text, so "on" is "on".
        var on = root["on"] ?? root["true"];
        var triggers = new List<string>();
        switch (on)
        {
            case YamlScalar scalar:
                triggers.Add(scalar.Value);
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (item.Resolve() is YamlScalar name) triggers.Add(name.Value);
                }
                break;
            case YamlMapping mapping:
                foreach (var pair in mapping.Pairs)
                {
                    if (pair.KeyText is { } name) triggers.Add(name);
                }
                break;
        }
        return triggers;
    }

    private sealed class Holder
    {
        public Holder(GitHubWorkflow? workflow) => Workflow = workflow;
        public GitHubWorkflow? Workflow { get; }
    }
}

/// <summary>One job under <c>jobs:</c>.</summary>
public sealed class WorkflowJob
{
    public WorkflowJob(string id, YamlPair pair, YamlMapping body)
    {
        Id = id;
        Pair = pair;
        Body = body;
        Permissions = WorkflowPermissions.From(body);
        Env = WorkflowEnvEntry.From(body, EnvLevel.Job);
        Steps = WorkflowStep.From(body);
        Environment = WorkflowEnvironment.From(body);
    }

    public string Id { get; }

    /// <summary>The <c>id: {…}</c> pair; <c>Pair.Key</c> is the job key a finding points at.</summary>
    public YamlPair Pair { get; }
    public YamlMapping Body { get; }
    public WorkflowPermissions? Permissions { get; }

    /// <summary>A reusable-workflow call (<c>uses:</c> at job level).</summary>
    public string? Uses => Body.ScalarValue("uses");

    /// <summary>The job's display <c>name:</c>, when it has one.</summary>
    public string? Name => Body.ScalarValue("name");

    public IReadOnlyList<WorkflowEnvEntry> Env { get; }
    public IReadOnlyList<WorkflowStep> Steps { get; }

    /// <summary>The deployment environment; its protection rules and environment secrets apply to this job.</summary>
    public WorkflowEnvironment? Environment { get; }

    /// <summary><c>secrets:</c> of a reusable-workflow call: the scalar <c>inherit</c>, or a mapping of named secrets.</summary>
    public YamlNode? Secrets => Body["secrets"];

    /// <summary>The <c>inherit</c> scalar of <c>secrets: inherit</c>, or null.</summary>
    public YamlScalar? SecretsInherit => Secrets is YamlScalar { Value: "inherit" } inherit ? inherit : null;
}
