using System.Threading.Tasks;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Firebreak.Analyzers.Tests;

/// <summary>FB1002 on HttpClient code: platform mutations and REST deletes, through every way C# builds a request.</summary>
public sealed class DestructiveHttpCallAnalyzerTests
{
    private static CSharpAnalyzerTest<DestructiveHttpCallAnalyzer, DefaultVerifier> Test(string source)
    {
        var test = new CSharpAnalyzerTest<DestructiveHttpCallAnalyzer, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add("#nullable enable\n" + source);
        return test;
    }

    private static DiagnosticResult Error(int location) => new DiagnosticResult(RuleIds.DestructiveApiCall, DiagnosticSeverity.Error).WithLocation(location);

    [Fact]
    public async Task A_Railway_volumeDelete_posted_as_a_JSON_string_is_an_error_at_the_call()
    {
        var test = Test("""
            using System.Net.Http;
            using System.Text;
            using System.Threading.Tasks;
            static class StagingReset
            {
                const string Endpoint = "https://backboard.railway.app/graphql/v2";
                static async Task Main()
                {
                    using var http = new HttpClient();
                    var volumeId = System.Environment.GetEnvironmentVariable("VOLUME_ID");
                    var body = "{\"query\":\"mutation { volumeDelete(volumeId: \\\"" + volumeId + "\\\") }\"}";
                    await http.{|#0:PostAsync|}(Endpoint, new StringContent(body, Encoding.UTF8, "application/json"));
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Error(0).WithMessage(
            "`PostAsync` sends the Railway GraphQL mutation `volumeDelete`, which deletes the volume, all its data and the volume backups stored with it. Nothing is left on the platform to restore from. Remove the call from automation or require a manual approval, and give the program a token scoped to the one resource it may delete."));
        await test.RunAsync();
    }

    [Fact]
    public async Task Anonymous_objects_JsonContent_PostAsJsonAsync_Serialize_SendAsync_and_BaseAddress_are_read()
    {
        var test = Test("""
            using System;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Text.Json;
            using System.Threading.Tasks;
            class Railway
            {
                async Task Run(HttpClient http, string id)
                {
                    var mutation = $"mutation {{ volumeDelete(volumeId: \"{id}\") }}";
                    await http.{|#0:PostAsJsonAsync|}("https://backboard.railway.com/graphql/v2", new { query = mutation });
                    await http.{|#1:PostAsync|}(new Uri("https://backboard.railway.app/graphql/v2"), JsonContent.Create(new { query = "mutation { environmentDelete(id: \"e1\") }" }));
                    await http.{|#2:PostAsync|}("https://backboard.railway.app/graphql/v2", new StringContent(JsonSerializer.Serialize(new { query = "mutation { projectDelete(id: \"p1\") }" })));
                    var request = new HttpRequestMessage(HttpMethod.Post, "https://backboard.railway.app/graphql/v2") { Content = JsonContent.Create(new { query = "mutation { volumeDelete(volumeId: \"v\") }" }) };
                    await http.{|#3:SendAsync|}(request);
                    var fly = new HttpClient { BaseAddress = new Uri("https://api.machines.dev") };
                    await fly.{|#4:DeleteAsync|}($"/v1/apps/{id}");
                }
            }
            """);
        for (int i = 0; i < 5; i++) test.ExpectedDiagnostics.Add(Error(i));
        await test.RunAsync();
    }

    [Fact]
    public async Task Queries_other_hosts_unknown_hosts_and_reads_are_quiet()
    {
        await Test("""
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            class Railway
            {
                async Task Run(HttpClient http, string endpoint)
                {
                    await http.PostAsJsonAsync("https://backboard.railway.app/graphql/v2", new { query = "query { volume(id: \"v1\") { name } }" });
                    await http.PostAsJsonAsync("https://example.com/graphql/v2", new { query = "mutation { volumeDelete(volumeId: \"v1\") }" });
                    await http.PostAsJsonAsync(endpoint, new { query = "mutation { volumeDelete(volumeId: \"v1\") }" });
                    await http.PostAsJsonAsync("https://backboard.railway.app/graphql/v2", new { query = "mutation { volumeCreate(input: {}) { id } }", note = "volumeDelete" });
                    await http.GetAsync("https://api.machines.dev/v1/apps/shop");
                    await http.DeleteAsync("https://api.machines.dev/v1/apps/shop/machines/m1/lease");
                }
            }
            """).RunAsync();
    }
}
