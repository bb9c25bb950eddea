using System.Collections.Generic;
using Firebreak.Core.Agents;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Agents;

/// <summary>
/// FB2005: a coding agent configured to run any command without asking. Claude Code settings, Cursor CLI permissions,
/// Codex config and <c>.rules</c>, and scripts or workflow steps that start an agent with its permission checks off
/// (found by <see cref="UnboundedAgentPermissions"/>).
/// </summary>
public sealed class AgentPermissionsUnboundedRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.AgentPermissionsUnbounded;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) => UnboundedAgentPermissions.AppliesTo(kind);

    public override bool MightMatch(string text) => UnboundedAgentPermissions.MightMatch(text);

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        foreach (var permission in UnboundedAgentPermissions.Of(document))
            sink.Report(Descriptor, document, permission.Span, permission.Message, permission.Level, permission.Fingerprint);
    }
}
