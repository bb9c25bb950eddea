using System.Collections.Generic;
using Firebreak.Core.Backups;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Backups;

/// <summary>
/// FB3101 (compose backup service on the database's volume) and FB3104 (dump written inside the data directory): a
/// tight family over one model, <see cref="ColocatedBackups"/>, which the compound rule reads too.
/// </summary>
public sealed class ColocatedBackupRule : Rule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ComposeBackupOnDatabaseVolume, RuleCatalog.SnapshotClassDeletes, RuleCatalog.DumpIntoDataDirectory };

    public override bool AppliesTo(FileKind kind) => kind == FileKind.Compose || kind.IsKubernetesManifest() || ShellSources.CanHoldShell(kind);

    public override bool MightMatch(string text) =>
        text.IndexOf("dump", System.StringComparison.Ordinal) >= 0 || Text.IgnoreCase.Contains(text, "backup") ||
        text.IndexOf("restic", System.StringComparison.Ordinal) >= 0 || text.IndexOf("borg", System.StringComparison.Ordinal) >= 0 ||
        text.IndexOf("wal-g", System.StringComparison.Ordinal) >= 0 || text.IndexOf("barman", System.StringComparison.Ordinal) >= 0 || text.IndexOf("deletionPolicy", System.StringComparison.Ordinal) >= 0;

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        foreach (var backup in ColocatedBackups.Of(document))
        {
            var descriptor = backup.Kind switch
            {
                ColocationKind.ComposeSharedVolume => RuleCatalog.ComposeBackupOnDatabaseVolume,
                ColocationKind.SnapshotClassDeletes => RuleCatalog.SnapshotClassDeletes,
                _ => RuleCatalog.DumpIntoDataDirectory,
            };
            var related = backup.DataSpan is { } data
                ? new[] { new RelatedLocation(SourceLocation.Create(document.Text, data), backup.DataNote ?? "the data") }
                : null;
            sink.Report(descriptor, document, backup.Span, backup.Message, fingerprintText: backup.Fingerprint, related: related);
        }
    }
}
