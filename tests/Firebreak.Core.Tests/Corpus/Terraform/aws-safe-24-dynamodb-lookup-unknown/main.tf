variable "table" {
  type = object({
    name                = string
    deletion_protection = bool
    pitr                = bool
  })
}

resource "aws_dynamodb_table" "this" {
  name                        = var.table.name
  hash_key                    = "id"
  billing_mode                = "PAY_PER_REQUEST"
  deletion_protection_enabled = lookup(var.table, "deletion_protection", null)

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = try(var.table.pitr, true)
  }
}
