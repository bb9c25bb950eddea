#!/usr/bin/env bash
set -euo pipefail
# Reset the local database. Never run against production!
# dropdb production_db  <- this is what NOT to do
dropdb --if-exists "$PGDATABASE" # expect: FB1001
dropdb -h db.internal -U postgres app_production # expect: FB1001
createdb "$PGDATABASE"
psql "$DATABASE_URL" -c 'DROP DATABASE app_staging;' # expect: FB1003
psql "$DATABASE_URL" -c "TRUNCATE TABLE events;" # expect: FB1003
psql "$DATABASE_URL" -c "DELETE FROM sessions;" # expect: FB1003
psql "$DATABASE_URL" -c "DELETE FROM sessions WHERE expires_at < now();"
psql "$DATABASE_URL" -c "SELECT count(*) FROM users;"
psql "$DATABASE_URL" -c "\dt"
psql -v ON_ERROR_STOP=1 "$DATABASE_URL" <<SQL
DROP SCHEMA public CASCADE; -- expect: FB1003
CREATE SCHEMA public;
SQL
psql "$DATABASE_URL" <<'SQL'
UPDATE users SET email_verified = true; -- expect: FB1003
UPDATE users SET email_verified = true WHERE id = 1;
SQL
cat <<'EOF2'
To wipe everything run:
  psql -c "DROP DATABASE app;"
  redis-cli FLUSHALL
EOF2
mysql -u root -p"$MYSQL_PASSWORD" -e "DROP DATABASE wordpress;" # expect: FB1003
mysql -u root -e "SHOW DATABASES;"
mysql -u root -e "DROP TABLE IF EXISTS wp_options" # expect: FB1003
redis-cli FLUSHALL # expect: FB1001
redis-cli -h cache.internal -n 2 FLUSHDB # expect: FB1001
redis-cli -h cache.internal INFO keyspace
redis-cli KEYS 'session:*'
echo FLUSHALL | redis-cli -h cache.internal # expect: FB1001
echo "FLUSHALL is dangerous, use FLUSHDB on db 2 only"
printf 'Run: redis-cli FLUSHALL\n'
mongosh "$MONGO_URL" --eval 'db.dropDatabase()' # expect: FB1001
mongosh "$MONGO_URL" --eval 'db.users.deleteMany({})' # expect: FB1001
mongosh "$MONGO_URL" --eval 'db.users.deleteMany({ createdAt: { $lt: cutoff } })'
mongosh "$MONGO_URL" --eval 'db.users.countDocuments()'
mongo app --eval "db.dropDatabase()" # expect: FB1001
grep -n "dropDatabase" migrations/*.js
grep -rn 'DROP TABLE' db/
