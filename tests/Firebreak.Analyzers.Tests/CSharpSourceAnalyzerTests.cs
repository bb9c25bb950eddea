using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Firebreak.Analyzers.Tests;

/// <summary>
/// FB2006 in C# source, in the build as in <c>firebreak scan</c>: a token committed in code is found by the engine's
/// secret catalogue. The token is made at run time (this repository must not hold one for the self-scan to find).
/// </summary>
public sealed class CSharpSourceAnalyzerTests
{
    private static string FakeToken(string prefix, int length, int seed)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var random = new Random(seed);
        return prefix + new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    [Fact]
    public async Task A_token_committed_in_code_is_reported_and_a_placeholder_is_not()
    {
        string token = FakeToken("gh" + "p_", 36, 20261203);
        var test = new CSharpAnalyzerTest<CSharpSourceAnalyzer, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        string source = $$"""
            static class Deploy
            {
                const string Token = "{{token}}";
                const string Placeholder = "ghp_your_token_here";
                static string FromEnvironment() => System.Environment.GetEnvironmentVariable("GITHUB_TOKEN") ?? "";
            }
            """;
        test.TestState.Sources.Add(("/repo/src/Deploy.cs", source));
        int at = source.IndexOf(token, StringComparison.Ordinal);
        int line = source.Substring(0, at).Count(c => c == '\n') + 1;
        int column = at - source.LastIndexOf('\n', at - 1);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("FB2006", DiagnosticSeverity.Error).WithSpan("/repo/src/Deploy.cs", line, column, line, column + token.Length));
        await test.RunAsync();
    }
}
