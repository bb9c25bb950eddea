variable "point_in_time_recovery_enabled" {
  type = bool
}

variable "deletion_protection_enabled" {
  type = bool
}

resource "aws_dynamodb_table" "this" {
  name                        = "events"
  hash_key                    = "id"
  billing_mode                = "PAY_PER_REQUEST"
  deletion_protection_enabled = var.deletion_protection_enabled

  attribute {
    name = "id"
    type = "S"
  }

  dynamic "point_in_time_recovery" {
    for_each = var.point_in_time_recovery_enabled ? [1] : []
    content {
      enabled = true
    }
  }
}
