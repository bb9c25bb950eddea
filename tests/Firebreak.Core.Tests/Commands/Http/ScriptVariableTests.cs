using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Commands.Http;

/// <summary>A request built from variables the script assigned earlier is read as the shell expands it.</summary>
public sealed class ScriptVariableTests
{
    [Fact]
    public void A_mutation_and_a_url_held_in_variables_are_found_where_they_are_written()
    {
        RuleHarness.Verify("scripts/reset.sh", """
            API="https://backboard.railway.com/graphql/v2"
            QUERY="mutation { {|FB1002:volumeDelete|}(volumeId: \\\"${VOLUME_ID}\\\") }"
            curl -fsS "$API" -H "Project-Access-Token: $T" -d "{\"query\":\"${QUERY}\"}"
            """, RuleIds.DestructiveApiCall);
    }

    [Fact]
    public void A_variable_assigned_after_the_command_or_with_a_default_operator_is_not_substituted()
    {
        RuleHarness.Verify("scripts/reset.sh", """
            API="https://backboard.railway.com/graphql/v2"
            curl -fsS "$API" -H "Project-Access-Token: $T" -d "{\"query\":\"${QUERY}\"}"
            curl -fsS "$API" -H "Project-Access-Token: $T" -d "{\"query\":\"${LATER:-x}\"}"
            QUERY="mutation { volumeDelete(volumeId: \\\"v\\\") }"
            LATER="mutation { volumeDelete(volumeId: \\\"v\\\") }"
            """, RuleIds.DestructiveApiCall);
    }

    [Fact]
    public void A_mutation_passed_to_a_function_is_found_at_each_call()
    {
        RuleHarness.Verify("scripts/reset.sh", """
            API="https://backboard.railway.com/graphql/v2"
            gql() {
              curl -fsS "$API" -H "Project-Access-Token: $T" -d "$1"
            }
            gql '{"query":"query { me { id } }"}'
            gql '{"query":"mutation { {|FB1002:volumeDelete|}(volumeId: \"a\") }"}'
            gql '{"query":"mutation { {|FB1002:environmentDelete|}(id: \"b\") }"}'
            """, RuleIds.DestructiveApiCall);
    }
}
