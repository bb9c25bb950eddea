using System;
using System.Collections.Generic;
using System.Globalization;

namespace Firebreak.Core.Documents;

/// <summary>
/// Everything about a rule that is not its logic. Roslyn descriptors, SARIF rule objects, <c>firebreak rules</c> and
/// the docs index are all derived from these; <see cref="RuleCatalog"/> holds every one.
/// </summary>
public sealed class RuleDescriptor
{
    public RuleDescriptor(
        string id,
        string name,
        RuleFamily family,
        string title,
        string messageFormat,
        string description,
        FindingLevel defaultLevel,
        double securitySeverity,
        RulePrecision precision,
        params string[] extraTags)
    {
        Id = id;
        Name = name;
        Family = family;
        Title = title;
        MessageFormat = messageFormat;
        Description = description;
        DefaultLevel = defaultLevel;
        SecuritySeverity = securitySeverity;
        Precision = precision;
        var tags = new List<string>();
        if (family != RuleFamily.Tool) tags.Add("security");
        tags.Add(family.Tag());
        tags.AddRange(extraTags);
        Tags = tags;
    }

    /// <summary>FBnnnn.</summary>
    public string Id { get; }

    /// <summary>PascalCase name, as SARIF's <c>rule.name</c> wants it.</summary>
    public string Name { get; }
    public RuleFamily Family { get; }

    /// <summary>One line; SARIF's <c>shortDescription</c>.</summary>
    public string Title { get; }

    /// <summary>A composite format string; <see cref="FormatMessage"/> fills it.</summary>
    public string MessageFormat { get; }

    /// <summary>A paragraph; SARIF's <c>fullDescription</c> and the Roslyn description.</summary>
    public string Description { get; }
    public FindingLevel DefaultLevel { get; }

    /// <summary>0.0–10.0, GitHub's <c>security-severity</c>: ≥9 critical, ≥7 high, ≥4 medium, else low.</summary>
    public double SecuritySeverity { get; }
    public RulePrecision Precision { get; }
    public IReadOnlyList<string> Tags { get; }

    /// <summary>
    /// Found by a native Roslyn analyzer over C# code (Firebreak.Analyzers), not by the engine: no engine rule reports
    /// it, and its page's examples are C#, run through the analyzer by the analyzer tests.
    /// </summary>
    public bool IsCSharpOnly { get; init; }

    /// <summary>
    /// False for a rule that is off in <c>scan</c>, the build and the editor unless <c>firebreak.yml</c> gives it a level,
    /// and on where <see cref="AnalysisOptions.EnableOptInRules"/> is set (the agent guard): what is routine in a CI
    /// script (a job resetting its own checkout, <c>curl … | sh</c> in an installer) is a question before an agent runs it.
    /// </summary>
    public bool EnabledByDefault { get; init; } = true;
    public string HelpUri => HelpUriOf(Id);

    /// <summary>Where the repository lives; rule pages are under <c>rules/</c> in it.</summary>
    public const string RepositoryUrl = "https://github.com/firebreak-dev/firebreak";

    /// <summary>The one function that makes a rule's help link (its page in rules/).</summary>
    public static string HelpUriOf(string id) => $"{RepositoryUrl}/blob/main/rules/{id}.md";

    public string SecuritySeverityText => SecuritySeverity.ToString("0.0", CultureInfo.InvariantCulture);

    public string FormatMessage(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, args);

    public override string ToString() => Id + " " + Title;
}
