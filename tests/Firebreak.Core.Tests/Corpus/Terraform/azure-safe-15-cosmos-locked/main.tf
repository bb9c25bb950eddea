resource "azurerm_cosmosdb_account" "this" {
  name                = "cosmos-catalog"
  location            = "westeurope"
  resource_group_name = "rg-catalog"
  offer_type          = "Standard"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}

resource "azurerm_management_lock" "cosmos" {
  name       = "cosmos-lock"
  scope      = azurerm_cosmosdb_account.this.id
  lock_level = "CanNotDelete"
}
