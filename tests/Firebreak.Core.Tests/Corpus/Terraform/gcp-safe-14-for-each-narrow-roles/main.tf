locals {
  roles = {
    logging = "roles/logging.logWriter"
    metrics = "roles/monitoring.metricWriter"
  }
}

resource "google_project_iam_member" "node" {
  for_each = local.roles
  project  = "acme-prod"
  role     = each.value
  member   = "serviceAccount:gke-node@acme-prod.iam.gserviceaccount.com"
}
