using System;
using System.Collections.Generic;
using Firebreak.Core.Languages;
using Firebreak.Core.Languages.Shell;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Commands;

/// <summary>
/// Every shell script a file holds, found once per file and shared by all rules (FB1001, FB1002, FB1003…). Each host
/// kind has its own part of this class: YAML hosts (workflows, GitLab CI, compose, Kubernetes, Taskfile), package.json,
/// and line-based hosts (Dockerfile, Makefile, justfile).
/// </summary>
public static partial class ShellSources
{
    private static readonly IReadOnlyList<ShellSource> None = Array.Empty<ShellSource>();

    /// <summary>The file kinds that can hold shell; a rule's <c>AppliesTo</c> can use this.</summary>
    public static bool CanHoldShell(FileKind kind) => kind switch
    {
        FileKind.Shell or FileKind.GitHubWorkflow or FileKind.GitHubAction or FileKind.GitLabCi or FileKind.Dockerfile
            or FileKind.Compose or FileKind.Kubernetes or FileKind.HelmTemplate or FileKind.Makefile or FileKind.PackageJson or FileKind.Taskfile
            or FileKind.Justfile or FileKind.PaasConfig or FileKind.Markdown or FileKind.PowerShell
            or FileKind.Ansible => true,
        _ => false,
    };

    // Transient: the scripts' trees and command models are the largest thing a scan builds, and once a file's own rules
    // have run only its facts (destructive operations, credentials, backups) are read across files.
    private static readonly ModelKey<Holder> SourcesKey = new("shell-sources", static doc => new Holder(Find(doc)), transient: true);

    /// <summary>The shell scripts of <paramref name="document"/>, found and parsed once.</summary>
    public static IReadOnlyList<ShellSource> Of(DocumentContext document) =>
        document.Get(SourcesKey).Sources;

    /// <summary>
    /// The job scripts of a YAML file that a <c>.gitlab-ci.yml</c> includes (<c>include: local:</c>): its kind is plain
    /// YAML, so <see cref="Of"/> does not read it as GitLab CI.
    /// </summary>
    public static IReadOnlyList<ShellSource> OfGitLabInclude(DocumentContext document) =>
        document.Kind == FileKind.GitLabCi ? Of(document) : document.Get(GitLabIncludeKey).Sources;

    private static readonly ModelKey<Holder> GitLabIncludeKey = new("gitlab-include-shell-sources", static doc =>
    {
        var collector = new Collector(doc);
        FromGitLabCi(doc, collector);
        return new Holder(collector.Sources);
    }, transient: true);

    private static IReadOnlyList<ShellSource> Find(DocumentContext document)
    {
        if (!CanHoldShell(document.Kind)) return None;
        var collector = new Collector(document);
        switch (document.Kind)
        {
            case FileKind.Shell:
                collector.Add(EmbeddedText.Contiguous(document.Text.Text, 0), "shell script", ShellHostContext.None, registerComments: false);
                break;
            case FileKind.GitHubWorkflow:
                FromWorkflow(document, collector);
                break;
            case FileKind.GitHubAction:
                FromCompositeAction(document, collector);
                break;
            case FileKind.GitLabCi:
                FromGitLabCi(document, collector);
                break;
            case FileKind.Compose:
                FromCompose(document, collector);
                break;
            case FileKind.Kubernetes:
            case FileKind.HelmTemplate:
                FromKubernetes(document, collector);
                break;
            case FileKind.Taskfile:
                FromTaskfile(document, collector);
                break;
            case FileKind.PackageJson:
                FromPackageJson(document, collector);
                break;
            case FileKind.Dockerfile:
                FromDockerfile(document, collector);
                break;
            case FileKind.Makefile:
                FromMakefile(document, collector);
                break;
            case FileKind.Justfile:
                FromJustfile(document, collector);
                break;
            case FileKind.PaasConfig:
                FromPaasConfig(document, collector);
                break;
            case FileKind.PowerShell:
                FromPowerShell(document, collector);
                break;
            case FileKind.Markdown when AgentInstructionFiles.Is(document.Path):
                FromAgentInstructions(document, collector);
                break;
            case FileKind.Ansible:
                FromAnsible(document, collector);
                break;
        }
        return collector.Sources;
    }

