#!/usr/bin/env bash
# Removes the preview DNS records. CF_EMAIL and CF_KEY are the account owner's.
set -euo pipefail
ZONE="${CF_ZONE_ID}"
for id in $(curl -fsS "https://api.cloudflare.com/client/v4/zones/${ZONE}/dns_records?name=contains:preview" -H "X-Auth-Email: ${CF_EMAIL}" -H "X-Auth-Key: ${CF_KEY}" | jq -r '.result[].id'); do # expect: FB2003
  curl -fsS -X DELETE "https://api.cloudflare.com/client/v4/zones/${ZONE}/dns_records/${id}" -H "X-Auth-Email: ${CF_EMAIL}" -H "X-Auth-Key: ${CF_KEY}" # expect: FB2003
done
