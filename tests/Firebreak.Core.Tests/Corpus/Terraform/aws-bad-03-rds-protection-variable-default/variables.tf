variable "identifier" {
  type = string
}
variable "engine" {
  type    = string
  default = "postgres"
}
variable "instance_class" {
  type = string
}
variable "backup_retention_period" {
  type    = number
  default = 7
}
variable "delete_automated_backups" {
  type    = bool
  default = false
}
variable "skip_final_snapshot" {
  type    = bool
  default = false
}
variable "deletion_protection" {
  description = "The database can't be deleted when this value is set to true."
  type        = bool
  default     = false
}
