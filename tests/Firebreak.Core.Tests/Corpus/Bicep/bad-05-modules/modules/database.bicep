param location string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2023-06-01-preview' = { // expect: FB1105
  name: 'orders-pg'
  location: location
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  properties: {
    version: '16'
    storage: { storageSizeGB: 128 }
  }
}
