variable "org_id" {
  type = string
}

variable "automation_role" {
  type    = string
  default = "roles/editor"
}

resource "google_organization_iam_member" "automation" {
  org_id = var.org_id
  role   = var.automation_role # expect: FB2103
  member = "serviceAccount:terraform@seed.iam.gserviceaccount.com"
}
