using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using static Firebreak.Core.Tests.Rules.Credentials.PipelineRuleRunner;

namespace Firebreak.Core.Tests.Rules.Credentials;

/// <summary>FB2001's <c>id-token: write</c> without a use.</summary>
public class WorkflowIdTokenTests
{
    private const string Path = ".github/workflows/ci.yml";

    [Fact]
    public void IdTokenWriteInAJobThatNeverUsesItIsReported()
    {
        const string text = """
            on: push
            permissions: {}
            jobs:
              test:
                runs-on: ubuntu-latest
                permissions:
                  contents: read
                  id-token: write
                steps:
                  - uses: actions/checkout@v4
                  - run: make test
            """;
        var findings = Run(RuleIds.WorkflowTokenNotScoped, Path, text);
        Assert.Equal(new[] { "id-token: write" }, findings.Texts(text));
        Assert.Contains("job 'test'", findings[0].Message);
    }

    [Fact]
    public void IdTokenWriteUsedByAwsOidcIsQuiet()
    {
        const string text = """
            on: push
            permissions: {}
            jobs:
              deploy:
                runs-on: ubuntu-latest
                permissions:
                  contents: read
                  id-token: write
                steps:
                  - uses: aws-actions/configure-aws-credentials@v4
                    with:
                      role-to-assume: arn:aws:iam::123456789012:role/deploy
                  - run: aws s3 sync dist s3://site
            """;
        Assert.Empty(Run(RuleIds.WorkflowTokenNotScoped, Path, text));
    }

    [Fact]
    public void WorkflowLevelIdTokenForOneJobThatNeverUsesItIsReported()
    {
        const string text = """
            on: push
            permissions:
              contents: read
              id-token: write
            jobs:
              lint:
                runs-on: ubuntu-latest
                steps:
                  - run: make lint
            """;
        var findings = Run(RuleIds.WorkflowTokenNotScoped, Path, text);
        Assert.Equal(new[] { "id-token: write" }, findings.Texts(text));
    }
}
