using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Rules.Azure;

public sealed class AzureTemplateRuleTests
{
    [Fact]
    public void Key_vault_soft_delete_and_purge_protection_through_parameters_and_variables()
    {
        RuleHarness.Verify("infra/main.bicep", """
            param purge bool = false
            var soft = purge
            resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
              name: 'kv-orders'
              location: resourceGroup().location
              properties: {
                tenantId: subscription().tenantId
                sku: { family: 'A', name: 'standard' }
                {|FB1106:enableSoftDelete: soft|}
                {|FB1106:enablePurgeProtection: purge|}
              }
            }
            resource kv2 {|FB1106:'Microsoft.KeyVault/vaults@2023-07-01'|} = {
              name: 'kv-two'
              properties: { enableSoftDelete: true }
            }
            param unknown bool
            resource kv3 'Microsoft.KeyVault/vaults@2023-07-01' = {
              name: 'kv-three'
              properties: {
                enablePurgeProtection: unknown
              }
            }
            resource kv4 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
              name: 'elsewhere'
            }
            """, "FB1106");
    }

    [Fact]
    public void Storage_soft_delete_off_on_blob_services_nested_or_by_parent()
    {
        RuleHarness.Verify("main.bicep", """
            resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {
              name: 'ordersdata'
              kind: 'StorageV2'
              sku: { name: 'Standard_GRS' }
              resource blobs 'blobServices' = {
                name: 'default'
                properties: {
                  deleteRetentionPolicy: {
                    {|FB1106:enabled: false|}
                  }
                  containerDeleteRetentionPolicy: { enabled: true, days: 7 }
                }
              }
            }
            resource files 'Microsoft.Storage/storageAccounts/fileServices@2023-01-01' = {
              parent: sa
              name: 'default'
              properties: {
                shareDeleteRetentionPolicy: { {|FB1106:enabled: false|} }
              }
            }
            """, "FB1106");
    }

    [Fact]
    public void Backup_vault_soft_delete_and_immutability()
    {
        RuleHarness.Verify("backup.bicep", """
            var state = 'Disabled'
            resource rsv 'Microsoft.RecoveryServices/vaults@2024-04-01' = {
              name: 'rsv'
              sku: { name: 'RS0', tier: 'Standard' }
              properties: {
                securitySettings: {
                  softDeleteSettings: {
                    {|FB1106:softDeleteState: state|}
                  }
                  immutabilitySettings: {
                    {|FB3003:state: 'Disabled'|}
                  }
                }
              }
            }
            resource config 'Microsoft.RecoveryServices/vaults/backupconfig@2023-04-01' = {
              parent: rsv
              name: 'vaultconfig'
              properties: {
                {|FB1106:softDeleteFeatureState: 'Disabled'|}
              }
            }
            resource dpp 'Microsoft.DataProtection/backupVaults@2024-04-01' = {
              name: 'dpp'
              properties: {
                securitySettings: {
                  softDeleteSettings: { {|FB1106:state: 'Off'|}, retentionDurationInDays: 14 }
                  immutabilitySettings: { state: 'Locked' }
                }
              }
            }
            """, "FB1106", "FB3003");
    }

    [Fact]
    public void Owner_and_contributor_at_subscription_or_management_group_scope()
    {
        RuleHarness.Verify("sub.bicep", """
            targetScope = 'subscription'
            param principalId string
            var contributor = 'b24988ac-6180-42a0-ab88-f2e3d4a9c8cf'
            resource ci 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
              name: guid(subscription().id, principalId, contributor)
              properties: {
                {|FB2104:roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', contributor)|}
                principalId: principalId
              }
            }
            resource ownerDef 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
              name: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
            }
            resource owner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
              name: guid(subscription().id, principalId, 'owner')
              properties: {
                {|FB2104:roleDefinitionId: ownerDef.id|}
                principalId: principalId
              }
            }
            resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
              name: guid(subscription().id, principalId, 'reader')
              properties: {
                roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
                principalId: principalId
              }
            }
            """, "FB2104");
        // In a resource-group deployment, the same assignment reaches one group: not reported.
        RuleHarness.Verify("rg.bicep", """
            param principalId string
            resource ci 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
              name: guid(resourceGroup().id, principalId)
              properties: {
                roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-f2e3d4a9c8cf')
                principalId: principalId
              }
            }
            """, "FB2104");
    }

