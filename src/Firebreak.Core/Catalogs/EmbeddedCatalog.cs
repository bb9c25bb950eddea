using System;
using System.IO;
using System.Text;

namespace Firebreak.Core.Catalogs;

/// <summary>The text of a catalogue embedded in this assembly (rules/catalogs/*.yaml).</summary>
internal static class EmbeddedCatalog
{
    /// <summary>
    /// Decodes the resource in one step: its bytes, then one string. A guard decision reads every catalogue in a fresh
    /// process, where each buffer a <see cref="StreamReader"/> grows is memory touched for the first time.
    /// </summary>
    public static string Text(string resourceName)
    {
        var assembly = typeof(EmbeddedCatalog).Assembly;
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"embedded resource '{resourceName}' is missing from {assembly.GetName().Name}");
        var bytes = new byte[checked((int)stream.Length)];
        int read = 0;
        while (read < bytes.Length)
        {
            int n = stream.Read(bytes, read, bytes.Length - read);
            if (n <= 0) break;
            read += n;
        }
        int start = read >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, start, read - start);
    }
}
