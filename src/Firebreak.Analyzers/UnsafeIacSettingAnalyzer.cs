using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Firebreak.Analyzers.CSharp;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Firebreak.Analyzers;

/// <summary>
/// Infrastructure written in C#, on the same rules as Terraform: Pulumi .NET resource arguments
/// (<c>Pulumi.Aws.Rds.InstanceArgs { SkipFinalSnapshot = true }</c>) and AWS CDK .NET construct properties
/// (<c>DatabaseInstanceProps { RemovalPolicy = RemovalPolicy.DESTROY }</c>) that delete data or its backups report
/// FB1101–FB1103, FB3001, FB3004 and FB2101 at the property assignment, with the IDs and pages the HCL findings use;
/// CDK's <c>RemovalPolicy.DESTROY</c> on other stores is FB1041. Values are read through locals and constants; a
/// value that cannot be known stays quiet. The SDK types are resolved once per compilation; nothing is registered
/// in a project that references neither SDK.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsafeIacSettingAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Fix hints the code fix reads (<see cref="Diagnostic.Properties"/>): which safe value replaces the unsafe one.</summary>
    public const string FixProperty = "FirebreakFix";

    private enum When { True, False, Zero, Destroy, WildcardAction, AdministratorAccess, ProtectOff, CfnDelete }

    private sealed class Setting
    {
        public Setting(string property, When when, string ruleId, string message, string? fix)
        {
            Property = property;
            Condition = when;
            RuleId = ruleId;
            Message = message;
            Fix = fix;
        }

        public string Property { get; }
        public When Condition { get; }
        public string RuleId { get; }

        /// <summary>{0} is the resource (<c>Instance "orders"</c>), {1} the assignment as written.</summary>
        public string Message { get; }
        public string? Fix { get; }
    }

    private const string PulumiDestroy = "deleting it (`pulumi destroy`, a replacement, or removing it from the program)";
    private const string CdkDestroy = "when it leaves the stack, is replaced, or the stack is deleted, CloudFormation";

    private static readonly Setting PulumiSkipFinalSnapshot = new("SkipFinalSnapshot", When.True, RuleIds.SkipFinalSnapshot,
        "{0} sets `{1}`: " + PulumiDestroy + " keeps no final snapshot, so the last state of the data is lost; set it to false with a `FinalSnapshotIdentifier`.", "false");
    private static readonly Setting PulumiDeletionProtection = new("DeletionProtection", When.False, RuleIds.DatabaseDeletionProtectionOff,
        "{0} sets `{1}`: one `pulumi destroy` or an accidental replacement deletes the database with no safety catch; set deletion protection on.", "true");
    private static readonly Setting PulumiDynamoDeletionProtection = new("DeletionProtectionEnabled", When.False, RuleIds.DatabaseDeletionProtectionOff,
        "{0} sets `{1}`: one `pulumi destroy` or an accidental replacement deletes the table with no safety catch; set deletion protection on.", "true");
    private static readonly Setting PulumiForceDestroy = new("ForceDestroy", When.True, RuleIds.BucketForceDestroy,
        "{0} sets `{1}`: destroying it deletes every object (and version) in it instead of failing; remove it.", "false");
    private static readonly Setting PulumiBackupRetentionZero = new("BackupRetentionPeriod", When.Zero, RuleIds.BackupsDisabled,
        "{0} sets `{1}`: automated backups are off, so there is no point-in-time restore; keep at least 7 days.", null);
    private static readonly Setting PulumiDeleteAutomatedBackups = new("DeleteAutomatedBackups", When.True, RuleIds.AutomatedBackupsDeletedWithInstance,
        "{0} sets `{1}`: deleting the instance deletes its automated backups with it, so point-in-time restore goes too; set it to false.", "false");
    private static readonly Setting PulumiBackupConfigurationOff = new("Enabled", When.False, RuleIds.BackupsDisabled,
        "{0} sets `{1}` in its backup configuration: Cloud SQL takes no automated backups; enable them.", "true");

    private static readonly Setting CdkDatabaseDestroy = new("RemovalPolicy", When.Destroy, RuleIds.SkipFinalSnapshot,
        "{0} sets `{1}`: " + CdkDestroy + " deletes the database with no final snapshot, so the last state of the data is lost; use `RemovalPolicy.SNAPSHOT` (the default) or `RETAIN`.", "SNAPSHOT");
    private static readonly Setting CdkStoreDestroy = new("RemovalPolicy", When.Destroy, RuleIds.StatefulResourceDestroyedWithStack,
        "{0} sets `{1}`: " + CdkDestroy + " deletes it with the data it holds; use `RemovalPolicy.RETAIN` (the default for stateful resources).", "RETAIN");
    private static readonly Setting CdkDeletionProtection = new("DeletionProtection", When.False, RuleIds.DatabaseDeletionProtectionOff,
        "{0} sets `{1}`: one stack deletion or an accidental replacement deletes the database with no safety catch; set deletion protection on.", "true");
    private static readonly Setting CdkDeleteAutomatedBackups = new("DeleteAutomatedBackups", When.True, RuleIds.AutomatedBackupsDeletedWithInstance,
        "{0} sets `{1}`: deleting the instance deletes its automated backups with it, so point-in-time restore goes too; set it to false.", "false");
    private static readonly Setting CdkBackupRetentionZero = new("BackupRetention", When.Zero, RuleIds.BackupsDisabled,
        "{0} sets `{1}`: automated backups are off, so there is no point-in-time restore; keep at least 7 days.", null);
    private static readonly Setting CdkAutoDeleteObjects = new("AutoDeleteObjects", When.True, RuleIds.BucketForceDestroy,
        "{0} sets `{1}`: CDK adds a custom resource that empties the bucket, so deleting the stack deletes every object in it instead of failing; remove it.", "false");
    private static readonly Setting CdkTableDeletionProtection = new("DeletionProtection", When.False, RuleIds.DatabaseDeletionProtectionOff,
        "{0} sets `{1}`: one stack deletion or an accidental replacement deletes the table with no safety catch; set deletion protection on.", "true");
    private static readonly Setting CdkWildcardAction = new("Actions", When.WildcardAction, RuleIds.IamPolicyWildcard,
        "{0} sets `{1}`: whoever holds it can delete any database, bucket or backup in the account; list the actions it needs.", null);

    private const string CfnDelete = "when it leaves the stack or the stack is deleted (and, for `UpdateReplacePolicy`, when a change replaces it), CloudFormation";
    private static readonly Setting CfnDatabaseDelete = new("DeletionPolicy", When.CfnDelete, RuleIds.SkipFinalSnapshot,
        "{0} sets `{1}`: " + CfnDelete + " deletes the database with no final snapshot, so the last state of the data is lost; use `CfnDeletionPolicy.SNAPSHOT` or `RETAIN`.", null);
    private static readonly Setting CfnStoreDelete = new("DeletionPolicy", When.CfnDelete, RuleIds.StatefulResourceDestroyedWithStack,
        "{0} sets `{1}`: " + CfnDelete + " deletes it with the data it holds; use `CfnDeletionPolicy.RETAIN`.", null);

    /// <summary>
    /// CDK's L1 constructs of stateful resources, whose <c>CfnOptions.DeletionPolicy</c> / <c>UpdateReplacePolicy</c> set
    /// to <c>CfnDeletionPolicy.DELETE</c> deletes the data (the CloudFormation <c>DeletionPolicy</c> of the template).
    /// </summary>
    private static readonly ImmutableDictionary<string, Setting> CfnDeletionByType = new Dictionary<string, Setting>
    {
        ["Amazon.CDK.AWS.RDS.CfnDBInstance"] = CfnDatabaseDelete,
        ["Amazon.CDK.AWS.RDS.CfnDBCluster"] = CfnDatabaseDelete,
        ["Amazon.CDK.AWS.S3.CfnBucket"] = CfnStoreDelete,
        ["Amazon.CDK.AWS.DynamoDB.CfnTable"] = CfnStoreDelete,
        ["Amazon.CDK.AWS.DynamoDB.CfnGlobalTable"] = CfnStoreDelete,
        ["Amazon.CDK.AWS.EFS.CfnFileSystem"] = CfnStoreDelete,
        ["Amazon.CDK.AWS.EC2.CfnVolume"] = CfnStoreDelete,
        ["Amazon.CDK.AWS.Backup.CfnBackupVault"] = CfnStoreDelete,
        ["Amazon.CDK.AWS.KMS.CfnKey"] = CfnStoreDelete,
        ["Amazon.CDK.AWS.Logs.CfnLogGroup"] = CfnStoreDelete,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The L1 construct types the rule reads, for the loose-file stubs.</summary>
    internal static IEnumerable<string> KnownCfnConstructs() => CfnDeletionByType.Keys;

    private static readonly Setting PulumiAdministratorAccess = new("PolicyArn", When.AdministratorAccess, RuleIds.AdministratorAccessAttached,
        "{0} sets `{1}`: it attaches AdministratorAccess, so whatever assumes it can delete every database, bucket and backup in the account; attach a policy with the actions the job needs.", null);
    private static readonly Setting PulumiManagedAdministratorAccess = new("ManagedPolicyArns", When.AdministratorAccess, RuleIds.AdministratorAccessAttached,
        "{0} sets `{1}`: it attaches AdministratorAccess, so whatever assumes it can delete every database, bucket and backup in the account; attach a policy with the actions the job needs.", null);
    private static readonly Setting PulumiProtectOff = new("Protect", When.ProtectOff, RuleIds.ProductionResourceWithoutPreventDestroy,
        "{0} in a production program sets `{1}`: `pulumi destroy`, a replacement or removing it from the program deletes it and its data; set `Protect = true` (or `RetainOnDelete = true`).", "true");

    /// <summary>Argument and property types by metadata name, and the settings each can carry.</summary>
    private static readonly ImmutableDictionary<string, Setting[]> SettingsByType = new Dictionary<string, Setting[]>
    {
        ["Pulumi.Aws.Rds.InstanceArgs"] = new[] { PulumiSkipFinalSnapshot, PulumiDeletionProtection, PulumiBackupRetentionZero, PulumiDeleteAutomatedBackups },
        ["Pulumi.Aws.Rds.ClusterArgs"] = new[] { PulumiSkipFinalSnapshot, PulumiDeletionProtection, PulumiBackupRetentionZero },
        ["Pulumi.Aws.DocDB.ClusterArgs"] = new[] { PulumiSkipFinalSnapshot, PulumiDeletionProtection },
        ["Pulumi.Aws.Neptune.ClusterArgs"] = new[] { PulumiSkipFinalSnapshot, PulumiDeletionProtection },
        ["Pulumi.Aws.RedShift.ClusterArgs"] = new[] { PulumiSkipFinalSnapshot },
        ["Pulumi.Aws.DynamoDB.TableArgs"] = new[] { PulumiDynamoDeletionProtection },
        ["Pulumi.Aws.S3.BucketArgs"] = new[] { PulumiForceDestroy },
        ["Pulumi.Aws.S3.BucketV2Args"] = new[] { PulumiForceDestroy },
        ["Pulumi.Gcp.Storage.BucketArgs"] = new[] { PulumiForceDestroy },
        ["Pulumi.Gcp.Sql.DatabaseInstanceArgs"] = new[] { PulumiDeletionProtection },
        ["Pulumi.Gcp.Spanner.DatabaseArgs"] = new[] { PulumiDeletionProtection },
        ["Pulumi.Gcp.Sql.Inputs.DatabaseInstanceSettingsBackupConfigurationArgs"] = new[] { PulumiBackupConfigurationOff },
        ["Amazon.CDK.AWS.RDS.DatabaseInstanceProps"] = new[] { CdkDatabaseDestroy, CdkDeletionProtection, CdkDeleteAutomatedBackups, CdkBackupRetentionZero },
        ["Amazon.CDK.AWS.RDS.DatabaseInstanceFromSnapshotProps"] = new[] { CdkDatabaseDestroy, CdkDeletionProtection, CdkDeleteAutomatedBackups, CdkBackupRetentionZero },
        ["Amazon.CDK.AWS.RDS.DatabaseClusterProps"] = new[] { CdkDatabaseDestroy, CdkDeletionProtection },
        ["Amazon.CDK.AWS.RDS.DatabaseClusterFromSnapshotProps"] = new[] { CdkDatabaseDestroy, CdkDeletionProtection },
        ["Amazon.CDK.AWS.RDS.ServerlessClusterProps"] = new[] { CdkDatabaseDestroy, CdkDeletionProtection },
        ["Amazon.CDK.AWS.S3.BucketProps"] = new[] { CdkAutoDeleteObjects, CdkStoreDestroy },
        ["Amazon.CDK.AWS.DynamoDB.TableProps"] = new[] { CdkStoreDestroy, CdkTableDeletionProtection },
        ["Amazon.CDK.AWS.DynamoDB.TablePropsV2"] = new[] { CdkStoreDestroy, CdkTableDeletionProtection },
        ["Amazon.CDK.AWS.EFS.FileSystemProps"] = new[] { CdkStoreDestroy },
        ["Amazon.CDK.AWS.EC2.VolumeProps"] = new[] { CdkStoreDestroy },
        ["Amazon.CDK.AWS.Backup.BackupVaultProps"] = new[] { CdkStoreDestroy },
        ["Amazon.CDK.AWS.KMS.KeyProps"] = new[] { CdkStoreDestroy },
        ["Amazon.CDK.AWS.Logs.LogGroupProps"] = new[] { CdkStoreDestroy },
        ["Amazon.CDK.AWS.IAM.PolicyStatementProps"] = new[] { CdkWildcardAction },
        ["Pulumi.Aws.Iam.RolePolicyAttachmentArgs"] = new[] { PulumiAdministratorAccess },
        ["Pulumi.Aws.Iam.UserPolicyAttachmentArgs"] = new[] { PulumiAdministratorAccess },
        ["Pulumi.Aws.Iam.GroupPolicyAttachmentArgs"] = new[] { PulumiAdministratorAccess },
        ["Pulumi.Aws.Iam.PolicyAttachmentArgs"] = new[] { PulumiAdministratorAccess },
        ["Pulumi.Aws.Iam.RoleArgs"] = new[] { PulumiManagedAdministratorAccess },
        ["Pulumi.CustomResourceOptions"] = new[] { PulumiProtectOff },
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary><c>construct.ApplyRemovalPolicy(RemovalPolicy.DESTROY)</c>: the construct of each props type above.</summary>
    private static readonly ImmutableDictionary<string, Setting> ApplyRemovalPolicyByConstruct = SettingsByType
        .Where(e => e.Key.StartsWith("Amazon.CDK.", StringComparison.Ordinal))
        .SelectMany(e => e.Value.Where(s => s.Condition == When.Destroy).Select(s => (Construct: e.Key.Replace("PropsV2", "V2").Replace("Props", string.Empty), Setting: s)))
        .GroupBy(e => e.Construct)
        .ToImmutableDictionary(g => g.Key, g => g.First().Setting, StringComparer.Ordinal);

    /// <summary>Each arguments/props type with the properties the rule reads, and the construct types, for the loose-file stubs.</summary>
    internal static IEnumerable<(string Type, string[] Properties)> KnownSettings() =>
        SettingsByType.Select(e => (e.Key, e.Value.Select(s => s.Property).Distinct(StringComparer.Ordinal).ToArray()));

    internal static IEnumerable<string> KnownConstructs() => ApplyRemovalPolicyByConstruct.Keys;

    private static readonly string[] RuleIdsReported =
    {
        RuleIds.DatabaseDeletionProtectionOff, RuleIds.SkipFinalSnapshot, RuleIds.BucketForceDestroy, RuleIds.StatefulResourceDestroyedWithStack,
        RuleIds.AutomatedBackupsDeletedWithInstance, RuleIds.BackupsDisabled, RuleIds.IamPolicyWildcard, RuleIds.AdministratorAccessAttached,
        RuleIds.ProductionResourceWithoutPreventDestroy,
    };

    /// <summary>The ARN of the AWS-managed policy that allows everything.</summary>
    private const string AdministratorAccessArn = ":iam::aws:policy/AdministratorAccess";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        RuleIdsReported.Select(id => FirebreakDiagnostics.ById[id]).ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext start)
    {
        var compilation = start.Compilation;
        var settings = new Dictionary<INamedTypeSymbol, Setting[]>(SymbolEqualityComparer.Default);
        foreach (var entry in SettingsByType)
            if (compilation.GetTypeByMetadataName(entry.Key) is { } type) settings[type] = entry.Value;
        if (settings.Count == 0) return;
        var constructs = new Dictionary<INamedTypeSymbol, Setting>(SymbolEqualityComparer.Default);
        foreach (var entry in ApplyRemovalPolicyByConstruct)
            if (compilation.GetTypeByMetadataName(entry.Key) is { } type) constructs[type] = entry.Value;
        var properties = settings.Values.SelectMany(s => s).Select(s => s.Property).ToImmutableHashSet(StringComparer.Ordinal);

        start.RegisterOperationAction(c => AnalyzeAssignment(c, settings, properties), OperationKind.SimpleAssignment);
        if (compilation.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.ManagedPolicy") is { } managedPolicy)
            start.RegisterOperationAction(c => AnalyzeManagedPolicy(c, managedPolicy), OperationKind.Invocation);
        if (constructs.Count > 0) start.RegisterOperationAction(c => AnalyzeApplyRemovalPolicy(c, constructs), OperationKind.Invocation);
        var cfn = new Dictionary<INamedTypeSymbol, Setting>(SymbolEqualityComparer.Default);
        foreach (var entry in CfnDeletionByType)
            if (compilation.GetTypeByMetadataName(entry.Key) is { } type) cfn[type] = entry.Value;
        if (cfn.Count > 0) start.RegisterOperationAction(c => AnalyzeCfnOptions(c, cfn), OperationKind.SimpleAssignment);
    }

    /// <summary><c>cfnDatabase.CfnOptions.DeletionPolicy = CfnDeletionPolicy.DELETE</c> (or <c>UpdateReplacePolicy</c>) on a stateful L1 construct.</summary>
    private static void AnalyzeCfnOptions(OperationAnalysisContext context, Dictionary<INamedTypeSymbol, Setting> cfn)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "DeletionPolicy" or "UpdateReplacePolicy", Instance: IPropertyReferenceOperation { Property.Name: "CfnOptions", Instance: { } construct } }) return;
        if (!IsCfnDelete(assignment.Value)) return;
        Setting? setting = null;
        for (var type = construct.Type as INamedTypeSymbol; type is not null && setting is null; type = type.BaseType)
            cfn.TryGetValue(type.OriginalDefinition, out setting);
        if (setting is null) return;
        string written = assignment.Syntax.ToString();
        string message = string.Format(System.Globalization.CultureInfo.InvariantCulture, setting.Message, $"`{construct.Syntax}` ({construct.Type?.Name})", written.Length > 80 ? "CfnOptions.DeletionPolicy = …" : written);
        Report(context, setting, assignment.Syntax.GetLocation(), message);
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, Dictionary<INamedTypeSymbol, Setting[]> settings, ImmutableHashSet<string> properties)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target || !properties.Contains(target.Property.Name)) return;
        if (!TypeSettings(target, settings, out var candidates)) return;
        foreach (var setting in candidates)
        {
            if (setting.Property != target.Property.Name || !Holds(setting.Condition, assignment)) continue;
            if (setting.Condition == When.ProtectOff && !UnprotectedInProduction(assignment, context)) continue;
            string written = assignment.Syntax.ToString();
            string message = string.Format(System.Globalization.CultureInfo.InvariantCulture, setting.Message, Resource(assignment), written.Length > 80 ? setting.Property + " = …" : written);
            Report(context, setting, assignment.Syntax.GetLocation(), message);
        }
    }

    /// <summary>CDK's <c>ManagedPolicy.FromAwsManagedPolicyName("AdministratorAccess")</c>: FB2102 at the name.</summary>
    private static void AnalyzeManagedPolicy(OperationAnalysisContext context, INamedTypeSymbol managedPolicy)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name is not ("FromAwsManagedPolicyName" or "FromManagedPolicyArn") || invocation.Arguments.Length == 0) return;
        if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, managedPolicy)) return;
        var name = invocation.Arguments[invocation.Arguments.Length - 1].Value;
        string? value = ValueFolding.String(name);
        if (value is null || !(value == "AdministratorAccess" || value.EndsWith(AdministratorAccessArn, StringComparison.Ordinal))) return;
        var descriptor = FirebreakDiagnostics.ById[RuleIds.AdministratorAccessAttached];
        context.ReportDiagnostic(Diagnostic.Create(descriptor, name.Syntax.GetLocation(), descriptor.DefaultSeverity, null, null,
            $"`ManagedPolicy.{invocation.TargetMethod.Name}(…)` names AdministratorAccess: whatever it is attached to can delete every database, bucket and backup in the account; attach a policy with the actions the job needs."));
    }

    private static bool TypeSettings(IPropertyReferenceOperation target, Dictionary<INamedTypeSymbol, Setting[]> settings, out Setting[] candidates)
    {
        for (var type = target.Instance?.Type as INamedTypeSymbol ?? target.Property.ContainingType; type is not null; type = type.BaseType)
            if (settings.TryGetValue(type.OriginalDefinition, out candidates!)) return true;
        candidates = Array.Empty<Setting>();
        return false;
    }

    private static void AnalyzeApplyRemovalPolicy(OperationAnalysisContext context, Dictionary<INamedTypeSymbol, Setting> constructs)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "ApplyRemovalPolicy" || invocation.Arguments.Length == 0) return;
        if (!IsDestroy(invocation.Arguments[0].Value)) return;
        Setting? setting = null;
        for (var type = invocation.Instance?.Type as INamedTypeSymbol; type is not null && setting is null; type = type.BaseType)
            constructs.TryGetValue(type.OriginalDefinition, out setting);
        if (setting is null) return;
        string resource = invocation.Instance?.Syntax.ToString() ?? "The construct";
        string message = string.Format(System.Globalization.CultureInfo.InvariantCulture, setting.Message, "`" + resource + "`", "ApplyRemovalPolicy(RemovalPolicy.DESTROY)")
            .Replace("` sets `ApplyRemovalPolicy", "` calls `ApplyRemovalPolicy");
        Report(context, setting, invocation.Arguments[0].Syntax.GetLocation(), message);
    }

    private static void Report(OperationAnalysisContext context, Setting setting, Location location, string message)
    {
        var descriptor = FirebreakDiagnostics.ById[setting.RuleId];
        var properties = setting.Fix is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, setting.Fix);
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, descriptor.DefaultSeverity, null, properties, message));
    }

    private static bool Holds(When when, ISimpleAssignmentOperation assignment) => when switch
    {
        When.True => ValueFolding.Bool(assignment.Value) == true,
        When.False => ValueFolding.Bool(assignment.Value) == false,
        When.Zero => IsZero(assignment.Value),
        When.Destroy => IsDestroy(assignment.Value),
        When.WildcardAction => AllowsEveryAction(assignment),
        When.AdministratorAccess => NamesAdministratorAccess(assignment.Value),
        When.ProtectOff => ValueFolding.Bool(assignment.Value) == false,
        _ => false,
    };

    /// <summary><c>CfnDeletionPolicy.DELETE</c>, written or through a constant of the enum.</summary>
    private static bool IsCfnDelete(IOperation value)
    {
        var unwrapped = ValueFolding.Unwrap(value);
        if (unwrapped?.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum, Name: "CfnDeletionPolicy" } policy || policy.ContainingNamespace.ToDisplayString() != "Amazon.CDK") return false;
        if (ValueFolding.Field(unwrapped) is { Name: "DELETE" } field && SymbolEqualityComparer.Default.Equals(field.ContainingType, policy)) return true;
        return unwrapped.ConstantValue.HasValue && policy.GetMembers("DELETE").OfType<IFieldSymbol>().FirstOrDefault() is { HasConstantValue: true } member
               && Equals(member.ConstantValue, unwrapped.ConstantValue.Value);
    }

    private static bool IsDestroy(IOperation value) =>
        ValueFolding.Field(value) is { Name: "DESTROY", ContainingType: { Name: "RemovalPolicy" } policy } && policy.ContainingNamespace.ToDisplayString() == "Amazon.CDK";

    /// <summary><c>0</c>, or CDK's <c>Duration.Days(0)</c> (any unit).</summary>
    private static bool IsZero(IOperation value)
    {
        if (ValueFolding.Number(value) is { } number) return number == 0;
        return ValueFolding.Unwrap(value) is IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType: { Name: "Duration" } duration } } call
               && duration.ContainingNamespace.ToDisplayString() == "Amazon.CDK"
               && call.Arguments.Length == 1 && ValueFolding.Number(call.Arguments[0].Value) == 0;
    }

    /// <summary>
    /// The AdministratorAccess ARN as a string (folded through constants), Pulumi's <c>ManagedPolicy.AdministratorAccess</c>,
    /// or a list (array or collection initializer) holding either.
    /// </summary>
    private static bool NamesAdministratorAccess(IOperation value)
    {
        var unwrapped = ValueFolding.Unwrap(value);
        if (ValueFolding.String(unwrapped) is { } text) return text.EndsWith(AdministratorAccessArn, StringComparison.Ordinal);
        switch (unwrapped)
        {
            case IPropertyReferenceOperation { Property: { Name: "AdministratorAccess", ContainingType.Name: "ManagedPolicy" } }:
            case IFieldReferenceOperation { Field: { Name: "AdministratorAccess", ContainingType.Name: "ManagedPolicy" } }:
                return true;
            case IArrayCreationOperation { Initializer: { } elements }:
                return elements.ElementValues.Any(NamesAdministratorAccess);
            case IObjectCreationOperation { Initializer: { } collection }:
                return collection.Initializers.OfType<IInvocationOperation>().Any(add => add.Arguments.Any(a => NamesAdministratorAccess(a.Value)));
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>new CustomResourceOptions { Protect = false }</c> given to a stateful resource (one whose arguments carry the
    /// settings above) of a program that says production — its project (assembly) name or a folder of its file — and
    /// without <c>RetainOnDelete = true</c>, which keeps the cloud resource when Pulumi deletes it.
    /// </summary>
    private static bool UnprotectedInProduction(ISimpleAssignmentOperation assignment, OperationAnalysisContext context)
    {
        if (assignment.Parent is not IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation options } initializer) return false;
        if (initializer.Initializers.OfType<ISimpleAssignmentOperation>().Any(a =>
                a.Target is IPropertyReferenceOperation { Property.Name: "RetainOnDelete" } && ValueFolding.Bool(a.Value) == true)) return false;
        var parent = options.Parent;
        while (parent is IConversionOperation or IArgumentOperation) parent = parent.Parent;
        if (parent is not IObjectCreationOperation { Type: INamedTypeSymbol resource }) return false;
        if (!SettingsByType.TryGetValue(resource.ToDisplayString() + "Args", out var settings) || settings.All(s => s.RuleId == RuleIds.AdministratorAccessAttached)) return false;
        return NamesProduction(context.Compilation.AssemblyName) || NamesProduction(assignment.Syntax.SyntaxTree.FilePath);
    }

    private static bool NamesProduction(string? name)
    {
        if (string.IsNullOrEmpty(name)) return false;
        foreach (var part in name!.Split('/', '\\', '.', '-', '_'))
            if (Firebreak.Core.Documents.EnvironmentClassifier.IsProduction(part)) return true;
        return false;
    }

    /// <summary><c>Actions = new[] { "*" }</c> in a statement that does not say <c>Effect = Effect.DENY</c>.</summary>
    private static bool AllowsEveryAction(ISimpleAssignmentOperation assignment)
    {
        if (ValueFolding.Unwrap(assignment.Value) is not IArrayCreationOperation { Initializer: { } elements }) return false;
        if (!elements.ElementValues.Any(e => ValueFolding.String(e) == "*")) return false;
        return !(assignment.Parent is IObjectOrCollectionInitializerOperation initializer
                 && initializer.Initializers.OfType<ISimpleAssignmentOperation>().Any(a =>
                     a.Target is IPropertyReferenceOperation { Property.Name: "Effect" } && ValueFolding.Field(a.Value) is { Name: "DENY" }));
    }

    /// <summary>
    /// The resource the arguments are for, by its type and logical name when the arguments are written inside its
    /// constructor (<c>new Instance("orders", new InstanceArgs { … })</c> is <c>Instance "orders"</c>); else the arguments' type.
    /// </summary>
    private static string Resource(ISimpleAssignmentOperation assignment)
    {
        IOperation? args = assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation } ? creation : null;
        if (args is null)
            return assignment.Target is IPropertyReferenceOperation { Instance: { } instance } ? $"`{instance.Syntax}` ({instance.Type?.Name})" : "The resource";
        var argsType = args.Type?.Name ?? "the arguments";
        for (var parent = args.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IObjectCreationOperation resource)
            {
                string? name = CallSites.ArgumentValues(resource.Arguments).Select(v => ValueFolding.Unwrap(v)!).Where(v => v.Type?.SpecialType == SpecialType.System_String)
                    .Select(ValueFolding.String).FirstOrDefault(n => n is not null);
                return name is null ? $"`{resource.Type?.Name}`" : $"`{resource.Type?.Name}` \"{name}\"";
            }
            if (parent is IBlockOperation or IMethodBodyOperation) break;
        }
        return $"`{argsType}`";
    }
}
