using System;
using System.IO;
using System.Linq;
using System.Text;
using Firebreak.Core.Catalogs;
using Firebreak.Core.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Firebreak.Core.Tests.Catalogs;

/// <summary>
/// The catalogue reader's fast subset must never change what a catalogue means: every text it accepts gives the tree
/// YamlDotNet gives, every shipped catalogue is in the subset (else the guard pays for YamlDotNet again), and what is
/// outside it is left to YamlDotNet.
/// </summary>
public sealed class CatalogYamlTests
{
    public static TheoryData<string> ShippedCatalogues() =>
        new(Directory.GetFiles(Repository.PathOf("rules", "catalogs"), "*.yaml").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(ShippedCatalogues))]
    public void Every_shipped_catalogue_is_read_by_the_subset_reader_as_YamlDotNet_reads_it(string name)
    {
        string text = File.ReadAllText(Repository.PathOf("rules", "catalogs", name));
        Assert.True(CatalogYaml.TryParse(text, out var fast), $"{name} left the fast subset");
        Assert.Equal(Dump(CatalogYaml.Parse(text, name)), Dump(fast));
    }

    [Fact]
    // CATALOG_YAML_ROOT runs the same comparison over another tree (the benchmark corpus: 0 differences).
    public void Every_YAML_file_of_the_repository_the_subset_accepts_means_what_YamlDotNet_says()
    {
        int accepted = 0;
        var files = Directory.EnumerateFiles(Environment.GetEnvironmentVariable("CATALOG_YAML_ROOT") ?? Repository.Root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains("node_modules", StringComparison.Ordinal));
        foreach (var file in files)
        {
            string text = File.ReadAllText(file);
            if (!CatalogYaml.TryParse(text, out var fast)) continue;
            YamlNode? full;
            try
            {
                full = CatalogYaml.Parse(text, file);
            }
            catch (FormatException)
            {
                Assert.Fail($"{file}: accepted by the subset, rejected by YamlDotNet");
                return;
            }
            Assert.True(Dump(full) == Dump(fast), $"{file}: the subset reads it differently");
            accepted++;
        }
        Assert.True(accepted >= 10, $"only {accepted} files were in the subset: the comparison checks too little");
    }

    [Theory]
    [InlineData("a: 1\nb: 'x'\nc: \"y\\n\"\n")]
    [InlineData("list:\n- a\n- 'b c'\nnext: [x, 'y', \"z\"]\n")]
    [InlineData("items:\n  - id: one\n    tags: [a, b]\n    nested:\n      k: v\n  - id: two\n    flow: { name: Authorization, scheme: Bearer }\n")]
    [InlineData("text: |-\n  line one\n\n  line three\nafter: x\n")]
    [InlineData("text: |\n  kept\n\n\nnext: y\n")]
    [InlineData("# comment\nkey: value # trailing\nurl: https://example.com/a#b\nempty:\nquoted: 'it''s'\n")]
    [InlineData("- a\n-\n  - b\n- c: d\n  e: f\n")]
    public void Texts_in_the_subset_read_as_YamlDotNet_reads_them(string text)
    {
        Assert.True(CatalogYaml.TryParse(text, out var fast));
        Assert.Equal(Dump(CatalogYaml.Parse(text, "t")), Dump(fast));
    }

    [Theory]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !tag 1\n")]
    [InlineData("a: one\n  two\n")]
    [InlineData("a: >\n  folded\n")]
    [InlineData("a: 'multi\n  line'\n")]
    [InlineData("---\na: 1\n")]
    [InlineData("a:\tb\n\tc: d\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: [x,\n  y]\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: \"\\x41\"\n")]
    public void Texts_outside_the_subset_are_left_to_YamlDotNet(string text)
    {
        Assert.False(CatalogYaml.TryParse(text, out _));
    }

    [Fact]
    public void A_rejected_catalogue_is_reported_with_YamlDotNets_line_numbers()
    {
        // In the subset, but wrong for the reader: the error must still name the entry's line.
        const string text = "commands:\n  - id: 'x'\n    program: ['x']\n";
        var e = Assert.Throws<FormatException>(() => Firebreak.Core.Commands.DestructiveCommandCatalog.Parse(text, "user.yaml"));
        Assert.Contains("user.yaml:2", e.Message, StringComparison.Ordinal);
    }

    private static string Dump(YamlNode? node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    private static void Write(YamlNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case YamlScalarNode s:
                sb.Append("scalar(").Append(s.Style).Append(':').Append(s.Value?.Replace("\n", "\\n", StringComparison.Ordinal)).Append(')');
                break;
            case YamlSequenceNode q:
                sb.Append('[');
                foreach (var item in q) { Write(item, sb); sb.Append(','); }
                sb.Append(']');
                break;
            case YamlMappingNode m:
                sb.Append('{');
                foreach (var pair in m) { Write(pair.Key, sb); sb.Append(": "); Write(pair.Value, sb); sb.Append(','); }
                sb.Append('}');
                break;
            default:
                sb.Append(node.GetType().Name);
                break;
        }
    }
}
