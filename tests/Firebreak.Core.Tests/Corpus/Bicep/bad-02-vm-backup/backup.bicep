param location string = resourceGroup().location
param vmName string = 'orders-vm'

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' existing = {
  name: vmName
}

resource disk 'Microsoft.Compute/disks@2023-10-02' = {
  name: '${vmName}-data'
  location: location
  sku: { name: 'Premium_LRS' }
  properties: {
    creationData: { createOption: 'Empty' }
    diskSizeGB: 256
  }
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
        softDeleteState: 'Disabled' // expect: FB1106
      }
      immutabilitySettings: {
        state: 'Disabled' // expect: FB3003
      }
    }
  }
}

resource protectedVm 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems@2024-04-01' = {
  name: '${vault.name}/Azure/iaasvmcontainer;iaasvmcontainerv2;${resourceGroup().name};${vmName}/vm;iaasvmcontainerv2;${resourceGroup().name};${vmName}'
  properties: {
    protectedItemType: 'Microsoft.Compute/virtualMachines'
    policyId: '${vault.id}/backupPolicies/DefaultPolicy'
    sourceResourceId: vm.id // expect: FB3007
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
        type: 'LocallyRedundant'
      }
    ]
    securitySettings: {
      softDeleteSettings: {
        state: 'Off' // expect: FB1106
        retentionDurationInDays: 14
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
        resourceID: disk.id // expect: FB3007
        resourceType: 'Microsoft.Compute/disks'
        datasourceType: 'Microsoft.Compute/disks'
      }
      policyInfo: {
        policyId: resourceId('Microsoft.DataProtection/backupVaults/backupPolicies', 'bv-orders', 'daily')
      }
    }
  }
}
