using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Bicep;
using Firebreak.Core.Platforms.Azure;
using Firebreak.Core.Text;

namespace Firebreak.Core.Rules.Azure;

/// <summary>The rules over one Bicep file or ARM template share this base: applies to both, walks the deployed resources.</summary>
public abstract class AzureTemplateRule : Rule
{
    public override bool AppliesTo(FileKind kind) => kind is FileKind.Bicep or FileKind.ArmTemplate;

    /// <summary>Resource types (or parts of them) one of which the file must name for the rule to have anything to judge.</summary>
    protected abstract string[] Keywords { get; }

    public override bool MightMatch(string text)
    {
        foreach (var keyword in Keywords)
            if (text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        return false;
    }

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        var template = AzureTemplate.Of(document);
        foreach (var resource in template.Resources)
            if (!resource.Existing) Check(resource.Template, resource, sink); // a nested deployment's resources are read in its template
    }

    protected abstract void Check(AzureTemplate template, AzureResource resource, FindingSink sink);

    /// <summary>A property's value when the file decides it: a string compared without case, as Azure does.</summary>
    protected static bool StringIs(AzureTemplate template, BicepProperty? property, string expected) =>
        property is not null && string.Equals(template.EvaluateString(property.Value), expected, StringComparison.OrdinalIgnoreCase);

    protected static string Describe(AzureResource resource) => $"`{resource.Name}` ({resource.Type})";
}

/// <summary>
/// FB1106: soft delete or purge protection off — Key Vault, blob/container/share soft delete, and the soft delete of
/// Recovery Services and Data Protection backup vaults.
/// </summary>
public sealed class AzureSoftDeleteOffRule : AzureTemplateRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.SoftDeleteOff;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    protected override string[] Keywords { get; } = { "Microsoft.KeyVault/vaults", "blobServices", "fileServices", "Microsoft.RecoveryServices/vaults", "Microsoft.DataProtection/backupVaults" };

    protected override void Check(AzureTemplate template, AzureResource resource, FindingSink sink)
    {
        if (resource.Is("Microsoft.KeyVault/vaults")) CheckKeyVault(template, resource, sink);
        else if (resource.Is("Microsoft.Storage/storageAccounts/blobServices"))
        {
            ReportIfDisabled(template, resource, sink, "deleteRetentionPolicy", "blob soft delete is off: a deleted or overwritten blob is gone at once");
            ReportIfDisabled(template, resource, sink, "containerDeleteRetentionPolicy", "container soft delete is off: a deleted container and every blob in it are gone at once");
        }
        else if (resource.Is("Microsoft.Storage/storageAccounts/fileServices"))
            ReportIfDisabled(template, resource, sink, "shareDeleteRetentionPolicy", "share soft delete is off: a deleted file share and its files are gone at once");
        else if (resource.Is("Microsoft.RecoveryServices/vaults"))
        {
            var state = resource.Property("properties", "securitySettings", "softDeleteSettings", "softDeleteState");
            if (StringIs(template, state, "Disabled"))
                Report(sink, resource, state!, $"{Describe(resource)} sets `softDeleteState: 'Disabled'`: a deleted backup item loses its recovery points at once, so whoever can delete backups can destroy the only copy. Set it to `Enabled` (or `AlwaysON`).", "rsv-soft-delete");
        }
        else if (resource.Is("Microsoft.RecoveryServices/vaults/backupconfig"))
        {
            var state = resource.Property("properties", "softDeleteFeatureState");
            if (StringIs(template, state, "Disabled"))
                Report(sink, resource, state!, $"{Describe(resource)} sets `softDeleteFeatureState: 'Disabled'`: the vault's deleted backup items lose their recovery points at once. Set it to `Enabled`.", "rsv-soft-delete");
        }
        else if (resource.Is("Microsoft.DataProtection/backupVaults"))
        {
            var state = resource.Property("properties", "securitySettings", "softDeleteSettings", "state");
            if (StringIs(template, state, "Off"))
                Report(sink, resource, state!, $"{Describe(resource)} sets soft delete `state: 'Off'`: a deleted backup instance loses its recovery points at once. Set it to `On` (or `AlwaysOn`) with a retention.", "dpp-soft-delete");
        }
    }

    private static void CheckKeyVault(AzureTemplate template, AzureResource resource, FindingSink sink)
    {
        // A vault created in recover mode takes its settings from the deleted vault it brings back.
        if (StringIs(template, resource.Property("properties", "createMode"), "recover")) return;
        var softDelete = resource.Property("properties", "enableSoftDelete");
        if (softDelete is not null && template.EvaluateBool(softDelete.Value) == false)
            Report(sink, resource, softDelete, $"{Describe(resource)} sets `enableSoftDelete: false`: a deleted vault and its keys, secrets and certificates cannot be recovered, and data encrypted with those keys cannot be read again. Remove it (soft delete is on by default) and turn on purge protection.", "kv-soft-delete");
        var purge = resource.Property("properties", "enablePurgeProtection");
        // Purge protection keeps a deleted vault's name for its retention period: samples, test fixtures and dev
        // environments leave it off so that they can be torn down and rebuilt; only its absence there is forgiven.
        if (purge is null && AzureTemplatePaths.IsSampleOrNonProduction(resource.Document.Path, orTest: true)) return;
        if (purge is null)
        {
            sink.Report(Descriptor, resource.Document, resource.TypeSpan,
                $"{Describe(resource)} has no `enablePurgeProtection`: a deleted vault can be purged during its retention period, and its keys with it — the keys that decrypt databases, disks and backups. Set `enablePurgeProtection: true`.",
                fingerprintText: "kv-purge:" + resource.Name);
            return;
        }
        if (template.EvaluateBool(purge.Value) == false)
            Report(sink, resource, purge, $"{Describe(resource)} sets `enablePurgeProtection: false`: a deleted vault can be purged during its retention period, and its keys with it — the keys that decrypt databases, disks and backups. Set it to true.", "kv-purge");
    }

    private static void ReportIfDisabled(AzureTemplate template, AzureResource resource, FindingSink sink, string policy, string what)
    {
        var enabled = resource.Property("properties", policy, "enabled");
        if (enabled is null || template.EvaluateBool(enabled.Value) != false) return;
        Report(sink, resource, enabled, $"{Describe(resource)}: `{policy}.enabled` is false, so {what}. Enable it with a retention of at least 7 days.", "storage-soft-delete:" + policy);
    }

    private static void Report(FindingSink sink, AzureResource resource, BicepProperty property, string message, string fingerprint) =>
        sink.Report(Descriptor, resource.Document, property.Span, message, fingerprintText: fingerprint + ":" + resource.Name);
}

