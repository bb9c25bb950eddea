using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;

namespace Firebreak.Core.Documents;

/// <summary>
/// Where a scan's time goes, when <c>FIREBREAK_TIMING=1</c> is set (as ESLint's <c>TIMING=1</c>): wall time of each
/// phase in order, and the time each rule spent summed over every file and thread. Off, it costs one static read per
/// call: the timestamps are taken only when it is on.
/// </summary>
public static class ScanTimings
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("FIREBREAK_TIMING") is { Length: > 0 } v && v != "0";

    private static readonly long Origin = Stopwatch.GetTimestamp();
    private static readonly ConcurrentQueue<(string Phase, long Start, long End, Mark Spent)> Phases = new();
    private static readonly ConcurrentDictionary<long, Mark> MarkAt = new();

    /// <summary>The process's CPU time, collections (all, and of gen2) and collection pauses so far.</summary>
    private readonly record struct Mark(double CpuMs, int Collections, int Gen2, double PausedMs)
    {
        public static Mark Now() => new(ProcessCpuMilliseconds(), GC.CollectionCount(0), GC.CollectionCount(2), PausedMilliseconds?.Invoke() ?? double.NaN);

        public Mark Since(Mark start) => new(CpuMs - start.CpuMs, Collections - start.Collections, Gen2 - start.Gen2, PausedMs - start.PausedMs);
    }
    private static readonly ConcurrentDictionary<string, StrongBox> Rules = new(StringComparer.Ordinal);

    private sealed class StrongBox
    {
        public long Ticks;
        public long Calls;
    }

    /// <summary>The collector's total pause so far, from a host whose runtime says (netstandard2.0 has no such call).</summary>
    public static Func<double>? PausedMilliseconds { get; set; }

    /// <summary>A timestamp when timing is on, zero otherwise.</summary>
    public static long Now() => Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>As <see cref="Now"/>, for the start of a phase: the process's CPU time is read too.</summary>
    public static long PhaseStart()
    {
        if (!Enabled) return 0;
        long now = Stopwatch.GetTimestamp();
        MarkAt[now] = Mark.Now();
        return now;
    }

    /// <summary>The process's CPU time (every thread, user and system) so far, in milliseconds.</summary>
    private static double ProcessCpuMilliseconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    /// <summary>Records a phase that began at <paramref name="start"/> (from <see cref="Now"/>) and ends now.</summary>
    public static void Phase(string name, long start)
    {
        if (Enabled) Phases.Enqueue((name, start, Stopwatch.GetTimestamp(), MarkAt.TryGetValue(start, out var began) ? Mark.Now().Since(began) : new Mark(double.NaN, 0, 0, 0)));
    }

    /// <summary>Adds the time since <paramref name="start"/> to a rule's (or a model's) total.</summary>
    public static void Charge(string name, long start)
    {
        if (!Enabled) return;
        long spent = Stopwatch.GetTimestamp() - start;
        var box = Rules.GetOrAdd(name, static _ => new StrongBox());
        Interlocked.Add(ref box.Ticks, spent);
        Interlocked.Increment(ref box.Calls);
    }

    /// <summary>The report: phases in the order they ended, then the twenty costliest rules.</summary>
    public static string Report()
    {
        var text = new StringBuilder();
        static string Ms(long ticks) => (ticks * 1000.0 / Stopwatch.Frequency).ToString("0.0", CultureInfo.InvariantCulture).PadLeft(8);
        static string Fixed(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);
        text.AppendLine("timing: phase                                  start      wall (ms)  cpu (ms)  collections (gen2)  paused (ms)");
        foreach (var (phase, start, end, spent) in Phases.OrderBy(p => p.End))
            text.AppendLine($"timing: {phase,-40} {Ms(start - Origin)} {Ms(end - start)} {Fixed(spent.CpuMs),9} {spent.Collections,7} ({spent.Gen2})  {Fixed(spent.PausedMs),11}");
        int all = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        text.AppendLine($"timing: collections {all}: {all - gen1} of gen0, {gen1 - gen2} of gen1, {gen2} of gen2; heap {GC.GetTotalMemory(false) >> 20} MiB");
        text.AppendLine("timing: rule or model, summed over files and threads   total (ms)   calls");
        foreach (var rule in Rules.OrderByDescending(r => r.Value.Ticks).Take(25))
            text.AppendLine($"timing: {rule.Key,-48} {Ms(rule.Value.Ticks)} {rule.Value.Calls,9}");
        return text.ToString();
    }
}
