namespace Firebreak.Core.Text;

/// <summary>Hexadecimal digits, as the escapes of every language we read write them.</summary>
internal static class Hex
{
    /// <summary>The digit's value, or -1 when <paramref name="c"/> is no hexadecimal digit.</summary>
    public static int Value(char c) =>
        c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}
