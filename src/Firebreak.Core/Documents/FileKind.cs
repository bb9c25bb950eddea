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
    Sql,
    DotEnv,
    Markdown,
    CSharp,
}
