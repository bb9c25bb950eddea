using System;
using System.Collections.Generic;

namespace Firebreak.Core.Text;

/// <summary>
/// Sorting with one comparison, ties kept in input order — what <c>OrderBy(…).ThenBy(…)</c> gives. On the paths a guard
/// decision takes, it replaces <c>ThenBy</c> and <c>Select</c> over LINQ iterators: both are generic virtual methods,
/// and NativeAOT resolves each one at run time on first call through its type loader (measured: a fifth of a guard
/// decision for the first few, in a fresh process).
/// </summary>
internal static class StableOrder
{
    public static T[] Sorted<T>(IEnumerable<T> items, Comparison<T> compare)
    {
        var list = new List<T>(items);
        var keyed = new KeyValuePair<int, T>[list.Count];
        for (int i = 0; i < keyed.Length; i++) keyed[i] = new KeyValuePair<int, T>(i, list[i]);
        Array.Sort(keyed, (a, b) =>
        {
            int c = compare(a.Value, b.Value);
            return c != 0 ? c : a.Key.CompareTo(b.Key);
        });
        var sorted = new T[keyed.Length];
        for (int i = 0; i < sorted.Length; i++) sorted[i] = keyed[i].Value;
        return sorted;
    }
}
