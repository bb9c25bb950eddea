using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Firebreak.Core.Analysis;
using Firebreak.Core.Commands;
using Firebreak.Core.Languages.Hcl;
using Firebreak.Core.Languages.Shell;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Documents;

namespace Firebreak.Benchmarks;

/// <summary>
/// In-process throughput on the benchmark corpus (shared/bench/build-corpus.sh): each parser over its files, and the
/// whole engine over everything. The corpus folder comes from FIREBREAK_CORPUS (default /tmp/corpus).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class CorpusBenchmarks
{
    private string[] _shell = Array.Empty<string>();
    private string[] _terraform = Array.Empty<string>();
    private string[] _yaml = Array.Empty<string>();
    private SourceFile[] _all = Array.Empty<SourceFile>();

    public static string CorpusRoot => Environment.GetEnvironmentVariable("FIREBREAK_CORPUS") ?? "/tmp/corpus";

    [GlobalSetup]
    public void Load()
    {
        _shell = Read("sh");
        _terraform = Read("tf");
        _yaml = Read("workflows").Concat(Read("k8s")).Concat(Read("compose")).ToArray();
        _all = Directory.EnumerateFiles(CorpusRoot, "*", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith("MANIFEST.tsv", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new SourceFile(Path.GetRelativePath(CorpusRoot, p), File.ReadAllText(p)))
            .ToArray();
        Console.WriteLine($"corpus: {_shell.Length} shell, {_terraform.Length} terraform, {_yaml.Length} yaml, {_all.Length} files in all");
    }

    [Benchmark(Description = "shell: parse")]
    public int ShellParse() => _shell.Sum(t => ShellParser.Parse(t).Statements.Count);

    [Benchmark(Description = "shell: parse + command model")]
    public int ShellCommandsExtract() => _shell.Sum(t => ShellCommands.FromText(t).Count);

    [Benchmark(Description = "hcl: parse")]
    public int HclParse() => _terraform.Sum(t => HclParser.Parse(t).Body.Items.Count);

    [Benchmark(Description = "yaml: parse")]
    public int YamlParse() => _yaml.Sum(t => YamlParser.Parse(t).Documents.Count);

    [Benchmark(Description = "yaml: parse, YamlDotNet's events only (no block reader)")]
    public int YamlParseEvents() => _yaml.Sum(t => YamlParser.ParseEvents(t).Documents.Count);

    [Benchmark(Description = "catalogue: token keywords and formats (secrets), all files")]
    public int SecretScan()
    {
        var secrets = CatalogSet.Default.Secrets;
        int found = 0;
        foreach (var file in _all) found += secrets.Scan(file.Text).Count;
        return found;
    }

    [Benchmark(Description = "catalogue: API keyword prefilter, all files")]
    public int ApiPrefilter()
    {
        int hits = 0;
        foreach (var file in _all) hits += _apiKeywords.ContainsAny(file.Text) ? 1 : 0;
        return hits;
    }

    private readonly Firebreak.Core.Text.KeywordPrefilter _apiKeywords = new(CatalogSet.Default.Apis.Keywords);

    [Benchmark(Description = "engine: all rules, all files")]
    public int Engine() => new AnalysisEngine().Analyze(_all).Findings.Count;

    private static string[] Read(string kind)
    {
        string dir = Path.Combine(CorpusRoot, kind);
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"{dir} not found: build the corpus with shared/bench/build-corpus.sh, or set FIREBREAK_CORPUS");
        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
    }
}
