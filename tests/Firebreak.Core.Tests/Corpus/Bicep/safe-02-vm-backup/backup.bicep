// The vaults live in their own resource group; the VM and its disk stay in the application's.
param location string = resourceGroup().location
param vmName string = 'orders-vm'
param appResourceGroup string = 'orders-app'

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' existing = {
  name: vmName
  scope: resourceGroup(appResourceGroup)
}

resource disk 'Microsoft.Compute/disks@2023-10-02' existing = {
  name: '${vmName}-data'
  scope: resourceGroup(appResourceGroup)
}

resource vault 'Microsoft.RecoveryServices/vaults@2024-04-01' = {
  name: 'rsv-orders'
  location: location
  sku: {
    name: 'RS0'
    tier: 'Standard'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
    securitySettings: {
      softDeleteSettings: {
        softDeleteState: 'AlwaysON'
        softDeleteRetentionPeriodInDays: 14
      }
      immutabilitySettings: {
        state: 'Locked'
      }
    }
  }
}

resource protectedVm 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems@2024-04-01' = {
  name: '${vault.name}/Azure/iaasvmcontainer;iaasvmcontainerv2;${appResourceGroup};${vmName}/vm;iaasvmcontainerv2;${appResourceGroup};${vmName}'
  properties: {
    protectedItemType: 'Microsoft.Compute/virtualMachines'
    policyId: '${vault.id}/backupPolicies/DefaultPolicy'
    sourceResourceId: vm.id
  }
}

resource diskVault 'Microsoft.DataProtection/backupVaults@2024-04-01' = {
  name: 'bv-orders'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    storageSettings: [
      {
        datastoreType: 'VaultStore'
        type: 'GeoRedundant'
      }
    ]
    securitySettings: {
      softDeleteSettings: {
        state: 'AlwaysOn'
        retentionDurationInDays: 14
      }
      immutabilitySettings: {
        state: 'Unlocked'
      }
    }
  }

  resource diskInstance 'backupInstances' = {
    name: 'data-disk'
    properties: {
      friendlyName: 'data-disk'
      objectType: 'BackupInstance'
      dataSourceInfo: {
        objectType: 'Datasource'
        resourceID: disk.id
        resourceType: 'Microsoft.Compute/disks'
        datasourceType: 'Microsoft.Compute/disks'
      }
      policyInfo: {
        policyId: resourceId('Microsoft.DataProtection/backupVaults/backupPolicies', 'bv-orders', 'daily')
      }
    }
  }
}
