resource "aws_rds_cluster" "this" {
  cluster_identifier          = "ledger"
  engine                      = "aurora-postgresql"
  master_username             = "ledger"
  manage_master_user_password = true
  backup_retention_period     = 35
  deletion_protection         = true
  skip_final_snapshot         = false
  final_snapshot_identifier   = "ledger-final"
}

resource "aws_rds_cluster_instance" "this" {
  count              = 2
  identifier         = "ledger-${count.index}"
  cluster_identifier = aws_rds_cluster.this.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.this.engine
}

resource "aws_db_instance" "primary" {
  identifier               = "ledger-legacy"
  engine                   = "postgres"
  instance_class           = "db.t4g.medium"
  backup_retention_period  = 7
  delete_automated_backups = false
  deletion_protection      = true
}

resource "aws_db_instance" "replica" {
  identifier          = "ledger-legacy-replica"
  replicate_source_db = aws_db_instance.primary.identifier
  instance_class      = "db.t4g.medium"
  skip_final_snapshot = true
}
