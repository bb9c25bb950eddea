using System.Collections.Generic;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Tests.Infrastructure;

/// <summary>
/// Test input with expected spans marked in place: <c>{|FB2001:build|}</c> says FB2001 must be reported exactly on
/// <c>build</c>. Markers are removed before analysis; no test names a line or a column.
/// </summary>
public static class Markup
{
    public static (string Text, IReadOnlyList<(string RuleId, TextSpan Span)> Expected) Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var expected = new List<(string, TextSpan)>();
        var open = new Stack<(string Id, int Start)>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                int colon = markup.IndexOf(':', i + 2);
                open.Push((markup.Substring(i + 2, colon - i - 2), text.Length));
                i = colon;
                continue;
            }
            if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add((id, TextSpan.FromBounds(start, text.Length)));
                i++;
                continue;
            }
            text.Append(markup[i]);
        }
        return (text.ToString(), expected);
    }
}
