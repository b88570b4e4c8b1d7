#!/usr/bin/env bash
# make run: the portal with Haninge's demo data at http://127.0.0.1:8000/ (PORT=8123 or PORT=127.0.0.1:8123 moves it;
# links in mail and reports follow PORT unless SITE_URL is set).
# SQLite and eager tasks by default; set DATABASE_URL for PostgreSQL and REDIS_URL for a real Celery worker.
cd "$(dirname "$0")/.."
source scripts/lib.sh

export DJANGO_DEBUG="${DJANGO_DEBUG:-true}"
# Production requires two-step sign-in of coordinators and administrators (MFA_REQUIRED_FOR); the demo
# leaves it to whoever tries it: MFA_REQUIRED_FOR=coordinator,administrator make run.
export MFA_REQUIRED_FOR="${MFA_REQUIRED_FOR-}"
ensure_venv
ensure_runtime_libraries || echo "(PDF reports need Pango; the rest of the portal runs without it.)"
compile_messages
say "Migrating the database (${DATABASE_URL:-SQLite in db.sqlite3})"
"$PY" manage.py migrate --noinput -v0
say "Building Haninge's demo data"
"$PY" manage.py demo_data

if [ -n "${REDIS_URL:-}" ]; then
  say "Starting a Celery worker and beat against $REDIS_URL"
  "$VENV/bin/celery" -A haninge_portal worker --beat -l info --concurrency 2 &
  WORKER=$!
  trap 'kill $WORKER 2>/dev/null || true' EXIT
else
  echo "REDIS_URL is not set: background tasks run at once, inside the request."
fi

[ -z "$MFA_REQUIRED_FOR" ] && echo "Two-step sign-in is not required in this demo (production requires it of coordinators and administrators)."
ADDRESS="${PORT:-127.0.0.1:8000}"
# The address the settings derive SITE_URL from, so what we print is what mail links to.
URL="$("$PY" -c 'import os; os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haninge_portal.settings"); from django.conf import settings; print(settings.SITE_URL)')"
say "The portal runs at $URL/ (Ctrl+C stops it)"
"$PY" manage.py runserver "$ADDRESS"
