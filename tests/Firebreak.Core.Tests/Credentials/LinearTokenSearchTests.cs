using System;
using System.Linq;
using System.Text;
using Firebreak.Core.Credentials;

namespace Firebreak.Core.Tests.Credentials;

/// <summary>
/// Token values are found by linear-time regexes with the word boundaries checked in code, so no finding depends on a
/// wall-clock timeout. The look-around forms they replace stay as the reference: on every catalogue example, and on
/// the same examples glued into words, both find exactly the same values.
/// </summary>
public sealed class LinearTokenSearchTests
{
    [Fact]
    public void Every_kind_finds_what_its_look_around_form_finds()
    {
        int compared = 0;
        foreach (var kind in TokenCatalog.Default.Kinds)
        {
            foreach (var example in kind.MustMatch.Concat(kind.MustNotMatch))
            {
                foreach (var text in new[] { example, "x" + example + "y", "-" + example + "_", "a " + example + " b\n" + example })
                {
                    var expected = kind.SearchRegex.Matches(text).Cast<System.Text.RegularExpressions.Match>().Select(m => (m.Index, m.Length)).ToArray();
                    var actual = kind.Search(text).Select(m => (m.Index, m.Length)).ToArray();
                    Assert.True(expected.SequenceEqual(actual), $"{kind.Id} on '{text}': [{string.Join(",", expected)}] vs [{string.Join(",", actual)}]");
                    compared++;
                }
            }
        }
        Assert.True(compared > 100);
    }

    [Fact]
    public void Anchored_values_start_where_they_are_asked_for_and_end_at_a_boundary()
    {
        var kind = TokenCatalog.Default.Kinds.First(k => k.Id == "github-classic-pat");
        string token = "ghp_" + Fake.Alnum(36);
        Assert.NotNull(kind.Anchored("TOKEN=" + token, 6));
        Assert.Null(kind.Anchored("TOKEN=" + token, 5));
        Assert.Null(kind.Anchored("TOKEN=" + token + "x", 6));
    }

    [Fact]
    public void A_long_run_of_token_characters_is_searched_once_not_once_per_position()
    {
        // 2 MB of one word that starts like a token: every candidate fails its left boundary; the search skips the word.
        var text = new StringBuilder("ghp_").Append('a', 2 * 1024 * 1024).ToString();
        foreach (var kind in TokenCatalog.Default.Kinds.Where(k => !k.RequiresContext))
            Assert.Empty(kind.Search("x" + text));
    }
}
