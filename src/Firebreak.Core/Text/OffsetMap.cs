using System;

namespace Firebreak.Core.Text;

/// <summary>
/// Where each character of a decoded text came from: for character <c>i</c>, the start and end of the source text
/// that produced it. Stored as runs (characters whose sources advance by a fixed step and have one width), so a
/// multi-megabyte word that is mostly plain text costs a few runs instead of two integers per character.
/// </summary>
public sealed class OffsetMap
{
    // Runs, five integers each, in one array allocated with the first run (most maps hold one or two): the index of the
    // run's first character, the source start of that character, how far the source start moves per character, the
    // source width of every character of the run, and the run's length.
    private const int First = 0, Begin = 1, Stride = 2, Width = 3, Length = 4, Fields = 5;
    private int[]? _runs;
    private int _runCount;
    private int _last; // run of the previous lookup: reads go forward

    public static readonly OffsetMap Empty = new();

    /// <summary>Characters mapped.</summary>
    public int Count { get; private set; }

    /// <summary>A map of <paramref name="length"/> characters copied one for one from <paramref name="start"/>.</summary>
    public static OffsetMap Contiguous(int start, int length)
    {
        var map = new OffsetMap();
        if (length <= 0) return map;
        map.AddRun(start, stride: 1, width: 1, length);
        return map;
    }

    /// <summary>Maps the next character to source text [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public void Add(int start, int end)
    {
        int width = end - start;
        if (_runCount > 0)
        {
            var runs = _runs!;
            int r = (_runCount - 1) * Fields;
            if (runs[r + Width] == width)
            {
                if (runs[r + Length] == 1 && start > runs[r + Begin])
                {
                    runs[r + Stride] = start - runs[r + Begin];
                    runs[r + Length] = 2;
                    Count++;
                    return;
                }
                if (runs[r + Length] > 1 && start == runs[r + Begin] + runs[r + Length] * runs[r + Stride])
                {
                    runs[r + Length]++;
                    Count++;
                    return;
                }
            }
        }
        AddRun(start, stride: 1, width, length: 1);
    }

    private void AddRun(int start, int stride, int width, int length)
    {
        int at = _runCount * Fields;
        if (_runs is null) _runs = new int[Fields * 2];
        else if (at + Fields > _runs.Length) Array.Resize(ref _runs, _runs.Length * 2);
        _runs[at + First] = Count;
        _runs[at + Begin] = start;
        _runs[at + Stride] = stride;
        _runs[at + Width] = width;
        _runs[at + Length] = length;
        _runCount++;
        Count += length;
    }

    public int Start(int index)
    {
        int r = Run(index) * Fields;
        return _runs![r + Begin] + (index - _runs[r + First]) * _runs[r + Stride];
    }

    public int End(int index)
    {
        int r = Run(index) * Fields;
        return _runs![r + Begin] + (index - _runs[r + First]) * _runs[r + Stride] + _runs[r + Width];
    }

    private int Run(int index)
    {
        var runs = _runs ?? throw new ArgumentOutOfRangeException(nameof(index));
        int r = _last;
        if (r < _runCount && Holds(runs, r, index)) return r;
        if (r + 1 < _runCount && Holds(runs, r + 1, index)) return _last = r + 1;
        int lo = 0, hi = _runCount - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (runs[mid * Fields + First] <= index) lo = mid;
            else hi = mid - 1;
        }
        return _last = lo;
    }

    private static bool Holds(int[] runs, int r, int index) =>
        index >= runs[r * Fields + First] && index < runs[r * Fields + First] + runs[r * Fields + Length];
}
