variable "create_test_db" {
  type    = bool
  default = false
}

resource "aws_db_instance" "test" {
  count               = var.create_test_db ? 1 : 0
  identifier          = "scratch"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  skip_final_snapshot = true
  deletion_protection = false
}

resource "aws_s3_bucket" "scratch" {
  for_each      = toset([])
  bucket        = each.key
  force_destroy = true
}
