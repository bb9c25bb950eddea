using System.Linq;
using Firebreak.Core.Rules;
using Firebreak.Core.Tests.Infrastructure;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Rules.Terraform;

/// <summary>The module rules read a plan's planned values: what will be applied, whatever the code looked like.</summary>
public sealed class PlannedValuesTests
{
    [Fact]
    public void Resource_rules_fire_on_planned_values_at_the_value_in_the_plan()
    {
        RuleHarness.Verify("plan.json", """
            {
              "format_version": "1.2",
              "planned_values": {
                "root_module": {
                  "resources": [
                    {
                      "address": "aws_db_instance.main",
                      "mode": "managed",
                      "type": "aws_db_instance",
                      "name": "main",
                      "values": {
                        "engine": "postgres",
                        {|FB1101:"deletion_protection": false|},
                        "delete_automated_backups": false,
                        "backup_retention_period": 7,
                        {|FB1102:"skip_final_snapshot": true|},
                        "tags": { "env": "prod" }
                      }
                    }
                  ],
                  "child_modules": [
                    {
                      "address": "module.store",
                      "resources": [
                        {
                          "address": "module.store.aws_dynamodb_table.orders",
                          "mode": "managed",
                          "type": "aws_dynamodb_table",
                          "name": "orders",
                          "values": {
                            "name": "orders",
                            "deletion_protection_enabled": true,
                            "point_in_time_recovery": [ { {|FB3005:"enabled": false|} } ]
                          }
                        },
                        {
                          "address": "module.store.data.aws_caller_identity.me",
                          "mode": "data",
                          "type": "aws_db_instance",
                          "name": "me",
                          "values": { "skip_final_snapshot": true }
                        }
                      ]
                    }
                  ]
                }
              },
              "resource_changes": []
            }
            """, RuleIds.DatabaseDeletionProtectionOff, RuleIds.SkipFinalSnapshot, RuleIds.DynamoDbWithoutPointInTimeRecovery);
    }

    [Fact]
    public void A_plan_of_well_protected_resources_is_quiet()
    {
        var result = RuleHarness.Analyze(("plan.json", """
            {
              "format_version": "1.2",
              "planned_values": { "root_module": { "resources": [
                { "address": "aws_db_instance.main", "mode": "managed", "type": "aws_db_instance", "name": "main",
                  "values": { "deletion_protection": true, "skip_final_snapshot": false, "final_snapshot_identifier": "main-final",
                              "delete_automated_backups": false, "backup_retention_period": 14, "description": "uses ${var} literally" } }
              ] } },
              "resource_changes": []
            }
            """));
        Assert.DoesNotContain(result.Findings, f => f.Rule.Family != RuleFamily.Tool && f.RuleId != RuleIds.AutomatedBackupsDeletedWithInstance);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleIds.FileNotAnalyzed);
    }
}

public sealed class PlannedValuesLifecycleTests
{
    [Fact]
    public void A_production_plan_is_not_blamed_for_lifecycle_settings_it_cannot_carry()
    {
        var result = RuleHarness.Analyze(("envs/prod/plan.json", """
            { "format_version": "1.2", "planned_values": { "root_module": { "resources": [
              { "address": "aws_s3_bucket.data", "mode": "managed", "type": "aws_s3_bucket", "name": "data", "values": { "bucket": "prod-data", "force_destroy": false } }
            ] } }, "resource_changes": [] }
            """));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleIds.ProductionResourceWithoutPreventDestroy);
    }
}
