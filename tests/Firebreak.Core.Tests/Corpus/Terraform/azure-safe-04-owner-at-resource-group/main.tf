resource "azurerm_resource_group" "app" {
  name     = "rg-app"
  location = "westeurope"
}

data "azurerm_subscription" "current" {}

resource "azurerm_role_assignment" "app_owner" {
  scope                = azurerm_resource_group.app.id
  role_definition_name = "Owner"
  principal_id         = "00000000-0000-0000-0000-000000000001"
}

resource "azurerm_role_assignment" "rg_contributor" {
  scope                = "${data.azurerm_subscription.current.id}/resourceGroups/rg-app"
  role_definition_name = "Contributor"
  principal_id         = "00000000-0000-0000-0000-000000000002"
}

resource "azurerm_role_assignment" "reader" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Reader"
  principal_id         = "00000000-0000-0000-0000-000000000003"
}
