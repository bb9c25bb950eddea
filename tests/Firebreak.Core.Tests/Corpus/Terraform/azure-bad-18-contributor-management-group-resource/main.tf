resource "azurerm_management_group" "platform" {
  display_name = "Platform"
}

resource "azurerm_role_assignment" "pipeline" {
  scope                = azurerm_management_group.platform.id
  role_definition_name = "Contributor" # expect: FB2104
  principal_id         = "33333333-3333-3333-3333-333333333333"
}
