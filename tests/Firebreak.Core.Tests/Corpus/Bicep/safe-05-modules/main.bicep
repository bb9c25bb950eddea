param location string = resourceGroup().location

module database 'modules/database.bicep' = {
  name: 'database'
  params: {
    location: location
  }
}

// Without a scope, the lock holds the resource group this file deploys to, and the module's server in it.
resource groupLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'orders-no-delete'
  properties: {
    level: 'CanNotDelete'
    notes: 'The orders data lives in this group.'
  }
}
