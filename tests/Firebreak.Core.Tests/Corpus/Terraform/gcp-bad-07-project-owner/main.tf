resource "google_project_iam_member" "ci_owner" {
  project = var.project_id
  role    = "roles/owner" # expect: FB2103
  member  = "serviceAccount:ci@${var.project_id}.iam.gserviceaccount.com"
}

variable "project_id" {
  type = string
}
