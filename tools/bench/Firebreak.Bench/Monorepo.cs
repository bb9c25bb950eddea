using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Firebreak.Core.Languages.Hcl;

namespace Firebreak.Bench;

/// <summary>
/// A monorepo of N files for the scaling run: the corpus copied again and again (copy k under <c>svcKKK/</c>), every
/// copy mutated so no two are the same text: Terraform blocks shuffled and resource/data names renamed (with their
/// references), YAML <c>name:</c> values renamed and multi-document files' documents shuffled, shell function names and
/// Dockerfile stage names renamed. One seeded generator over the files in sorted order: the same arguments give the
/// same bytes.
/// </summary>
internal static class Monorepo
{
    private static readonly string[] Kinds = { "compose", "docker", "k8s", "sh", "tf", "workflows" };
    private static readonly Regex YamlName = new(@"^(\s*-?\s*name:\s*)([A-Za-z][A-Za-z0-9_.-]*)[ \t]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex ShellFunction = new(@"^[ \t]*(?:function[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\(\)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex DockerStage = new(@"^([ \t]*FROM[ \t]+\S+[ \t]+AS[ \t]+)([A-Za-z0-9_.-]+)", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static (int Files, long Bytes) Generate(string corpus, string output, int count, int seed)
    {
        var sources = Kinds.SelectMany(k => Program.List(corpus, k)).Select(p => (Path: p, Text: File.ReadAllText(Path.Combine(corpus, p)))).ToArray();
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var random = new Random(seed);
        // One seeded order for every copy: a partial last copy is a sample of every kind, so 10k and 100k files have
        // the same mix.
        Shuffle(sources, random);
        var utf8 = new UTF8Encoding(false);
        int written = 0;
        long bytes = 0;
        for (int copy = 0; written < count; copy++)
        {
            string suffix = "_m" + copy.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (path, text) in sources)
            {
                if (written == count) break;
                string target = Path.Combine(output, "svc" + copy.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                string mutated = Mutate(path, text, suffix, random);
                var encoded = utf8.GetBytes(mutated);
                File.WriteAllBytes(target, encoded);
                bytes += encoded.Length;
                written++;
            }
        }
        return (written, bytes);
    }

    private static string Mutate(string path, string text, string suffix, Random random) => path.Split('/')[0] switch
    {
        "tf" => Terraform(text, suffix, random),
        "k8s" or "compose" or "workflows" => Yaml(text, suffix, random),
        "sh" => RenameAll(text, ShellFunction.Matches(text).Select(m => m.Groups[1].Value), suffix),
        "docker" => RenameAll(text, DockerStage.Matches(text).Select(m => m.Groups[2].Value), suffix),
        _ => text,
    };

    private static string Terraform(string text, string suffix, Random random)
    {
        var file = HclParser.Parse(text);
        if (file.HasErrors || file.Body.Items.Count == 0) return text;
        // Each top-level item with what precedes it (blank lines, its comments) is one piece; the pieces are shuffled.
        var pieces = new List<string>();
        int start = 0;
        foreach (var item in file.Body.Items)
        {
            pieces.Add(text.Substring(start, item.Span.End - start));
            start = item.Span.End;
        }
        Shuffle(pieces, random);
        var joined = new StringBuilder();
        foreach (string piece in pieces)
        {
            // The first item had no line break before it; a block must still start on a line of its own.
            if (joined.Length > 0 && joined[joined.Length - 1] != '\n' && !piece.StartsWith('\n') && !piece.StartsWith("\r\n", StringComparison.Ordinal)) joined.Append('\n');
            joined.Append(piece);
        }
        string shuffled = joined.Append(text, start, text.Length - start).ToString();
        foreach (var block in file.Body.AllBlocks.Where(b => (b.Type == "resource" || b.Type == "data") && b.Labels.Count == 2))
        {
            string type = Regex.Escape(block.Labels[0].Value), name = Regex.Escape(block.Labels[1].Value);
            string prefix = block.Type == "data" ? @"data\." : string.Empty;
            shuffled = Regex.Replace(shuffled, $@"(\b{block.Type}\s+""{type}""\s+""){name}""", $"${{1}}{block.Labels[1].Value}{suffix}\"");
            shuffled = Regex.Replace(shuffled, $@"(?<![\w.-])({prefix}{type}\.){name}\b", $"${{1}}{block.Labels[1].Value}{suffix}");
        }
        return shuffled;
    }

    private static string Yaml(string text, string suffix, Random random)
    {
        string renamed = YamlName.Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + suffix.Replace('_', '-'));
        var documents = Regex.Split(renamed, @"(?<=\n)(?=---[ \t]*\r?\n)");
        if (documents.Length < 3) return renamed;
        // The first piece may be a header (comments, a directive); the documents after it are shuffled.
        var rest = documents.Skip(1).ToList();
        if (!rest[^1].EndsWith('\n')) rest[^1] += "\n";
        Shuffle(rest, random);
        return documents[0] + string.Concat(rest);
    }

    private static string RenameAll(string text, IEnumerable<string> names, string suffix)
    {
        foreach (var name in names.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal))
            text = Regex.Replace(text, $@"(?<![\w-]){Regex.Escape(name)}(?![\w-])", name + suffix);
        return text;
    }

    private static void Shuffle<T>(IList<T> items, Random random)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