    /// <summary>Parses each script, extracts its commands, and reports what the parser met to the document.</summary>
    private sealed class Collector
    {
        private readonly DocumentContext _document;

        public Collector(DocumentContext document) => _document = document;

        public List<ShellSource> Sources { get; } = new();

        public string HostText => _document.Text.Text;

        public DocumentContext Document => _document;

        public void Add(EmbeddedText text, string host, ShellHostContext context, bool registerComments = true, WorkflowStepOrigin? step = null)
        {
            if (string.IsNullOrWhiteSpace(text.Value)) return;
            var script = ShellParser.Parse(text.Value);
            var commands = CommandExtractor.Extract(script, text, _document.Catalogs.Wrappers);
            foreach (var diagnostic in script.Diagnostics)
                _document.ReportParseProblem("shell", new SyntaxDiagnostic(text.MapToHost(diagnostic.Span), $"{host}: {diagnostic.Message}"));
            // Comments inside embedded shell are invisible to the host's own comment lexer (a `#` in a YAML block
            // scalar is text), so `# firebreak:ignore` in a `run:` block is registered here.
            if (registerComments)
                foreach (var comment in script.Comments)
                    _document.RegisterEmbeddedComment(new CommentTrivia(text.MapToHost(comment.Span), comment.Text));
            Sources.Add(new ShellSource(text, host, script, commands, context, step));
        }

        public void AddScalar(YamlNode? node, string host, ShellHostContext context, Func<EmbeddedText, EmbeddedText>? transform = null, WorkflowStepOrigin? step = null)
        {
            if (node?.Resolve() is not YamlScalar scalar || scalar.IsNull) return;
            var text = scalar.ToEmbeddedText(HostText);
            Add(transform == null ? text : transform(text), host, context, step: step);
        }

        /// <summary>A command given as a list (exec form): each item becomes one quoted shell word.</summary>
        public void AddArgv(IReadOnlyList<YamlScalar> items, string host, ShellHostContext context)
        {
            if (items.Count == 0) return;
            var argv = new ArgvBuilder();
            foreach (var item in items) argv.Add(item.ToEmbeddedText(HostText), item.Span);
            Add(argv.Build(), host, context);
        }
    }

    /// <summary>
    /// Joins exec-form arguments into one shell line, each single-quoted so that the shell model reads them back as the
    /// same argv; quotes map to the item's own delimiters, characters to where they stand in the file.
    /// </summary>
    internal sealed class ArgvBuilder
    {
        private readonly EmbeddedText.Builder _builder = new();
        private int _end;

        public void Add(EmbeddedText value, TextSpan itemSpan)
        {
            if (_builder.Length > 0) _builder.Append(' ', _end);
            // The quotes we add map onto the value's first and last characters, so a word's span is the value itself.
            bool empty = value.Value.Length == 0;
            _builder.Append('\'', empty ? itemSpan.Start : value.MapToHost(0));
            for (int i = 0; i < value.Value.Length; i++)
            {
                char c = value.Value[i];
                int at = value.MapToHost(i);
                if (c == '\'')
                {
                    foreach (char q in "'\\''") _builder.Append(q, at);
                }
                else
                {
                    _builder.Append(c, at);
                }
            }
            _end = Math.Max(itemSpan.Start, itemSpan.End - 1);
            _builder.Append('\'', empty ? _end : value.MapToHost(value.Value.Length - 1));
        }

        public EmbeddedText Build() => _builder.Build(_end + 1);
    }

    private sealed class Holder
    {
        public Holder(IReadOnlyList<ShellSource> sources)
        {
            Sources = sources;
            for (int i = 0; i < sources.Count; i++) sources[i].Ordinal = i;
        }

        public IReadOnlyList<ShellSource> Sources { get; }
    }
}
