variable "name" {
  type = string
}

variable "skip_final_snapshot" {
  type    = bool
  default = true # expect: FB1102
}

module "db" {
  source              = "../rds"
  identifier          = var.name
  skip_final_snapshot = var.skip_final_snapshot
}
