#!/usr/bin/env bash
# Lists the preview DNS records with a zone-scoped API token (DNS read).
set -euo pipefail
curl -fsS "https://api.cloudflare.com/client/v4/zones/${CF_ZONE_ID}/dns_records?name=contains:preview" -H "Authorization: Bearer ${CLOUDFLARE_API_TOKEN}" | jq -r '.result[].name'
