variable "project_id" {
  type = string
}

variable "extra_role" {
  type = string
}

resource "google_project_iam_member" "viewer" {
  project = var.project_id
  role    = "roles/viewer"
  member  = "group:auditors@acme.com"
}

resource "google_project_iam_member" "sql_client" {
  for_each = toset(["roles/cloudsql.client", "roles/logging.logWriter"])
  project  = var.project_id
  role     = each.value
  member   = "serviceAccount:app@${var.project_id}.iam.gserviceaccount.com"
}

resource "google_project_iam_member" "extra" {
  project = var.project_id
  role    = var.extra_role
  member  = "group:ops@acme.com"
}

resource "google_storage_bucket_iam_member" "writer" {
  bucket = "acme-uploads"
  role   = "roles/storage.objectAdmin"
  member = "serviceAccount:app@${var.project_id}.iam.gserviceaccount.com"
}
