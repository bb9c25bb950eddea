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
            var probe = new List<(string, EntryType)>();
            Read("/", probe);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or IOException)
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

    // As the runtime words them (its enumerator is what the other platforms use).
    private static Exception Failure(string path, int errno) =>
        errno switch
        {
            2 => new DirectoryNotFoundException($"Could not find a part of the path '{path}'."),
            13 => new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
            _ => new IOException($"'{path}': {Marshal.GetPInvokeErrorMessage(errno)}"),
        };

    [LibraryImport("libc", EntryPoint = "opendir", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial IntPtr OpenDir(string path);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static partial IntPtr ReadDir(IntPtr dir);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(IntPtr dir);
}
