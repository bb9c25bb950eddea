using System.Collections.Generic;
using Firebreak.Core.Credentials;
using Xunit;

namespace Firebreak.Core.Tests.Credentials;

public sealed class KeywordIndexTests
{
    [Fact]
    public void Finds_every_keyword_as_ordinal_ignore_case_would()
    {
        var index = new KeywordIndex(new[] { "ghp_", "password", "pa", "xoxb-" });
        var hits = new List<(int, string)>();
        index.FindAll("PASSWORD=x ghp_abc pa", (at, keyword) => hits.Add((at, keyword)));
        Assert.Equal(new[] { (0, "password"), (0, "pa"), (11, "ghp_"), (19, "pa") }, hits);
    }

    [Fact]
    public void A_keyword_whose_first_character_folds_to_ascii_is_bucketed_by_its_fold_and_compared_exactly()
    {
        // The Kelvin sign lower-cases to k: such a keyword is accepted (bucketed under "ke"), never confused with `key_id`,
        // and, as every keyword here, looked for only where the text's first two characters are ASCII.
        var index = new KeywordIndex(new[] { "\u212Aey_id", "key_id" });
        var hits = new List<(int, string)>();
        index.FindAll("key_id \u212Aey_id", (at, keyword) => hits.Add((at, keyword)));
        Assert.Equal(new[] { (0, "key_id") }, hits);
    }
}
