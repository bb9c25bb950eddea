using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Firebreak.Cli.Discovery;

/// <summary>
/// What a path is, read from its status without opening it: opening a FIFO blocks until a writer comes, and a device
/// (<c>/dev/zero</c>, or a character device a tarball recreates as <c>deploy.sh</c>) never ends. Only regular files
/// are ever opened for reading.
/// </summary>
internal static partial class FileType
{
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000, CharacterDevice = 0x2000, Directory = 0x4000, BlockDevice = 0x6000, Regular = 0x8000, Link = 0xA000, Socket = 0xC000;

    /// <summary>Null for a regular file (or where the status cannot be read: the caller's own checks then apply);
    /// otherwise what it is, for the note.</summary>
    public static string? NotRegular(string path) => Mode(path) is { } mode ? Describe(mode) : null;

    /// <summary>Null for a regular file's mode; otherwise what the mode says it is, for the note.</summary>
    public static string? Describe(int mode)
    {
        return (mode & TypeMask) switch
        {
            Regular => null,
            Directory => "a folder",
            Fifo => "a named pipe (FIFO)",
            CharacterDevice => "a character device",
            BlockDevice => "a block device",
            Socket => "a socket",
            Link => "a symbolic link",
            _ => "not a regular file",
        };
    }

    /// <summary>
    /// What the path itself is (a link is not followed) and its size, from one <c>lstat</c>: what the folder walk
    /// learns of every entry, so that the loader need not ask again. Null where the status cannot be read.
    /// </summary>
    public static (int Mode, long Size)? Of(string path) => Status(path, followLinks: false);

    /// <summary>The type bits of a regular file's mode, and of a folder's (the permission bits are not read).</summary>
    public const int RegularMode = Regular, DirectoryMode = Directory;

    public static bool IsDirectory(int mode) => (mode & TypeMask) == Directory;
    public static bool IsLink(int mode) => (mode & TypeMask) == Link;

    private static int? Mode(string path) => Status(path, followLinks: true)?.Mode;

    private static (int Mode, long Size)? Status(string path, bool followLinks)
    {
        if (OperatingSystem.IsWindows()) return null;
        // The runtime's own portable stat and lstat (the ones FileInfo uses): their file-type bits are the same on
        // every Unix.
        var buffer = StatusBuffer();
        try
        {
            int result = followLinks ? Stat(path, buffer) : LStat(path, buffer);
            return result == 0 ? (BitConverter.ToInt32(buffer, 4), BitConverter.ToInt64(buffer, 16)) : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The runtime's status record (mode at byte 4, size at byte 16), one per thread: a walk asks for thousands.</summary>
    [ThreadStatic] private static byte[]? t_status;

    internal static byte[] StatusBuffer() => t_status ??= new byte[512];

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] status);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, [Out] byte[] status);
}

/// <summary>Reads a file the repository controls: only a regular file, never more than a cap, and never past what its
/// size said when we looked: a file that shrinks meanwhile is an error, one that grows is read as it was (never a hang,
/// and no extra read per file to ask).</summary>
internal static class BoundedFile
{
    /// <summary>Configuration, catalogues and ignore files: far larger than any real one.</summary>
    public const long SmallFileCap = 4L * 1024 * 1024;

    public static byte[] ReadBytes(string path, long cap)
    {
        if (FileType.NotRegular(path) is { } what) throw new IOException($"it is {what}, not a regular file; never opened");
        return ReadUpTo(path, cap, out long length) ?? throw new IOException($"it is {length} bytes, over the {cap}-byte limit");
    }

    /// <summary>
    /// The bytes of a file the caller has found regular, or null when its size (in <paramref name="length"/>) is over
    /// <paramref name="cap"/>. One open, one status and positioned reads on the handle: no stream buffer, no advisory
    /// lock (the CLI turns file locking off: it only reads), no second look-up of the path for its size.
    /// </summary>
    public static byte[]? ReadUpTo(string path, long cap, out long length)
    {
        if (ReadUpTo(path, cap, null, out length) is not { } bytes) return null;
        return bytes;
    }

    /// <summary>
    /// As <see cref="ReadUpTo(string, long, out long)"/>, into a buffer rented from <paramref name="pool"/> (null: a new
    /// array of the exact size) that holds <paramref name="length"/> bytes; the caller returns it to the pool.
    /// </summary>
    /// <param name="knownLength">The size the folder walk's status gave (negative: ask the handle).</param>
    public static byte[]? ReadUpTo(string path, long cap, System.Buffers.ArrayPool<byte>? pool, out long length, long knownLength = -1)
    {
        // A size known from the walk is over the cap before anything is opened.
        if (knownLength > Math.Min(cap, Array.MaxLength))
        {
            length = knownLength;
            return null;
        }
        if (DirectoryEntries.Supported) return DirectoryEntries.ReadUpTo(path, cap, pool, out length, knownLength);
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        length = knownLength >= 0 ? knownLength : RandomAccess.GetLength(handle);
        if (length > Math.Min(cap, Array.MaxLength)) return null;
        int size = (int)length;
        var bytes = pool is null ? new byte[size] : pool.Rent(Math.Max(size, 1));
        try
        {
            int read = 0;
            while (read < size)
            {
                int n = RandomAccess.Read(handle, bytes.AsSpan(read, size - read), read);
                if (n == 0) throw new IOException("it shrank while it was being read");
                read += n;
            }
            return bytes;
        }
        catch
        {
            pool?.Return(bytes);
            throw;
        }
    }

    public static string ReadText(string path, long cap = SmallFileCap)
    {
        var bytes = ReadBytes(path, cap);
        int offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return new System.Text.UTF8Encoding(false, false).GetString(bytes, offset, bytes.Length - offset);
    }
}
