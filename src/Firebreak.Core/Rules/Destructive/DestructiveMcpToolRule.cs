using System.Collections.Generic;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Json;

namespace Firebreak.Core.Rules.Destructive;

/// <summary>
/// FB1022: an MCP tool call (<c>*.mcp-call.json</c>, as `firebreak guard` records it: server, command, url, tool,
/// arguments) names a destructive tool of a server the MCP tool catalogue knows. MCP tools do not ask, so it is an error.
/// </summary>
public sealed class DestructiveMcpToolRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.DestructiveMcpTool;

    private readonly McpToolCatalog? _given;

    // Read when an MCP call is first judged: every other guard decision (a shell command, a file write) never needs it.
    public DestructiveMcpToolRule(McpToolCatalog? catalog = null) => _given = catalog;

    private McpToolCatalog Catalog => _given ?? McpToolCatalog.Default;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) => kind == FileKind.McpToolCall;

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        if (document.Json.Root is not JsonObject call) return;
        string? Text(string name) => (call.Get(name) as JsonString)?.Value;
        if (call.Get("tool") is not JsonString tool) return;
        string? server = Text("server");
        if (Catalog.Match(server, Text("command"), Text("url"), tool.Value) is not { } entry) return;
        string who = server is null ? $"the {entry.Id} MCP server" : $"MCP server `{server}`";
        sink.Report(Descriptor, document, tool.Span,
            $"{who}'s tool `{tool.Value}` destroys {entry.Destroys}; an MCP tool does not ask for confirmation, so this is an error. Do it yourself, with a backup taken first, or let the agent only propose it.",
            fingerprintText: entry.Id + ":" + tool.Value);
    }
}
