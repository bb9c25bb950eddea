targetScope = 'subscription'

@description('Object ID of the deployment pipeline service principal')
param ciPrincipalId string

var roles = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
  contributor: 'b24988ac-6180-42a0-ab88-f2e3d4a9c8cf'
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
}

resource ciContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, ciPrincipalId, roles.contributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.contributor) // expect: FB2104
    principalId: ciPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource ownerRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  name: roles.owner
}

resource opsOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, ciPrincipalId, 'owner')
  properties: {
    roleDefinitionId: ownerRole.id // expect: FB2104
    principalId: ciPrincipalId
  }
}

resource ciReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, ciPrincipalId, roles.reader)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.reader)
    principalId: ciPrincipalId
  }
}

resource appGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'orders-app'
  location: 'westeurope'
}

module appAccess 'app-access.bicep' = {
  name: 'app-access'
  scope: appGroup
  params: {
    principalId: ciPrincipalId
  }
}
