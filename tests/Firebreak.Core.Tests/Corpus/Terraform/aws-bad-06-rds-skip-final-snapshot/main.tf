resource "aws_db_instance" "reporting" {
  identifier               = "reporting"
  engine                   = "postgres"
  instance_class           = "db.t4g.large"
  allocated_storage        = 20
  backup_retention_period  = 7
  delete_automated_backups = false
  deletion_protection      = true
  skip_final_snapshot      = true # expect: FB1102
}
