using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Analysis;

public sealed class EnvironmentClassifierTests
{
    [Theory]
    [InlineData("prod", EnvironmentClass.Production)]
    [InlineData("prod-db", EnvironmentClass.Production)]
    [InlineData("PROD_RAILWAY_TOKEN", EnvironmentClass.Production)]
    [InlineData("dbProd", EnvironmentClass.Production)]
    [InlineData("eu-prd-1", EnvironmentClass.Production)]
    [InlineData("prod1", EnvironmentClass.Production)]
    [InlineData("deploy (production)", EnvironmentClass.Production)]
    [InlineData("staging-and-prod", EnvironmentClass.Production)] // production wins
    [InlineData("product-api", EnvironmentClass.None)]
    [InlineData("producer", EnvironmentClass.None)]
    [InlineData("reproduce-bug", EnvironmentClass.None)]
    [InlineData("preprod", EnvironmentClass.Staging)]
    [InlineData("pre-prod", EnvironmentClass.Staging)]
    [InlineData("staging", EnvironmentClass.Staging)]
    [InlineData("stg", EnvironmentClass.Staging)]
    [InlineData("pr-1234", EnvironmentClass.Preview)]
    [InlineData("review/feature-x", EnvironmentClass.Preview)]
    [InlineData("dev", EnvironmentClass.Development)]
    [InlineData("qa", EnvironmentClass.Test)]
    [InlineData("live", EnvironmentClass.None)]
    [InlineData("", EnvironmentClass.None)]
    public void Names_are_read_as_words_not_substrings(string name, EnvironmentClass expected) =>
        Assert.Equal(expected, EnvironmentClassifier.Classify(name));

    [Fact]
    public void Classifies_where_the_words_stand_as_it_did_word_by_word()
    {
        // The reference: the words WordsOf yields, looked up one by one (what Classify did before it stopped copying them).
        static EnvironmentClass Reference(string name)
        {
            var words = new System.Collections.Generic.Dictionary<string, EnvironmentClass>
            {
                ["prod"] = EnvironmentClass.Production, ["production"] = EnvironmentClass.Production, ["prd"] = EnvironmentClass.Production,
                ["preprod"] = EnvironmentClass.Staging, ["preproduction"] = EnvironmentClass.Staging, ["staging"] = EnvironmentClass.Staging,
                ["stage"] = EnvironmentClass.Staging, ["stg"] = EnvironmentClass.Staging, ["uat"] = EnvironmentClass.Test,
                ["preview"] = EnvironmentClass.Preview, ["review"] = EnvironmentClass.Preview, ["ephemeral"] = EnvironmentClass.Preview,
                ["pr"] = EnvironmentClass.Preview, ["dev"] = EnvironmentClass.Development, ["develop"] = EnvironmentClass.Development,
                ["development"] = EnvironmentClass.Development, ["sandbox"] = EnvironmentClass.Development, ["local"] = EnvironmentClass.Development,
                ["qa"] = EnvironmentClass.Test, ["test"] = EnvironmentClass.Test, ["testing"] = EnvironmentClass.Test,
            };
            var found = EnvironmentClass.None;
            string? previous = null;
            foreach (var word in EnvironmentClassifier.WordsOf(name))
            {
                var kind = previous == "pre" && word is "prod" or "production" ? EnvironmentClass.Staging : words.TryGetValue(word, out var k) ? k : EnvironmentClass.None;
                if (kind == EnvironmentClass.Production) return kind;
                if (found == EnvironmentClass.None) found = kind;
                previous = word;
            }
            return found;
        }
        string[] parts = { "prod", "PROD", "Prod", "pre", "Pre", "production", "preprod", "stg", "dev", "qa", "x", "2", "db", "PR", "live", "İ", "ſtaging", "test", "Review", "app" };
        string[] separators = { "-", "_", ".", "/", " ", "", ":" };
        var random = new System.Random(11);
        for (int n = 0; n < 5000; n++)
        {
            var text = new System.Text.StringBuilder();
            int count = random.Next(1, 6);
            for (int i = 0; i < count; i++) text.Append(parts[random.Next(parts.Length)]).Append(separators[random.Next(separators.Length)]);
            string name = text.ToString();
            Assert.True(Reference(name) == EnvironmentClassifier.Classify(name), name);
        }
    }
}
