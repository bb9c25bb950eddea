variable "databases" {
  type = map(object({
    deletion_protection = bool
    retention           = string
  }))
  default = {
    accounts = {
      deletion_protection = true
      retention           = "7d"
    }
    scratch = {
      deletion_protection = false
      retention           = "1h"
    }
  }
}

resource "google_spanner_database" "this" {
  for_each                 = var.databases
  instance                 = "main"
  name                     = each.key
  version_retention_period = each.value.retention
  deletion_protection      = each.value.deletion_protection # expect: FB1101
}
