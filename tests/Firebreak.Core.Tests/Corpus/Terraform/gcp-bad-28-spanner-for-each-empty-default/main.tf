variable "databases" {
  type = map(object({
    ddl = list(string)
  }))
  default = {}
}

resource "google_spanner_instance" "main" {
  name         = "main"
  config       = "regional-us-central1"
  display_name = "main"
  num_nodes    = 1
}

resource "google_spanner_database" "databases" {
  for_each            = var.databases
  instance            = google_spanner_instance.main.name
  name                = each.key
  ddl                 = each.value.ddl
  deletion_protection = false # expect: FB1101
}
