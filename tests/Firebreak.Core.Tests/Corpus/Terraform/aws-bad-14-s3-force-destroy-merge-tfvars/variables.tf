variable "buckets" {
  type = map(any)
}
