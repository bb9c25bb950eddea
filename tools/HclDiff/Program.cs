using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Firebreak.Core.Languages.Hcl;

// Differential check of Firebreak's HCL parser against HashiCorp's (hcl-peer.js, via node).
// Usage: HclDiff [--peer /tmp/hclpeer] [--show 20] [--mutate N] [--repeat N] [--values] folder...
//   --values    compare attribute values too, not just the block/attribute structure: literals by value, other
//               expressions by their source text (as hcl2json renders them), so expression spans are checked.
//   --json      also read HashiCorp's JSON rendering of each file with our .tf.json reader and compare its
//               block/attribute structure with our native parse (measures the schema-less JSON heuristics).
//   --mutate N  compare on N broken copies of the input files instead (truncated, a '}' or character removed,
//               a character inserted, two lines joined), written to a temp folder: checks both parsers reject alike.
//   --repeat N  also time N more in-process parses of every file, for a warm MB/s figure.
var folders = new List<string>();
string peer = Environment.GetEnvironmentVariable("HCLPEER") ?? "/tmp/hclpeer";
int show = 20, mutate = 0, repeat = 0;
bool values = false, json = false;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--peer" && i + 1 < args.Length) peer = args[++i];
    else if (args[i] == "--show" && i + 1 < args.Length) show = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    else if (args[i] == "--mutate" && i + 1 < args.Length) mutate = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    else if (args[i] == "--repeat" && i + 1 < args.Length) repeat = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    else if (args[i] == "--values") values = true;
    else if (args[i] == "--json") json = true;
    else folders.Add(args[i]);
}
Canonical.Values = values;
if (folders.Count == 0)
{
    Console.Error.WriteLine("usage: HclDiff [--peer DIR] [--show N] [--mutate N] [--repeat N] folder...");
    return 2;
}

var files = folders.SelectMany(f => Directory.EnumerateFiles(f, "*.tf", SearchOption.AllDirectories))
    .Select(Path.GetFullPath).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();
if (mutate > 0) files = Mutants.Write(files, mutate);
var list = Path.GetTempFileName();
File.WriteAllLines(list, files);

var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, UseShellExecute = false };
psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hcl-peer.js"));
psi.ArgumentList.Add(list);
if (values) psi.ArgumentList.Add("--values");
var jsonDir = Path.Combine(Path.GetTempPath(), "hcldiff-json");
if (json)
{
    if (Directory.Exists(jsonDir)) Directory.Delete(jsonDir, recursive: true);
    Directory.CreateDirectory(jsonDir);
    psi.ArgumentList.Add("--json-out");
    psi.ArgumentList.Add(jsonDir);
}
psi.Environment["HCLPEER"] = peer;
var peerResults = new Dictionary<string, (bool Ok, string Detail)>(StringComparer.Ordinal);
using (var node = Process.Start(psi)!)
{
    string? line;
    while ((line = node.StandardOutput.ReadLine()) != null)
    {
        var parts = line.Split('\t', 3);
        if (parts.Length == 3) peerResults[parts[0]] = (parts[1] == "OK", parts[2]);
    }
    node.WaitForExit();
}
File.Delete(list);

int identical = 0, bothFail = 0, structure = 0, oursOnlyFail = 0, peerOnlyFail = 0, missing = 0;
long bytes = 0;
var watch = new Stopwatch();
var differences = new List<string>();
foreach (var path in files)
{
    var text = File.ReadAllText(path);
    bytes += text.Length * 2L;
    watch.Start();
    var file = HclParser.Parse(text);
    watch.Stop();
    bool oursOk = file.Diagnostics.Count == 0;
    if (!peerResults.TryGetValue(path, out var theirs))
    {
        missing++;
        continue;
    }
    if (!oursOk && !theirs.Ok) bothFail++;
    else if (oursOk && theirs.Ok)
    {
        var ours = Canonical.Of(file.Body, text);
        if (ours == theirs.Detail) identical++;
        else
        {
            structure++;
            int at = 0;
            while (at < ours.Length && at < theirs.Detail.Length && ours[at] == theirs.Detail[at]) at++;
            int from = Math.Max(0, at - 60);
            differences.Add($"STRUCTURE {path}\n    ours:   …{Slice(ours, from, 140)}\n    theirs: …{Slice(theirs.Detail, from, 140)}");
        }
    }
    else if (!oursOk)
    {
        oursOnlyFail++;
        var d = file.Diagnostics[0];
        var src = new Firebreak.Core.Text.SourceText(path, text);
        var pos = src.GetPosition(d.Span.Start);
        differences.Add($"OURS-FAIL {path}:{pos.Line + 1}:{pos.Character + 1}: {d.Message}\n    line: {src.GetLineText(pos.Line).Trim()}");
    }
    else
    {
        peerOnlyFail++;
        differences.Add($"PEER-FAIL {path}: {theirs.Detail}");
    }
}

