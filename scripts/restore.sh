#!/usr/bin/env bash
# make restore BACKUP=<folder>: put a backup made by `make backup` back. The database named by DATABASE_URL
# is replaced (tables dropped and restored) and MEDIA_ROOT gets the files of the backup. Asks first unless
# CONFIRM=yes. Checks the manifest before it changes anything.
cd "$(dirname "$0")/.."
source scripts/lib.sh

BACKUP="${BACKUP:-${1:-}}"
[ -n "$BACKUP" ] && [ -d "$BACKUP" ] || die "Name the backup folder: make restore BACKUP=var/backups/<time>"
[ -n "${DATABASE_URL:-}" ] || die "Set DATABASE_URL to the PostgreSQL database to restore into."
command -v pg_restore >/dev/null && command -v psql >/dev/null || die "pg_restore or psql is missing: apt-get install postgresql-client"
MEDIA_ROOT="${MEDIA_ROOT:-var/media}"

say "Checking $BACKUP"
(cd "$BACKUP" && sha256sum --check --quiet SHA256SUMS) || die "The backup does not match its checksums: nothing was changed."

if [ "${CONFIRM:-}" != "yes" ]; then
  read -r -p "Replace the database ${DATABASE_URL##*/} and the files in $MEDIA_ROOT with $BACKUP? Type yes: " answer
  [ "$answer" = "yes" ] || die "Nothing was changed."
fi

say "Database ${DATABASE_URL##*/} ← $BACKUP/database.dump"
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  --dbname "$DATABASE_URL" "$BACKUP/database.dump"
# pg_restore leaves the planner without statistics: until autovacuum gets to the tables, search would scan
# every row instead of using its full-text indexes (0.2 s instead of 0.02 s a kind on ten years of data).
psql --quiet --dbname "$DATABASE_URL" --command "ANALYZE"
say "Files → $MEDIA_ROOT"
staging="$(mktemp -d "${MEDIA_ROOT%/}.restore.XXXXXX")"
tar -C "$staging" -xzf "$BACKUP/media.tar.gz"
if [ -d "$MEDIA_ROOT" ]; then mv "$MEDIA_ROOT" "$staging.old"; fi
mv "$staging" "$MEDIA_ROOT"
rm -rf "$staging.old"
say "Restored from $BACKUP"
