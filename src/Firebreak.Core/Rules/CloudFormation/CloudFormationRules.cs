using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Platforms.CloudFormation;
using Firebreak.Core.Text;

namespace Firebreak.Core.Rules.CloudFormation;

/// <summary>The rules over one CloudFormation/SAM template share this base: applies to templates, walks resources.</summary>
public abstract class CloudFormationRule : Rule
{
    public override bool AppliesTo(FileKind kind) => kind == FileKind.CloudFormation;

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        var template = CloudFormationTemplate.Of(document);
        foreach (var resource in template.Resources) Check(template, resource, sink);
    }

    protected abstract void Check(CloudFormationTemplate template, CfnResource resource, FindingSink sink);

    /// <summary>RDS instances that belong to an Aurora cluster are protected (or not) by the cluster.</summary>
    protected static bool IsClusterMember(CfnResource resource) =>
        resource.Type == "AWS::RDS::DBInstance" && resource.Property("DBClusterIdentifier") is not null;

    protected static bool IsReadReplica(CfnResource resource) =>
        resource.Type == "AWS::RDS::DBInstance" && resource.Property("SourceDBInstanceIdentifier") is not null;
}

/// <summary>
/// FB1102 (a database deleted without a final snapshot) and FB1041 (a stateful resource deleted with its stack): the
/// <c>DeletionPolicy</c> and <c>UpdateReplacePolicy</c> of stateful resources.
/// </summary>
public sealed class CloudFormationDeletionPolicyRule : CloudFormationRule
{
    private static readonly RuleDescriptor Snapshot = RuleCatalog.SkipFinalSnapshot;
    private static readonly RuleDescriptor Stateful = RuleCatalog.StatefulResourceDestroyedWithStack;

    /// <summary>RDS instances outside a cluster and clusters: CloudFormation's default policy is Snapshot for them.</summary>
    private static readonly HashSet<string> SnapshotDefault = new(StringComparer.Ordinal) { "AWS::RDS::DBInstance", "AWS::RDS::DBCluster" };

    /// <summary>Stateful types whose default (no DeletionPolicy) is Delete.</summary>
    private static readonly HashSet<string> DeleteDefault = new(StringComparer.Ordinal)
    {
        "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::EFS::FileSystem", "AWS::FSx::FileSystem",
        "AWS::DocDB::DBCluster", "AWS::Neptune::DBCluster", "AWS::ElastiCache::ReplicationGroup", "AWS::MemoryDB::Cluster",
        "AWS::Redshift::Cluster", "AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain", "AWS::Backup::BackupVault",
        "AWS::EC2::Volume", "AWS::Serverless::SimpleTable",
    };

    /// <summary>Reported only when Delete is written: CloudFormation cannot delete a non-empty bucket, and a key waits out its pending window.</summary>
    private static readonly HashSet<string> ExplicitOnly = new(StringComparer.Ordinal) { "AWS::S3::Bucket", "AWS::KMS::Key" };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Snapshot, Stateful };

    public override bool MightMatch(string text) => text.Contains("AWS::");

    protected override void Check(CloudFormationTemplate template, CfnResource resource, FindingSink sink)
    {
        bool snapshotDefault = SnapshotDefault.Contains(resource.Type) && !IsClusterMember(resource) && !IsReadReplica(resource);
        bool deleteDefault = DeleteDefault.Contains(resource.Type);
        bool explicitOnly = ExplicitOnly.Contains(resource.Type);
        if (!snapshotDefault && !deleteDefault && !explicitOnly) return;

        var deletion = resource.DeletionPolicy;
        string? policy = template.Evaluate(deletion);
        if (deletion is not null && policy is null) return; // a condition or parameter decides it
        bool deletes = policy == "Delete" || (policy is null && deleteDefault);
        if (deletes)
        {
            var span = deletion?.Span ?? resource.LogicalIdSpan;
            string how = deletion is null ? "has no `DeletionPolicy` (CloudFormation's default for it is Delete)" : "has `DeletionPolicy: Delete`";
            if (snapshotDefault)
                sink.Report(Snapshot, resource.Document, span,
                    $"`{resource.LogicalId}` ({resource.Type}) {how}: deleting the stack, or removing the resource from it, deletes the database with no final snapshot. Use `DeletionPolicy: Snapshot` (or `Retain`) and the same `UpdateReplacePolicy`.",
                    fingerprintText: "cfn-deletion:" + resource.LogicalId);
            else
                sink.Report(Stateful, resource.Document, span,
                    $"`{resource.LogicalId}` ({resource.Type}) {how}: deleting the stack, or removing the resource from it, deletes its data. Set `DeletionPolicy: Retain` (or `Snapshot` where the type has one) and the same `UpdateReplacePolicy`.",
                    fingerprintText: "cfn-deletion:" + resource.LogicalId);
            return;
        }
        if (explicitOnly || policy is not ("Retain" or "Snapshot" or "RetainExceptOnCreate") && !(policy is null && snapshotDefault)) return;

        // Protected from deletion, not from replacement: a change that replaces it deletes the old one.
        var replace = resource.UpdateReplacePolicy;
        string? replacePolicy = template.Evaluate(replace);
        if (replace is not null && replacePolicy is null) return;
        if (replacePolicy is null or "Delete" && deletion is not null)
        {
            var rule = snapshotDefault ? Snapshot : Stateful;
            sink.Report(rule, resource.Document, replace?.Span ?? deletion.Span,
                $"`{resource.LogicalId}` ({resource.Type}) keeps its data when deleted (`DeletionPolicy: {policy}`) but {(replace is null ? "has no `UpdateReplacePolicy`" : "has `UpdateReplacePolicy: Delete`")}: a change that replaces it (a new name, engine, key) deletes the old one with its data. Set `UpdateReplacePolicy: {policy}` too.",
                fingerprintText: "cfn-replace:" + resource.LogicalId);
        }
    }
}

