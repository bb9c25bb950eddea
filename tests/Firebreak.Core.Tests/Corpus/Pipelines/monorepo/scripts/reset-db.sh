#!/usr/bin/env bash
set -euo pipefail
API="https://backboard.railway.com/graphql/v2"

gql() {
  curl -fsS "$API" -H "Authorization: Bearer $RAILWAY_TOKEN" -H 'Content-Type: application/json' -d "$1" # expect: FB2003
}

VOLUME=$(gql '{"query":"query { project(id: \"p\") { volumes { edges { node { id } } } } }"}' | jq -r '.data.project.volumes.edges[0].node.id')
gql "{\"query\":\"mutation { volumeDelete(volumeId: \\\"$VOLUME\\\") }\"}" # expect: FB1002
