using System;
using System.Collections.Generic;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;
using Firebreak.Core.Platforms.Ansible;
using Firebreak.Core.Text;

namespace Firebreak.Core.Rules.Ansible;

/// <summary>
/// FB1010 on Ansible: a play whose <c>hosts:</c> names production runs a task that destroys data — a cloud or database
/// module with <c>state: absent</c>, or a <c>shell</c>/<c>command</c> task running what FB1001/FB1002 find — and
/// nothing makes a person decide first: no <c>pause</c> prompt before it, no <c>vars_prompt</c>, no <c>tags: never</c>,
/// no <c>check_mode</c>, no <c>when:</c> on a confirmation variable (on the task or a block around it). One
/// <c>ansible-playbook site.yml</c> then deletes production, as an ungated pipeline step would.
/// </summary>
public sealed class AnsibleUngatedProductionRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.DestructiveStepWithoutGate;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) => kind == FileKind.Ansible;

    public override bool MightMatch(string text) => text.IndexOf("hosts", StringComparison.Ordinal) >= 0;

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        var tasks = AnsiblePlaybook.Of(document).Tasks;
        List<DestructiveOperation>? operations = null;
        foreach (var task in tasks)
        {
            if (task.Gate is not null || task.Hosts is not { } hosts || !EnvironmentClassifier.IsProduction(hosts.Value)) continue;
            if (AnsibleDestroysDataRule.Destroys(task) is { } deletion)
            {
                Report(document, sink, task, hosts.Value, deletion.Span, $"`{task.Module}` with `state: absent` (it deletes {deletion.What})");
                continue;
            }
            if (task.ShortName is not ("shell" or "command" or "raw" or "script")) continue;
            operations ??= new List<DestructiveOperation>(DestructiveOperations.Of(document));
            foreach (var operation in operations)
                if (task.Body.Span.Contains(operation.Span))
                    Report(document, sink, task, hosts.Value, operation.CommandSpan, $"`{operation.Display}`");
        }
    }

    private static void Report(DocumentContext document, FindingSink sink, AnsibleTask task, string hosts, TextSpan span, string what)
    {
        string name = task.Body.ScalarValue("name") is { } n ? $" `{n}`" : "";
        sink.Report(Descriptor, document, span,
            $"Ansible task{name} runs {what} in a play on production hosts `{hosts}`, and nothing makes a person decide first: one `ansible-playbook` run destroys the data. Put a `pause` with a `prompt` before it, or `when: confirm_delete | bool` with the variable given by hand (`-e`), or `tags: [never, teardown]` so it runs only when asked for.",
            fingerprintText: $"ansible-ungated:{hosts}:{task.Module}:{task.Body.ScalarValue("name")}");
    }
}
