using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Firebreak.Core.Languages;
using Firebreak.Core.Languages.Hcl;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Text;

namespace Firebreak.Core.Analysis;

/// <summary>
/// One file during analysis. Every parse is done once, on first use, and shared by all rules of the file
/// (<see cref="GetModel{T}"/>); parse problems and comments from embedded languages are collected here.
/// </summary>
public sealed class DocumentContext
{
    private readonly ConcurrentDictionary<string, object> _models = new(StringComparer.Ordinal);
    private readonly List<(string Language, SyntaxDiagnostic Diagnostic)> _parseProblems = new();
    private readonly List<CommentTrivia> _embeddedComments = new();
    private readonly object _gate = new();

    /// <param name="options">The scan's options; <see cref="AnalysisOptions.Default"/> when null.</param>
    public DocumentContext(SourceFile file, AnalysisOptions? options = null)
    {
        File = file;
        Text = new SourceText(file.Path, file.Text);
        Options = options ?? AnalysisOptions.Default;
    }

    public SourceFile File { get; }

    /// <summary>The options of the scan this file is part of.</summary>
    public AnalysisOptions Options { get; }

    /// <summary>
    /// The catalogues of this scan (built-in plus the user's). Models that several rules share match against these, so
    /// a user catalog reaches every rule that reads the model.
    /// </summary>
    public CatalogSet Catalogs => Options.Catalogs;
    public SourceText Text { get; }
    public string Path => File.Path;
    public FileKind Kind => File.Kind;

    /// <summary>The file parsed as YAML (any YAML kind), once.</summary>
    public YamlFile Yaml => GetModel("yaml", static doc =>
    {
        var yaml = YamlParser.Parse(doc.Text.Text);
        foreach (var diagnostic in yaml.Diagnostics) doc.ReportParseProblem("YAML", diagnostic);
        return yaml;
    });

    /// <summary>
    /// The file parsed as HCL, once: native syntax for <c>.tf</c>/<c>.tofu</c>/<c>.tfvars</c>, JSON syntax for
    /// <c>.tf.json</c>/<c>.tfvars.json</c>.
    /// </summary>
    public HclFile Hcl => GetModel("hcl", static doc =>
    {
        bool json = doc.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        // A plan's planned values read as resource blocks, so the module rules check what will be applied.
        var hcl = doc.Kind == FileKind.TerraformPlanJson ? HclJsonConverter.ConvertPlannedValues(doc.Text.Text)
            : json ? HclParser.ParseJson(doc.Text.Text) : HclParser.Parse(doc.Text.Text);
        foreach (var diagnostic in hcl.Diagnostics) doc.ReportParseProblem(json ? "Terraform JSON" : "HCL", diagnostic);
        return hcl;
    });

    /// <summary>
    /// The model built by <paramref name="factory"/> under <paramref name="key"/>, built on first use and then shared.
    /// Languages and platforms add their models this way without the context knowing them.
    /// </summary>
    public T GetModel<T>(string key, Func<DocumentContext, T> factory) where T : class
    {
        if (_models.TryGetValue(key, out var existing)) return (T)existing;
        lock (_gate)
        {
            if (_models.TryGetValue(key, out existing)) return (T)existing;
            var model = factory(this);
            _models[key] = model;
            return model;
        }
    }

    /// <summary>A problem a parser recovered from; the engine turns the first of them into an FB0001 note.</summary>
    public void ReportParseProblem(string language, SyntaxDiagnostic diagnostic)
    {
        lock (_gate) _parseProblems.Add((language, diagnostic));
    }

    /// <summary>A comment found inside embedded code (a shell comment in a <c>run:</c> block), span in this file.</summary>
    public void RegisterEmbeddedComment(CommentTrivia comment)
    {
        lock (_gate) _embeddedComments.Add(comment);
    }

    internal IReadOnlyList<(string Language, SyntaxDiagnostic Diagnostic)> ParseProblems
    {
        get { lock (_gate) return _parseProblems.ToArray(); }
    }

    /// <summary>All comments of the file: its own language's, then those registered from embedded code.</summary>
    internal IReadOnlyList<CommentTrivia> Comments()
    {
        var comments = new List<CommentTrivia>(FileComments());
        lock (_gate) comments.AddRange(_embeddedComments);
        return comments;
    }

    private IEnumerable<CommentTrivia> FileComments()
    {
        if (CommentSources.TryGetValue(Kind, out var source)) return source(this);
        return Array.Empty<CommentTrivia>();
    }

    /// <summary>
    /// Where each file kind's comments come from. Parsers that land replace a lexer entry with their own comments.
    /// </summary>
    internal static readonly Dictionary<FileKind, Func<DocumentContext, IEnumerable<CommentTrivia>>> CommentSources = BuildCommentSources();

    private static Dictionary<FileKind, Func<DocumentContext, IEnumerable<CommentTrivia>>> BuildCommentSources()
    {
        var sources = new Dictionary<FileKind, Func<DocumentContext, IEnumerable<CommentTrivia>>>();
        Func<DocumentContext, IEnumerable<CommentTrivia>> yaml = doc => YamlComments(doc);
        foreach (var kind in new[] { FileKind.Yaml, FileKind.GitHubWorkflow, FileKind.GitHubAction, FileKind.GitLabCi, FileKind.Compose, FileKind.Kubernetes, FileKind.Taskfile })
            sources[kind] = yaml;
        Func<DocumentContext, IEnumerable<CommentTrivia>> hash = doc => CommentLexer.Hash.Lex(doc.Text.Text);
        foreach (var kind in new[] { FileKind.Shell, FileKind.Dockerfile, FileKind.Makefile, FileKind.Justfile, FileKind.Toml, FileKind.CodexConfig, FileKind.CodexRules, FileKind.DotEnv, FileKind.PowerShell, FileKind.Text })
            sources[kind] = hash;
        Func<DocumentContext, IEnumerable<CommentTrivia>> hcl = doc => HclComments(doc);
        sources[FileKind.Terraform] = hcl;
        sources[FileKind.TerraformVars] = hcl;
        sources[FileKind.TerraformJson] = hcl;
        sources[FileKind.Sql] = doc => CommentLexer.Sql.Lex(doc.Text.Text);
        sources[FileKind.Markdown] = doc => CommentLexer.Markdown.Lex(doc.Text.Text);
        sources[FileKind.CSharp] = doc => CommentLexer.SlashesOnly.Lex(doc.Text.Text);
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
