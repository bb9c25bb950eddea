using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Firebreak.Core.Configuration;

namespace Firebreak.Cli.Discovery;

/// <summary>
/// Finds the files of a scan. Inside a git work tree, git's own list (tracked + untracked, not ignored) is the
/// truth; elsewhere a walk that honours every <c>.gitignore</c> on the way. Either way <c>.git/</c>, <c>bin/</c>,
/// <c>obj/</c> and <c>node_modules/</c> are skipped, and no symlink is followed: one that leaves the root or loops gets
/// a note, one inside the root is scanned at its real path.
/// </summary>
public sealed class FileDiscovery
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules" };

    private readonly string _root;
    private readonly string _rootReal;
    private readonly bool _useIgnoreFiles;
    private readonly IgnoreRules? _exclude;

    public FileDiscovery(string root, bool useIgnoreFiles, IReadOnlyList<string> excludeGlobs)
    {
        _root = Path.GetFullPath(root);
        _rootReal = RealPath(_root);
        _useIgnoreFiles = useIgnoreFiles;
        _exclude = excludeGlobs.Count == 0 ? null : new IgnoreRules(excludeGlobs);
    }

    /// <summary>
    /// A discovered file: its full path and its path relative to the root, with forward slashes; and, when the walk read
    /// its status, its mode and size (<see cref="Mode"/> 0: not known), so the loader need not read them again.
    /// </summary>
    public readonly record struct Candidate(string FullPath, string RelativePath, int Mode = 0, long Size = -1);

    /// <summary>Files under the root, sorted by relative path; <paramref name="skipped"/> gets (path, reason) notes.</summary>
    public IReadOnlyList<Candidate> Discover(List<(string Path, string Reason)> skipped)
    {
        var listed = _useIgnoreFiles ? GitListing() : null;
        var files = listed ?? Walk(skipped);
        var result = new List<Candidate>(files.Count);
        foreach (var (relative, walkedFull, mode, size) in files)
        {
            // The walk never enters a skipped folder, so only a file's own name can be one; git's list is checked whole.
            if ((listed is null ? SkippedFolders.Contains(NameOf(relative)) : IsSkippedPath(relative)) || IsExcluded(relative)) continue;
            string full = walkedFull ?? Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));
            // The walk already saw what each entry is; git's list says nothing of links, so those are asked.
            if ((mode == 0 || FileType.IsLink(mode)) && !Accept(full, relative, skipped)) continue;
            result.Add(new Candidate(full, relative, mode, size));
        }
        result.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return result;
    }

    /// <summary>An explicitly named file: scanned as given unless the config excludes it.</summary>
    public Candidate? Explicit(string path, List<(string Path, string Reason)> skipped)
    {
        string full = Path.GetFullPath(path);
        string relative = Relative(full);
        if (IsExcluded(relative)) return null;
        if (!File.Exists(full) && !IsLink(full))
        {
            skipped.Add((relative, "the file does not exist"));
            return null;
        }
        return Accept(full, relative, skipped) ? new Candidate(full, relative) : null;
    }

    public string Relative(string full)
    {
        string relative = Path.GetRelativePath(_root, full).Replace('\\', '/');
        return relative;
    }

    private static string NameOf(string relative) => relative.Substring(relative.LastIndexOf('/') + 1);

    private bool IsExcluded(string relative) => _exclude is not null && _exclude.IsIgnored(relative, isDirectory: false);

    private static bool IsSkippedPath(string relative)
    {
        foreach (var part in relative.Split('/'))
        {
            if (SkippedFolders.Contains(part)) return true;
        }
        return false;
    }

    /// <summary>Symlinks: never followed out of the root; a loop or a dangling link is a note.</summary>
    private bool Accept(string full, string relative, List<(string Path, string Reason)> skipped)
    {
        // One lstat: the attributes say whether it exists, is a folder, or is a link.
        var attributes = new FileInfo(full).Attributes;
        if ((int)attributes == -1) return false;
        if ((attributes & FileAttributes.ReparsePoint) == 0) return (attributes & FileAttributes.Directory) == 0;
        FileSystemInfo? target;
        try
        {
            target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException ex)
        {
            skipped.Add((relative, "symbolic link that cannot be resolved (" + ex.Message.TrimEnd('.') + "); not followed"));
            return false;
        }
        if (target is null || !target.Exists)
        {
            skipped.Add((relative, "symbolic link to a file that does not exist; not followed"));
            return false;
        }
        if (!IsUnder(RealPath(target.FullName), _rootReal))
        {
            skipped.Add((relative, "symbolic link that leads outside the scanned folder; not followed"));
            return false;
        }
        // Inside the root the target is scanned at its own path; scanning it again through the link would double it.
        return false;
    }

    /// <summary>
    /// git's own file list, asked of git as a reader (GitReader: no fsmonitor, hooks, pager or system config that the
    /// scanned repository could use to run a program on this machine); null when git is absent or this is no work tree.
    /// </summary>
    private List<(string Relative, string? Full, int Mode, long Size)>? GitListing()
    {
        // No `.git` in the folder or above it (and no GIT_DIR naming one elsewhere): git would only say so, after a
        // process start per scanned folder (1.5 ms each, measured).
        if (!MayBeInWorkTree(_root)) return null;
        var output = Diff.GitReader.Run(_root, new[] { "ls-files", "-z", "--cached", "--others", "--exclude-standard" });
        if (output is null || output.ExitCode != 0) return null;
        return output.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Select(f => (f, (string?)null, 0, -1L)).ToList();
    }

    private static bool MayBeInWorkTree(string folder)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GIT_DIR"))) return true;
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            string git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return true;
        }
        return false;
    }

    /// <summary>
    /// Every file under the root, each with its full path and the mode and size its <c>lstat</c> gave (mode 0: not
    /// known). Relative paths are built by joining names on the way down, never by comparing full paths. Folders
    /// are read by every core at once from one queue (each carries the ignore rules of its ancestors): on one thread
    /// the walk was a fifth of a corpus scan's wall time. A queue, not recursion, so no nesting depth can exhaust a
    /// stack; the caller sorts, so the order folders are read in changes nothing.
    /// </summary>
    private List<(string Relative, string? Full, int Mode, long Size)> Walk(List<(string Path, string Reason)> skipped)
    {
        var files = new System.Collections.Concurrent.ConcurrentBag<(string, string?, int, long)>();
        var notes = new System.Collections.Concurrent.ConcurrentBag<(string, string)>();
        var queue = new System.Collections.Concurrent.ConcurrentQueue<Folder>();
        queue.Enqueue(new Folder(_root, string.Empty, new List<(string, IgnoreRules)>()));
        int unfinished = 1; // folders queued or being read
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        int workers = Math.Max(1, Math.Min(Environment.ProcessorCount, 8));
        System.Threading.Tasks.Parallel.For(0, workers, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            var spin = new System.Threading.SpinWait();
            while (System.Threading.Volatile.Read(ref unfinished) > 0)
            {
                if (!queue.TryDequeue(out var folder))
                {
                    spin.SpinOnce();
                    continue;
                }
                spin.Reset();
                try
                {
                    foreach (var sub in ReadFolder(folder, files, notes))
                    {
                        System.Threading.Interlocked.Increment(ref unfinished);
                        queue.Enqueue(sub);
                    }
                }
                catch (Exception ex)
                {
                    // Not expected (every read error is a note); kept to be thrown once the others stop, never a hang.
                    failure ??= System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
                }
                finally
                {
                    System.Threading.Interlocked.Decrement(ref unfinished);
                }
            }
        });
        failure?.Throw();
        skipped.AddRange(notes.OrderBy(n => n.Item1, StringComparer.Ordinal).ThenBy(n => n.Item2, StringComparer.Ordinal));
        return files.ToList();
    }

    /// <summary>A folder to read: its full path, its path relative to the root ("" for the root), the ignore rules of
    /// its ancestors, each with the relative path of the folder its <c>.gitignore</c> sits in.</summary>
    private readonly record struct Folder(string Full, string Relative, List<(string Base, IgnoreRules List)> Ignores);

    /// <summary>One folder: its files into <paramref name="files"/>, its subfolders (with their ignore rules) returned.</summary>
    /// <remarks>
    /// One <c>lstat</c> per entry, through the runtime's own portable call: it says at once whether the entry is a
    /// folder, a link, a regular file or something never to open (a FIFO, a device), and its size, which the loader
    /// then uses instead of asking again. A folder's <c>.gitignore</c> is looked for among the names just read.
    /// </remarks>
    private List<Folder> ReadFolder(Folder folder, System.Collections.Concurrent.ConcurrentBag<(string, string?, int, long)> files,
        System.Collections.Concurrent.ConcurrentBag<(string, string)> skipped)
    {
        string dir = folder.Full;
        var inherited = folder.Ignores;
        var subfolders = new List<Folder>();
        // Each entry with what the listing says of it: on 64-bit Linux its type (a regular file or a folder then needs no
        // status call); elsewhere only whether it is a folder, its type left Unknown (asked below).
        var entries = new List<(string Name, bool IsDirectory, DirectoryEntries.EntryType Type)>();
        try
        {
            if (DirectoryEntries.Supported)
            {
                var typed = new List<(string, DirectoryEntries.EntryType)>();
                DirectoryEntries.Read(dir, typed);
                // As the runtime's enumeration says it: a link (or an entry of unknown type) is a folder when its
                // target is one.
                foreach (var (name, type) in typed)
                    entries.Add((name, type == DirectoryEntries.EntryType.Directory
                        || (type is DirectoryEntries.EntryType.Link or DirectoryEntries.EntryType.Unknown && Directory.Exists(Path.Join(dir, name))), type));
            }
            else
            {
                entries.AddRange(new System.IO.Enumeration.FileSystemEnumerable<(string, bool, DirectoryEntries.EntryType)>(dir,
                    static (ref System.IO.Enumeration.FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory, DirectoryEntries.EntryType.Unknown), FolderOptions));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            skipped.Add((Relative(dir), "folder could not be read: " + ex.Message));
            return subfolders;
        }

        var ignores = inherited;
        if (_useIgnoreFiles && entries.Exists(e => !e.IsDirectory && e.Name == ".gitignore"))
        {
            string ignoreFile = Path.Combine(dir, ".gitignore");
            try
            {
                ignores = new List<(string, IgnoreRules)>(inherited) { (folder.Relative, new IgnoreRules(BoundedFile.ReadText(ignoreFile).Split('\n'))) };
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                skipped.Add((Relative(ignoreFile), ".gitignore could not be read: " + ex.Message));
            }
        }

        foreach (var (name, enumeratedAsDirectory, listedType) in entries)
        {
            string full = Path.Join(dir, name);
            string relative = folder.Relative.Length == 0 ? name : folder.Relative + "/" + name;
            // A type the listing gave for a regular file or a folder is its status' type; the size is then read from
            // the open file (a status without the path's resolution). Links, devices and untyped entries are asked.
            var status = listedType switch
            {
                DirectoryEntries.EntryType.Regular => (FileType.RegularMode, -1L),
                DirectoryEntries.EntryType.Directory => (FileType.DirectoryMode, -1L),
                _ => FileType.Of(full),
            };
            // Without a status (Windows, or the entry went away), what the enumeration said, and the links asked later.
            bool isLink = status is { } s ? FileType.IsLink(s.Mode) : new FileInfo(full).LinkTarget is not null;
            bool isDirectory = status is { } d ? FileType.IsDirectory(d.Mode) || (isLink && enumeratedAsDirectory) : enumeratedAsDirectory;
            if (isDirectory && SkippedFolders.Contains(name)) continue;
            if (IsIgnored(ignores, relative, isDirectory)) continue;
            if (isDirectory)
            {
                if (isLink)
                {
                    // Directory links are not walked (git does not either); one that leaves the root or loops is noted.
                    var linkNotes = new List<(string, string)>();
                    NoteDirectoryLink(new DirectoryInfo(full), linkNotes);
                    foreach (var note in linkNotes) skipped.Add(note);
                    continue;
                }
                subfolders.Add(new Folder(full, relative, ignores));
            }
            else
            {
                // A link (mode of a link) goes to Accept; a status not read leaves the mode 0, asked again by the loader.
                files.Add((relative, full, status?.Mode ?? 0, status?.Size ?? -1));
            }
        }
        return subfolders;
    }

    /// <summary>Every entry, hidden ones included, nothing skipped for its attributes (which would cost a status each).</summary>
    private static readonly EnumerationOptions FolderOptions = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    private void NoteDirectoryLink(DirectoryInfo link, List<(string Path, string Reason)> skipped)
    {
        try
        {
            var target = link.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists) skipped.Add((Relative(link.FullName), "symbolic link to a folder that does not exist; not followed"));
            else if (!IsUnder(RealPath(target.FullName), _rootReal)) skipped.Add((Relative(link.FullName), "symbolic link that leads outside the scanned folder; not followed"));
        }
        catch (IOException ex)
        {
            skipped.Add((Relative(link.FullName), "symbolic link that cannot be resolved (" + ex.Message.TrimEnd('.') + "); not followed"));
        }
    }

    /// <param name="relative">The entry's path relative to the root; each list's base is its folder's, a prefix of it.</param>
    private static bool IsIgnored(List<(string Base, IgnoreRules List)> ignores, string relative, bool isDirectory)
    {
        foreach (var (baseDir, list) in ignores)
        {
            string underBase = baseDir.Length == 0 ? relative : relative.Substring(baseDir.Length + 1);
            if (list.IsIgnored(underBase, isDirectory)) return true;
        }
        return false;
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (IOException)
        {
            return false;
        }
    }

    internal static string RealPath(string path)
    {
        // Resolve each symlinked ancestor so /tmp/x and its real location compare equal.
        try
        {
            var info = new DirectoryInfo(path);
            var parts = new Stack<string>();
            while (info is not null)
            {
                if (info.LinkTarget is not null && info.ResolveLinkTarget(true) is { } resolved)
                {
                    string rebuilt = resolved.FullName;
                    while (parts.Count > 0) rebuilt = Path.Combine(rebuilt, parts.Pop());
                    return rebuilt;
                }
                parts.Push(info.Name);
                info = info.Parent;
            }
        }
        catch (IOException)
        {
        }
        return path;
    }

    internal static bool IsUnder(string path, string root) =>
        path.Equals(root, StringComparison.Ordinal) ||
        path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
