variable "project_id" {
  type = string
}
variable "name" {
  type = string
}
variable "database_version" {
  type = string
}
variable "region" {
  type    = string
  default = "us-central1"
}
variable "tier" {
  type    = string
  default = "db-f1-micro"
}
variable "deletion_protection" {
  description = "Used to block Terraform from deleting a SQL Instance."
  type        = bool
  default     = false
}
variable "deletion_protection_enabled" {
  type    = bool
  default = null
}
