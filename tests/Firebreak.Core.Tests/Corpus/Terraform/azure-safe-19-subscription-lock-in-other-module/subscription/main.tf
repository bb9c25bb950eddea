data "azurerm_subscription" "current" {}

resource "azurerm_management_lock" "subscription" {
  name       = "subscription-no-delete"
  scope      = data.azurerm_subscription.current.id
  lock_level = "CanNotDelete"
}
