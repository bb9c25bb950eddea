using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Firebreak.Core.Commands;
using Firebreak.Core.Platforms.Compose;
using Firebreak.Core.Platforms.Kubernetes;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Backups;

/// <summary>What kind of co-location a <see cref="ColocatedBackup"/> is; each kind is one rule.</summary>
public enum ColocationKind
{
    /// <summary>FB3101: a compose backup service writes to the database's own volume or host path.</summary>
    ComposeSharedVolume,

    /// <summary>FB3104: a dump command writes under the data directory it dumps.</summary>
    DumpIntoDataDirectory,

    /// <summary>FB3103: a VolumeSnapshotClass deletes its snapshots with the volume snapshot object.</summary>
    SnapshotClassDeletes,
}

/// <summary>A backup that dies with the data it protects, found in one file.</summary>
public sealed class ColocatedBackup
{
    internal ColocatedBackup(ColocationKind kind, TextSpan span, string summary, string consequence, TextSpan? dataSpan, string? dataNote, string fingerprint)
    {
        Kind = kind;
        Span = span;
        Summary = summary;
        Consequence = consequence;
        DataSpan = dataSpan;
        DataNote = dataNote;
        Fingerprint = fingerprint;
    }

    public ColocationKind Kind { get; }

    /// <summary>Where the backup is written (the backup service's volume entry, the dump's output path).</summary>
    public TextSpan Span { get; }

    /// <summary>What shares the data's fate, as a clause (<c>Backup service 'b' writes to volume 'v', the same storage as …</c>).</summary>
    public string Summary { get; }

    /// <summary>What follows from it and what to do, for the FB31xx finding.</summary>
    public string Consequence { get; }

    /// <summary>The FB31xx finding's message.</summary>
    public string Message => Summary + ": " + Consequence;

    /// <summary>Where the data lives (the database's volume entry), when it is another place in the file.</summary>
    public TextSpan? DataSpan { get; }
    public string? DataNote { get; }
    public string Fingerprint { get; }
}

/// <summary>
/// The co-located backups of a document, found once and shared: the FB31xx rules report them, the compound rule reads
/// them. Docker compose services and dump commands in every shell host.
/// </summary>
public static class ColocatedBackups
{
    // What a backup and a database look like: rules/catalogs/backups.yaml.
    internal static Regex BackupImage => BackupCatalog.Default.BackupImage;
    internal static Regex BackupCommand => BackupCatalog.Default.BackupCommand;
    internal static Regex DatabaseImage => BackupCatalog.Default.DatabaseImage;

    private static readonly string[] OutputOptions = { "-f", "--file", "--result-file", "-r", "-o", "--out", "--archive", "-D", "--pgdata" };

    private static readonly string[] DataDirectories =
    {
        "/var/lib/postgresql/data", "$PGDATA", "${PGDATA}", "/var/lib/mysql", "/var/lib/mariadb", "/data/db", "/var/lib/mongodb",
        "/bitnami/postgresql", "/bitnami/mysql", "/bitnami/mongodb",
    };

    private static readonly ModelKey<Holder> BackupsKey = new("colocated-backups", static doc => Find(doc) is { Count: > 0 } found ? new Holder(found) : Holder.None);

    public static IReadOnlyList<ColocatedBackup> Of(DocumentContext document) =>
        document.Get(BackupsKey).Backups;

    private static IReadOnlyList<ColocatedBackup> Find(DocumentContext document)
    {
        var found = new List<ColocatedBackup>();
        if (document.Kind == FileKind.Compose) FromCompose(document, found);
        if (document.Kind.IsKubernetesManifest()) FromSnapshotClasses(document, found);
        if (ShellSources.CanHoldShell(document.Kind)) FromDumpCommands(document, found);
        return found;
    }

    // ---- compose ---------------------------------------------------------------------------------------------

    private static void FromCompose(DocumentContext document, List<ColocatedBackup> found)
    {
        if (ComposeFile.Of(document) is not { } compose) return;
        var backups = compose.Services.Where(IsBackupService).ToArray();
        if (backups.Length == 0) return;
        var databases = compose.Services.Where(s => !IsBackupService(s) && s.Image is { } image && DatabaseImage.IsMatch(ImageName(image))).ToArray();
        foreach (var backup in backups)
        {
            foreach (var mount in backup.Volumes)
            {
                foreach (var database in databases)
                {
                    if (database.Volumes.FirstOrDefault(d => SameStorage(mount, d)) is not { } data) continue;
                    string where = mount.IsHostPath ? $"host path `{mount.Source}`" : $"volume `{mount.Source}`";
                    found.Add(new ColocatedBackup(ColocationKind.ComposeSharedVolume, mount.Span,
                        $"Backup service '{backup.Name}' writes to {where}, the same storage as database service '{database.Name}' ({data.Source}:{data.Target})",
                        "deleting or losing that volume deletes the data and every backup of it together. Write backups to separate storage, and copy them off the host (object storage in another account or region).",
                        data.Span, $"database service '{database.Name}' keeps its data in {where}", $"compose:{backup.Name}:{mount.Source}"));
                    break;
                }
            }
        }
    }

    /// <summary>A Kubernetes workload that backs a database up: it runs a dump or backup program, or its image is one.</summary>
    internal static bool IsBackupWorkload(KubernetesWorkload workload) =>
        workload.CommandLines.Any(c => BackupCommand.IsMatch(c)) || workload.Images.Any(i => BackupImage.IsMatch(i));

    /// <summary>A Kubernetes workload that runs a database server: a StatefulSet, Deployment or Pod of a database image, not a backup.</summary>
    internal static bool IsDatabaseWorkload(KubernetesWorkload workload) =>
        workload.Kind is "StatefulSet" or "Deployment" or "Pod" && !IsBackupWorkload(workload) && workload.Images.Any(i => DatabaseImage.IsMatch(i));

