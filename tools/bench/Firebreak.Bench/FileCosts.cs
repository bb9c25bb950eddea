using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Documents;

namespace Firebreak.Bench;

/// <summary>
/// What each file costs the engine on its own: every rule (file and project rules) over that one file, one thread,
/// after a warm-up pass over all files; the least wall time of three runs and the bytes one run allocates. Prints the slowest ten as a markdown table.
/// </summary>
internal static class FileCosts
{
    public static int Run(string corpus, IReadOnlyList<string> kinds, TextWriter output)
    {
        var paths = kinds.SelectMany(k => Program.List(corpus, k)).ToArray();
        var files = paths.Select(p => new SourceFile(p, File.ReadAllText(Path.Combine(corpus, p)))).ToArray();
        var engine = new AnalysisEngine(new AnalysisOptions { MaxDegreeOfParallelism = 1 });
        foreach (var file in files) engine.Analyze(new[] { file });

        var costs = new List<(string Path, int Bytes, double Ms, long Allocated)>(files.Length);
        var clock = new Stopwatch();
        foreach (var file in files)
        {
            // The least of three runs: a file's cost, not a collection or another process that happened during it.
            double best = double.MaxValue;
            long allocated = 0;
            for (int run = 0; run < 3; run++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                clock.Restart();
                engine.Analyze(new[] { file });
                clock.Stop();
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            }
            costs.Add((file.Path, file.Text.Length, best, allocated));
        }

        var slowest = costs.OrderByDescending(c => c.Ms).ThenBy(c => c.Path, StringComparer.Ordinal).Take(10).ToList();
        output.WriteLine();
        output.WriteLine($"Slowest ten of {costs.Count} files (in process, each file alone through every rule, one thread, least of three runs after a warm-up; "
            + $"{costs.Count(c => c.Ms > 100)} over 100 ms, {costs.Count(c => c.Allocated > 50L << 20)} allocate over 50 MiB, "
            + $"most allocated by one file {costs.Max(c => c.Allocated) / 1048576.0:0.0} MiB):");
        output.WriteLine();
        output.WriteLine("| file | KB | ms | allocated MiB |");
        output.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var c in slowest)
            output.WriteLine(FormattableString.Invariant($"| `{c.Path}` | {c.Bytes / 1000.0:0.0} | {c.Ms:0.0} | {c.Allocated / 1048576.0:0.0} |"));
        return 0;
    }
}
