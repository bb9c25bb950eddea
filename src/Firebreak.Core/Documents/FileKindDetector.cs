using System;

namespace Firebreak.Core.Documents;

/// <summary>
/// Decides a file's kind from its repository-relative path and, for extensionless scripts, its shebang. Path rules
/// come first because they are free; content is looked at only for YAML (Kubernetes documents) and JSON (plans).
/// </summary>
public static class FileKindDetector
{
    /// <summary>
    /// The kind of a file at this path when the path alone decides it, whatever the text; false when <see cref="Detect"/>
    /// reads the text (YAML and JSON files, and names without an extension that no path rule knows, for a shebang).
    /// </summary>
    public static bool TryDetectByPath(string path, out FileKind kind)
    {
        kind = Detect(path, null, out bool readsText);
        return !readsText;
    }

    public static FileKind Detect(string path, string? text = null) => Detect(path, text, out _);

    /// <param name="readsText">Whether the answer depends on <paramref name="text"/> (it may, even when it did not here).</param>
    private static FileKind Detect(string path, string? text, out bool readsText)
    {
        readsText = false;
        string normalized = path.Replace('\\', '/');
        string name = FileName(normalized);
        string lower = name.ToLowerInvariant();
        string lowerPath = normalized.ToLowerInvariant();

        if (PaasConfigs.NameOf(normalized) is not null) return FileKind.PaasConfig;

        if (lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".yaml", StringComparison.Ordinal))
        {
            readsText = true;
            return DetectYaml(lowerPath, lower, text);
        }

        if (lower.EndsWith(".tf", StringComparison.Ordinal) || lower.EndsWith(".tofu", StringComparison.Ordinal) || lower.EndsWith(".tftest.hcl", StringComparison.Ordinal))
            return FileKind.Terraform;
        if (lower.EndsWith(".tfvars", StringComparison.Ordinal)) return FileKind.TerraformVars;
        if (lower.EndsWith(".tf.json", StringComparison.Ordinal) || lower.EndsWith(".tofu.json", StringComparison.Ordinal)) return FileKind.TerraformJson;
        if (lower.EndsWith(".tfvars.json", StringComparison.Ordinal)) return FileKind.TerraformVars;

        if (lower == "dockerfile" || lower.StartsWith("dockerfile.", StringComparison.Ordinal) || lower.StartsWith("dockerfile-", StringComparison.Ordinal) ||
            lower.StartsWith("dockerfile_", StringComparison.Ordinal) || lower.EndsWith(".dockerfile", StringComparison.Ordinal) || lower == "containerfile")
            return FileKind.Dockerfile;

        if (lower is "makefile" or "gnumakefile" || lower.EndsWith(".mk", StringComparison.Ordinal)) return FileKind.Makefile;
        if (lower is "justfile" or ".justfile" || lower.EndsWith(".just", StringComparison.Ordinal)) return FileKind.Justfile;

        if (lower.EndsWith(".sh", StringComparison.Ordinal) || lower.EndsWith(".bash", StringComparison.Ordinal) ||
            lower.EndsWith(".zsh", StringComparison.Ordinal) || lower.EndsWith(".ksh", StringComparison.Ordinal) ||
            lower is ".bashrc" or ".bash_profile" or ".profile" or ".zshrc" or ".envrc")
            return FileKind.Shell;
        if (lower.EndsWith(".ps1", StringComparison.Ordinal) || lower.EndsWith(".psm1", StringComparison.Ordinal)) return FileKind.PowerShell;
        if (lower.EndsWith(".sql", StringComparison.Ordinal)) return FileKind.Sql;
        if (lower.EndsWith(".bicep", StringComparison.Ordinal)) return FileKind.Bicep;
        if (lower.EndsWith(".cs", StringComparison.Ordinal)) return FileKind.CSharp;
        if (lower.EndsWith(".md", StringComparison.Ordinal) || lower.EndsWith(".mdc", StringComparison.Ordinal) || lower.EndsWith(".markdown", StringComparison.Ordinal))
            return FileKind.Markdown;

