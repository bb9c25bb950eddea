using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Analysis;

public sealed class GitLabIncludedFilesTests
{
    [Fact]
    public void A_file_the_pipeline_includes_is_read_as_gitlab_ci_by_per_file_rules()
    {
        RuleHarness.VerifyProject(new[]
        {
            (".gitlab-ci.yml", "include:\n  - local: ci/cleanup.yml\n"),
            ("ci/cleanup.yml", "reset:\n  script:\n    - railway volume {|FB1001:delete|} --volume pgdata --yes\n"),
        }, RuleIds.DestructiveCommand);
    }

    [Fact]
    public void The_same_file_without_an_including_pipeline_is_plain_yaml()
    {
        RuleHarness.VerifyProject(new[]
        {
            ("ci/cleanup.yml", "reset:\n  script:\n    - railway volume delete --volume pgdata --yes\n"),
        }, RuleIds.DestructiveCommand);
    }
}
