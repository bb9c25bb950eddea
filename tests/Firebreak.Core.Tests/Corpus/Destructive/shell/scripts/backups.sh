#!/bin/bash
export RESTIC_REPOSITORY=s3:s3.amazonaws.com/my-restic
restic forget --keep-last 1 --prune # expect: FB1001
restic forget --keep-daily 7 --keep-weekly 4 --prune --dry-run # note: FB1001
restic snapshots
restic backup /var/lib/postgresql
borg delete /mnt/backup/borg::2024-01-01 # expect: FB1001
borg prune --keep-daily=7 /mnt/backup/borg # expect: FB1001
borg prune --dry-run --list --keep-daily=7 /mnt/backup/borg # note: FB1001
borg list /mnt/backup/borg
velero backup delete nightly-20240101 --confirm # expect: FB1001
velero backup get
velero schedule delete daily --confirm # expect: FB1001
rclone purge remote:backups # expect: FB1001
rclone delete remote:backups/db # expect: FB1001
rclone delete remote:backups/db --dry-run # note: FB1001
rclone sync /srv/data remote:backups --dry-run # note: FB1001
rclone ls remote:backups
