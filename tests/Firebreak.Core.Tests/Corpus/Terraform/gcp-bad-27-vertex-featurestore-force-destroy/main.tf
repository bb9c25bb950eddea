resource "google_vertex_ai_featurestore" "main" {
  name          = "recommendations"
  region        = "us-central1"
  force_destroy = true # expect: FB1103

  online_serving_config {
    fixed_node_count = 1
  }
}
