using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Firebreak.Cli.Discovery;
using Xunit;

namespace Firebreak.Cli.Tests;

/// <summary>
/// The folder walk's listing on 64-bit Linux: each entry's type from the listing itself (no status call for a file or a
/// folder), links and special files left for a status, and the same files found as the runtime's own enumeration finds.
/// </summary>
public sealed class DirectoryEntriesTests
{
    [Fact]
    public void The_listing_types_files_folders_links_and_pipes_on_linux()
    {
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8) return;
        Assert.True(DirectoryEntries.Supported);
        string root = Path.Combine(Path.GetTempPath(), "fb-dirent-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "sub"));
        try
        {
            File.WriteAllText(Path.Combine(root, "deploy.sh"), "echo hi\n");
            File.WriteAllText(Path.Combine(root, "caf\u00e9 \u2603.yml"), "a: 1\n");
            File.CreateSymbolicLink(Path.Combine(root, "link"), Path.Combine(root, "sub"));
            var mkfifo = System.Diagnostics.Process.Start("mkfifo", new[] { Path.Combine(root, "pipe") })!;
            mkfifo.WaitForExit();

            var entries = new List<(string Name, DirectoryEntries.EntryType Type)>();
            DirectoryEntries.Read(root, entries);
            var types = entries.ToDictionary(e => e.Name, e => e.Type);
            Assert.Equal(new[] { "caf\u00e9 \u2603.yml", "deploy.sh", "link", "pipe", "sub" }, types.Keys.OrderBy(k => k, StringComparer.Ordinal));
            // ext4 and tmpfs both give types; a file system that does not (Unknown) is asked for a status by the walk.
            Assert.All(types.Values, t => Assert.NotEqual(DirectoryEntries.EntryType.Unknown, t));
            Assert.Equal(DirectoryEntries.EntryType.Regular, types["deploy.sh"]);
            Assert.Equal(DirectoryEntries.EntryType.Directory, types["sub"]);
            Assert.Equal(DirectoryEntries.EntryType.Link, types["link"]);
            Assert.Equal(DirectoryEntries.EntryType.Fifo, types["pipe"]);
            Assert.Equal(Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal),
                types.Keys.OrderBy(k => k, StringComparer.Ordinal));

            Assert.Throws<DirectoryNotFoundException>(() => DirectoryEntries.Read(Path.Combine(root, "missing"), entries));
            Assert.ThrowsAny<IOException>(() => DirectoryEntries.Read(Path.Combine(root, "deploy.sh"), entries));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Reading_opens_without_blocking_and_reads_only_regular_files()
    {
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8) return;
        string root = Path.Combine(Path.GetTempPath(), "fb-read-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            string file = Path.Combine(root, "a.sh"), pipe = Path.Combine(root, "deploy.sh");
            File.WriteAllText(file, "rm -rf /data\n");
            var mkfifo = System.Diagnostics.Process.Start("mkfifo", new[] { pipe })!;
            mkfifo.WaitForExit();

            var bytes = BoundedFile.ReadUpTo(file, 1 << 20, null, out long length)!;
            Assert.Equal(13, length);
            Assert.Equal("rm -rf /data\n", System.Text.Encoding.UTF8.GetString(bytes));
            Assert.Null(BoundedFile.ReadUpTo(file, 4, null, out length)); // over the cap: not read
            Assert.Equal(13, length);
            // A FIFO where a file was listed: opened without waiting for a writer, refused, never read.
            var refused = Assert.Throws<IOException>(() => BoundedFile.ReadUpTo(pipe, 1 << 20, null, out _));
            Assert.Contains("named pipe", refused.Message, StringComparison.Ordinal);
            Assert.Throws<FileNotFoundException>(() => BoundedFile.ReadUpTo(Path.Combine(root, "gone.sh"), 1 << 20, null, out _));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
