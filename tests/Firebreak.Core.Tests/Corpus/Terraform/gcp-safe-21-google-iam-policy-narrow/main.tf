data "google_iam_policy" "bucket" {
  binding {
    role    = "roles/storage.objectViewer"
    members = ["allAuthenticatedUsers"]
  }
}

resource "google_storage_bucket_iam_policy" "public_read" {
  bucket      = "acme-public"
  policy_data = data.google_iam_policy.bucket.policy_data
}
