variable "identifier" {
  type = string
}
variable "instance_class" {
  type = string
}
variable "backup_retention_period" {
  type = number
}
variable "delete_automated_backups" {
  type = bool
}
variable "skip_final_snapshot" {
  type = bool
}
variable "deletion_protection" {
  type = bool
}
