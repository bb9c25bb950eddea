namespace Firebreak.Core.Documents;

/// <summary>What a file is, decided by <see cref="FileKindDetector"/> from its path, name and first line.</summary>
public enum FileKind
{
    Unknown = 0,
    /// <summary>Any text file not of a kind below: still scanned for committed credentials.</summary>
    Text,
    Yaml,
    GitHubWorkflow,
    GitHubAction,
    GitLabCi,
    Compose,
    Kubernetes,
    /// <summary>A Helm chart's template (<c>templates/*.yaml</c> holding Go template actions): Kubernetes manifests read as written.</summary>
    HelmTemplate,
    /// <summary>A CloudFormation or SAM template (YAML or JSON), told by content: <c>AWSTemplateFormatVersion</c>, or resources of <c>AWS::</c> types.</summary>
    CloudFormation,
    /// <summary>A PaaS configuration that names commands the platform runs on deploy (Procfile, fly.toml, railway.toml/json, render.yaml…).</summary>
    PaasConfig,
    /// <summary>An Ansible playbook or a role's task/handler file, told by content (plays with <c>hosts:</c>, or tasks under <c>roles/*/tasks/</c>).</summary>
    Ansible,
    /// <summary>A Pulumi YAML program (<c>Pulumi.yaml</c> with <c>runtime: yaml</c> and <c>resources:</c>, or <c>Main.yaml</c>).</summary>
    PulumiYaml,
    Taskfile,
    Json,
    PackageJson,
    ClaudeSettings,
    McpConfig,
    CursorCli,
    Toml,
    CodexConfig,
    CodexRules,
    Shell,
    PowerShell,
    Dockerfile,
    Makefile,
    Justfile,
    Terraform,
    TerraformVars,
    TerraformJson,
    TerraformPlanJson,
    /// <summary>A Bicep file (<c>*.bicep</c>): Azure resources declared in Bicep.</summary>
    Bicep,
    /// <summary>An Azure Resource Manager template (JSON), told by its <c>$schema</c> (<c>…deploymentTemplate.json#</c>), whatever its name.</summary>
    ArmTemplate,
    Sql,
    DotEnv,
    Markdown,
    CSharp,
    /// <summary>An MCP tool call as `firebreak guard` records it (<c>*.mcp-call.json</c>: server, command, url, tool, arguments).</summary>
    McpToolCall,
}

public static class FileKinds
{
    /// <summary>Kubernetes manifests: plain, or a Helm chart's templates (read with their actions masked).</summary>
    public static bool IsKubernetesManifest(this FileKind kind) => kind is FileKind.Kubernetes or FileKind.HelmTemplate;
}
