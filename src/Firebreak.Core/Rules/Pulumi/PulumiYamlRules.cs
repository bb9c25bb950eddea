using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Platforms.Pulumi;

namespace Firebreak.Core.Rules.Pulumi;

/// <summary>
/// Pulumi YAML resources with the settings Terraform's rules judge on the same provider resources: FB1102
/// <c>skipFinalSnapshot: true</c>, FB1101 <c>deletionProtection: false</c>, FB1103 <c>forceDestroy: true</c>, FB3004
/// <c>backupRetentionPeriod: 0</c> / Cloud SQL backups off, FB3001 <c>deleteAutomatedBackups: true</c>. The table is
/// <see cref="PulumiResourceSettings"/>.
/// </summary>
public sealed class PulumiYamlUnsafeSettingRule : Rule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[]
    {
        RuleCatalog.SkipFinalSnapshot, RuleCatalog.DatabaseDeletionProtectionOff, RuleCatalog.BucketForceDestroy,
        RuleCatalog.BackupsDisabled, RuleCatalog.AutomatedBackupsDeletedWithInstance,
    };

    public override bool AppliesTo(FileKind kind) => kind == FileKind.PulumiYaml;

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        var program = PulumiYamlProgram.Of(document);
        foreach (var resource in program.Resources)
            foreach (var setting in PulumiResourceSettings.For(resource.Type))
            {
                var node = resource.Property(setting.Property);
                if (node is null || !IsUnsafe(program, node, setting.When)) continue;
                var descriptor = Descriptors.First(d => d.Id == setting.RuleId);
                string raw = (node as YamlScalar)?.Value ?? "";
                string written = $"{setting.Property.Substring(setting.Property.LastIndexOf('.') + 1)}: {raw}";
                string message = string.Format(setting.Message, $"`{resource.LogicalName}` ({resource.Type})", written);
                if (raw.Contains("${")) // say what the reference comes to
                    message = message.Replace($"`{written}`", $"`{written}` (`{program.Evaluate(node)}` from its config default or variable)");
                sink.Report(descriptor, document, node.Span,
                    message + " " + char.ToUpperInvariant(setting.Fix[0]) + setting.Fix.Substring(1) + ".",
                    fingerprintText: $"pulumi:{resource.LogicalName}:{setting.Property}");
            }
    }

    private static bool IsUnsafe(PulumiYamlProgram program, YamlNode node, PulumiUnsafeWhen when) => when switch
    {
        PulumiUnsafeWhen.True => program.EvaluateBool(node) == true,
        PulumiUnsafeWhen.False => program.EvaluateBool(node) == false,
        PulumiUnsafeWhen.Zero => program.Evaluate(node)?.Trim() == "0",
        _ => false,
    };
}

/// <summary>FB2102: an IAM attachment of the AWS-managed <c>AdministratorAccess</c> policy (or a role listing it).</summary>
public sealed class PulumiYamlAdministratorAccessRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.AdministratorAccessAttached;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) => kind == FileKind.PulumiYaml;

    public override bool MightMatch(string text) => text.IndexOf("AdministratorAccess", StringComparison.Ordinal) >= 0;

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        var program = PulumiYamlProgram.Of(document);
        foreach (var resource in program.Resources)
        {
            var arns = new List<YamlNode>();
            if (PulumiResourceSettings.IsPolicyAttachment(resource.Type) && resource.Property("policyArn") is { } arn) arns.Add(arn);
            if (resource.Type == "aws:iam:Role" && resource.Property("managedPolicyArns") is YamlSequence list) arns.AddRange(list.Items);
            foreach (var node in arns)
                if (program.Evaluate(node) is { } value && value.EndsWith(":iam::aws:policy/AdministratorAccess", StringComparison.Ordinal))
                    sink.Report(Descriptor, document, node.Span,
                        $"`{resource.LogicalName}` ({resource.Type}) attaches AdministratorAccess: whatever assumes it can delete every database, bucket and backup in the account. Attach a policy with the actions the job needs.",
                        fingerprintText: "pulumi-admin:" + resource.LogicalName);
        }
    }
}

/// <summary>
/// FB1104 on Pulumi YAML: a stateful resource of a production program (its path or project name says so) whose
/// <c>options.protect</c> is written <c>false</c> — Pulumi's <c>prevent_destroy</c> turned off on purpose — unless
/// <c>retainOnDelete: true</c> keeps the cloud resource when Pulumi deletes it.
/// </summary>
public sealed class PulumiYamlProductionUnprotectedRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.ProductionResourceWithoutPreventDestroy;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) => kind == FileKind.PulumiYaml;

    public override bool MightMatch(string text) => text.IndexOf("protect", StringComparison.Ordinal) >= 0;

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        var program = PulumiYamlProgram.Of(document);
        if (!LooksLikeProduction(document.Path, program.Name)) return;
        foreach (var resource in program.Resources)
        {
            if (!PulumiResourceSettings.IsStateful(resource.Type) || resource.Options is not { } options) continue;
            if (program.EvaluateBool(options["retainOnDelete"]) == true) continue;
            if (options["protect"] is not { } protect || program.EvaluateBool(protect) != false) continue;
            sink.Report(Descriptor, document, protect.Span,
                $"`{resource.LogicalName}` ({resource.Type}) in a production program sets `protect: false`: `pulumi destroy`, a replacement or removing it from the program deletes it and its data. Set `protect: true` (or `retainOnDelete: true`).",
                fingerprintText: "pulumi-protect:" + resource.LogicalName);
        }
    }

    private static bool LooksLikeProduction(string path, string? projectName)
    {
        foreach (var segment in path.Replace('\\', '/').Split('/'))
            if (EnvironmentClassifier.IsProduction(segment)) return true;
        if (projectName is null) return false;
        foreach (var part in projectName.Split('-', '_', '.'))
            if (EnvironmentClassifier.IsProduction(part)) return true;
        return false;
    }
}
