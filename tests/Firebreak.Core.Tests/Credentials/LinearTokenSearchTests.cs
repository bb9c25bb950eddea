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
        // The built-in kinds (backtracking interpreter) and the same catalogue read as a user's (linear-time engine).
        var asUsers = TokenCatalog.Parse(System.IO.File.ReadAllText(Infrastructure.Repository.PathOf("rules", "catalogs", "tokens.yaml")));
        foreach (var kind in TokenCatalog.Default.Kinds.Concat(asUsers.Kinds))
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
        Assert.True(compared > 200);
    }

    [Fact]
    public void Every_shipped_pattern_is_valid_and_runs_in_linear_time()
    {
        // The embedded catalogue is not validated at every start (a guard decision would pay for it): here instead.
        foreach (var kind in TokenCatalog.Default.Kinds)
        {
            kind.Validate();
            // Built-in patterns run on the backtracking interpreter: no quantified group may end in a quantifier
            // (`(a+)+`); a group whose repetitions are separated by a literal (`([A-Z]+ )*`) cannot go exponential.
            Assert.DoesNotMatch(@"\([^()]*[+*}]\)[+*{]", kind.ValuePattern);
        }
        var text = System.IO.File.ReadAllText(Infrastructure.Repository.PathOf("rules", "catalogs", "tokens.yaml"));
        Assert.Equal(TokenCatalog.Default.Kinds.Count, TokenCatalog.Parse(text).Kinds.Count);
    }

    [Fact]
    public void A_user_pattern_that_needs_backtracking_is_refused()
    {
        var e = Assert.Throws<FormatException>(() => TokenCatalog.Parse("""
            tokens:
              - id: acme-key
                platform: Acme
                name: Acme key
                scope: account-wide
                lifetime: long-lived
                keywords: [acme_]
                format: 'acme_(?=[a-z]{8})[a-z]+'
                alternative: Use a scoped key.
            """, "user.yaml"));
        Assert.Contains("linear time", e.Message, StringComparison.Ordinal);
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
