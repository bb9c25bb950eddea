resource "aws_dynamodb_table" "t" {
  name                        = "t"
  hash_key                    = "id"
  deletion_protection_enabled = true
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery { # expect: FB3005
  }
}
