using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Firebreak.Core.Tests.Infrastructure;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Firebreak.Core.Tests.Catalogs;

/// <summary>
/// The published JSON Schemas of the catalogues (rules/catalogs/schemas, for editors completing and checking users'
/// catalogues) agree with the readers: every built-in catalogue and the README's example are valid, and what a reader
/// rejects (an unknown key, a wrong enum, a missing field) is invalid.
/// </summary>
public sealed class CatalogSchemaTests
{
    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(Load);

    private static Dictionary<string, JsonSchema> Load()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        // The user catalogue's schema refers to the others: they are built (and registered) first.
        foreach (var name in new[] { "commands", "platform-apis", "tokens", "mcp-tools", "wrappers", "http-clients", "agents", "backups", "catalog" })
            schemas[name] = JsonSchema.FromText(File.ReadAllText(Repository.PathOf("rules", "catalogs", "schemas", name + ".schema.json")), options);
        return schemas;
    }

    /// <summary>YAML as an editor's YAML language server sees it: plain true/false are booleans, plain numbers numbers.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, ToJson(p.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } s when s.Value is "true" or "false" => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } s when Regex.IsMatch(s.Value ?? "", @"^-?[0-9]+(\.[0-9]+)?$") => JsonValue.Create(double.Parse(s.Value!, CultureInfo.InvariantCulture)),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };

    private static EvaluationResults Validate(string schema, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var json = JsonSerializer.SerializeToElement(ToJson(stream.Documents[0].RootNode));
        return Schemas.Value[schema].Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? new List<EvaluationResults>()).Where(d => d.Errors is { Count: > 0 })
            .Take(5).Select(d => d.InstanceLocation + ": " + string.Join("; ", d.Errors!.Values)));

    [Theory]
    [InlineData("commands")]
    [InlineData("platform-apis")]
    [InlineData("tokens")]
    [InlineData("mcp-tools")]
    [InlineData("wrappers")]
    [InlineData("http-clients")]
    [InlineData("agents")]
    [InlineData("backups")]
    public void Each_built_in_catalogue_is_valid_against_its_schema(string name)
    {
        var results = Validate(name, File.ReadAllText(Repository.PathOf("rules", "catalogs", name + ".yaml")));
        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void The_readme_user_catalogue_is_valid_against_the_user_catalogue_schema()
    {
        string readme = File.ReadAllText(Repository.PathOf("README.md"));
        var example = Regex.Match(readme, "A catalog file has any of the sections.*?```yaml\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("commands:", example, StringComparison.Ordinal);
        var results = Validate("catalog", example);
        Assert.True(results.IsValid, Errors(results));
    }

    [Theory]
    [InlineData("commands:\n  - id: x\n    program: [x]\n    destroys: y\n    must_match: ['x']\n    prompt: false\n")] // a misspelt key
    [InlineData("commands:\n  - id: x\n    program: [x]\n    destroys: y\n    must_match: ['x']\n    report: word\n")] // not one of auto, flag, arg, path
    [InlineData("commands:\n  - id: x\n    program: [x]\n    must_match: ['x']\n")] // no destroys
    [InlineData("apis:\n  - id: a\n    platform: P\n    kind: soap\n    operations:\n      - destroys: d\n        impact: data\n")] // not graphql or rest
    [InlineData("tokens:\n  - id: t\n    platform: P\n    name: N\n    scope: everything\n    format: 'x'\n    alternative: a\n")] // not a scope
    [InlineData("wrappers:\n  - id: w\n    program: [w]\n    operands: two\n    must_unwrap: ['w a b => b']\n")] // not a count
    [InlineData("http_clients:\n  - id: c\n    program: [c]\n    style: curl\n    must_read: ['c x => GET x']\n")] // not a style
    [InlineData("http_clients:\n  - id: c\n    program: [c]\n    style: options\n")] // no self-test
    [InlineData("tools:\n  - id: m\n")] // MCP tools are not a user catalogue section
    [InlineData("{}\n")] // no section at all
    public void What_the_readers_reject_the_user_catalogue_schema_rejects(string yaml)
    {
        Assert.False(Validate("catalog", yaml).IsValid);
        var reason = Record.Exception(() =>
        {
            var set = Firebreak.Core.Commands.CatalogSet.WithUserCatalogs(new[] { ("catalog.yaml", yaml) });
            return set.Commands.Signatures.Count + set.Apis.Apis.Count + set.Tokens.Kinds.Count + set.Wrappers.Wrappers.Count + set.HttpClients.Clients.Count;
        });
        Assert.IsType<FormatException>(reason);
    }
}