/// <summary>FB1101: deletion protection off (or absent) on databases and tables.</summary>
public sealed class CloudFormationDeletionProtectionRule : CloudFormationRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.DatabaseDeletionProtectionOff;

    private static readonly Dictionary<string, string> Settings = new(StringComparer.Ordinal)
    {
        ["AWS::RDS::DBInstance"] = "DeletionProtection",
        ["AWS::RDS::DBCluster"] = "DeletionProtection",
        ["AWS::DocDB::DBCluster"] = "DeletionProtection",
        ["AWS::Neptune::DBCluster"] = "DeletionProtection",
        ["AWS::DynamoDB::Table"] = "DeletionProtectionEnabled",
    };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool MightMatch(string text) => text.Contains("AWS::");

    protected override void Check(CloudFormationTemplate template, CfnResource resource, FindingSink sink)
    {
        if (!Settings.TryGetValue(resource.Type, out var name) || IsClusterMember(resource) || IsReadReplica(resource)) return;
        var property = resource.Property(name);
        if (property is not null && template.EvaluateBool(property) != false) return;
        sink.Report(Descriptor, resource.Document, property?.Span ?? resource.LogicalIdSpan,
            $"`{resource.LogicalId}` ({resource.Type}) {(property is null ? $"has no `{name}`" : $"sets `{name}` to false")}: one stack delete or a replacement deletes the database with no safety catch. Set `{name}: true`.",
            fingerprintText: "cfn-protection:" + resource.LogicalId);
    }
}

/// <summary>FB3001 (automated backups deleted with the instance) and FB3004 (backups disabled) on RDS.</summary>
public sealed class CloudFormationRdsBackupRule : CloudFormationRule
{
    private static readonly RuleDescriptor DeletedWith = RuleCatalog.AutomatedBackupsDeletedWithInstance;
    private static readonly RuleDescriptor Disabled = RuleCatalog.BackupsDisabled;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { DeletedWith, Disabled };

    public override bool MightMatch(string text) => text.Contains("AWS::RDS::") || text.Contains("AWS::DocDB::") || text.Contains("AWS::Neptune::");

    protected override void Check(CloudFormationTemplate template, CfnResource resource, FindingSink sink)
    {
        if (resource.Type is not ("AWS::RDS::DBInstance" or "AWS::RDS::DBCluster" or "AWS::DocDB::DBCluster" or "AWS::Neptune::DBCluster")) return;
        if (IsClusterMember(resource) || IsReadReplica(resource)) return;
        if (resource.Property("BackupRetentionPeriod") is { } retention && template.Evaluate(retention) == "0")
            sink.Report(Disabled, resource.Document, retention.Span,
                $"`{resource.LogicalId}` ({resource.Type}) sets `BackupRetentionPeriod: 0`: automated backups and point-in-time recovery are off, so a deleted or corrupted database cannot be restored. Keep at least 7 days.",
                fingerprintText: "cfn-retention:" + resource.LogicalId);
        if (resource.Type == "AWS::RDS::DBInstance" && resource.Property("DeleteAutomatedBackups") is { } delete && template.EvaluateBool(delete) == true)
            sink.Report(DeletedWith, resource.Document, delete.Span,
                $"`{resource.LogicalId}` sets `DeleteAutomatedBackups: true`: deleting the instance deletes its automated backups with it. Set it to false.",
                fingerprintText: "cfn-delete-backups:" + resource.LogicalId);
    }
}

