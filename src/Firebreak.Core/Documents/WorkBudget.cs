using System;
using System.Diagnostics;
using System.Globalization;

namespace Firebreak.Core.Documents;

/// <summary>What a file's analysis may spend. Each is counted where the work is done (parsers, models, the command
/// model, the evaluator); the limits sit far above what a real file needs (the benchmark corpus's largest file uses a
/// few percent of each) and far below what takes a machine down.</summary>
public enum Budget
{
    /// <summary>Tokens read by a lexer (shell, HCL, JSON, SQL, GraphQL).</summary>
    Tokens,

    /// <summary>Syntax nodes built by a parser (YAML nodes, shell words and commands, HCL expressions, JSON values).</summary>
    Nodes,

    /// <summary>YAML aliases followed by the models (a billion-laughs file follows one alias per leaf).</summary>
    AliasExpansions,

    /// <summary>Characters of values produced by Terraform evaluation (format, replace, join, templatefile…).</summary>
    EvaluatedCharacters,

    /// <summary>Commands, calls and statements the command model analyses.</summary>
    Commands,

    /// <summary>Wall-clock time: a backstop behind the work budgets, which keep every real file far below it.</summary>
    Time,
}

/// <summary>Thrown inside a parser, model or rule when its file has spent a budget; the engine stops that file's
/// analysis there, keeps what was found before, and reports an FB0001 note naming the budget.</summary>
public sealed class BudgetExceededException : Exception
{
    public BudgetExceededException(Budget budget, long limit)
        : base(WorkBudget.Describe(budget, limit))
    {
        Budget = budget;
        Limit = limit;
    }

    public Budget Budget { get; }
    public long Limit { get; }
}

/// <summary>
/// The budget of one file's analysis. The engine makes the file's meter current on the thread that works on the file
/// (<see cref="Enter"/>), and every parser and model charges it with <see cref="Charge"/>: a static call that costs a
/// thread-static read and an add, so it can sit in the innermost loops. Work done with no current meter (a unit test
/// calling a parser directly) is not limited.
/// </summary>
public sealed class WorkMeter
{
    /// <summary>Per-file limits, four times or more what the benchmark corpus's heaviest file spends (acme.sh, 249 KB: 24,093 nodes,
    /// 4,825 commands; no corpus file follows a YAML alias); an 8 MiB hostile file reaches one in well under a second.</summary>
    public static readonly long[] DefaultLimits = CreateDefaultLimits();

    private static long[] CreateDefaultLimits()
    {
        var limits = new long[Enum.GetValues(typeof(Budget)).Length];
        limits[(int)Budget.Tokens] = 100_000;
        limits[(int)Budget.Nodes] = 100_000;
        limits[(int)Budget.AliasExpansions] = 5_000;
        limits[(int)Budget.EvaluatedCharacters] = 16_000_000;
        limits[(int)Budget.Commands] = 100_000; // as many as the node budget lets a parse produce: a parse cut short at its budget is analyzed whole
        limits[(int)Budget.Time] = 30_000; // milliseconds: a backstop that only a bug in a work budget can reach
        return limits;
    }

    /// <summary>
    /// A cross-file rule may spend 16 files' worth of each work budget (a repository's Terraform modules and their
    /// callers evaluated together) and one minute of time: far above the benchmark corpus, far below a machine.
    /// </summary>
    internal static long[] ProjectLimits(long[] perFile)
    {
        var limits = new long[perFile.Length];
        for (int i = 0; i < limits.Length; i++) limits[i] = perFile[i] > long.MaxValue / 16 ? long.MaxValue : perFile[i] * 16;
        limits[(int)Budget.Time] = Math.Max(perFile[(int)Budget.Time], 60_000);
        return limits;
    }

    internal readonly long[] Used;
    internal readonly long[] Limits;
    private readonly long _timeLimitTicks;
    private long _spentTicks;
    private long _enteredAt;
    private int _depth;
    internal int Calls;

    public WorkMeter(long[]? limits = null)
    {
        Limits = limits ?? DefaultLimits;
        Used = new long[Limits.Length];
        _timeLimitTicks = Limits[(int)Budget.Time] * Stopwatch.Frequency / 1000;
    }

