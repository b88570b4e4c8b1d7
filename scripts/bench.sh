#!/usr/bin/env bash
# make bench: serve the portal as docker-compose.yml runs it in production (gunicorn, DEBUG off, static
# files through WhiteNoise) on the data in BENCH_DATABASE_URL, drive its pages with wrk, time the PDF
# report and the dashboard charts. scripts/bench.py does the measuring; results go to bench/.
#
#   BENCH_DATABASE_URL  the database to serve (default: haninge_bench, filled by `make bench-data`)
#   GUNICORN_WORKERS    gunicorn worker processes (default 5, as in production)
#   BENCH_SECONDS       seconds of load per page (default 8), after BENCH_WARMUP seconds (default 1)
#   BENCH_SEARCH        the word the search page looks for (default: finska)
cd "$(dirname "$0")/.."
source scripts/lib.sh

BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/haninge_bench}"
# Redis database 7: the tests use 15 and development 0; the bench empties it before it starts.
BENCH_REDIS_DB=7

say "System packages (wrk drives the load, Pango renders the PDF report)"
install_debian_packages wrk curl
ensure_runtime_libraries

say "Python dependencies"
ensure_venv

say "Services"
ensure_postgres
ensure_redis

workdir="$(mktemp -d)"
server=""
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server"
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap stop_server EXIT

# The production environment (.env.example), on this machine: plain HTTP on the loopback only.
export DATABASE_URL="$BENCH_DATABASE_URL"
export REDIS_URL="redis://127.0.0.1:6379/$BENCH_REDIS_DB"
export DJANGO_DEBUG=false
export DJANGO_SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export DJANGO_SECURE_HTTPS=false
export DJANGO_BEHIND_PROXY=false
export DJANGO_STATIC_MANIFEST=true
export STATIC_ROOT="$workdir/static"
export MEDIA_ROOT="$workdir/media"
export DELIVERY_EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
export SESSION_IDLE_SECONDS=28800
export LOG_LEVEL=WARNING
export GUNICORN_WORKERS="${GUNICORN_WORKERS:-5}"
# wrk asks the open data API thousands of times a minute from one address; its real limit is not measured here.
export API_RATE_LIMIT=1000000/minute

say "Database ${DATABASE_URL##*/}: migrations, static files, an empty cache"
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py collectstatic --noinput -v0
redis-cli -h 127.0.0.1 -p 6379 -n "$BENCH_REDIS_DB" flushdb >/dev/null

port="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
say "gunicorn with $GUNICORN_WORKERS workers at http://127.0.0.1:$port/ (no access log)"
"$VENV/bin/gunicorn" haninge_portal.wsgi:application --bind "127.0.0.1:$port" \
  --workers "$GUNICORN_WORKERS" --error-logfile "$workdir/gunicorn.log" --log-level warning &
server=$!
for _ in $(seq 1 60); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
  kill -0 "$server" 2>/dev/null || { cat "$workdir/gunicorn.log"; die "gunicorn did not start."; }
  sleep 0.5
done
curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" || { cat "$workdir/gunicorn.log"; die "/healthz does not answer."; }

say "Benchmark"
set +e
"$PY" scripts/bench.py --base-url "http://127.0.0.1:$port"
status=$?
set -e
if [ -s "$workdir/gunicorn.log" ]; then
  say "gunicorn's error log"
  tail -n 40 "$workdir/gunicorn.log"
fi
[ "$status" = 0 ] || die "The benchmark failed (exit $status)."
