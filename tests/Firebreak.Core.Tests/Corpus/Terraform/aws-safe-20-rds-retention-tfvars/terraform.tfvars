backup_retention_period = 14
