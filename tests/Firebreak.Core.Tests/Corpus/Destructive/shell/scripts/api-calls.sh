#!/usr/bin/env bash
# Delete the Railway volume through the public API (incident reproduction).
curl -X POST https://backboard.railway.app/graphql/v2 \
  -H "Authorization: Bearer $RAILWAY_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"query":"mutation { volumeDelete(volumeId: \"'"$VOLUME_ID"'\") }"}' # expect: FB1002
curl -sS https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer $RAILWAY_TOKEN" --json '{"query":"mutation($id: String!) { serviceDelete(id: $id) }","variables":{"id":"svc"}}' # expect: FB1002
curl -sS https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer $RAILWAY_TOKEN" --json '{"query":"query { me { email } }"}'
curl -X DELETE "https://api.machines.dev/v1/apps/$FLY_APP/machines/$MACHINE_ID?force=true" -H "Authorization: Bearer $FLY_API_TOKEN" # expect: FB1002
curl -s "https://api.machines.dev/v1/apps/$FLY_APP/machines" -H "Authorization: Bearer $FLY_API_TOKEN"
curl -n -X DELETE https://api.heroku.com/apps/legacy-app -H "Accept: application/vnd.heroku+json; version=3" # expect: FB1002
curl -n https://api.heroku.com/apps/legacy-app -H "Accept: application/vnd.heroku+json; version=3"
curl --request DELETE --url "https://api.render.com/v1/services/$SERVICE_ID" --header "Authorization: Bearer $RENDER_API_KEY" # expect: FB1002
curl --request GET --url "https://api.render.com/v1/services?limit=20" --header "Authorization: Bearer $RENDER_API_KEY"
curl -X DELETE "https://console.neon.tech/api/v2/projects/$PROJECT_ID/branches/$BRANCH_ID" -H "Authorization: Bearer $NEON_API_KEY" # expect: FB1002
curl "https://console.neon.tech/api/v2/projects/$PROJECT_ID/branches" -H "Authorization: Bearer $NEON_API_KEY"
curl -X DELETE "https://api.supabase.com/v1/projects/$PROJECT_REF" -H "Authorization: Bearer $SUPABASE_ACCESS_TOKEN" # expect: FB1002
curl -X DELETE "https://api.vercel.com/v9/projects/my-app" -H "Authorization: Bearer $VERCEL_TOKEN" # expect: FB1002
curl -X DELETE "https://api.digitalocean.com/v2/databases/$DB_ID" -H "Authorization: Bearer $DIGITALOCEAN_TOKEN" # expect: FB1002
curl -X GET "https://api.digitalocean.com/v2/databases" -H "Authorization: Bearer $DIGITALOCEAN_TOKEN"
curl -X DELETE "https://api.cloudflare.com/client/v4/accounts/$CF_ACCOUNT_ID/d1/database/$DB_ID" -H "Authorization: Bearer $CF_API_TOKEN" # expect: FB1002
curl -X DELETE -H "Authorization: token $GITHUB_TOKEN" https://api.github.com/repos/acme/old-service # expect: FB1002
curl -H "Authorization: token $GITHUB_TOKEN" https://api.github.com/repos/acme/old-service
curl -X DELETE https://api.example.com/v1/items/42
curl -X DELETE http://localhost:8080/api/cache
wget --method=DELETE --header="Authorization: Bearer $RENDER_API_KEY" https://api.render.com/v1/services/srv-123 # expect: FB1002
http DELETE https://api.heroku.com/apps/legacy "Authorization:Bearer $HEROKU_API_KEY" # expect: FB1002
http GET https://api.heroku.com/apps "Authorization:Bearer $HEROKU_API_KEY"
echo 'curl -X DELETE https://api.heroku.com/apps/legacy'
