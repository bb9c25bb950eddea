buckets = {
  data = {
    force_destroy = true
  }
}
