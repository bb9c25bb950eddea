using Firebreak.Core.Documents;
using Firebreak.Core.Credentials;

namespace Firebreak.Core.Tests.Credentials;

/// <summary>
/// Fake token bodies built at run time, so no token-shaped literal sits in the test sources. Rotated by
/// <see cref="Offset"/> so they differ from the catalogue's own examples, which the default scanner ignores.
/// </summary>
internal static class Fake
{
    public const int Offset = 11;

    public static string Alnum(int n) => CatalogExampleExpander.Body("alnum", n, Offset);
    public static string Lower(int n) => CatalogExampleExpander.Body("lower", n, Offset);
    public static string Upper(int n) => CatalogExampleExpander.Body("upper", n, Offset);
    public static string Hex(int n) => CatalogExampleExpander.Body("hex", n, Offset);
    public static string B64(int n) => CatalogExampleExpander.Body("b64", n, Offset);
    public static string Uuid => CatalogExampleExpander.Expand("{uuid}", Offset);
    public static string Jwt(string role) => CatalogExampleExpander.Expand("{jwt:" + role + "}", Offset);
    public static string Pem(string label) => CatalogExampleExpander.Expand("{pem:" + label + "}", Offset);
    public static string Expand(string template) => CatalogExampleExpander.Expand(template, Offset);
    public static string Url(int n) => CatalogExampleExpander.Body("url", n, Offset);
}

