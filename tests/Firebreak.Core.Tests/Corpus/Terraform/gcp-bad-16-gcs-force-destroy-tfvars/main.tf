variable "force_destroy" {
  type    = bool
  default = false
}

resource "google_storage_bucket" "state" {
  name          = "acme-tf-state"
  location      = "EU"
  force_destroy = var.force_destroy # expect: FB1103
}