static string Slice(string s, int from, int length) => from >= s.Length ? "" : s.Substring(from, Math.Min(length, s.Length - from));

int compared = files.Count - missing;
Console.WriteLine($"files: {files.Count} (peer results for {compared})");
Console.WriteLine($"identical: {identical}");
Console.WriteLine($"differ: {structure + oursOnlyFail + peerOnlyFail} (structure {structure}, only ours fails {oursOnlyFail}, only HashiCorp fails {peerOnlyFail})");
Console.WriteLine($"both-fail: {bothFail}");
Console.WriteLine($"agreement: {(compared == 0 ? 0 : 100.0 * (identical + bothFail) / compared):F2}%");
double seconds = watch.Elapsed.TotalSeconds;
Console.WriteLine($"parse: {bytes / 2 / 1e6:F2} M chars in {seconds * 1000:F0} ms = {(seconds > 0 ? bytes / 2 / 1e6 / seconds : 0):F1} MB/s (first run, includes JIT)");
if (json)
{
    bool savedValues = Canonical.Values;
    Canonical.Values = false;
    int same = 0, different = 0, jsonErrors = 0;
    var jsonDifferences = new List<string>();
    for (int i = 0; i < files.Count; i++)
    {
        var jsonPath = Path.Combine(jsonDir, i + ".tf.json");
        if (!File.Exists(jsonPath)) continue;
        var text = File.ReadAllText(files[i]);
        var native = Canonical.Of(HclParser.Parse(text).Body, text);
        var jsonText = File.ReadAllText(jsonPath);
        var fromJson = HclParser.ParseJson(jsonText);
        if (fromJson.Diagnostics.Count > 0) jsonErrors++;
        var ours = Canonical.Of(fromJson.Body, jsonText);
        if (ours == native) same++;
        else
        {
            different++;
            int at = 0;
            while (at < ours.Length && at < native.Length && ours[at] == native[at]) at++;
            int from = Math.Max(0, at - 60);
            jsonDifferences.Add($"JSON {files[i]}\n    json:   …{Slice(ours, from, 140)}\n    native: …{Slice(native, from, 140)}");
        }
    }
    Console.WriteLine($".tf.json reader on HashiCorp's JSON rendering: same structure {same}, different {different}, with diagnostics {jsonErrors}");
    foreach (var d in jsonDifferences.Take(show)) Console.WriteLine(d);
    Canonical.Values = savedValues;
}
if (repeat > 0)
{
    var texts = files.Select(File.ReadAllText).ToList();
    long chars = texts.Sum(t => (long)t.Length);
    double best = double.MaxValue;
    for (int r = 0; r < repeat; r++)
    {
        var w = Stopwatch.StartNew();
        foreach (var t in texts) HclParser.Parse(t);
        best = Math.Min(best, w.Elapsed.TotalSeconds);
    }
    Console.WriteLine($"warm parse (best of {repeat}): {chars / 1e6:F2} M chars in {best * 1000:F0} ms = {chars / 1e6 / best:F1} MB/s");
}
foreach (var d in differences.Take(show)) Console.WriteLine(d);
return 0;

internal static class Mutants
{
    public static List<string> Write(List<string> sources, int count)
    {
        var dir = Path.Combine(Path.GetTempPath(), "hcldiff-mutants");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        var random = new Random(5);
        var result = new List<string>();
        for (int i = 0; i < count && sources.Count > 0; i++)
        {
            var text = File.ReadAllText(sources[random.Next(sources.Count)]);
            if (text.Length < 10) continue;
            int k = random.Next(text.Length);
            switch (i % 5)
            {
                case 0: text = text.Substring(0, k); break;
                case 1: k = text.IndexOf('}', k); if (k >= 0) text = text.Remove(k, 1); break;
                case 2: const string inserts = "{}[]()\"=,:?!#$%<>\n."; text = text.Insert(k, inserts[random.Next(inserts.Length)].ToString()); break;
                case 3: text = text.Remove(k, 1); break;
                default: k = text.IndexOf('\n', k); if (k >= 0) text = text.Remove(k, 1).Insert(k, " "); break;
            }
            var path = Path.Combine(dir, $"m{i:D5}_{i % 5}.tf");
            File.WriteAllText(path, text);
            result.Add(path);
        }
        return result;
    }
}

/// <summary>The structure hcl2json's output shows, built from our tree: blocks nest by type and labels into lists of bodies.</summary>
internal static class Canonical
{
    private sealed class Node
    {
        public SortedDictionary<string, Node>? Map;
        public List<Node>? List;
        public string? Leaf;
    }

    [ThreadStatic] private static string? _text;
    public static bool Values;