/// <summary>FB3005: a DynamoDB table without point-in-time recovery.</summary>
public sealed class CloudFormationDynamoDbPitrRule : CloudFormationRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.DynamoDbWithoutPointInTimeRecovery;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool MightMatch(string text) => text.Contains("AWS::DynamoDB::Table");

    protected override void Check(CloudFormationTemplate template, CfnResource resource, FindingSink sink)
    {
        if (resource.Type != "AWS::DynamoDB::Table") return;
        var spec = resource.Property("PointInTimeRecoverySpecification");
        var enabled = spec?["PointInTimeRecoveryEnabled"];
        if (enabled is not null && template.EvaluateBool(enabled) != false) return;
        if (spec is not null && enabled is null && spec.Function is not null) return;
        sink.Report(Descriptor, resource.Document, enabled?.Span ?? resource.LogicalIdSpan,
            $"`{resource.LogicalId}` (AWS::DynamoDB::Table) {(enabled is null ? "has no `PointInTimeRecoverySpecification`" : "sets `PointInTimeRecoveryEnabled: false`")}: a bad write or a delete cannot be rolled back to a point in time. Set `PointInTimeRecoveryEnabled: true`.",
            fingerprintText: "cfn-pitr:" + resource.LogicalId);
    }
}

/// <summary>FB3002 (a backup plan rule without a copy to another vault) and FB3003 (a backup vault without a lock).</summary>
public sealed class CloudFormationBackupRule : CloudFormationRule
{
    private static readonly RuleDescriptor NoCopy = RuleCatalog.BackupPlanWithoutCopyAction;
    private static readonly RuleDescriptor NoLock = RuleCatalog.BackupVaultWithoutLock;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { NoCopy, NoLock };

    public override bool MightMatch(string text) => text.Contains("AWS::Backup::");

    protected override void Check(CloudFormationTemplate template, CfnResource resource, FindingSink sink)
    {
        if (resource.Type == "AWS::Backup::BackupVault" && resource.Property("LockConfiguration") is null)
            sink.Report(NoLock, resource.Document, resource.LogicalIdSpan,
                $"`{resource.LogicalId}` (AWS::Backup::BackupVault) has no `LockConfiguration`: a credential that can delete recovery points can empty it. Add a vault lock with a minimum retention.",
                fingerprintText: "cfn-vault-lock:" + resource.LogicalId);
        if (resource.Type != "AWS::Backup::BackupPlan" || resource.Property("BackupPlan")?["BackupPlanRule"] is not { Items: { } rules }) return;
        foreach (var rule in rules)
        {
            if (rule.Members is null || rule["CopyActions"] is { Items.Count: > 0 } or { Function: not null }) continue;
            var name = rule["RuleName"];
            sink.Report(NoCopy, resource.Document, name?.Span ?? rule.Span,
                $"Backup rule `{template.Evaluate(name) ?? "?"}` of `{resource.LogicalId}` has no `CopyActions`: its recovery points live in one vault, in one account and region, and go with it. Copy them to a vault in another account or region.",
                fingerprintText: "cfn-plan-copy:" + resource.LogicalId + ":" + template.Evaluate(name));
        }
    }
}

/// <summary>
/// FB2101 (a policy allowing every action), FB2102 (AdministratorAccess attached) and FB2105 (a CI OIDC trust without
/// a <c>sub</c> condition) on IAM roles, users, groups and policies.
/// </summary>
public sealed class CloudFormationIamRule : CloudFormationRule
{
    private static readonly RuleDescriptor Wildcard = RuleCatalog.IamPolicyWildcard;
    private static readonly RuleDescriptor Admin = RuleCatalog.AdministratorAccessAttached;
    private static readonly RuleDescriptor Oidc = RuleCatalog.CiOidcTrustUnscoped;

