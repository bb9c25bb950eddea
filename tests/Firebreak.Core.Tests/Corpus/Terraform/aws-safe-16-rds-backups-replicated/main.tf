provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "dr"
  region = "us-west-2"
}

resource "aws_db_instance" "this" {
  identifier              = "crm"
  engine                  = "postgres"
  instance_class          = "db.t4g.medium"
  backup_retention_period = 14
  deletion_protection     = true
  skip_final_snapshot     = false
}

resource "aws_db_instance_automated_backups_replication" "this" {
  provider               = aws.dr
  source_db_instance_arn = aws_db_instance.this.arn
  retention_period       = 14
}