/// <summary>FB3003: a Recovery Services or Data Protection backup vault whose immutability (Azure's vault lock) is written as disabled.</summary>
public sealed class AzureBackupVaultImmutabilityRule : AzureTemplateRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.BackupVaultWithoutLock;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    protected override string[] Keywords { get; } = { "immutabilitySettings" };

    protected override void Check(AzureTemplate template, AzureResource resource, FindingSink sink)
    {
        if (!resource.Is("Microsoft.RecoveryServices/vaults") && !resource.Is("Microsoft.DataProtection/backupVaults")) return;
        var state = resource.Property("properties", "securitySettings", "immutabilitySettings", "state");
        if (!StringIs(template, state, "Disabled")) return;
        sink.Report(Descriptor, resource.Document, state!.Span,
            $"{Describe(resource)} sets immutability `state: 'Disabled'`: a credential allowed to delete recovery points, or to shorten their retention, can empty the vault. Set it to `Unlocked`, then `Locked` once the retention is right.",
            fingerprintText: "vault-immutability:" + resource.Name);
    }
}

/// <summary>FB2104: Owner, Contributor or User Access Administrator assigned at subscription, management-group or tenant scope.</summary>
public sealed class AzureRoleAssignmentScopeRule : AzureTemplateRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.AzureSubscriptionRoleAssignment;

    /// <summary>The built-in role definitions' IDs, the same in every tenant.</summary>
    private static readonly (string Guid, string Role)[] BroadRoles =
    {
        ("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Owner"),
        ("b24988ac-6180-42a0-ab88-f2e3d4a9c8cf", "Contributor"),
        ("18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", "User Access Administrator"),
    };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    protected override string[] Keywords { get; } = { "roleAssignments" };

    protected override void Check(AzureTemplate template, AzureResource resource, FindingSink sink)
    {
        if (!resource.Is("Microsoft.Authorization/roleAssignments")) return;
        var definition = resource.Property("properties", "roleDefinitionId");
        if (definition is null) return;
        string? role = null;
        foreach (var text in template.KnownStrings(definition.Value))
        {
            string trimmed = text.Trim().TrimEnd('/');
            foreach (var (guid, name) in BroadRoles)
                if (trimmed.EndsWith(guid, StringComparison.OrdinalIgnoreCase)) role = name;
            if (role is not null) break;
        }
        if (role is null) return;
        var scopeProperty = resource.Body?.Property("scope");
        var scope = scopeProperty is null ? template.TargetScope : template.ScopeOf(scopeProperty.Value);
        string? where = scope switch
        {
            AzureScope.Subscription => "a whole subscription",
            AzureScope.ManagementGroup => "a management group (every subscription under it)",
            AzureScope.Tenant => "the tenant root (every subscription in the tenant)",
            _ => null,
        };
        if (where is null) return;
        string how = scopeProperty is null ? $"(the file deploys at {ScopeWord(scope)} scope and the assignment has no `scope`)" : "(its `scope`)";
        sink.Report(Descriptor, resource.Document, definition.Span,
            $"{Describe(resource)} assigns {role} on {where} {how}: the principal can delete every resource group, database and backup vault in it. Assign it on a resource group, or a role scoped to the job.",
            fingerprintText: "role-assignment:" + resource.Name + ":" + role);
    }

    private static string ScopeWord(AzureScope scope) => scope switch
    {
        AzureScope.Subscription => "subscription",
        AzureScope.ManagementGroup => "management-group",
        _ => "tenant",
    };
}

