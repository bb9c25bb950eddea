data "azurerm_subscription" "primary" {}

resource "azurerm_role_assignment" "automation" {
  scope              = data.azurerm_subscription.primary.id
  role_definition_id = "${data.azurerm_subscription.primary.id}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635" # expect: FB2104
  principal_id       = "11111111-1111-1111-1111-111111111111"
}
