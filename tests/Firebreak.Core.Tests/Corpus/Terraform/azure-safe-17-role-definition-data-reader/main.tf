data "azurerm_subscription" "primary" {}

data "azurerm_role_definition" "reader" {
  name  = "Reader"
  scope = data.azurerm_subscription.primary.id
}

resource "azurerm_role_assignment" "audit" {
  scope              = data.azurerm_subscription.primary.id
  role_definition_id = data.azurerm_role_definition.reader.id
  principal_id       = "33333333-3333-3333-3333-333333333333"
}
