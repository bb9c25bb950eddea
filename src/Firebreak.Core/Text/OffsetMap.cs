using System.Collections.Generic;

namespace Firebreak.Core.Text;

/// <summary>
/// Where each character of a decoded text came from: for character <c>i</c>, the start and end of the source text
/// that produced it. Stored as runs (characters whose sources advance by a fixed step and have one width), so a
/// multi-megabyte word that is mostly plain text costs a few runs instead of two integers per character.
/// </summary>
public sealed class OffsetMap
{
    private readonly List<int> _first = new();   // index of the run's first character
    private readonly List<int> _start = new();   // source start of the run's first character
    private readonly List<int> _stride = new();  // how far the source start moves per character
    private readonly List<int> _width = new();   // source end minus source start, for every character of the run
    private readonly List<int> _length = new();
    private int _last; // run of the previous lookup: reads go forward

    public static readonly OffsetMap Empty = new();

    /// <summary>Characters mapped.</summary>
    public int Count { get; private set; }

    /// <summary>A map of <paramref name="length"/> characters copied one for one from <paramref name="start"/>.</summary>
    public static OffsetMap Contiguous(int start, int length)
    {
        var map = new OffsetMap();
        if (length <= 0) return map;
        map._first.Add(0);
        map._start.Add(start);
        map._stride.Add(1);
        map._width.Add(1);
        map._length.Add(length);
        map.Count = length;
        return map;
    }

    /// <summary>Maps the next character to source text [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public void Add(int start, int end)
    {
        int width = end - start;
        int r = _first.Count - 1;
        if (r >= 0 && _width[r] == width)
        {
            if (_length[r] == 1 && start > _start[r])
            {
                _stride[r] = start - _start[r];
                _length[r] = 2;
                Count++;
                return;
            }
            if (_length[r] > 1 && start == _start[r] + _length[r] * _stride[r])
            {
                _length[r]++;
                Count++;
                return;
            }
        }
        _first.Add(Count);
        _start.Add(start);
        _stride.Add(1);
        _width.Add(width);
        _length.Add(1);
        Count++;
    }

    public int Start(int index)
    {
        int r = Run(index);
        return _start[r] + (index - _first[r]) * _stride[r];
    }

    public int End(int index)
    {
        int r = Run(index);
        return _start[r] + (index - _first[r]) * _stride[r] + _width[r];
    }

    private int Run(int index)
    {
        int r = _last;
        if (r < _first.Count && index >= _first[r] && index < _first[r] + _length[r]) return r;
        if (r + 1 < _first.Count && index >= _first[r + 1] && index < _first[r + 1] + _length[r + 1]) return _last = r + 1;
        int lo = 0, hi = _first.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_first[mid] <= index) lo = mid;
            else hi = mid - 1;
        }
        return _last = lo;
    }
}
