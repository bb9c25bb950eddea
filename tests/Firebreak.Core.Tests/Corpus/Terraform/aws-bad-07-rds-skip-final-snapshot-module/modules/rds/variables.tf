variable "identifier" {
  type = string
}
variable "skip_final_snapshot" {
  type    = bool
  default = false
}
