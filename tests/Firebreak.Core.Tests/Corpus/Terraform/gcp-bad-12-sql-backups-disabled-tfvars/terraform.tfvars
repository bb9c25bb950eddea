backup_configuration = {
  enabled    = false
  start_time = "04:00"
}
