#!/usr/bin/env bash
# make bench: serve the portal as docker-compose.yml runs it in production (gunicorn, DEBUG off, static
# files through WhiteNoise) on the data in BENCH_DATABASE_URL, drive its pages with wrk, time the PDF
# report and the dashboard charts. scripts/bench.py does the measuring; results go to bench/.
# Three servers run side by side with the same gunicorn settings: the portal as in production, the portal
# with its page cache off (every page rendered afresh), and plain Django (scripts/plain_django.py), the floor
# every figure is compared with.
#
#   BENCH_DATABASE_URL  the database to serve (default: haninge_bench, filled by `make bench-data`)
#   GUNICORN_WORKERS    gunicorn worker processes (default 5, as in production)
#   BENCH_SECONDS       seconds of load per page and server (default 5), after BENCH_WARMUP seconds (default 1)
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
servers=()
stop_server() {
  for pid in "${servers[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      wait "$pid" 2>/dev/null || true
    fi
  done
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

free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# start_server NAME PORT HEALTH-PATH GUNICORN-ARGS...: gunicorn with the same sync workers for each server.
start_server() {
  local name="$1" at="$2" health="$3"
  shift 3
  "$VENV/bin/gunicorn" "$@" --bind "127.0.0.1:$at" --workers "$GUNICORN_WORKERS" \
    --error-logfile "$workdir/$name.log" --log-level warning &
  local pid=$!
  servers+=("$pid")
  for _ in $(seq 1 60); do
    curl -fs -o /dev/null "http://127.0.0.1:$at$health" && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$workdir/$name.log"; die "gunicorn ($name) did not start."; }
    sleep 0.5
  done
  cat "$workdir/$name.log"
  die "gunicorn ($name) does not answer at $health."
}

port="$(free_port)"
say "The portal: gunicorn with $GUNICORN_WORKERS workers at http://127.0.0.1:$port/ (no access log)"
start_server portal "$port" /healthz haninge_portal.wsgi:application

fresh_port="$(free_port)"
say "The portal without its page cache (PAGE_CACHE_SECONDS=0): every page rendered afresh, at :$fresh_port"
PAGE_CACHE_SECONDS=0 start_server fresh "$fresh_port" /healthz haninge_portal.wsgi:application

plain_port="$(free_port)"
say "Plain Django (scripts/plain_django.py: no middleware, SELECT 1, a one-line template) at :$plain_port"
start_server plain "$plain_port" / --chdir scripts plain_django:application

say "Benchmark"
set +e
"$PY" scripts/bench.py --base-url "http://127.0.0.1:$port" --fresh-url "http://127.0.0.1:$fresh_port" \
  --plain-url "http://127.0.0.1:$plain_port"
status=$?
set -e
for name in portal fresh plain; do
  if [ -s "$workdir/$name.log" ]; then
    say "gunicorn's error log ($name)"
    tail -n 40 "$workdir/$name.log"
  fi
done
[ "$status" = 0 ] || die "The benchmark failed (exit $status)."
