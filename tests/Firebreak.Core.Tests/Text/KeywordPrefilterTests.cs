using System;
using System.Linq;
using Firebreak.Core.Text;
using Xunit;

namespace Firebreak.Core.Tests.Text;

public class KeywordPrefilterTests
{
    private static bool Naive(string[] keywords, string text) =>
        keywords.Any(k => text.IndexOf(k, StringComparison.OrdinalIgnoreCase) >= 0);

    [Theory]
    [InlineData("curl https://BACKBOARD.railway.app/graphql", true)]
    [InlineData("nothing to see here", false)]
    [InlineData("gh api", true)]
    [InlineData("GHapi", false)]
    [InlineData("DROP TABLE users", true)]
    [InlineData("ends with dro", false)]
    [InlineData("x", false)]
    [InlineData("", false)]
    public void Answers_as_one_IndexOf_per_keyword_would(string text, bool expected)
    {
        string[] keywords = { "backboard.railway.app", "gh ", "drop", "api.heroku.com" };
        Assert.Equal(expected, new KeywordPrefilter(keywords).ContainsAny(text));
        Assert.Equal(expected, Naive(keywords, text));
    }

    [Fact]
    public void Characters_that_upper_case_to_ascii_match_as_IndexOf_matches_them()
    {
        // Ordinal ignore-case compares upper-case forms: dotless ı is I, long ſ is S.
        string[] keywords = { "id_token", "secret" };
        foreach (string text in new[] { "ıd_token", "ſecret", "SECRET", "the ID_TOKEN", "ıd token" })
            Assert.Equal(Naive(keywords, text), new KeywordPrefilter(keywords).ContainsAny(text));
    }

    [Fact]
    public void Only_dotless_i_and_long_s_upper_case_to_ascii()
    {
        // The prefilter's jump search (keywords starting with few letters, neither i nor s) looks for ASCII start
        // characters only: sound as long as no other character upper-cases into ASCII.
        var found = new System.Collections.Generic.List<char>();
        for (int c = 128; c <= char.MaxValue; c++)
            if (char.ToUpperInvariant((char)c) < 128) found.Add((char)c);
        // Which of the two does depends on the casing tables (ICU or invariant mode); never any other.
        Assert.All(found, c => Assert.Contains(c, new[] { '\u0131', '\u017F' }));
    }

    [Fact]
    public void The_jump_search_agrees_with_IndexOf()
    {
        string[] keywords = { "drop", "truncate", "delete", "update" };
        var prefilter = new KeywordPrefilter(keywords);
        foreach (string text in new[] { "x DROP y", "no match", "tRuNcAtE", "upd", "...update", "d", "dd", "ddrop", "ıdrop", "Über update", "drop" })
            Assert.Equal(Naive(keywords, text), prefilter.ContainsAny(text));
    }

    [Fact]
    public void Short_and_non_ascii_keywords_are_still_found()
    {
        string[] keywords = { "é-volume", "$", "zz" };
        var prefilter = new KeywordPrefilter(keywords);
        Assert.True(prefilter.ContainsAny("rm É-VOLUME"));
        Assert.True(prefilter.ContainsAny("echo $HOME"));
        Assert.False(prefilter.ContainsAny("plain text"));
        Assert.True(new KeywordPrefilter(new[] { "" }).ContainsAny("anything"));
        Assert.False(new KeywordPrefilter(Array.Empty<string>()).ContainsAny("anything"));
    }

    [Fact]
    public void Agrees_with_IndexOf_on_generated_texts()
    {
        string[] keywords = { "drop", "truncate", "delete", "update", "api.fly.io", "railway ", "Gh", "ſs" };
        var prefilter = new KeywordPrefilter(keywords);
        var random = new Random(7);
        const string alphabet = "dropDROPtuncaeiTUNCAE .yflwhgGHſıİKk-";
        for (int n = 0; n < 5000; n++)
        {
            var chars = new char[random.Next(0, 12)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            string text = new(chars);
            Assert.True(Naive(keywords, text) == prefilter.ContainsAny(text), $"'{text}'");
        }
    }
}
