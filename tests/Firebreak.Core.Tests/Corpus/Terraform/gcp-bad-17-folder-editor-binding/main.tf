locals {
  basic_roles = {
    editor = "roles/editor"
  }
}

resource "google_folder_iam_binding" "devs" {
  folder  = "folders/1234567890"
  role    = lookup(local.basic_roles, "editor", "roles/viewer") # expect: FB2103
  members = ["group:devs@acme.com"]
}
