param principalId string

// Contributor on this resource group only: scoped to the job.
resource contributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, principalId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-f2e3d4a9c8cf')
    principalId: principalId
  }
}
