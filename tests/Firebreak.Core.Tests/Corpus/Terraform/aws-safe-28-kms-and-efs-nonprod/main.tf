resource "aws_kms_key" "data" {
  description             = "data"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
  kms_key_id     = aws_kms_key.data.arn
}
