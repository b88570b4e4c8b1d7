# Shared steps for scripts/run.sh and scripts/test.sh. Sourced, not run.
set -euo pipefail

VENV="${VENV:-.venv}"
PY="$VENV/bin/python"
APT_UPDATED=0

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\n\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

# install_debian_packages PACKAGE... : install what is missing, as root with apt-get, else explain.
install_debian_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    say "Installing Debian packages: ${missing[*]}"
    if [ "$APT_UPDATED" = 0 ]; then apt-get update -qq; APT_UPDATED=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    die "Missing system packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}"
  fi
}

ensure_python() {
  command -v python3.11 >/dev/null || python3 -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null \
    || die "Python 3.11 is required (found: $(python3 --version 2>&1))."
}

# ensure_venv [extras]: a virtualenv with the pinned dependencies, reinstalled only when the pins change.
ensure_venv() {
  local extras="${1:-}"
  ensure_python
  local python_bin; python_bin="$(command -v python3.11 || command -v python3)"
  if [ ! -x "$PY" ]; then
    say "Creating the virtualenv in $VENV"
    "$python_bin" -m venv "$VENV"
    "$PY" -m pip install -q --upgrade pip
  fi
  local stamp="$VENV/.installed${extras:+-$extras}"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ requirements/constraints.txt -nt "$stamp" ]; then
    say "Installing Python dependencies${extras:+ (with $extras)}"
    "$PY" -m pip install -q -c requirements/constraints.txt -e ".${extras:+[$extras]}"
    touch "$stamp"
  fi
}

# WeasyPrint renders with Pango; its fonts must carry Swedish, Finnish, Sami and Romani letters.
ensure_runtime_libraries() {
  install_debian_packages libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
}

compile_messages() {
  if command -v msgfmt >/dev/null; then
    DJANGO_DEBUG=true "$PY" manage.py compilemessages -v0 --ignore=.venv --ignore=node_modules
  else
    echo "gettext (msgfmt) is not installed: using the compiled catalogs in locale/ as they are."
  fi
}

# PostgreSQL and Redis on this machine: start them when they are installed but not running.
ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return 0; fi
  command -v pg_ctlcluster >/dev/null || die "PostgreSQL is not running on 127.0.0.1:5432 and is not installed (apt-get install postgresql)."
  say "Starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return 0; sleep 1; done
  die "PostgreSQL did not start."
}

ensure_redis() {
  if redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then return 0; fi
  command -v redis-server >/dev/null || die "Redis is not running on 127.0.0.1:6379 and is not installed (apt-get install redis-server)."
  say "Starting Redis"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && return 0; sleep 1; done
  die "Redis did not start."
}
