resource "azurerm_resource_group" "app" {
  name     = "rg-app"
  location = "westeurope"
}

resource "azurerm_role_assignment" "automation" {
  scope              = azurerm_resource_group.app.id
  role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c"
  principal_id       = "11111111-1111-1111-1111-111111111111"
}