    [Fact]
    public void Arm_template_management_group_role_assignment_and_key_vault()
    {
        RuleHarness.Verify("deploy/azuredeploy.json", """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": {
                "roleId": { "type": "string", "defaultValue": "8e3af657-a8ff-443c-a75c-2fe8c4bcb635" }
              },
              "resources": [
                {
                  "type": "Microsoft.Authorization/roleAssignments",
                  "apiVersion": "2022-04-01",
                  "name": "[guid(managementGroup().id, 'ops')]",
                  "properties": {
                    {|FB2104:"roleDefinitionId": "[tenantResourceId('Microsoft.Authorization/roleDefinitions', parameters('roleId'))]"|},
                    "principalId": "00000000-0000-0000-0000-000000000000"
                  }
                }
              ]
            }
            """, "FB2104");
        RuleHarness.Verify("azuredeploy.json", """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "variables": { "softDelete": false },
              "resources": [
                {
                  // ARM templates take comments
                  "type": {|FB1106:"Microsoft.KeyVault/vaults"|},
                  "apiVersion": "2023-07-01",
                  "name": "kv",
                  "properties": {
                    {|FB1106:"enableSoftDelete": "[variables('softDelete')]"|}
                  }
                },
                {
                  "type": "Microsoft.Storage/storageAccounts",
                  "apiVersion": "2023-01-01",
                  "name": "data",
                  "resources": [
                    {
                      "type": "blobServices",
                      "apiVersion": "2023-01-01",
                      "name": "default",
                      "properties": { "deleteRetentionPolicy": { {|FB1106:"enabled": false|} } }
                    }
                  ]
                }
              ]
            }
            """, "FB1106");
    }

    [Fact]
    public void Backup_vault_in_the_group_of_what_it_protects()
    {
        RuleHarness.Verify("vm-backup.bicep", """
            resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
              name: 'app-vm'
              location: resourceGroup().location
            }
            resource vault 'Microsoft.RecoveryServices/vaults@2024-04-01' = {
              name: 'vault'
              location: resourceGroup().location
              sku: { name: 'RS0', tier: 'Standard' }
              properties: {}
            }
            resource item 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems@2024-04-01' = {
              name: '${vault.name}/Azure/iaasvmcontainer;iaasvmcontainerv2;${resourceGroup().name};${vm.name}/vm;iaasvmcontainerv2;${resourceGroup().name};${vm.name}'
              properties: {
                protectedItemType: 'Microsoft.Compute/virtualMachines'
                policyId: '${vault.id}/backupPolicies/DefaultPolicy'
                {|FB3007:sourceResourceId: vm.id|}
              }
            }
            """, "FB3007");
        // The vault in another group (a module scoped elsewhere, or an existing vault with a scope): quiet.
        RuleHarness.Verify("vm-backup.bicep", """
            resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' existing = {
              name: 'app-vm'
              scope: resourceGroup('app')
            }
            resource vault 'Microsoft.DataProtection/backupVaults@2024-04-01' = {
              name: 'vault'
            }
            resource instance 'Microsoft.DataProtection/backupVaults/backupInstances@2024-04-01' = {
              parent: vault
              name: 'disk'
              properties: {
                dataSourceInfo: { resourceID: vm.id }
              }
            }
            """, "FB3007");
    }

    [Fact]
    public void Database_without_a_lock_unless_a_lock_covers_it_anywhere_in_the_scan()
    {
        RuleHarness.VerifyProject(new[]
        {
            ("infra/db.bicep", """
                resource sql {|FB1105:'Microsoft.Sql/servers@2023-08-01-preview'|} = {
                  name: 'orders-sql'
                }
                resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2023-06-01-preview' = {
                  name: 'orders-pg'
                }
                resource pgLock 'Microsoft.Authorization/locks@2020-05-01' = {
                  name: 'no-delete'
                  scope: pg
                  properties: { level: 'CanNotDelete' }
                }
                """),
        }, "FB1105");
        // A lock without a scope locks the resource group the template deploys to: every server in the scan is quiet.
        RuleHarness.VerifyProject(new[]
        {
            ("infra/db.bicep", """
                resource sql 'Microsoft.Sql/servers@2023-08-01-preview' = {
                  name: 'orders-sql'
                }
                """),
            ("infra/main.bicep", """
                resource rgLock 'Microsoft.Authorization/locks@2020-05-01' = {
                  name: 'no-delete'
                  properties: { level: 'CanNotDelete' }
                }
                """),
        }, "FB1105");
        // Samples are not asked for locks, as in Terraform.
        RuleHarness.Verify("quickstarts/sql/main.bicep", """
            resource sql 'Microsoft.Sql/servers@2023-08-01-preview' = {
              name: 'orders-sql'
            }
            """, "FB1105");
    }