    /// <summary>
    /// Text that names <paramref name="name"/> as a host (<c>-h db</c>, <c>POSTGRES_HOST=db</c>, <c>db:5432</c>); with
    /// <paramref name="domain"/>, also as the first label of a DNS name (<c>postgres.shop.svc</c>).
    /// </summary>
    internal static Regex HostReference(string name, bool domain) =>
        new(@"(^|[=@\s/:""'])" + Regex.Escape(name) + (domain ? @"($|[\s:/.""';])" : @"($|[\s:/""';])"), RegexOptions.CultureInvariant);

    internal static bool IsBackupService(ComposeService service) =>
        (service.Image is { } image && BackupImage.IsMatch(ImageName(image))) || service.Texts().Any(t => BackupCommand.IsMatch(t));

    /// <summary>The image's repository path without registry and tag: <c>prodrigestivill/postgres-backup-local</c>.</summary>
    internal static string ImageName(string image)
    {
        int at = image.IndexOf('@');
        if (at >= 0) image = image.Substring(0, at);
        int colon = image.LastIndexOf(':');
        if (colon > image.LastIndexOf('/')) image = image.Substring(0, colon);
        return image;
    }

    internal static bool SameStorage(ComposeVolumeMount backup, ComposeVolumeMount data)
    {
        if (backup.IsHostPath != data.IsHostPath) return false;
        if (!backup.IsHostPath) return string.Equals(backup.Source, data.Source, StringComparison.Ordinal);
        string a = NormalizePath(backup.Source), b = NormalizePath(data.Source);
        // A backup directory inside the data directory (./data/pg/backups under ./data/pg) is the same storage.
        return a == b || a.StartsWith(b + "/", StringComparison.Ordinal);
    }

    private static string NormalizePath(string path)
    {
        path = path.TrimEnd('/');
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path.Substring(2);
        return path;
    }

    // ---- Kubernetes ------------------------------------------------------------------------------------------

    private static void FromSnapshotClasses(DocumentContext document, List<ColocatedBackup> found)
    {
        foreach (var root in KubernetesWorkloads.Of(document).Objects)
        {
            if (root.ScalarValue("kind") != "VolumeSnapshotClass" || root.Scalar("deletionPolicy") is not { Value: "Delete" } policy) continue;
            string name = root.Mapping("metadata")?.ScalarValue("name") ?? "this class";
            found.Add(new ColocatedBackup(ColocationKind.SnapshotClassDeletes, policy.Span,
                $"VolumeSnapshotClass '{name}' has `deletionPolicy: Delete`",
                "deleting a VolumeSnapshot (or its namespace, or the cluster's objects in a teardown) deletes the snapshot on the storage system too, so one `kubectl delete ns` takes the data and its snapshots. Use `deletionPolicy: Retain` and copy snapshots out of the cluster's storage account.",
                null, null, "snapshot-class:" + name));
        }
    }

    // ---- dump commands ---------------------------------------------------------------------------------------

    private static void FromDumpCommands(DocumentContext document, List<ColocatedBackup> found)
    {
        foreach (var source in ShellSources.Of(document))
        {
            foreach (var command in source.Commands)
            {
                if (command.Name is not { } name || !BackupCatalog.Default.IsDumpProgram(name)) continue;
                foreach (var (word, span) in Outputs(command))
                {
                    if (DataDirectoryOf(word) is not { } directory) continue;
                    found.Add(new ColocatedBackup(ColocationKind.DumpIntoDataDirectory, span,
                        $"`{name}` writes its dump to `{word}`, inside the data directory `{directory}` it backs up",
                        "the volume that holds the data holds the backup, and deleting or corrupting one loses both. Write the dump to separate storage and copy it off the host.",
                        null, null, $"dump:{name}:{word}"));
                }
            }
        }
    }

    private static IEnumerable<(string Word, TextSpan Span)> Outputs(ShellCommand command)
    {
        foreach (var redirection in command.Redirections)
            if (redirection.Operator is ">" or ">>" or ">|" or "&>" && redirection.Target is { } target)
                yield return (TextOf(target), target.Span);
        var arguments = command.Arguments;
        for (int i = 1; i < arguments.Count; i++)
        {
            string text = TextOf(arguments[i]);
            foreach (var option in OutputOptions)
            {
                if (text == option && i + 1 < arguments.Count)
                    yield return (TextOf(arguments[i + 1]), arguments[i + 1].Span);
                else if (option.StartsWith("--", StringComparison.Ordinal) && text.StartsWith(option + "=", StringComparison.Ordinal))
                    yield return (text.Substring(option.Length + 1), arguments[i].Span);
            }
        }
    }

    /// <summary>A word's value, or for a dynamic word its source text without quotes (<c>"$PGDATA/x"</c> → <c>$PGDATA/x</c>).</summary>
    private static string TextOf(CommandWord word) => word.Value ?? word.RawText.Replace("\"", string.Empty).Replace("'", string.Empty);

    private static string? DataDirectoryOf(string path)
    {
        foreach (var directory in DataDirectories)
            if (path.StartsWith(directory + "/", StringComparison.Ordinal) || path == directory) return directory;
        return null;
    }

    // Most files hold no backup: one shared empty holder each.
    private sealed class Holder
    {
        public static readonly Holder None = new(Array.Empty<ColocatedBackup>());
        public Holder(IReadOnlyList<ColocatedBackup> backups) => Backups = backups;
        public IReadOnlyList<ColocatedBackup> Backups { get; }
    }
}
