#!/usr/bin/env bash
set -e
rm -rf / # expect: FB1001
rm -rf ~ # expect: FB1001
rm -rf "$HOME" # expect: FB1001
rm -rf "$BUILD_DIR/" # note: FB1011
rm -rf /var/lib/postgresql/data # expect: FB1001
sudo rm -rf /var/lib/mysql # expect: FB1001
rm -r -f /srv/uploads # expect: FB1001
rm --recursive --force /opt/app/data # expect: FB1001
\rm -rf /var/lib/docker/volumes # expect: FB1001
command rm -rf /data/minio # expect: FB1001
rm -rf ./build
rm -rf node_modules dist .next
rm -rf /tmp/build-cache
rm -f /var/run/app.pid
rm -rf "${BUILD_DIR:?}/"
rm -rf "$TMPDIR/out"
rm -rf ~/.cache/pip
git push --force origin main # expect: FB1001
git push -f origin master # expect: FB1001
git push origin +main # expect: FB1001
git push --force-with-lease origin feature/login
git push --force origin my-feature-branch
git push origin main
git push -u origin HEAD
gh repo delete acme/old-service --yes # expect: FB1001
gh repo view acme/old-service
gh repo list acme --limit 100
gh release delete v1.0.0 --yes # expect: FB1001
docker compose down -v # expect: FB1001
docker-compose down --volumes # expect: FB1001
docker compose down
docker volume rm pgdata # expect: FB1001
docker volume prune -f # expect: FB1001
docker volume ls
docker system prune -af --volumes # expect: FB1001
docker system prune -f
docker image prune -a -f
docker rm -f web
