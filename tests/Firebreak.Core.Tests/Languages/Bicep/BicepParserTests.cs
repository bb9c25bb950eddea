using System;
using System.Linq;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Bicep;
using Firebreak.Core.Text;

namespace Firebreak.Core.Tests.Languages.Bicep;

public sealed class BicepParserTests
{
    private static string At(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    private const string Sample = """
        targetScope = 'resourceGroup'

        // the vault's name
        @description('Vault name')
        @minLength(3)
        param vaultName string = 'kv-${uniqueString(resourceGroup().id)}'
        param purge bool = false
        var settings = {
          retention: 7
          'odd-key': [1, 2
            3]
        }
        /* a block
           comment */
        resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
          name: vaultName
          location: resourceGroup().location
          properties: {
            enableSoftDelete: false
            enablePurgeProtection: purge ? true : null
            tenantId: subscription().tenantId
            sku: { family: 'A', name: 'standard' }
          }
          resource secret 'secrets' = {
            name: 'x'
            properties: { value: '''
        multi 'line' ${notInterpolated}
        ''' }
          }
        }
        resource old 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
          name: 'old'
        }
        resource locks 'Microsoft.Authorization/locks@2020-05-01' = [for (name, i) in names: if (i > 0) {
          name: 'lock-${name}'
          scope: old
          properties: { level: 'CanNotDelete' }
        }]
        module db 'modules/db.bicep' = if (deployDb) {
          name: 'db'
          params: { names: filter(names, n => !empty(n)) }
        }
        output id string = kv.id
        output uri string = old.properties.primaryEndpoints.?blob ?? ''
        """;

    [Fact]
    public void Declarations_keep_their_names_types_and_exact_spans()
    {
        var file = BicepParser.Parse(Sample);
        Assert.Empty(file.Diagnostics);
        Assert.Equal(new[] { "targetScope", "param", "param", "var", "resource", "resource", "resource", "module", "output", "output" },
            file.Statements.Select(s => s.Keyword));
        var param = file.Statements[1];
        Assert.Equal("vaultName", param.Name);
        Assert.Equal(2, param.Decorators.Count);
        Assert.StartsWith("@description", At(Sample, param.Span));
        var value = Assert.IsType<BicepString>(param.Value);
        Assert.Equal(new[] { "kv-", "" }, value.Parts);
        var hole = Assert.IsType<BicepCall>(Assert.Single(value.Interpolations));
        Assert.Equal("uniqueString(resourceGroup().id)", At(Sample, hole.Span));

        var kv = file.Statements[4];
        Assert.Equal("'Microsoft.KeyVault/vaults@2023-07-01'", At(Sample, kv.TypeString!.Span));
        Assert.Equal("Microsoft.KeyVault/vaults@2023-07-01", kv.TypeString.Value);
        var properties = Assert.IsType<BicepObject>(kv.Body!["properties"]);
        var softDelete = properties.Property("enableSoftDelete")!;
        Assert.Equal("enableSoftDelete: false", At(Sample, softDelete.Span));
        Assert.False(Assert.IsType<BicepBoolean>(softDelete.Value).Value);
        var ternary = Assert.IsType<BicepTernary>(properties["enablePurgeProtection"]);
        Assert.Equal("purge ? true : null", At(Sample, ternary.Span));
        var child = Assert.Single(kv.Body.Resources);
        Assert.Equal("secret", child.Name);
        var multi = Assert.IsType<BicepString>(Assert.IsType<BicepObject>(child.Body!["properties"])["value"]);
        Assert.True(multi.Multiline);
        Assert.Equal("multi 'line' ${notInterpolated}\n", multi.Value);

        Assert.True(file.Statements[5].Existing);
        var loop = Assert.IsType<BicepForExpression>(file.Statements[6].Value);
        Assert.Equal(new[] { "name", "i" }, loop.Variables);
        Assert.IsType<BicepCondition>(loop.Body);
        Assert.Equal("CanNotDelete", Assert.IsType<BicepString>(Assert.IsType<BicepObject>(file.Statements[6].Body!["properties"])["level"]).Value);
        Assert.IsType<BicepCondition>(file.Statements[7].Value);
        Assert.Equal("db", file.Statements[7].Body!.Property("name") is { Value: BicepString { Value: var n } } ? n : null);
        var coalesce = Assert.IsType<BicepBinary>(file.Statements[9].Value);
        Assert.Equal("??", coalesce.Operator);
        Assert.Equal(2, file.Comments.Count);
        Assert.Equal(" the vault's name", file.Comments[0].Text);
    }

    [Fact]
    public void Commas_separate_items_and_properties_on_one_line()
    {
        var file = BicepParser.Parse("var x = { a: 1, b: [ 'x', 'y' ], c: { d: true } }\n");
        Assert.Empty(file.Diagnostics);
        var obj = Assert.IsType<BicepObject>(file.Statements[0].Value);
        Assert.Equal(new[] { "a", "b", "c" }, obj.Properties.Select(p => p.Name));
        Assert.Equal(2, Assert.IsType<BicepArray>(obj["b"]).Items.Count);
    }

    [Fact]
    public void Errors_are_diagnostics_and_parsing_resumes_on_the_next_line()
    {
        const string text = """
            resource a 'Microsoft.KeyVault/vaults@2023-07-01' = {
              name: 'a'
              properties: {
                enableSoftDelete: = false
                enablePurgeProtection: true
              }
            }
            var broken = (1 +
            resource b 'Microsoft.Sql/servers@2023-05-01-preview' = {
              name: 'b'
            }
            """;
        var file = BicepParser.Parse(text);
        Assert.NotEmpty(file.Diagnostics);
        var a = file.Statements.First(s => s.Name == "a");
        var properties = Assert.IsType<BicepObject>(a.Body!["properties"]);
        Assert.True(Assert.IsType<BicepBoolean>(properties["enablePurgeProtection"]).Value);
        Assert.Equal("'Microsoft.Sql/servers@2023-05-01-preview'", At(text, file.Statements.Single(s => s.Name == "b").TypeString!.Span));
    }

    [Theory]
    [InlineData("")]
    [InlineData("'")]
    [InlineData("'''")]
    [InlineData("'${")]
    [InlineData("'${'${'${")]
    [InlineData("resource")]
    [InlineData("resource x 'a@b' = [for")]
    [InlineData("resource x 'a@b' = if (")]
    [InlineData("var x = {{{{[[[(((")]
    [InlineData("var x = a ? b")]
    [InlineData("@")]
    [InlineData("@@@ param")]
    [InlineData("/* unclosed")]
    [InlineData("var x = '\\u{110000}\\u{d800}\\q'")]
    [InlineData("}}}]]])))")]
    [InlineData("param x string = (a, b) => c\nvar y = x!.z?[0]::w")]
    public void Never_throws_on_malformed_input(string text)
    {
        var file = BicepParser.Parse(text);
        Assert.NotNull(file);
        foreach (var d in file.Diagnostics) Assert.InRange(d.Span.End, 0, text.Length);
    }

    [Fact]
    public void Random_and_deeply_nested_input_never_throws()
    {
        var random = new Random(10);
        const string alphabet = "{}[]()'$:.,?=!@/*\n abc resource param var if for in 'x' 1 true";
        for (int n = 0; n < 300; n++)
        {
            var sb = new StringBuilder();
            int length = random.Next(1, 200);
            for (int i = 0; i < length; i++) sb.Append(alphabet[random.Next(alphabet.Length)]);
            BicepParser.Parse(sb.ToString());
        }
        BicepParser.Parse("var x = " + new string('[', 20_000));
        BicepParser.Parse("var x = " + string.Concat(Enumerable.Repeat("'${", 5_000)));
        BicepParser.Parse("var x = " + string.Concat(Enumerable.Repeat("!", 20_000)) + "a");
        BicepParser.Parse("var x = " + string.Concat(Enumerable.Repeat("a.", 20_000)) + "b");
    }

    [Fact]
    public void Parsing_charges_the_files_work_budget()
    {
        var limits = (long[])WorkMeter.DefaultLimits.Clone();
        limits[(int)Budget.Tokens] = 50;
        var meter = new WorkMeter(limits);
        using (WorkBudget.Enter(meter))
            Assert.Throws<BudgetExceededException>(() => BicepParser.Parse(string.Concat(Enumerable.Repeat("var a = 1\n", 100))));
        Assert.Equal(Budget.Tokens, meter.Exceeded!.Budget);
    }

    [Fact]
    public void Newer_syntax_of_real_modules_parses_without_diagnostics()
    {
        // Shapes met in Azure Verified Modules that the first version of this parser did not know.
        const string text = """
            #disable-next-line no-unused-params
            param createMode
              | 'Default'
              | 'Copy'
            var enableTelemetry bool = false
            var roleId = builtInRoles[?name] ?? name
            func describe(name string) string =>
              'role ${name}'
            type mode = 'a' | 'b'
            resource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
              name: 'id'
            }
            var last = names[^1]
            output matches bool = like ('abcdef', 'a*c*')
            var total = reduce(numbers, 0, (
              acc,
              cur
            ) => acc + cur)
            type derived = resourceInput<
              'Microsoft.Storage/storageAccounts@2023-01-01'>.properties
            var settings = {
              '${id.id}': {}
              ...(enableTelemetry
                ? { telemetry: true }
                : {})
              replication: !empty(roleId)
                ? { endpointType: 'dst' }
                : null
            }
            """;
        var file = BicepParser.Parse(text);
        Assert.Empty(file.Diagnostics);
        Assert.Equal(new[] { "param", "var", "var", "func", "type", "resource", "var", "output", "var", "type", "var" }, file.Statements.Select(s => s.Keyword));
        Assert.IsType<BicepLambda>(Assert.IsType<BicepCall>(file.Statements[8].Value).Arguments[2]);
        Assert.Equal("createMode", file.Statements[0].Name);
        Assert.Equal("enableTelemetry", file.Statements[1].Name);
        Assert.False(Assert.IsType<BicepBoolean>(file.Statements[1].Value).Value);
        var settings = Assert.IsType<BicepObject>(file.Statements[10].Value);
        Assert.Equal(new[] { "'${id.id}'", "replication" }, settings.Properties.Select(p => p.Name));
        Assert.IsType<BicepTernary>(settings["replication"]);
    }

    [Fact]
    public void Arm_expressions_of_any_shape_read_without_throwing()
    {
        var random = new Random(4);
        const string alphabet = "[]()'',.abc parameters variables concat resourceId 1 -";
        for (int n = 0; n < 500; n++)
        {
            var sb = new StringBuilder("[");
            int length = random.Next(0, 60);
            for (int i = 0; i < length; i++) sb.Append(alphabet[random.Next(alphabet.Length)]);
            sb.Append(']');
            string value = System.Text.Json.JsonSerializer.Serialize(sb.ToString());
            string template = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"variables\": {\"v\": " + value +
                "}, \"resources\": [{\"type\": \"Microsoft.KeyVault/vaults\", \"name\": " + value + ", \"properties\": {\"enableSoftDelete\": " + value + ", \"enablePurgeProtection\": \"[variables('v')]\"}}]}";
            var result = Firebreak.Core.Tests.Infrastructure.RuleHarness.Analyze(("azuredeploy.json", template));
            Assert.DoesNotContain(result.Findings, f => f.Message.Contains("internal error", StringComparison.Ordinal));
        }
        var deep = "[" + string.Concat(Enumerable.Repeat("concat(", 5_000)) + "]";
        var deepResult = Firebreak.Core.Tests.Infrastructure.RuleHarness.Analyze(("azuredeploy.json",
            "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"resources\": [{\"type\": \"Microsoft.KeyVault/vaults\", \"properties\": {\"enablePurgeProtection\": \"" + deep + "\"}}]}"));
        Assert.DoesNotContain(deepResult.Findings, f => f.Message.Contains("internal error", StringComparison.Ordinal));
    }
}
