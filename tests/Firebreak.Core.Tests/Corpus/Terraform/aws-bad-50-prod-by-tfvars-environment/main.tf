variable "environment" {
  type = string
}

resource "aws_dynamodb_table" "orders" { # expect: FB1104
  name                        = "orders-${var.environment}"
  hash_key                    = "id"
  billing_mode                = "PAY_PER_REQUEST"
  deletion_protection_enabled = true
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
}
