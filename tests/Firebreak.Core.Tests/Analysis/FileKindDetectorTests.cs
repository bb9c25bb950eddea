using System;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Analysis;

public sealed class FileKindDetectorTests
{
    [Theory]
    [InlineData(".github/workflows/ci.yml", FileKind.GitHubWorkflow)]
    [InlineData("samples/x/.github/workflows/ci.yaml", FileKind.GitHubWorkflow)]
    [InlineData(".github/actions/setup/action.yml", FileKind.GitHubAction)]
    [InlineData(".gitlab-ci.yml", FileKind.GitLabCi)]
    [InlineData("deploy/docker-compose.prod.yml", FileKind.Compose)]
    [InlineData("compose.yaml", FileKind.Compose)]
    [InlineData("Taskfile.yml", FileKind.Taskfile)]
    [InlineData("infra/main.tf", FileKind.Terraform)]
    [InlineData("infra/prod.tfvars", FileKind.TerraformVars)]
    [InlineData("infra/main.tf.json", FileKind.TerraformJson)]
    [InlineData("scripts/reset.sh", FileKind.Shell)]
    [InlineData("Dockerfile", FileKind.Dockerfile)]
    [InlineData("build/api.Dockerfile", FileKind.Dockerfile)]
    [InlineData("Makefile", FileKind.Makefile)]
    [InlineData("db/migrations/001_init.sql", FileKind.Sql)]
    [InlineData(".claude/settings.local.json", FileKind.ClaudeSettings)]
    [InlineData(".mcp.json", FileKind.McpConfig)]
    [InlineData(".cursor/mcp.json", FileKind.McpConfig)]
    [InlineData(".codex/config.toml", FileKind.CodexConfig)]
    [InlineData(".env.production", FileKind.DotEnv)]
    [InlineData("package.json", FileKind.PackageJson)]
    [InlineData("AGENTS.md", FileKind.Markdown)]
    [InlineData("notes.txt", FileKind.Text)]
    public void Path_decides_the_kind(string path, FileKind expected) => Assert.Equal(expected, FileKindDetector.Detect(path));

    [Fact]
    public void Kubernetes_documents_and_shebang_scripts_are_told_by_content()
    {
        Assert.Equal(FileKind.Kubernetes, FileKindDetector.Detect("k8s/db.yml", "apiVersion: v1\nkind: PersistentVolumeClaim\n"));
        Assert.Equal(FileKind.Yaml, FileKindDetector.Detect("config.yml", "name: x\n"));
        Assert.Equal(FileKind.Shell, FileKindDetector.Detect("bin/reset", "#!/usr/bin/env bash\nrm -rf /data\n"));
        Assert.Equal(FileKind.Text, FileKindDetector.Detect("bin/tool", "#!/usr/bin/env python3\n"));
    }

    [Fact]
    public void A_path_that_needs_no_text_has_the_same_kind_whatever_the_text()
    {
        // The loader keeps such files undecoded and types them by path alone: no text may change their kind.
        string[] texts =
        {
            "", "#!/bin/bash\nrm -rf /\n", "apiVersion: v1\nkind: Pod\n", "{\"resource_changes\": [], \"format_version\": \"1\"}",
            "AWSTemplateFormatVersion: 2010-09-09\nResources:\n  X:\n    Type: AWS::S3::Bucket\n", "name: x\nruntime: yaml\n",
            "- hosts: all\n  tasks: []\n", "{{ .Values.x }}",
        };
        string[] paths =
        {
            "main.tf", "deploy.sh", "Dockerfile", "Makefile", "x.sql", "a.bicep", "README.md", "notes.txt", ".env", "x.ps1",
            "Program.cs", "config.toml", ".codex/config.toml", "fly.toml", "railway.json", "render.yaml", "app.yml", "data.json",
            "deploy", "run", "templates/x.yaml", "Pulumi.yaml", "template.json", "x.tfvars", "x.tf.json",
        };
        foreach (string path in paths)
        {
            if (!FileKindDetector.TryDetectByPath(path, out var byPath))
            {
                Assert.True(path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal)
                    || path.EndsWith(".json", StringComparison.Ordinal) || path.IndexOf('.') < 0, path);
                continue;
            }
            Assert.Equal(FileKindDetector.Detect(path), byPath);
            foreach (string text in texts) Assert.Equal(byPath, FileKindDetector.Detect(path, text));
        }
        Assert.False(FileKindDetector.TryDetectByPath("deploy", out _)); // an extensionless name: its shebang decides
        Assert.True(FileKindDetector.TryDetectByPath("Dockerfile", out var dockerfile));
        Assert.Equal(FileKind.Dockerfile, dockerfile);
    }
}
