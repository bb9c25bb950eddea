#!/usr/bin/env bash
npx prisma migrate reset --force # expect: FB1001
npx prisma migrate deploy
npx prisma migrate dev --name init
npx prisma db push --force-reset # expect: FB1001
npx prisma generate
bin/rails db:drop # expect: FB1001
RAILS_ENV=production DISABLE_DATABASE_ENVIRONMENT_CHECK=1 bundle exec rails db:drop # expect: FB1001
bundle exec rails db:reset # expect: FB1001
bundle exec rails db:migrate
bundle exec rake db:schema:load # expect: FB1001
bin/rails db:seed
php artisan migrate:fresh --seed --force # expect: FB1001
php artisan db:wipe --force # expect: FB1001
php artisan migrate --force
php artisan migrate:status
python manage.py flush --noinput # expect: FB1001
python manage.py migrate --noinput
python manage.py showmigrations
./manage.py reset_db --noinput # expect: FB1001
dotnet ef database drop --force # expect: FB1001
dotnet ef database update
dotnet ef migrations add AddOrders
