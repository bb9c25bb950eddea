using System.Collections.Generic;
using Firebreak.Core.Analysis;
using Firebreak.Core.Languages;
using Firebreak.Core.Languages.Shell;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Text;

namespace Firebreak.Core.Platforms.GitHubActions;

/// <summary>
/// A step's <c>run:</c> script, parsed as shell, with the map from script offsets back to the workflow file. Built
/// once per document and shared by every rule that looks inside run blocks.
/// </summary>
public sealed class WorkflowRunScript
{
    private WorkflowRunScript(WorkflowJob job, WorkflowStep step, EmbeddedText text, ShellScript script)
    {
        Job = job;
        Step = step;
        Text = text;
        Script = script;
    }

    public WorkflowJob Job { get; }
    public WorkflowStep Step { get; }
    public EmbeddedText Text { get; }
    public ShellScript Script { get; }

    public TextSpan MapToFile(TextSpan scriptSpan) => Text.MapToHost(scriptSpan);

    public static IReadOnlyList<WorkflowRunScript> Of(DocumentContext document, GitHubWorkflow workflow) =>
        document.GetModel("github-run-scripts", doc => Build(doc, workflow));

    private static IReadOnlyList<WorkflowRunScript> Build(DocumentContext document, GitHubWorkflow workflow)
    {
        var scripts = new List<WorkflowRunScript>();
        foreach (var job in workflow.Jobs)
        {
            foreach (var step in job.Steps)
            {
                // PowerShell, Python and cmd steps are not shell; their scripts are left alone.
                if (step.Run is not { } run || !IsPosixShell(step.Shell ?? job.Body.Mapping("defaults")?.Mapping("run")?.ScalarValue("shell"))) continue;
                var text = run.ToEmbeddedText(document.Text.Text);
                var script = ShellParser.Parse(text.Value);
                // Shell comments inside a block scalar are not YAML comments; register them so suppressions there work.
                foreach (var comment in script.Comments)
                    document.RegisterEmbeddedComment(new CommentTrivia(text.MapToHost(comment.Span), comment.Text));
                scripts.Add(new WorkflowRunScript(job, step, text, script));
            }
        }
        return scripts;
    }

    private static bool IsPosixShell(string? shell) =>
        shell is null || shell.StartsWith("bash", System.StringComparison.Ordinal) || shell.StartsWith("sh", System.StringComparison.Ordinal) ||
        shell.StartsWith("zsh", System.StringComparison.Ordinal);
}