/// <summary>
/// FB3007: a Recovery Services or Data Protection backup vault deployed to the same resource group as a resource it
/// protects (a protected item or backup instance whose source is a resource of the same deployment).
/// </summary>
public sealed class AzureBackupVaultColocatedRule : AzureTemplateRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.AzureBackupVaultColocated;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    protected override string[] Keywords { get; } = { "protectedItems", "backupInstances" };

    protected override void Check(AzureTemplate template, AzureResource resource, FindingSink sink)
    {
        if (template.TargetScope != AzureScope.ResourceGroup) return;
        string vaultType;
        BicepProperty? source;
        if (resource.Is("Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems"))
        {
            vaultType = "Microsoft.RecoveryServices/vaults";
            source = resource.Property("properties", "sourceResourceId");
        }
        else if (resource.Is("Microsoft.DataProtection/backupVaults/backupInstances"))
        {
            vaultType = "Microsoft.DataProtection/backupVaults";
            source = resource.Property("properties", "dataSourceInfo", "resourceID");
        }
        else return;
        if (source is null || resource.Body?.Property("scope") is not null) return;

        var vault = resource.Parent;
        while (vault is not null && !vault.Is(vaultType)) vault = vault.Parent;
        if (vault is null)
        {
            // Named by path (`'${vaultName}/Azure/…'`) rather than by parent: the deployment's one vault of that kind.
            var vaults = template.Resources.Where(r => r.Template == template && r.Is(vaultType)).ToList();
            if (vaults.Count != 1) return;
            vault = vaults[0];
        }
        if (vault.Body?.Property("scope") is not null) return;

        string? protectedName = ProtectedInSameGroup(template, source.Value);
        if (protectedName is null) return;
        sink.Report(Descriptor, resource.Document, source.Span,
            $"`{vault.Name}` ({vault.Type}) is deployed to the same resource group as `{protectedName}`, which it backs up: deleting the resource group deletes the data and its backups together. Put the vault in its own resource group (or subscription).",
            fingerprintText: "vault-colocated:" + vault.Name + ":" + protectedName);
    }

    /// <summary>The protected resource's name when it is deployed to this deployment's resource group; null when elsewhere or unknown.</summary>
    private static string? ProtectedInSameGroup(AzureTemplate template, BicepExpression value)
    {
        if (template.ResourceOf(value) is { } target)
        {
            // An `existing` reference without a scope is in the deployment's resource group, as is a resource it deploys.
            if (target.Body?.Property("scope") is not null) return null;
            return target.Name;
        }
        // resourceId('Microsoft.Compute/virtualMachines', name): no subscription or group argument, so this deployment's group.
        if (template.Resolve(value) is BicepCall { Name: "resourceId", Receiver: null or BicepIdentifier { Name: "az" }, Arguments.Count: >= 2 } call &&
            template.EvaluateString(call.Arguments[0]) is { } type && type.IndexOf('/') > 0 && type.IndexOf('.') > 0)
        {
            var last = template.EvaluateString(call.Arguments[call.Arguments.Count - 1]);
            return last is null ? type : type + "/" + last;
        }
        return null;
    }
}

