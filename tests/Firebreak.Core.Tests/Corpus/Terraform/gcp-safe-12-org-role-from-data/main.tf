data "google_iam_role" "custom" {
  name = "organizations/123/roles/terraformDeployer"
}

resource "google_organization_iam_member" "automation" {
  org_id = "123"
  role   = data.google_iam_role.custom.name
  member = "serviceAccount:terraform@seed.iam.gserviceaccount.com"
}

resource "google_service_account_iam_member" "token_creator" {
  service_account_id = "projects/seed/serviceAccounts/terraform@seed.iam.gserviceaccount.com"
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = "group:platform@acme.com"
}