    /// <summary>Time counts only while the file is being worked on (the meter is current), never while it waits for
    /// its turn: a scan of 10,000 files that takes a minute gives every file its whole budget.</summary>
    internal void Resume()
    {
        if (_depth++ == 0) _enteredAt = Stopwatch.GetTimestamp();
    }

    internal void Pause()
    {
        if (_depth > 0 && --_depth == 0) _spentTicks += Stopwatch.GetTimestamp() - _enteredAt;
    }

    /// <summary>The budget this meter ran out of, once it has; the file's analysis stops there.</summary>
    public BudgetExceededException? Exceeded { get; internal set; }

    internal bool PastDeadline => _spentTicks + (_depth > 0 ? Stopwatch.GetTimestamp() - _enteredAt : 0) > _timeLimitTicks;
}

public static class WorkBudget
{
    [ThreadStatic] private static WorkMeter? t_current;

    /// <summary>Charges <paramref name="units"/> of <paramref name="budget"/> to the current file; throws
    /// <see cref="BudgetExceededException"/> once it is spent (and on every later charge).</summary>
    public static void Charge(Budget budget, long units = 1)
    {
        var meter = t_current;
        if (meter is null) return;
        if (meter.Exceeded is { } already) throw already;
        if ((meter.Used[(int)budget] += units) > meter.Limits[(int)budget]) Fail(meter, budget);
        if ((++meter.Calls & 1023) == 0 && meter.PastDeadline) Fail(meter, Budget.Time);
    }

    /// <summary>
    /// What is left of <paramref name="budget"/> for the current file (unlimited outside a scan, 0 once a budget is
    /// spent): a parser that charges after the fact stops building there and leaves the file to one that charges as it goes.
    /// </summary>
    public static long Remaining(Budget budget)
    {
        var meter = t_current;
        if (meter is null) return long.MaxValue;
        if (meter.Exceeded is not null) return 0;
        return Math.Max(0, meter.Limits[(int)budget] - meter.Used[(int)budget]);
    }

    /// <summary>
    /// For a parser that stops cleanly at its budget and returns what it read (a note says where): the file's analysis
    /// goes on over that part. The spent budget stays spent, so the next charge of it stops the file for good.
    /// </summary>
    public static void Forgive()
    {
        if (t_current is { } meter) meter.Exceeded = null;
    }

    /// <summary>Makes <paramref name="meter"/> current on this thread until the returned scope is disposed.</summary>
    public static Scope Enter(WorkMeter meter)
    {
        var previous = t_current;
        if (!ReferenceEquals(previous, meter))
        {
            previous?.Pause();
            meter.Resume();
        }
        t_current = meter;
        return new Scope(previous, meter);
    }

    internal static string Describe(Budget budget, long limit) => budget switch
    {
        Budget.Tokens => $"the token budget ({N(limit)} tokens per file)",
        Budget.Nodes => $"the syntax-node budget ({N(limit)} nodes per file)",
        Budget.AliasExpansions => $"the YAML alias budget ({N(limit)} alias expansions per file)",
        Budget.EvaluatedCharacters => $"the evaluation budget ({N(limit)} characters of computed values per file)",
        Budget.Commands => $"the command budget ({N(limit)} commands per file)",
        Budget.Time => $"the time budget ({N(limit)} ms per file)",
        _ => budget.ToString(),
    };

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static void Fail(WorkMeter meter, Budget budget)
    {
        var exceeded = new BudgetExceededException(budget, meter.Limits[(int)budget]);
        meter.Exceeded = exceeded;
        throw exceeded;
    }

    public readonly struct Scope : IDisposable
    {
        private readonly WorkMeter? _previous;
        private readonly WorkMeter? _meter;

        internal Scope(WorkMeter? previous, WorkMeter meter)
        {
            _previous = previous;
            _meter = meter;
        }

        public void Dispose()
        {
            if (_meter is not null && !ReferenceEquals(_previous, _meter))
            {
                _meter.Pause();
                _previous?.Resume();
            }
            t_current = _previous;
        }
    }
}
