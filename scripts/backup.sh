#!/usr/bin/env bash
# make backup: the database (pg_dump, custom format) and the uploaded files and reports (MEDIA_ROOT) into
# one folder under BACKUP_DIR (default var/backups), with a manifest of checksums. Restore with
# `make restore BACKUP=<that folder>`.
#
#   DATABASE_URL  the PostgreSQL database to back up (required)
#   MEDIA_ROOT    the uploaded files and reports (default var/media)
#   BACKUP_DIR    where backups go (default var/backups)
cd "$(dirname "$0")/.."
source scripts/lib.sh

[ -n "${DATABASE_URL:-}" ] || die "Set DATABASE_URL to the PostgreSQL database to back up."
case "$DATABASE_URL" in postgres://*|postgresql://*) ;; *) die "make backup is for PostgreSQL; DATABASE_URL is not postgres://…" ;; esac
command -v pg_dump >/dev/null || die "pg_dump is missing: apt-get install postgresql-client"
MEDIA_ROOT="${MEDIA_ROOT:-var/media}"
BACKUP_DIR="${BACKUP_DIR:-var/backups}"

target="$BACKUP_DIR/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"
umask 077  # a backup holds personal data: readable by its owner only
say "Database → $target/database.dump"
pg_dump --format=custom --no-owner --no-privileges --file "$target/database.dump" "$DATABASE_URL"
say "Uploaded files and reports ($MEDIA_ROOT) → $target/media.tar.gz"
mkdir -p "$MEDIA_ROOT"
tar -C "$MEDIA_ROOT" -czf "$target/media.tar.gz" .
(cd "$target" && sha256sum database.dump media.tar.gz > SHA256SUMS)
chmod 600 "$target"/*
say "Backup written: $target"
echo "$target"
