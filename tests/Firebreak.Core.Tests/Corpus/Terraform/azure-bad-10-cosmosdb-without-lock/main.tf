resource "azurerm_cosmosdb_account" "this" { # expect: FB1105
  name                = "cosmos-catalog"
  location            = "westeurope"
  resource_group_name = "rg-catalog"
  offer_type          = "Standard"
  kind                = "GlobalDocumentDB"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }

  backup {
    type = "Continuous"
    tier = "Continuous30Days"
  }
}
