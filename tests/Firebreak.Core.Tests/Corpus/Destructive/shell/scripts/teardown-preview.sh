#!/usr/bin/env bash
# Tear down a preview environment after the PR is closed.
set -euo pipefail

ENVIRONMENT="${1:?usage: teardown-preview.sh <env>}"
echo "Tearing down $ENVIRONMENT (this runs railway environment delete)"
railway environment delete "$ENVIRONMENT" --yes # expect: FB1001
railway service delete worker -y # expect: FB1001
railway volume delete --volume pgdata --yes # expect: FB1001
railway volume list
railway status
railway logs --service api
railway down --yes # expect: FB1001
fly apps destroy "pr-${PR_NUMBER}-app" --yes # expect: FB1001
flyctl volumes destroy vol_3xr7 -y # expect: FB1001
flyctl volumes list -a my-app
fly postgres detach my-db-pg # expect: FB1001
fly apps list
heroku apps:destroy --app "review-${PR_NUMBER}" --confirm "review-${PR_NUMBER}" # expect: FB1001
heroku pg:reset DATABASE_URL --app my-staging --confirm my-staging # expect: FB1001
heroku pg:info --app my-staging
heroku pg:backups:capture --app my-staging
heroku addons:destroy heroku-postgresql --app my-staging --confirm my-staging # expect: FB1001
heroku config:get DATABASE_URL -a my-staging
vercel remove my-project --yes # expect: FB1001
vercel ls
vercel env ls production
neonctl branches delete preview/pr-42 --project-id "$NEON_PROJECT_ID" # expect: FB1001
neonctl branches list --project-id "$NEON_PROJECT_ID"
neonctl projects delete "$NEON_PROJECT_ID" # expect: FB1001
supabase projects delete "$SUPABASE_PROJECT_REF" # expect: FB1001
supabase db reset --linked # expect: FB1001
supabase db reset # expect: FB1001
supabase db push
supabase projects list
pscale database delete my-db --force # expect: FB1001
pscale branch delete my-db pr-42 --force # expect: FB1001
pscale branch list my-db
doctl databases delete "$DB_CLUSTER_ID" --force # expect: FB1001
doctl compute droplet delete web-01 --force # expect: FB1001
doctl compute volume delete "$VOLUME_ID" --force # expect: FB1001
doctl databases list
doctl compute droplet list --format Name,PublicIPv4
render services list
