variable "project_id" {
  type = string
}

variable "sa_roles" {
  type    = list(string)
  default = ["roles/logging.logWriter", "roles/editor"]
}

resource "google_service_account" "app" {
  account_id = "app"
  project    = var.project_id
}

resource "google_project_iam_member" "app" {
  for_each = toset(var.sa_roles)
  project  = var.project_id
  role     = each.value # expect: FB2103
  member   = "serviceAccount:${google_service_account.app.email}"
}
