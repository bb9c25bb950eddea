using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Tests.Commands;

namespace Firebreak.Core.Tests.Languages.Yaml;

/// <summary>
/// The block reader against YamlDotNet: wherever the reader gives a tree, it is the tree YamlDotNet's events build —
/// every node's kind, span, value and style, every comment — and YamlDotNet found no error. Checked on hand-picked
/// edges, every YAML file in the repository, seeded mutations of them, and the benchmark corpus when present.
/// </summary>
public sealed class YamlBlockReaderTests
{
    public static TheoryData<string> Edges() => new()
    {
        "a: 1\n",
        "a: 1",
        "a:\n",
        "a:",
        "a:\nb: 2\n",
        "a:   \n  # c\nb: 2\n",
        "a: x # c\nb: 'y' # d\n",
        "a:\n- 1\n- 2\nb: 3\n",
        "a:\n  - 1\n  -\n  - x: 1\n    y: 2\n  - 'q'\n",
        "- a\n- b\n",
        "-\n- b\n",
        "- a: 1\n  b:\n    c: d\n- e\n",
        "- a: 1\n\n\n  # note\n\n  b: |\n    text\n\n- e\n",
        "k: |\n  one\n  two\n",
        "k: |-\n  one\n\n  two\n\n\nz: 1\n",
        "k: |+\n  one\n\n\nz: 1\n",
        "k: >\n  one\n  two\n\n  three\n   four\n  five\n",
        "k: >-\n  a\n\n\n  b\n",
        "k: >+\n  a\n  b\n\n",
        "k: | # comment\n  x\n",
        "k: |\n\n\n  x\n",
        "k: |\n  x\n    y\n  z\n",
        "k: |\n  x\n  ",
        "k: |\n  x\n     \n  y\n",
        "k: |\n  x",
        "s:\n  - run: |\n      echo a\n      echo b\n    name: x\n",
        "---\na: 1\n---\nb: 2\n",
        "--- # first\na: 1\n--- \n- b\n",
        "# only a comment\n",
        "",
        "\n\n",
        "a: \"x\\ty\\\\z\\\"\\u00e9\\x41\"\n",
        "a: 'it''s'\n",
        "'quoted key': 1\n\"other\": 2\n",
        "a: [b, c, 'd', \"e\"]\nf: []\ng: {}\nh: [ x ]\n",
        "a: b:c\nd: http://x/y\ne: -1\nf: ?x\ng: a#b\n",
        "a  : 1\n",
        "  a: 1\n  b: 2\n",
        "a: 1\n  b: 2\n",
        "a: long\n  continued\n",
        "a: x\n    # deeper comment\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: \"multi\n  line\"\n",
        "a: [1,\n 2]\n",
        "a: {b: 1}\n",
        "a:\tb\n",
        "a: b\r\n",
        "? a\n: b\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: 1\n...\n",
        "---\n",
        "a: 1\n---\n",
        "a: 1\n---",
        "---\n---\na: 1\n",
        "a: 1\n---\n# c\n",
        "--- # x\n\n---\nb: 1\n",
        "a: 1\n---\n  \n# x\n  ",
        "- - a\n",
        "a: b: c\n",
        "a: |2\n   x\n",
        "a: |\nb: 1\n",
        "a: '\n",
        "a: @x\n",
        "a: `x`\n",
        "[a, b]\n",
        "plain\n",
        "a:\n  plain\n",
        "a: 1\n- b\n",
        "- a\nb: 1\n",
        "a:\n  - b\n c: 1\n",
        "k: >\n\n  a\n  b\n\n",
        "k: |\n   \n  x\n",
        "k: >\n  a\n\n   b\n  c\n",
        "a:\n  run: |\n  \n    x\n",
        "k: |\n \n  x\n",
        "k: |\n  \n  x\n",
        "k: >\n  \n  x\n",
        "k: >\n   \n  x\n",
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void Edges_read_as_YamlDotNet_reads_them_or_are_left_to_it(string text) => AssertAgrees(text, "edge");

    [Fact]
    public void The_common_shapes_are_read_not_left_to_YamlDotNet()
    {
        // Without this, a reader that always gave up would pass every agreement test.
        foreach (var text in new[] { "a: 1\n", "a:\n- 1\n", "- a: 1\n  b: |\n    x\n", "---\na: [b, 'c']\n# c\n", "k: >-\n  a\n  b\n" })
            Assert.True(YamlBlockReader.TryRead(text, long.MaxValue, out _) is not null, text);
    }

    [Fact]
    public void Deep_nesting_is_left_to_YamlDotNet_and_its_depth_limit()
    {
        string text = string.Concat(Enumerable.Range(0, YamlParser.MaxDepth + 100).Select(i => new string(' ', i) + "a:\n"));
        Assert.Null(YamlBlockReader.TryRead(text, long.MaxValue, out _));
        Assert.Contains(YamlParser.Parse(text).Diagnostics, d => d.Message.Contains("nested deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_over_the_node_budget_stops_where_YamlDotNet_stops()
    {
        string text = string.Concat(Enumerable.Range(0, 400).Select(i => $"k{i}: v\n"));
        var limits = (long[])WorkMeter.DefaultLimits.Clone();
        limits[(int)Budget.Nodes] = 300;
        YamlFile viaReader, viaEvents;
        using (WorkBudget.Enter(new WorkMeter(limits))) viaReader = YamlParser.Parse(text);
        using (WorkBudget.Enter(new WorkMeter(limits))) viaEvents = YamlParser.ParseEvents(text);
        Assert.Contains(viaReader.Diagnostics, d => d.Message.Contains("syntax-node budget", StringComparison.Ordinal));
        Assert.Equal(viaEvents.RootMapping!.Pairs.Count, viaReader.RootMapping!.Pairs.Count);
        Assert.True(viaReader.RootMapping!.Pairs.Count < 400);
    }

    [Fact]
    public void Every_YAML_file_in_the_repository_and_mutations_of_them_agree()
    {
        string root = RepositoryRoot();
        var files = new[] { "tests", "samples", "rules" }
            .Select(d => Path.Combine(root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 50, $"only {files.Count} YAML files found under {root}");
        int read = 0;
        var random = new Random(20261204);
        foreach (var file in files)
        {
            string text = File.ReadAllText(file);
            if (AssertAgrees(text, file)) read++;
            for (int m = 0; m < 8; m++) AssertAgrees(Mutate(text, random), file + " (mutation " + m + ")");
        }
        // Most fixture files are plain block YAML; the reader must take most of them.
        Assert.True(read * 2 > files.Count, $"the block reader read {read} of {files.Count} files");
    }

    [CorpusTheory]
    [InlineData("k8s")]
    [InlineData("workflows")]
    [InlineData("compose")]
    public void Every_corpus_YAML_file_agrees(string folder)
    {
        string dir = Path.Combine(CorpusTheoryAttribute.Root, folder);
        int total = 0, read = 0;
        var random = new Random(folder.Length);
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);
            total++;
            if (AssertAgrees(text, file)) read++;
            for (int m = 0; m < 4; m++) AssertAgrees(Mutate(text, random), file + " (mutation " + m + ")");
        }
        Assert.True(read * 10 >= total * 7, $"the block reader read {read} of {total} files in {folder}");
    }

    /// <summary>Asserts agreement; true when the block reader read the text (false when it left it to YamlDotNet).</summary>
    internal static bool AssertAgrees(string text, string what)
    {
        var fast = YamlBlockReader.TryRead(text, long.MaxValue, out long events);
        if (fast is null) return false;
        // The reader charges the node budget what YamlDotNet's events would have cost.
        var meter = new WorkMeter();
        YamlFile reference;
        using (WorkBudget.Enter(meter)) reference = YamlParser.ParseEvents(text);
        if (reference.Diagnostics.Count > 0)
            Assert.Fail($"{what}: the block reader read a file YamlDotNet rejects ({reference.Diagnostics[0].Message}):\n{Excerpt(text)}");
        string? difference = Difference(fast, reference, text);
        Assert.True(difference is null, $"{what}: {difference}\n{Excerpt(text)}");
        Assert.Equal(meter.Used[(int)Budget.Nodes], events);
        // Under a budget one event short, the reader stops building instead of handing over a tree it was not paid for.
        Assert.Null(YamlBlockReader.TryRead(text, events - 1, out _));
        return true;
    }

    private static string? Difference(YamlFile fast, YamlFile reference, string text)
    {
        if (fast.Documents.Count != reference.Documents.Count) return $"{fast.Documents.Count} documents, YamlDotNet {reference.Documents.Count}";
        if (fast.Comments.Count != reference.Comments.Count) return $"{fast.Comments.Count} comments, YamlDotNet {reference.Comments.Count}";
        for (int i = 0; i < fast.Comments.Count; i++)
        {
            var a = fast.Comments[i];
            var b = reference.Comments[i];
            if (a.Span != b.Span || a.Text != b.Text) return $"comment {i}: {a.Span} '{a.Text}', YamlDotNet {b.Span} '{b.Text}'";
        }
        for (int i = 0; i < fast.Documents.Count; i++)
        {
            string? difference = Difference(fast.Documents[i].Root, reference.Documents[i].Root, text, $"document {i}");
            if (difference is not null) return difference;
        }
        return null;
    }

    private static string? Difference(YamlNode? a, YamlNode? b, string text, string path)
    {
        if (a is null || b is null) return a is null && b is null ? null : $"{path}: {a?.GetType().Name ?? "null"}, YamlDotNet {b?.GetType().Name ?? "null"}";
        if (a.GetType() != b.GetType()) return $"{path}: {a.GetType().Name}, YamlDotNet {b.GetType().Name}";
        if (a.Span != b.Span) return $"{path}: span {a.Span} '{Slice(text, a.Span)}', YamlDotNet {b.Span} '{Slice(text, b.Span)}'";
        if (a.Anchor != b.Anchor || a.Tag != b.Tag) return $"{path}: anchor or tag differ";
        switch (a)
        {
            case YamlScalar sa:
                var sb = (YamlScalar)b;
                if (sa.Style != sb.Style) return $"{path}: style {sa.Style}, YamlDotNet {sb.Style}";
                if (sa.Value != sb.Value) return $"{path}: value '{Escape(sa.Value)}', YamlDotNet '{Escape(sb.Value)}'";
                return null;
            case YamlMapping ma:
                var mb = (YamlMapping)b;
                if (ma.Pairs.Count != mb.Pairs.Count) return $"{path}: {ma.Pairs.Count} pairs, YamlDotNet {mb.Pairs.Count}";
                for (int i = 0; i < ma.Pairs.Count; i++)
                {
                    string here = path + "/" + (mb.Pairs[i].KeyText ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    string? difference = Difference(ma.Pairs[i].Key, mb.Pairs[i].Key, text, here + " (key)") ?? Difference(ma.Pairs[i].Value, mb.Pairs[i].Value, text, here);
                    if (difference is not null) return difference;
                }
                return null;
            case YamlSequence qa:
                var qb = (YamlSequence)b;
                if (qa.Items.Count != qb.Items.Count) return $"{path}: {qa.Items.Count} items, YamlDotNet {qb.Items.Count}";
                for (int i = 0; i < qa.Items.Count; i++)
                {
                    string? difference = Difference(qa.Items[i], qb.Items[i], text, path + "[" + i + "]");
                    if (difference is not null) return difference;
                }
                return null;
            default:
                return $"{path}: {a.GetType().Name} is not a node the block reader makes";
        }
    }

    /// <summary>One small edit of the kinds that move YAML across the reader's boundaries.</summary>
    private static string Mutate(string text, Random random)
    {
        if (text.Length == 0) return text;
        int at = random.Next(text.Length);
        string[] inserts = { " ", "  ", "\n", "- ", ": ", "#", "'", "\"", "|", ">", "\t", "---\n", "[", "]", "{}", "\\", "&a ", "*a", "\n  ", "x", "\n  \n", "|-", " #" };
        var builder = new StringBuilder(text);
        switch (random.Next(3))
        {
            case 0:
                builder.Insert(at, inserts[random.Next(inserts.Length)]);
                break;
            case 1:
                builder.Remove(at, Math.Min(1 + random.Next(3), text.Length - at));
                break;
            default:
                int lineStart = text.LastIndexOf('\n', at) + 1;
                builder.Insert(lineStart, random.Next(2) == 0 ? " " : "  ");
                break;
        }
        return builder.ToString();
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Analyzers.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("no Analyzers.sln above " + AppContext.BaseDirectory);
    }

    private static string Slice(string text, Firebreak.Core.Text.TextSpan span) =>
        Escape(text.Substring(Math.Min(span.Start, text.Length), Math.Min(span.Length, Math.Max(0, text.Length - span.Start))));

    private static string Escape(string value) => value.Replace("\n", "\\n").Replace("\t", "\\t");

    private static string Excerpt(string text) => text.Length <= 600 ? text : text.Substring(0, 600) + "…";
}