    [Fact]
    public void Suppressed_in_a_bicep_comment()
    {
        var result = RuleHarness.Analyze(("main.bicep", """
            resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
              name: 'kv'
              properties: {
                // firebreak:ignore FB1106 -- a scratch vault rebuilt from source on every deploy
                enablePurgeProtection: false
              }
            }
            """));
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "FB1106" or "FB0003");
    }

    [Fact]
    public void Detection_by_extension_and_schema()
    {
        Assert.Equal(FileKind.Bicep, FileKindDetector.Detect("infra/main.bicep", "param x string"));
        Assert.Equal(FileKind.ArmTemplate, FileKindDetector.Detect("any/name.json", "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n  \"resources\": []\n}"));
        Assert.Equal(FileKind.Json, FileKindDetector.Detect("azuredeploy.parameters.json", "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#\",\n  \"parameters\": {}\n}"));
        Assert.Equal(FileKind.Json, FileKindDetector.Detect("azuredeploy.json", "{\n  \"resources\": []\n}"));
    }

    [Fact]
    public void A_malformed_bicep_file_is_one_note_not_an_exception()
    {
        var result = RuleHarness.Analyze(("main.bicep", "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  properties: {\n    enablePurgeProtection: false\n"));
        Assert.Contains(result.Findings, f => f.RuleId == "FB0001");
        Assert.Contains(result.Findings, f => f.RuleId == "FB1106");
    }

    private const string CompiledTemplate = """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "metadata": { "_generator": { "name": "bicep", "version": "0.30.23.60470" } },
          "resources": [
            {
              "type": "Microsoft.KeyVault/vaults",
              "apiVersion": "2023-07-01",
              "name": "kv",
              "properties": { "enablePurgeProtection": false }
            }
          ]
        }
        """;

    [Fact]
    public void A_template_compiled_from_a_bicep_file_of_the_scan_is_reported_once_on_the_source()
    {
        var result = RuleHarness.Analyze(
            ("infra/main.bicep", "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n  properties: { enablePurgeProtection: false }\n}\n"),
            ("infra/main.json", CompiledTemplate));
        Assert.Equal(new[] { "infra/main.bicep" }, result.Findings.Where(f => f.RuleId == "FB1106").Select(f => f.Location.Path));
        // Without its source in the scan, the compiled template is what there is to read.
        Assert.Contains(RuleHarness.Analyze(("infra/main.json", CompiledTemplate)).Findings, f => f.RuleId == "FB1106" && f.Location.Path == "infra/main.json");
    }

    [Fact]
    public void Nested_deployments_inline_templates_are_read_in_their_own_or_the_outer_scope()
    {
        RuleHarness.Verify("azuredeploy.json", """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": {
                "softDelete": { "type": "bool", "defaultValue": false },
                "purge": { "type": "bool", "defaultValue": true }
              },
              "resources": [
                {
                  "type": "Microsoft.Resources/deployments",
                  "apiVersion": "2022-09-01",
                  "name": "inner-scope",
                  "properties": {
                    "mode": "Incremental",
                    "expressionEvaluationOptions": { "scope": "inner" },
                    "parameters": { "purge": { "value": false }, "owner": { "value": "[parameters('purge')]" } },
                    "template": {
                      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                      "contentVersion": "1.0.0.0",
                      "parameters": { "purge": { "type": "bool", "defaultValue": true }, "owner": { "type": "bool", "defaultValue": false } },
                      "resources": [
                        {
                          "type": "Microsoft.KeyVault/vaults",
                          "apiVersion": "2023-07-01",
                          "name": "kv-inner",
                          "properties": { {|FB1106:"enablePurgeProtection": "[parameters('purge')]"|} }
                        },
                        {
                          "type": "Microsoft.KeyVault/vaults",
                          "apiVersion": "2023-07-01",
                          "name": "kv-passed-expression",
                          "properties": { "enablePurgeProtection": "[parameters('owner')]" }
                        }
                      ]
                    }
                  }
                },
                {
                  "type": "Microsoft.Resources/deployments",
                  "apiVersion": "2022-09-01",
                  "name": "outer-scope",
                  "properties": {
                    "mode": "Incremental",
                    "template": {
                      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                      "contentVersion": "1.0.0.0",
                      "resources": [
                        {
                          "type": "Microsoft.KeyVault/vaults",
                          "apiVersion": "2023-07-01",
                          "name": "kv-outer",
                          "properties": { {|FB1106:"enableSoftDelete": "[parameters('softDelete')]"|}, "enablePurgeProtection": "[parameters('purge')]" }
                        }
                      ]
                    }
                  }
                }
              ]
            }
            """, "FB1106");
    }

    [Theory]
    [InlineData("tests/e2e/max/dependencies.bicep")]
    [InlineData("environments/dev/keyvault.bicep")]
    [InlineData("samples/keyvault/main.bicep")]
    public void Absent_purge_protection_is_forgiven_in_samples_tests_and_dev_but_false_is_not(string path)
    {
        RuleHarness.Verify(path, """
            resource scratch 'Microsoft.KeyVault/vaults@2023-07-01' = {
              name: 'kv-scratch'
              properties: {}
            }
            resource off 'Microsoft.KeyVault/vaults@2023-07-01' = {
              name: 'kv-off'
              properties: { {|FB1106:enablePurgeProtection: false|} }
            }
            """, "FB1106");
    }
}
