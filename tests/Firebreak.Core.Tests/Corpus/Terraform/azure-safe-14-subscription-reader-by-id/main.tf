data "azurerm_subscription" "primary" {}

resource "azurerm_role_assignment" "reader" {
  scope              = data.azurerm_subscription.primary.id
  role_definition_id = "${data.azurerm_subscription.primary.id}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"
  principal_id       = "00000000-0000-0000-0000-000000000004"
}