    public static string Of(HclBody body, string text)
    {
        _text = text;
        var sb = new StringBuilder();
        Write(FromBody(body), sb);
        return sb.ToString();
    }

    private static Node FromBody(HclBody body)
    {
        var node = new Node { Map = new SortedDictionary<string, Node>(StringComparer.Ordinal) };
        foreach (var item in body.Items)
        {
            if (item is HclAttribute a) node.Map[a.Name] = FromExpression(a.Value);
            else if (item is HclBlock b)
            {
                var at = node;
                var keys = new List<string> { b.Type };
                keys.AddRange(b.Labels.Select(l => l.Value));
                for (int i = 0; i < keys.Count; i++)
                {
                    bool last = i == keys.Count - 1;
                    if (!at.Map!.TryGetValue(keys[i], out var next) || (last ? next.List == null : next.Map == null))
                    {
                        next = last ? new Node { List = new List<Node>() } : new Node { Map = new SortedDictionary<string, Node>(StringComparer.Ordinal) };
                        at.Map[keys[i]] = next;
                    }
                    if (last) next.List!.Add(FromBody(b.Body));
                    else at = next;
                }
            }
        }
        return node;
    }

    private static Node FromExpression(HclExpression e)
    {
        if (e is HclObjectExpression o)
        {
            var node = new Node { Map = new SortedDictionary<string, Node>(StringComparer.Ordinal) };
            foreach (var item in o.Items) node.Map[KeyOf(item.Key)] = FromExpression(item.Value);
            return node;
        }
        if (e is HclTupleExpression { Items.Count: > 0 } t && t.Items.All(i => i is HclObjectExpression))
            return new Node { List = t.Items.Select(FromExpression).ToList() };
        if (!Values) return new Node();
        if (e is HclTupleExpression tuple) return new Node { Leaf = "(" + string.Join(",", tuple.Items.Select(i => Leaf(FromExpression(i)))) + ")" };
        return new Node { Leaf = LeafOf(e) };
    }

    private static string Leaf(Node n)
    {
        var sb = new StringBuilder();
        Write(n, sb);
        return sb.ToString();
    }

    private static string LeafOf(HclExpression e)
    {
        var literal = e is HclParenthesizedExpression ? null : e.AsLiteral();
        if (literal != null)
        {
            return literal.Kind switch
            {
                HclValueKind.Number => "#" + FormatNumber(literal.NumberValue),
                HclValueKind.String => Quote(Escape(literal.StringValue!)),
                _ => literal.Text,
            };
        }
        if (e is HclTemplateExpression t)
        {
            // hcl2json keeps a template's sequences as written and its literal text decoded.
            var sb = new StringBuilder();
            foreach (var part in t.Parts)
                sb.Append(part is HclTemplateLiteral l ? Escape(l.Value) : _text!.Substring(part.Span.Start, part.Span.Length));
            return Quote(sb.ToString());
        }
        return Quote("${" + _text!.Substring(e.Span.Start, e.Span.Length) + "}");
    }

    private static string Escape(string s) => s.Replace("${", "$${").Replace("%{", "%%{");

    private static string FormatNumber(double d) =>
        Math.Abs(d) < 1e21 && Math.Floor(d) == d ? ((decimal)d).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : d.ToString("R", System.Globalization.CultureInfo.InvariantCulture).Replace("E+", "e+").Replace("E-", "e-");

    /// <summary>JSON.stringify's quoting.</summary>
    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    // hcl2json writes a computed key as its source text: a template's inside, anything else wrapped in ${…}.
    private static string KeyOf(HclExpression key)
    {
        if (key is HclVariableExpression v) return v.Name;
        if (key is HclTemplateExpression t)
            return t.AsLiteral()?.Text ?? _text!.Substring(t.Span.Start + 1, Math.Max(0, t.Span.Length - 2));
        if (key is not HclParenthesizedExpression && key.AsTraversal() != null) return _text!.Substring(key.Span.Start, key.Span.Length);
        return "${" + _text!.Substring(key.Span.Start, key.Span.Length) + "}";
    }

    private static void Write(Node n, StringBuilder sb)
    {
        if (n.Map != null)
        {
            sb.Append('{');
            bool first = true;
            foreach (var kv in n.Map)
            {
                if (!first) sb.Append(',');
                first = false;
                sb.Append('"').Append(kv.Key.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\":");
                Write(kv.Value, sb);
            }
            sb.Append('}');
        }
        else if (n.List != null)
        {
            sb.Append('[');
            for (int i = 0; i < n.List.Count; i++)
            {
                if (i > 0) sb.Append(',');
                Write(n.List[i], sb);
            }
            sb.Append(']');
        }
        else sb.Append(n.Leaf ?? "*");
    }
}
