param location string = resourceGroup().location

module database 'modules/database.bicep' = {
  name: 'database'
  params: {
    location: location
  }
}
