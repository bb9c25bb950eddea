using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Hcl;
using Firebreak.Core.Languages.Json;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages;

/// <summary>
/// All comments of a document, where suppressions are read from: its own language's (from its parse where there is
/// one, else a comment lexer), then those embedded code registered (a shell comment in a <c>run:</c> block).
/// </summary>
public static class DocumentComments
{
    public static IReadOnlyList<CommentTrivia> Of(DocumentContext document)
    {
        var comments = new List<CommentTrivia>();
        if (Sources.TryGetValue(document.Kind, out var source)) comments.AddRange(source(document));
        comments.AddRange(document.EmbeddedComments);
        return comments;
    }

    /// <summary>Where each file kind's comments come from. Parsers that land replace a lexer entry with their own comments.</summary>
    internal static readonly Dictionary<FileKind, Func<DocumentContext, IEnumerable<CommentTrivia>>> Sources = Build();

    private static Dictionary<FileKind, Func<DocumentContext, IEnumerable<CommentTrivia>>> Build()
    {
        var sources = new Dictionary<FileKind, Func<DocumentContext, IEnumerable<CommentTrivia>>>();
        Func<DocumentContext, IEnumerable<CommentTrivia>> yaml = YamlComments;
        foreach (var kind in new[] { FileKind.Yaml, FileKind.GitHubWorkflow, FileKind.GitHubAction, FileKind.GitLabCi, FileKind.Compose, FileKind.Kubernetes, FileKind.HelmTemplate, FileKind.Taskfile })
            sources[kind] = yaml;
        // PaaS configurations: TOML, YAML and Procfiles have `#` comments; JSON has none.
        sources[FileKind.PaasConfig] = doc => doc.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Array.Empty<CommentTrivia>()
            : doc.Path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || doc.Path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? YamlComments(doc)
            : CommentLexer.Hash.Lex(doc.Text.Text);
        sources[FileKind.Ansible] = yaml;
        sources[FileKind.PulumiYaml] = yaml;
        // A CloudFormation template in YAML has YAML comments; in JSON, none.
        sources[FileKind.CloudFormation] = doc => doc.Text.Text.TrimStart().StartsWith("{", StringComparison.Ordinal) ? Array.Empty<CommentTrivia>() : YamlComments(doc);
        // Bicep: `//` and `/* */`, from its parse; ARM templates are read as JSON with comments, as Azure reads them.
        sources[FileKind.Bicep] = doc => doc.Get(Bicep.BicepModels.Key).Comments;
        sources[FileKind.ArmTemplate] = doc => doc.Json.Comments;
        Func<DocumentContext, IEnumerable<CommentTrivia>> hash = doc => CommentLexer.Hash.Lex(doc.Text.Text);
        foreach (var kind in new[] { FileKind.Shell, FileKind.Dockerfile, FileKind.Makefile, FileKind.Justfile, FileKind.Toml, FileKind.CodexConfig, FileKind.CodexRules, FileKind.DotEnv, FileKind.PowerShell, FileKind.Text })
            sources[kind] = hash;
        Func<DocumentContext, IEnumerable<CommentTrivia>> hcl = HclComments;
        sources[FileKind.Terraform] = hcl;
        sources[FileKind.TerraformVars] = hcl;
        sources[FileKind.TerraformJson] = hcl;
        sources[FileKind.Sql] = doc => CommentLexer.Sql.Lex(doc.Text.Text);
        sources[FileKind.Markdown] = doc => CommentLexer.Markdown.Lex(doc.Text.Text);
        sources[FileKind.CSharp] = doc => CommentLexer.SlashesOnly.Lex(doc.Text.Text);
        // JSON with comments: the reader keeps them (strict JSON has none, so its list is empty).
        foreach (var kind in new[] { FileKind.Json, FileKind.ClaudeSettings, FileKind.McpConfig, FileKind.CursorCli })
            sources[kind] = doc => Json.JsonModels.AllowsComments(doc.Kind, doc.Path) ? doc.Json.Comments : Array.Empty<CommentTrivia>();
        return sources;
    }

    private static IEnumerable<CommentTrivia> HclComments(DocumentContext doc)
    {
        var hcl = doc.Hcl;
        foreach (var comment in hcl.Comments) yield return new CommentTrivia(comment.Span, comment.GetContent(hcl.Text));
    }

    private static IEnumerable<CommentTrivia> YamlComments(DocumentContext doc)
    {
        foreach (var comment in doc.Yaml.Comments) yield return new CommentTrivia(comment.Span, comment.Text);
    }
}
