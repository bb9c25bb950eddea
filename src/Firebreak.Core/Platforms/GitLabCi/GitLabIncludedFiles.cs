using System.Collections.Generic;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Platforms.GitLabCi;

/// <summary>
/// A YAML file that a <c>.gitlab-ci.yml</c> of the scan includes (<c>include: local:</c>, transitively) is pipeline
/// configuration wherever it lives (<c>ci/cleanup.yml</c>), though its name alone says plain YAML. The engine re-kinds
/// such files before any rule runs, so every per-file rule (FB1001, FB2003…) reads their jobs as the project rules do.
/// </summary>
public static class GitLabIncludedFiles
{
    /// <summary>The engine's phase: every file a .gitlab-ci.yml includes locally is read as GitLab CI.</summary>
    public sealed class Phase : DocumentPhase
    {
        public override IReadOnlyList<DocumentContext> Apply(IReadOnlyList<DocumentContext> documents, AnalysisOptions options) =>
            AsPipelineFiles(documents, options);
    }

    public static IReadOnlyList<DocumentContext> AsPipelineFiles(IReadOnlyList<DocumentContext> documents, AnalysisOptions options)
    {
        bool any = false;
        foreach (var document in documents) any |= document.Kind == FileKind.GitLabCi;
        if (!any) return documents;

        var project = new ProjectContext(documents, options);
        var included = new HashSet<string>(System.StringComparer.Ordinal);
        var pending = new Queue<DocumentContext>(project.OfKind(FileKind.GitLabCi));
        while (pending.Count > 0)
        {
            var document = pending.Dequeue();
            GitLabPipeline? pipeline;
            try
            {
                pipeline = GitLabPipeline.Of(document);
            }
            catch (BudgetExceededException)
            {
                continue; // that file's analysis has stopped (noted); its includes are not followed
            }
            if (pipeline is null) continue;
            foreach (var path in pipeline.LocalIncludes)
                if (project.Find(path) is { Kind: FileKind.Yaml } target && included.Add(target.Path)) pending.Enqueue(target);
        }
        if (included.Count == 0) return documents;

        var result = new DocumentContext[documents.Count];
        for (int i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            result[i] = included.Contains(document.Path)
                ? new DocumentContext(new SourceFile(document.Path, document.File.Text, FileKind.GitLabCi), options)
                : document;
        }
        return result;
    }
}
