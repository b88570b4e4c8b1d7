#!/usr/bin/env bash
# make bench-data: the Haninge demo plus ten years of history (demo/bench/) in BENCH_DATABASE_URL, which
# is created if missing. Deterministic; running it again rebuilds the same data.
cd "$(dirname "$0")/.."
source scripts/lib.sh

BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/haninge_bench}"

say "System packages (Pango renders the reports of past quarters)"
ensure_runtime_libraries

say "Python dependencies"
ensure_venv

say "Services"
ensure_postgres

say "Database ${BENCH_DATABASE_URL##*/}: migrations, the demo, ten years of history"
"$PY" -m demo.bench.createdb "$BENCH_DATABASE_URL"
export DATABASE_URL="$BENCH_DATABASE_URL" DJANGO_DEBUG=true LOG_LEVEL=WARNING
started=$SECONDS
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py demo_data
"$PY" manage.py bench_data
say "Done in $((SECONDS - started)) s"
