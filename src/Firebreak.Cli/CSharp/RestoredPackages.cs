using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Firebreak.Cli.Discovery;

namespace Firebreak.Cli.CSharp;

/// <summary>
/// The compile-time assemblies of a project's packages, when the user has restored it: read from
/// <c>obj/project.assets.json</c> (NuGet's record of the restore), found in the user's own global packages folder, and
/// loaded as metadata only — never restored, never fetched, never run. The assets file is the repository's to write
/// (a committed <c>obj/</c> is attacker-controlled), so only package names and versions are taken from it: the folder
/// they are looked up in is the user's (<c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>), never the
/// <c>packageFolders</c> the file names, and a path that leaves that folder, passes through a symlink or is not a
/// regular <c>.dll</c> is not used.
/// </summary>
internal static class RestoredPackages
{
    /// <summary>Far larger than the assets file of any real project (a CDK app's is a few MiB).</summary>
    private const long MaxAssetsFileSize = 64L * 1024 * 1024;

    /// <summary>Far larger than any reference assembly (Amazon.CDK.Lib's is about 30 MiB).</summary>
    private const long MaxAssemblySize = 256L * 1024 * 1024;

    /// <summary>The user's global packages folder, whether or not it exists.</summary>
    public static string? DefaultGlobalPackagesFolder()
    {
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured) return Path.GetFullPath(configured);
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length == 0 ? null : Path.Combine(home, ".nuget", "packages");
    }

    /// <summary>
    /// Full paths of the compile assets of the packages <paramref name="assetsFile"/> lists for
    /// <paramref name="targetFramework"/> (else its only framework), in the order of the file; empty when there is no
    /// readable assets file, no such framework or no global packages folder.
    /// </summary>
    public static IReadOnlyList<string> CompileAssemblies(string assetsFile, string? targetFramework, string? globalPackagesFolder)
    {
        var found = new List<string>();
        if (globalPackagesFolder is null || !Directory.Exists(globalPackagesFolder) || !File.Exists(assetsFile)) return found;
        if (new FileInfo(assetsFile).LinkTarget is not null) return found; // a scan follows no symlink
        string packages = Path.TrimEndingDirectorySeparator(Path.GetFullPath(globalPackagesFolder));
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(BoundedFile.ReadBytes(assetsFile, MaxAssetsFileSize), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return found;
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Object) return found;
            if (TargetOf(targets, targetFramework) is not { } target) return found;
            foreach (var library in target.EnumerateObject())
            {
                if (library.Value.ValueKind != JsonValueKind.Object) continue;
                if (!library.Value.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "package") continue;
                if (!library.Value.TryGetProperty("compile", out var compile) || compile.ValueKind != JsonValueKind.Object) continue;
                if (PackageFolder(library.Name) is not { } packageFolder) continue;
                foreach (var asset in compile.EnumerateObject())
                    if (Resolve(packages, packageFolder, asset.Name) is { } path) found.Add(path);
            }
        }
        return found;
    }

    /// <summary>The target for the framework (a restore for a runtime, <c>net10.0/linux-x64</c>, is not it); else the only one.</summary>
    private static JsonElement? TargetOf(JsonElement targets, string? targetFramework)
    {
        JsonElement? only = null;
        int count = 0;
        foreach (var target in targets.EnumerateObject())
        {
            if (target.Value.ValueKind != JsonValueKind.Object || target.Name.IndexOf('/') >= 0) continue;
            if (targetFramework is not null && string.Equals(target.Name, targetFramework, StringComparison.OrdinalIgnoreCase)) return target.Value;
            only = target.Value;
            count++;
        }
        return count == 1 ? only : null;
    }

    /// <summary>
    /// <c>awssdk.core/4.1.1</c> for <c>AWSSDK.Core/4.1.1</c>: the layout of a global packages folder, computed from the
    /// name and version (the assets file's own <c>path</c> is not trusted); null for anything that is not a package id and a version.
    /// </summary>
    private static string? PackageFolder(string library)
    {
        int slash = library.IndexOf('/');
        if (slash <= 0 || slash == library.Length - 1 || library.IndexOf('/', slash + 1) >= 0) return null;
        string id = library.Substring(0, slash), version = library.Substring(slash + 1);
        if (!IsName(id) || !IsName(version) || id.StartsWith('.') || version.StartsWith('.')) return null;
        return id.ToLowerInvariant() + "/" + version.ToLowerInvariant();

        static bool IsName(string value)
        {
            foreach (char c in value)
                if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+')) return false;
            return value.Length > 0 && value.IndexOf("..", StringComparison.Ordinal) < 0;
        }
    }

    /// <summary>
    /// The asset's full path when it is a regular <c>.dll</c> inside <paramref name="packages"/>, reached through no
    /// symlink below it, and not over the size cap; null otherwise (<c>_._</c>, the placeholder of an empty folder, too).
    /// </summary>
    private static string? Resolve(string packages, string packageFolder, string asset)
    {
        string relative = asset.Replace('\\', '/');
        if (!relative.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || relative.StartsWith('/') || relative.IndexOf(':') >= 0) return null;
        var segments = (packageFolder + "/" + relative).Split('/');
        foreach (string segment in segments)
            if (segment.Length == 0 || segment == "." || segment == "..") return null;
        string path = packages;
        try
        {
            foreach (string segment in segments)
            {
                path = Path.Combine(path, segment);
                // Every step below the user's folder must be what it says: a symlink could lead anywhere.
                FileSystemInfo step = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
                if (!step.Exists || step.LinkTarget is not null) return null;
            }
            var file = new FileInfo(path);
            if (!file.Exists || file.Length > MaxAssemblySize || FileType.NotRegular(path) is not null) return null;
            string full = Path.GetFullPath(path);
            return full.StartsWith(packages + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
