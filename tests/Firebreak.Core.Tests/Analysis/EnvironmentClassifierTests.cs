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
}
