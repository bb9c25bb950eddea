resource "google_project_iam_binding" "owners" {
  project = "acme-prod-123"
  role    = "roles/owner" # expect: FB2103
  members = [
    "group:platform-admins@acme.com",
  ]
}