/// <summary>
/// FB1105 over Bicep files and ARM templates: Azure SQL, PostgreSQL, MySQL, MariaDB servers, SQL managed instances and
/// Cosmos DB accounts with no <c>CanNotDelete</c>/<c>ReadOnly</c> lock in the scan. As for Terraform, locks are looked for
/// in every template of the scan: one at resource-group or subscription scope (a lock without <c>scope</c> locks what the
/// template deploys to), or one whose scope cannot be placed, quiets every server; a lock on a server quiets that
/// server. Samples and non-production folders are not asked for locks, as for Terraform.
/// </summary>
public sealed class AzureDatabaseWithoutDeleteLockTemplateRule : ProjectRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.AzureDatabaseWithoutDeleteLock;

    private static readonly string[] DatabaseTypes =
    {
        "Microsoft.Sql/servers", "Microsoft.Sql/managedInstances", "Microsoft.DBforPostgreSQL/servers", "Microsoft.DBforPostgreSQL/flexibleServers",
        "Microsoft.DBforMySQL/servers", "Microsoft.DBforMySQL/flexibleServers", "Microsoft.DBforMariaDB/servers", "Microsoft.DocumentDB/databaseAccounts",
    };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override void Analyze(ProjectContext project, FindingSink sink)
    {
        var templates = new List<AzureTemplate>();
        foreach (var document in project.Documents)
        {
            if (document.Kind is not (FileKind.Bicep or FileKind.ArmTemplate)) continue;
            string text = document.Text.Text;
            if (text.IndexOf("Microsoft.Sql/", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf("Microsoft.DBfor", StringComparison.OrdinalIgnoreCase) < 0 &&
                text.IndexOf("Microsoft.DocumentDB/", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf("locks", StringComparison.OrdinalIgnoreCase) < 0)
                continue;
            var template = AzureTemplate.Of(document);
            if (document.StoppedBy is null) templates.Add(template);
        }
        if (templates.Count == 0) return;

        var locked = new HashSet<AzureResource>();
        var lockedTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var template in templates)
            foreach (var lockResource in template.Resources)
            {
                bool classic = lockResource.Type.EndsWith("/providers/locks", StringComparison.OrdinalIgnoreCase);
                if (lockResource.Existing || !lockResource.Is("Microsoft.Authorization/locks") && !classic) continue;
                var level = lockResource.Template.EvaluateString(lockResource.Property("properties", "level")?.Value);
                if (level is not null && !level.Equals("CanNotDelete", StringComparison.OrdinalIgnoreCase) && !level.Equals("ReadOnly", StringComparison.OrdinalIgnoreCase)) continue;
                if (lockResource.Parent is { } parent)
                {
                    locked.Add(parent);
                    continue;
                }
                if (classic)
                {
                    // `Microsoft.Sql/servers/providers/locks` named `server/Microsoft.Authorization/lock`: the server type is locked.
                    lockedTypes.Add(lockResource.Type.Substring(0, lockResource.Type.Length - "/providers/locks".Length));
                    continue;
                }
                var scope = lockResource.Body?.Property("scope");
                var target = scope is null ? null : lockResource.Template.ResourceOf(scope.Value);
                if (target is not null && !target.Is("Microsoft.Resources/resourceGroups"))
                {
                    locked.Add(target);
                    continue;
                }
                return; // the deployment's resource group or subscription, a resource group, or a scope we cannot place: every server may be under it
            }

        foreach (var template in templates)
        {
            if (AzureTemplatePaths.IsSampleOrNonProduction(template.Document.Path)) continue;
            foreach (var server in template.Resources)
            {
                if (server.Existing || !DatabaseTypes.Any(server.Is) || locked.Contains(server) || lockedTypes.Contains(server.Type)) continue;
                sink.Report(Descriptor, server.Document, server.TypeSpan,
                    $"`{server.Name}` ({server.Type}) has no `Microsoft.Authorization/locks` (CanNotDelete) on it, its resource group or its subscription in any template of the scan: one delete removes the server and its databases. Add a lock (`scope: {server.Symbol ?? "<server>"}`, or one without a scope for the whole resource group).",
                    fingerprintText: "azure-lock:" + server.Name);
            }
        }
    }
}

/// <summary>Where a template lives says what it is for: a sample, a test fixture, a non-production environment.</summary>
internal static class AzureTemplatePaths
{
    private static readonly HashSet<string> TestWords = new(StringComparer.OrdinalIgnoreCase) { "tests", "e2e", "fixtures", "testdata" };

    /// <summary>
    /// A sample or non-production path (<see cref="EnvironmentClassifier.IsSampleOrNonProduction"/>, as the Terraform
    /// FB1105 rule reads a module's path); with <paramref name="orTest"/>, a test fixture's folder too.
    /// </summary>
    public static bool IsSampleOrNonProduction(string path, bool orTest = false)
    {
        if (EnvironmentClassifier.IsSampleOrNonProduction(path)) return true;
        if (!orTest) return false;
        string[] words = path.Split('/', '\\', '-', '_', '.', ' ', '+');
        return !words.Any(EnvironmentClassifier.IsProduction) && words.Any(TestWords.Contains);
    }
}
