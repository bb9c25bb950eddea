data "google_iam_policy" "admin" {
  binding {
    role = "roles/owner" # expect: FB2103
    members = [
      "group:admins@acme.com",
    ]
  }

  binding {
    role = "roles/viewer"
    members = [
      "group:everyone@acme.com",
    ]
  }
}

resource "google_project_iam_policy" "project" {
  project     = "acme-prod"
  policy_data = data.google_iam_policy.admin.policy_data
}