        if (lower.EndsWith(".mcp-call.json", StringComparison.Ordinal)) return FileKind.McpToolCall;
        if (lower.EndsWith(".json", StringComparison.Ordinal) || lower.EndsWith(".jsonc", StringComparison.Ordinal))
        {
            readsText = true;
            return DetectJson(lowerPath, lower, text);
        }

        if (lower.EndsWith(".toml", StringComparison.Ordinal))
            return lowerPath.EndsWith(".codex/config.toml", StringComparison.Ordinal) ? FileKind.CodexConfig : FileKind.Toml;
        if (lower.EndsWith(".rules", StringComparison.Ordinal) && (lowerPath.Contains(".codex/") || lowerPath.StartsWith("codex/", StringComparison.Ordinal)))
            return FileKind.CodexRules;

        if (lower == ".env" || lower.StartsWith(".env.", StringComparison.Ordinal) || lower.EndsWith(".env", StringComparison.Ordinal))
            return FileKind.DotEnv;

        readsText = lower.IndexOf('.') < 0;
        if (text is not null && readsText && HasShellShebang(text)) return FileKind.Shell;
        return FileKind.Text;
    }

    private static FileKind DetectYaml(string lowerPath, string lowerName, string? text)
    {
        if (IsUnder(lowerPath, ".github/workflows/")) return FileKind.GitHubWorkflow;
        if (lowerName is "action.yml" or "action.yaml") return FileKind.GitHubAction;
        if (lowerName is ".gitlab-ci.yml" or ".gitlab-ci.yaml" || IsUnder(lowerPath, ".gitlab/ci/")) return FileKind.GitLabCi;
        if (lowerName.StartsWith("docker-compose", StringComparison.Ordinal) || lowerName.StartsWith("compose.", StringComparison.Ordinal) ||
            lowerName.StartsWith("compose-", StringComparison.Ordinal))
            return FileKind.Compose;
        if (lowerName is "taskfile.yml" or "taskfile.yaml" or "taskfile.dist.yml" or "taskfile.dist.yaml") return FileKind.Taskfile;
        if (text is not null && PulumiYamlFiles.LooksLikePulumiYaml(lowerName, text)) return FileKind.PulumiYaml;
        if (text is not null && IsHelmTemplate(lowerPath, text)) return FileKind.HelmTemplate;
        if (text is not null && LooksLikeCloudFormation(text, json: false)) return FileKind.CloudFormation;
        if (text is not null && LooksLikeKubernetes(text)) return FileKind.Kubernetes;
        if (text is not null && AnsibleFiles.LooksLikeAnsible(lowerPath, text)) return FileKind.Ansible;
        return FileKind.Yaml;
    }

    private static FileKind DetectJson(string lowerPath, string lowerName, string? text)
    {
        if (lowerName == "package.json") return FileKind.PackageJson;
        if (IsUnder(lowerPath, ".claude/") && lowerName.StartsWith("settings", StringComparison.Ordinal)) return FileKind.ClaudeSettings;
        if (lowerName == ".mcp.json" || lowerPath.EndsWith(".cursor/mcp.json", StringComparison.Ordinal) ||
            lowerPath.EndsWith(".vscode/mcp.json", StringComparison.Ordinal) || lowerName == "mcp.json")
            return FileKind.McpConfig;
        if (lowerPath.EndsWith(".cursor/cli.json", StringComparison.Ordinal) || lowerPath.EndsWith(".cursor/cli-config.json", StringComparison.Ordinal))
            return FileKind.CursorCli;
        if (text is not null && text.IndexOf("\"resource_changes\"", StringComparison.Ordinal) >= 0 &&
            text.IndexOf("\"format_version\"", StringComparison.Ordinal) >= 0)
            return FileKind.TerraformPlanJson;
        if (text is not null && LooksLikeCloudFormation(text, json: true)) return FileKind.CloudFormation;
        if (text is not null && LooksLikeArmTemplate(text)) return FileKind.ArmTemplate;
        return FileKind.Json;
    }

    /// <summary>
    /// A Helm chart's template: YAML under a chart's <c>templates/</c> folder that holds Go template actions. The chart's
    /// <c>Chart.yaml</c> is not required (a scan may be handed the templates alone); a YAML file without actions there is
    /// plain YAML and is read as such.
    /// </summary>
    private static bool IsHelmTemplate(string lowerPath, string text) =>
        IsUnder(lowerPath, "templates/") && text.IndexOf("{{", StringComparison.Ordinal) >= 0;

    /// <summary>
    /// A CloudFormation or SAM template, whatever its name (<c>template.yaml</c>, <c>cdk.out/*.template.json</c>,
    /// <c>stack.yml</c>): a top-level <c>AWSTemplateFormatVersion</c> or <c>Transform: AWS::Serverless…</c>, or a top-level
    /// <c>Resources</c> whose entries have <c>AWS::</c> types.
    /// </summary>
    private static bool LooksLikeCloudFormation(string text, bool json)
    {
        if (json)
        {
            if (text.IndexOf("\"AWSTemplateFormatVersion\"", StringComparison.Ordinal) >= 0) return true;
            return text.IndexOf("\"Resources\"", StringComparison.Ordinal) >= 0 && text.IndexOf("\"AWS::", StringComparison.Ordinal) >= 0 &&
                   text.IndexOf("\"Type\"", StringComparison.Ordinal) >= 0;
        }
        if (HasTopLevelKey(text, "AWSTemplateFormatVersion:") || HasTopLevelKey(text, "Transform: AWS::Serverless")) return true;
        return HasTopLevelKey(text, "Resources:") && (text.IndexOf("Type: AWS::", StringComparison.Ordinal) >= 0 || text.IndexOf("Type: \"AWS::", StringComparison.Ordinal) >= 0 ||
                                                       text.IndexOf("Type: 'AWS::", StringComparison.Ordinal) >= 0);
    }

    /// <summary>
    /// An ARM template, whatever its name (<c>azuredeploy.json</c>, <c>main.json</c> built from Bicep): a <c>$schema</c> whose
    /// URL names a deployment template (resource group, subscription, management group or tenant), not a parameters file.
    /// </summary>
    private static bool LooksLikeArmTemplate(string text)
    {
        int schema = text.IndexOf("\"$schema\"", StringComparison.Ordinal);
        if (schema < 0) return false;
        int line = text.IndexOf('\n', schema);
        string value = line < 0 ? text.Substring(schema) : text.Substring(schema, line - schema);
        return value.IndexOf("eploymentTemplate.json", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>Kubernetes-style documents: a top-level <c>apiVersion:</c> and <c>kind:</c> line.</summary>
    private static bool LooksLikeKubernetes(string text) =>
        HasTopLevelKey(text, "apiVersion:") && HasTopLevelKey(text, "kind:");

    private static bool HasTopLevelKey(string text, string key)
    {
        int index = 0;
        while ((index = text.IndexOf(key, index, StringComparison.Ordinal)) >= 0)
        {
            if (index == 0 || text[index - 1] == '\n') return true;
            index += key.Length;
        }
        return false;
    }

    public static bool HasShellShebang(string text)
    {
        if (!text.StartsWith("#!", StringComparison.Ordinal)) return false;
        int end = text.IndexOf('\n');
        string line = end < 0 ? text : text.Substring(0, end);
        line = line.TrimEnd('\r');
        foreach (var shell in new[] { "/sh", "/bash", "/zsh", "/ksh", "/dash", "env sh", "env bash", "env zsh", "env -S bash" })
        {
            if (line.EndsWith(shell, StringComparison.Ordinal) || line.Contains(shell + " ")) return true;
        }
        return false;
    }

    private static bool IsUnder(string lowerPath, string folder) =>
        lowerPath.StartsWith(folder, StringComparison.Ordinal) || lowerPath.Contains("/" + folder);

    private static string FileName(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? path : path.Substring(slash + 1);
    }
}
