using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace Firebreak.Cli.Discovery;

/// <summary>
/// A folder's entries with the type the kernel's directory listing gives each (<c>d_type</c>), on 64-bit Linux: a
/// regular file or a folder is known without a status call per entry, which was a quarter of the walk's time (each
/// <c>lstat</c> resolves the whole path again). Elsewhere, or for an entry whose type the file system does not say,
/// the walk asks for the status as before.
/// </summary>
internal static unsafe partial class DirectoryEntries
{
    /// <summary>The entry types of <c>&lt;dirent.h&gt;</c>; <see cref="Unknown"/>: ask <c>lstat</c>.</summary>
    public enum EntryType : byte
    {
        Unknown = 0,
        Fifo = 1,
        CharacterDevice = 2,
        Directory = 4,
        BlockDevice = 6,
        Regular = 8,
        Link = 10,
        Socket = 12,
    }

    /// <summary>Whether <see cref="Read"/> works here: the layout of <c>struct dirent</c> below is the 64-bit Linux one
    /// (glibc and musl alike).</summary>
    public static bool Supported { get; } = OperatingSystem.IsLinux() && IntPtr.Size == 8 && Probe();

    // struct dirent on 64-bit Linux: d_ino (8 bytes), d_off (8), d_reclen (2), d_type (1), d_name (NUL-terminated).
    private const int TypeOffset = 18, NameOffset = 19;

    private static bool Probe()
    {
        try
        {
            Read("/", new List<(string, EntryType)>());
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The library answered (a root this process may not list, in some sandbox): the calls exist.
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Adds every entry of <paramref name="path"/> but <c>.</c> and <c>..</c>, in the order the kernel gives.</summary>
    /// <exception cref="IOException">The folder cannot be opened or read (the message says why, as the runtime's would).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be read.</exception>
    public static void Read(string path, List<(string Name, EntryType Type)> entries)
    {
        IntPtr dir = OpenDir(path);
        if (dir == IntPtr.Zero) throw Failure(path, Marshal.GetLastPInvokeError());
        try
        {
            while (true)
            {
                byte* entry = (byte*)ReadDir(dir);
                if (entry == null)
                {
                    // End of the folder, or an error: readdir tells them apart only by errno, cleared before the call.
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno != 0) throw Failure(path, errno);
                    return;
                }
                byte* name = entry + NameOffset;
                if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) continue;
                entries.Add((Marshal.PtrToStringUTF8((IntPtr)name)!, (EntryType)entry[TypeOffset]));
            }
        }
        finally
        {
            CloseDir(dir);
        }
    }

    /// <summary>
    /// <see cref="BoundedFile.ReadUpTo(string, long, System.Buffers.ArrayPool{byte}?, out long, long)"/> on 64-bit Linux:
    /// one <c>open</c> (non-blocking, so that a FIFO put in a file's place since the listing cannot hang the scan), one
    /// <c>fstat</c> (the size, and that it is still a regular file), reads, <c>close</c> — the runtime's file handle asked
    /// for the status twice and resolved the path to a full one first, a fifth of reading a small file.
    /// </summary>
    public static byte[]? ReadUpTo(string path, long cap, System.Buffers.ArrayPool<byte>? pool, out long length, long knownLength)
    {
        int fd = Open(path, OpenReadOnly | OpenNonBlocking | OpenCloseOnExec | OpenNoControllingTerminal);
        if (fd < 0) throw Failure(path, Marshal.GetLastPInvokeError(), folder: false);
        try
        {
            var status = FileType.StatusBuffer();
            if (FStat(fd, status) != 0) throw Failure(path, Marshal.GetLastPInvokeError(), folder: false);
            int mode = BitConverter.ToInt32(status, 4);
            if (FileType.Describe(mode) is { } what) throw new IOException($"it is {what}, not a regular file; never read");
            length = knownLength >= 0 ? knownLength : BitConverter.ToInt64(status, 16);
            if (length > Math.Min(cap, Array.MaxLength)) return null;
            int size = (int)length;
            var bytes = pool is null ? new byte[size] : pool.Rent(Math.Max(size, 1));
            try
            {
                int read = 0;
                fixed (byte* start = bytes)
                {
                    while (read < size)
                    {
                        nint n = Read(fd, start + read, size - read);
                        if (n < 0)
                        {
                            int errno = Marshal.GetLastPInvokeError();
                            if (errno == EINTR) continue;
                            throw Failure(path, errno, folder: false);
                        }
                        if (n == 0) throw new IOException("it shrank while it was being read");
                        read += (int)n;
                    }
                }
                return bytes;
            }
            catch
            {
                pool?.Return(bytes);
                throw;
            }
        }
        finally
        {
            Close(fd);
        }
    }

    private const int OpenReadOnly = 0, OpenNoControllingTerminal = 0x100, OpenNonBlocking = 0x800, OpenCloseOnExec = 0x80000, EINTR = 4;

    // As the runtime words them (its enumerator and file handle are what the other platforms use).
    private static Exception Failure(string path, int errno, bool folder = true) =>
        errno switch
        {
            2 when folder => new DirectoryNotFoundException($"Could not find a part of the path '{path}'."),
            2 => new FileNotFoundException($"Could not find file '{path}'.", path),
            13 => new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
            _ => new IOException($"'{path}': {Marshal.GetPInvokeErrorMessage(errno)}"),
        };

    [LibraryImport("libc", EntryPoint = "opendir", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial IntPtr OpenDir(string path);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static partial IntPtr ReadDir(IntPtr dir);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(IntPtr dir);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
    private static partial int FStat(nint fd, [Out] byte[] status);
}
