using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Firebreak.Cli.Lsp;

/// <summary>
/// The base protocol of the Language Server Protocol: each message is <c>Content-Length: N\r\n\r\n</c> followed by N
/// bytes of UTF-8 JSON (https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#baseProtocol).
/// Reading is single-threaded; writing is serialised so that diagnostics published from analysis tasks never interleave
/// with responses.
/// </summary>
public sealed class LspTransport
{
    /// <summary>A message larger than this is not an editor's; the server stops rather than buffer it.</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    private readonly Stream _input;
    private readonly Stream _output;
    private readonly object _writeLock = new();

    public LspTransport(Stream input, Stream output)
    {
        _input = input;
        _output = output;
    }

    /// <summary>The next message, or null at the end of the input.</summary>
    public JsonDocument? Read()
    {
        int length = -1;
        while (true)
        {
            string? line = ReadHeaderLine();
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (length < 0) continue; // blank lines between messages are tolerated
                break;
            }
            int colon = line.IndexOf(':');
            if (colon <= 0) throw new InvalidDataException($"malformed LSP header '{Cut(line)}'");
            string name = line.Substring(0, colon).Trim();
            string value = line.Substring(colon + 1).Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > MaxMessageBytes)
                    throw new InvalidDataException($"invalid Content-Length '{Cut(value)}'");
            }
        }
        var body = new byte[length];
        int read = 0;
        while (read < length)
        {
            int n = _input.Read(body, read, length - read);
            if (n == 0) return null;
            read += n;
        }
        return JsonDocument.Parse(body);
    }

    public void Write(Action<Utf8JsonWriter> writeMessage)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc", "2.0");
            writeMessage(json);
            json.WriteEndObject();
        }
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {buffer.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n");
        lock (_writeLock)
        {
            _output.Write(header, 0, header.Length);
            buffer.Position = 0;
            buffer.CopyTo(_output);
            _output.Flush();
        }
    }

    private string? ReadHeaderLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            int b = _input.ReadByte();
            if (b < 0) return line.Length == 0 ? null : line.ToString();
            if (b == '\n') return line.ToString().TrimEnd('\r');
            if (line.Length > 4096) throw new InvalidDataException("LSP header line longer than 4 KiB");
            line.Append((char)b);
        }
    }

    private static string Cut(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
}
