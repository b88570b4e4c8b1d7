#!/usr/bin/env bash
# make test: set up everything and run every check, against the real PostgreSQL and Redis on this machine.
# .ci/run calls exactly this.
cd "$(dirname "$0")/.."
source scripts/lib.sh

say "System packages (Chromium for browser tests, gettext for catalogs, Pango for PDFs, docker-compose to validate compose, Java for the Nu Html Checker)"
install_debian_packages chromium gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-noto-core docker-compose openjdk-17-jre-headless
command -v npm >/dev/null || install_debian_packages npm

say "Python dependencies"
ensure_venv dev

say "Test tools from npm (axe-core)"
if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

say "Services"
ensure_postgres
ensure_redis

say "Lint (ruff)"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .

say "Types (mypy with django-stubs on core, followup and duties)"
DJANGO_DEBUG=true "$VENV/bin/mypy"

say "Migrations are committed"
DJANGO_DEBUG=true "$PY" manage.py makemigrations --check --dry-run

say "Dependency order (import-linter: docs/architecture.md)"
"$VENV/bin/lint-imports" --no-cache

say "Translation catalogs (sv, fi, en) are complete"
scripts/check_messages.sh
compile_messages

say "Production settings pass check --deploy"
DJANGO_DEBUG=false DJANGO_SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')" \
  DJANGO_SECURE_HTTPS=true DJANGO_ALLOWED_HOSTS=minoriteter.example.org \
  "$PY" manage.py check --deploy --fail-level WARNING

say "docker-compose.yml is valid (with .env.example as its .env)"
compose_dir="$(mktemp -d)"
cp docker-compose.yml "$compose_dir/" && cp .env.example "$compose_dir/.env"
cp docker-compose.app-host.yml "$compose_dir/"
(cd "$compose_dir" && POSTGRES_PASSWORD=ci DJANGO_SECRET_KEY=ci docker-compose -f docker-compose.yml config -q)
(cd "$compose_dir" && POSTGRES_PASSWORD=ci DJANGO_SECRET_KEY=ci SHARED_DATABASE_URL=postgres://ci@db/ci \
  SHARED_REDIS_URL=redis://redis:6379/0 docker-compose -f docker-compose.yml -f docker-compose.app-host.yml config -q)
rm -rf "$compose_dir"

say "Tests (PostgreSQL, Redis, a real Celery worker, Chromium)"
set +e
# Both cores; the integration tests (one xdist_group, tests/conftest.py) stay together on one worker.
"$VENV/bin/pytest" -n 2 --dist loadgroup "$@"
status=$?
set -e
[ "$status" = 0 ] || die "Tests failed (pytest exit $status)."