    private static readonly string[] OidcProviders = { "token.actions.githubusercontent.com", "gitlab.com", "app.terraform.io", "oidc.circleci.com", "vstoken.dev.azure.com" };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Wildcard, Admin, Oidc };

    public override bool MightMatch(string text) => text.Contains("AWS::IAM::") || text.Contains("AWS::Serverless::");

    protected override void Check(CloudFormationTemplate template, CfnResource resource, FindingSink sink)
    {
        bool function = resource.Type is "AWS::Serverless::Function" or "AWS::Serverless::StateMachine";
        if (!resource.Type.StartsWith("AWS::IAM::", StringComparison.Ordinal) && !function) return;
        // SAM: `Policies:` takes managed policy names or ARNs, and policy documents, side by side.
        var managed = (resource.Property("ManagedPolicyArns")?.Items ?? Array.Empty<CfnNode>())
            .Concat(function ? resource.Property("Policies")?.AsList().Where(p => p.Members is null) ?? Enumerable.Empty<CfnNode>() : Enumerable.Empty<CfnNode>());
        foreach (var arn in managed)
            if (template.Evaluate(arn) is { } value && (value.EndsWith(":iam::aws:policy/AdministratorAccess", StringComparison.Ordinal) || (function && value == "AdministratorAccess")))
                sink.Report(Admin, resource.Document, arn.Span,
                    $"`{resource.LogicalId}` ({resource.Type}) attaches AdministratorAccess: whatever assumes it can delete every database, bucket and backup in the account. Attach a policy with the actions the job needs.",
                    fingerprintText: "cfn-admin:" + resource.LogicalId);

        var documents = new List<CfnNode>();
        if (resource.Property("PolicyDocument") is { } own) documents.Add(own);
        foreach (var policy in resource.Property("Policies")?.AsList() ?? Array.Empty<CfnNode>())
        {
            if (policy["PolicyDocument"] is { } inline) documents.Add(inline);
            else if (function && policy["Statement"] is not null) documents.Add(policy);
        }
        foreach (var document in documents)
        foreach (var statement in Statements(document))
        {
            if (template.Evaluate(statement["Effect"]) != "Allow") continue;
            foreach (var action in statement["Action"]?.AsList() ?? Array.Empty<CfnNode>())
            {
                if (template.Evaluate(action) is not ("*" or "*:*")) continue;
                sink.Report(Wildcard, resource.Document, action.Span,
                    $"`{resource.LogicalId}` ({resource.Type}) allows every action (`\"*\"`): whatever holds it can delete every database, bucket and backup it reaches. List the actions the job needs.",
                    fingerprintText: "cfn-wildcard:" + resource.LogicalId);
                break;
            }
        }

        if (resource.Type == "AWS::IAM::Role" && resource.Property("AssumeRolePolicyDocument") is { } trust)
            foreach (var statement in Statements(trust))
            {
                if (template.Evaluate(statement["Effect"]) != "Allow") continue;
                if (!(statement["Action"]?.AsList() ?? Array.Empty<CfnNode>()).Any(a => template.Evaluate(a) == "sts:AssumeRoleWithWebIdentity")) continue;
                var federated = statement["Principal"]?["Federated"];
                string? provider = OidcProviders.FirstOrDefault(p => Mentions(template, federated, p));
                if (provider is null) continue;
                if (HasSubCondition(template, statement["Condition"], provider)) continue;
                sink.Report(Oidc, resource.Document, federated!.Span,
                    $"`{resource.LogicalId}` trusts {provider} tokens with no `{provider}:sub` condition (or only a wildcard one): any repository or pipeline on that provider can assume it. Pin `sub` to the repository and branch or environment.",
                    fingerprintText: "cfn-oidc:" + resource.LogicalId);
            }
    }

    private static IEnumerable<CfnNode> Statements(CfnNode document) =>
        document["Statement"]?.AsList().Where(s => s.Members is not null) ?? Enumerable.Empty<CfnNode>();

    private static bool Mentions(CloudFormationTemplate template, CfnNode? node, string provider)
    {
        if (node is null) return false;
        if (template.Evaluate(node) is { } text) return text.Contains(provider);
        // !Sub / !Join / !Ref to a provider resource: look at the literal text written in it.
        return Literals(node).Any(t => t.Contains(provider));
    }

    private static IEnumerable<string> Literals(CfnNode node)
    {
        if (node.Text is { } text) yield return text;
        if (node.Argument is { } argument) foreach (var t in Literals(argument)) yield return t;
        foreach (var item in node.Items ?? Array.Empty<CfnNode>()) foreach (var t in Literals(item)) yield return t;
        foreach (var member in node.Members ?? Array.Empty<CfnMember>()) foreach (var t in Literals(member.Value)) yield return t;
    }

    /// <summary>A <c>sub</c> condition that names something narrower than "anything".</summary>
    private static bool HasSubCondition(CloudFormationTemplate template, CfnNode? condition, string provider)
    {
        foreach (var op in condition?.Members ?? Array.Empty<CfnMember>())
        foreach (var key in op.Value.Members ?? Array.Empty<CfnMember>())
        {
            if (!key.Key.EndsWith(":sub", StringComparison.Ordinal)) continue;
            foreach (var value in key.Value.AsList())
            {
                string? text = template.Evaluate(value);
                if (text is null) return true; // a parameter decides: not known to be open
                if (text.Trim('*', ':').Length > 0 && !text.EndsWith(":*", StringComparison.Ordinal) && text != "repo:*") return true;
                if (text.StartsWith("repo:", StringComparison.Ordinal) && text.IndexOf('/') > 0) return true;
            }
        }
        return false;
    }
}
