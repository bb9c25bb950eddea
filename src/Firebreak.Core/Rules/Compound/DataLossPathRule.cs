using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Credentials;
using Firebreak.Core.Backups;
using Firebreak.Core.Commands;
using Firebreak.Core.Agents;
using Firebreak.Core.Rules.Credentials;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Compound;

/// <summary>
/// FB9001: the incident in one result. For one platform, the scan shows (a) a destructive operation on it (FB1001 or
/// FB1002), (b) a blanket credential for it (FB2003 or FB2006), and (c) backups that die with the data: the operation's
/// catalogue entry says so (Railway <c>volumeDelete</c>), or a co-located backup (FB31xx) is in the scan. Reads the
/// per-document models the other rules report from; never their findings.
/// </summary>
public sealed class DataLossPathRule : ProjectRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.DataLossPath;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    /// <summary>The facts this rule joins are found on the per-file pass, while each file's trees are built.</summary>
    public override void Prepare(DocumentContext document)
    {
        if (ShellSources.CanHoldShell(document.Kind))
        {
            _ = DestructiveOperations.Of(document);
            _ = ColocatedBackups.Of(document);
        }
        _ = BlanketCredentials.Of(document);
        _ = UnboundedAgentPermissions.Of(document);
    }

    public override void Analyze(ProjectContext project, FindingSink sink)
    {
        var operations = new List<(DocumentContext Document, DestructiveOperation Operation)>();
        var credentials = new List<(DocumentContext Document, BlanketCredential Credential)>();
        var backups = new List<(DocumentContext Document, TextSpan Span, string Note)>();
        var agents = new List<(DocumentContext Document, UnboundedAgentPermission Permission)>();
        foreach (var document in project.Documents)
        {
            if (ShellSources.CanHoldShell(document.Kind))
            {
                foreach (var operation in DestructiveOperations.Of(document))
                    if (operation.Platform != null) operations.Add((document, operation));
                foreach (var backup in ColocatedBackups.Of(document)) backups.Add((document, backup.Span, backup.Summary));
            }
            foreach (var credential in BlanketCredentials.Of(document)) credentials.Add((document, credential));
            foreach (var permission in UnboundedAgentPermissions.Of(document)) agents.Add((document, permission));
        }
        if ((operations.Count == 0 && agents.Count == 0) || credentials.Count == 0) return;
        foreach (var colocation in KubernetesBackupColocation.In(project))
            backups.Add((colocation.BackupDocument, colocation.Claim.Span, $"{colocation.Backup.Kind} '{colocation.Backup.Name}' backs up into the claim '{colocation.Database.Name}' keeps its data on"));

        var ordered = Text.StableOrder.Sorted(operations, static (a, b) =>
        {
            int c = b.Operation.BackupsDie.CompareTo(a.Operation.BackupsDie);
            if (c == 0) c = string.CompareOrdinal(a.Document.Path, b.Document.Path);
            if (c == 0) c = a.Operation.Span.Start.CompareTo(b.Operation.Span.Start);
            return c;
        });
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (document, operation) in ordered)
        {
            string platform = operation.Platform!;
            if (reported.Contains(platform)) continue;
            // The credential handed to the operation's own file first: that is the one that reaches it.
            var credential = credentials.Where(c => c.Credential.Platform == platform)
                .OrderBy(c => ReferenceEquals(c.Document, document) ? 0 : 1).FirstOrDefault();
            if (credential.Credential is null) continue;
            var backup = backups.FirstOrDefault();
            if (!operation.BackupsDie && backup.Document is null) continue;
            reported.Add(platform);

            string backupText = operation.BackupsDie
                ? $"`{operation.Display}` deletes the backups with the data"
                : "the backups live with the data (" + backup.Note + ")";
            var related = new List<RelatedLocation>
            {
                new(SourceLocation.Create(credential.Document.Text, credential.Credential.Span), $"blanket credential: {credential.Credential.Description}"),
            };
            if (backup.Document is not null)
                related.Add(new RelatedLocation(SourceLocation.Create(backup.Document.Text, backup.Span), $"co-located backup in {backup.Document.Path}"));

            sink.Report(Descriptor, document, operation.Span,
                $"One path to unrecoverable data loss on {credential.Credential.Kind.Platform}: `{operation.Display}` destroys data, {credential.Credential.Description} reaches {BlanketTokenNames.ScopeText(credential.Credential.Kind)}, and {backupText}. This is the shape of the incident this tool exists for: scope the token to one environment, gate the operation behind approval, and keep backups outside what it deletes.",
                FindingLevel.Error, "compound:" + platform, related);
        }

        // An agent allowed to run anything is a destructive capability on every platform its credentials reach; with
        // no operation in the scan, the backups must be shown co-located.
        if (agents.Count == 0 || backups.Count == 0) return;
        var agent = Text.StableOrder.Sorted(agents, static (a, b) =>
        {
            int c = string.CompareOrdinal(a.Document.Path, b.Document.Path);
            return c != 0 ? c : a.Permission.Span.Start.CompareTo(b.Permission.Span.Start);
        })[0];
        var colocated = backups[0];
        foreach (var credential in credentials.OrderBy(c => c.Document.Path, StringComparer.Ordinal))
        {
            string platform = credential.Credential.Platform;
            if (!reported.Add(platform)) continue;
            var related = new[]
            {
                new RelatedLocation(SourceLocation.Create(credential.Document.Text, credential.Credential.Span), $"blanket credential: {credential.Credential.Description}"),
                new RelatedLocation(SourceLocation.Create(colocated.Document.Text, colocated.Span), $"co-located backup in {colocated.Document.Path}"),
            };
            sink.Report(Descriptor, agent.Document, agent.Permission.Span,
                $"One path to unrecoverable data loss on {credential.Credential.Kind.Platform}: this agent permission lets a coding agent run any command, {credential.Credential.Description} reaches {BlanketTokenNames.ScopeText(credential.Credential.Kind)}, and the backups live with the data ({colocated.Note}). This is the shape of the incident this tool exists for: make the agent ask before commands, scope the token to one environment, and keep backups outside what it can delete.",
                FindingLevel.Error, "compound-agent:" + platform, related);
        }
    }
}
