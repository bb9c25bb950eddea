using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules;

/// <summary>
/// The single source of truth for rule metadata. Each family keeps its descriptors in its own part of this class
/// (Family.*.cs); <see cref="All"/> joins them, sorted by ID.
/// </summary>
public static partial class RuleCatalog
{
    public const string RepositoryUrl = RuleDescriptor.RepositoryUrl;

    /// <summary>The one place help links are made: the rule's page in the repository.</summary>
    public static string HelpUri(string id) => RuleDescriptor.HelpUriOf(id);

    public static readonly RuleDescriptor FileNotAnalyzed = new(
        RuleIds.FileNotAnalyzed,
        "FileNotAnalyzed",
        RuleFamily.Tool,
        "File could not be analyzed",
        "{0} could not be analyzed: {1}",
        "Firebreak could not read or parse this file, or skipped it (binary, too large, not UTF-8). Findings in it may be missing. The scan goes on with the other files.",
        FindingLevel.Note,
        0.0,
        RulePrecision.VeryHigh);

    public static readonly RuleDescriptor InvalidSuppression = new(
        RuleIds.InvalidSuppression,
        "InvalidSuppression",
        RuleFamily.Tool,
        "Suppression comment is not valid",
        "This firebreak:ignore comment does not suppress anything: {0}",
        "A `firebreak:ignore FBnnnn -- reason` comment must name known rule IDs, give a reason after `--`, and, when it has `until=YYYY-MM-DD`, not have expired. An invalid suppression suppresses nothing.",
        FindingLevel.Warning,
        0.0,
        RulePrecision.VeryHigh);

    private static readonly Lazy<IReadOnlyList<RuleDescriptor>> s_all = new(() =>
        ToolRules()
            .Concat(DestructiveRules())
            .Concat(CredentialRules())
            .Concat(BackupRules())
            .Concat(TerraformRules())
            .Concat(AzureTemplateRules())
            .Concat(ApiRules())
            .Concat(CSharpRules())
            .Concat(GateRules())
            .Concat(FormatRules())
            .Concat(GuardRules())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToArray());

    private static readonly Lazy<Dictionary<string, RuleDescriptor>> s_byId = new(() =>
        All.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase));

    public static IReadOnlyList<RuleDescriptor> All => s_all.Value;

    public static RuleDescriptor? Find(string id) => s_byId.Value.TryGetValue(id, out var descriptor) ? descriptor : null;

    private static IEnumerable<RuleDescriptor> ToolRules() => new[] { FileNotAnalyzed, InvalidSuppression };

    private static partial IEnumerable<RuleDescriptor> DestructiveRules();
    private static partial IEnumerable<RuleDescriptor> CredentialRules();
    private static partial IEnumerable<RuleDescriptor> BackupRules();
}
