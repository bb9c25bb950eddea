using System;
using System.Linq;
using Firebreak.Core.Text;

namespace Firebreak.Core.Tests.Text;

public sealed class StableOrderTests
{
    [Fact]
    public void Sorts_like_OrderBy_ThenBy_and_keeps_ties_in_input_order()
    {
        var random = new Random(7);
        var items = Enumerable.Range(0, 500).Select(i => (Key: random.Next(5), Second: random.Next(3), Id: i)).ToArray();
        var expected = items.OrderBy(x => x.Key).ThenByDescending(x => x.Second).ToArray();
        var sorted = StableOrder.Sorted(items, (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : b.Second.CompareTo(a.Second));
        Assert.Equal(expected, sorted);
        Assert.Empty(StableOrder.Sorted(Array.Empty<string>(), string.CompareOrdinal));
    }
}
