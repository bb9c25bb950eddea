using System.Collections.Generic;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules;

/// <summary>Rules that only C# code can break, reported by the native analyzers in Firebreak.Analyzers.</summary>
public static partial class RuleCatalog
{
    public static readonly RuleDescriptor DestructiveDatabaseCall = new(
        RuleIds.DestructiveDatabaseCall,
        "DestructiveDatabaseCall",
        RuleFamily.DestructiveOperation,
        "Destructive database call in C#",
        "{0}",
        "C# code calls an SDK that deletes a database or its backups: Entity Framework Core's `Database.EnsureDeleted()` / `EnsureDeletedAsync()` drops the whole database the context points at (a warning; quiet in test projects and test classes, where it resets a throwaway database), and an AWS RDS `DeleteDBInstanceRequest` or `DeleteDBClusterRequest` that sets `SkipFinalSnapshot = true` (no final snapshot; for an instance `DeleteAutomatedBackups` defaults to true, so the automated backups go too) or `DeleteAutomatedBackups = true` (an error). Types are matched by their full metadata name, so look-alikes in other namespaces are not reported.",
        FindingLevel.Error,
        9.0,
        RulePrecision.High)
    {
        IsCSharpOnly = true,
    };

    internal static IEnumerable<RuleDescriptor> CSharpRules() => new[]
    {
        DestructiveDatabaseCall,
    };
}
