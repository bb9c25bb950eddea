// Orders service data stores, deployed to the orders resource group.
@description('Environment name')
@allowed(['staging', 'production'])
param environment string = 'production'
param location string = resourceGroup().location
param retentionDays int = 7
param purgeProtection bool = true

var prefix = 'orders-${environment}'
var softDeleteOn = true

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${prefix}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableSoftDelete: softDeleteOn
    enablePurgeProtection: true
    enableRbacAuthorization: true
  }
}

resource cmkVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${prefix}-cmk'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'premium' }
    enablePurgeProtection: purgeProtection
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: replace('st${prefix}', '-', '')
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_GRS' }

  resource blobs 'blobServices' = {
    name: 'default'
    properties: {
      deleteRetentionPolicy: {
        enabled: retentionDays > 0 ? true : true
        days: retentionDays
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: retentionDays
      }
    }
  }
}

resource sql 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: 'sql-${prefix}'
  location: location
  properties: {
    administrators: {
      azureADOnlyAuthentication: true
    }
  }
}

resource sqlLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'sql-no-delete'
  scope: sql
  properties: {
    level: 'CanNotDelete'
  }
}

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2023-06-01-preview' = {
  name: 'pg-${prefix}'
  location: location
  sku: { name: 'Standard_D2ds_v4', tier: 'GeneralPurpose' }
}

resource pgLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'pg-no-delete'
  scope: pg
  properties: {
    level: 'CanNotDelete'
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = [for region in ['westeurope', 'northeurope']: {
  name: 'cosmos-${prefix}-${region}'
  location: region
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      { locationName: region }
    ]
  }
}]

resource cosmosLocks 'Microsoft.Authorization/locks@2020-05-01' = [for (region, i) in ['westeurope', 'northeurope']: {
  name: 'cosmos-no-delete-${region}'
  scope: cosmos[i]
  properties: {
    level: 'CanNotDelete'
  }
}]

output vaultUri string = vault.properties.vaultUri
