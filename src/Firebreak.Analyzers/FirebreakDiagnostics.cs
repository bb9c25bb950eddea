using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Firebreak.Core.Documents;

namespace Firebreak.Analyzers;

/// <summary>Roslyn descriptors, derived from the rule catalogue; nothing about a rule is written here.</summary>
internal static class FirebreakDiagnostics
{
    public static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById =
        RuleCatalog.All.ToImmutableDictionary(r => r.Id, Create);

    public static readonly ImmutableArray<DiagnosticDescriptor> All =
        RuleCatalog.All.Select(r => ById[r.Id]).ToImmutableArray();

    /// <summary>What the engine reports on AdditionalFiles: every rule but the C#-only ones, which native analyzers own.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> Engine =
        RuleCatalog.All.Where(r => !r.IsCSharpOnly).Select(r => ById[r.Id]).ToImmutableArray();

    private static DiagnosticDescriptor Create(RuleDescriptor rule) => new(
        id: rule.Id,
        title: rule.Title,
        // Messages are composed by the rule (they name the command, the scope, the reason for the level).
        messageFormat: "{0}",
        category: "Firebreak." + rule.Family,
        defaultSeverity: ToSeverity(rule.DefaultLevel),
        isEnabledByDefault: rule.DefaultLevel != FindingLevel.None,
        description: rule.Description,
        helpLinkUri: rule.HelpUri,
        customTags: CustomTags(rule));

    private static string[] CustomTags(RuleDescriptor rule)
    {
        var tags = new List<string>(rule.Tags);
        // Notes about unreadable files are about the input, not the compilation; they cannot be fixed by code.
        if (rule.Family == RuleFamily.Tool) tags.Add(WellKnownDiagnosticTags.NotConfigurable);
        return tags.ToArray();
    }

    public static DiagnosticSeverity ToSeverity(FindingLevel level) => level switch
    {
        FindingLevel.Error => DiagnosticSeverity.Error,
        FindingLevel.Warning => DiagnosticSeverity.Warning,
        FindingLevel.Note => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };
}
