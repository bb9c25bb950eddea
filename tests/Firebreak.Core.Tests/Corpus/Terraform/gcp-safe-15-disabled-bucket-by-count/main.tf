variable "create_scratch" {
  type    = bool
  default = false
}

resource "google_storage_bucket" "scratch" {
  count         = var.create_scratch ? 1 : 0
  name          = "acme-scratch"
  location      = "US"
  force_destroy = true
}
