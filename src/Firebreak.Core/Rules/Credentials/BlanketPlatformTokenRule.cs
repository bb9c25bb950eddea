using System;
using System.Collections.Generic;
using Firebreak.Core.Credentials;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Rules.Credentials;

/// <summary>
/// FB2003: an account- or workspace-wide platform token reaches a workflow job, a script, an MCP server or an agent's
/// environment. What counts as one is decided by <see cref="BlanketCredentials"/>, which the compound rule reads too.
/// </summary>
public sealed class BlanketPlatformTokenRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.BlanketPlatformToken;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) =>
        kind is FileKind.McpConfig or FileKind.ClaudeSettings or FileKind.CodexConfig || ShellSources.CanHoldShell(kind);

    private static readonly KeywordPrefilter AnyCase = new(new[] { "TOKEN", "KEY", "Authorization" });

    public override bool MightMatch(string text) =>
        AnyCase.ContainsAny(text) || text.IndexOf("PAT", StringComparison.Ordinal) >= 0;

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        foreach (var credential in BlanketCredentials.Of(document))
            if (!credential.IsCommitted) sink.Report(Descriptor, document, credential.Span, credential.Message, fingerprintText: credential.Fingerprint);
    }
}
