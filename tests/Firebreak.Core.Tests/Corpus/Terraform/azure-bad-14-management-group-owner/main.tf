resource "azurerm_role_assignment" "landing_zone" {
  scope                = "/providers/Microsoft.Management/managementGroups/acme-landing-zones"
  role_definition_name = "Owner" # expect: FB2104
  principal_id         = "22222222-2222-2222-2222-222222222222"
}
