variable "databases" {
  type = map(object({
    deletion_protection = bool
  }))
  default = {
    accounts = {
      deletion_protection = true
    }
    ledger = {
      deletion_protection = true
    }
  }
}

resource "google_spanner_database" "this" {
  for_each            = var.databases
  instance            = "main"
  name                = each.key
  deletion_protection = each.value.deletion_protection
}
