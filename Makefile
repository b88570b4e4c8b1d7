# The Haninge portal. `make run` serves it with demo data; `make test` runs every check.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PY := .venv/bin/python
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/haninge_bench

.PHONY: help run test messages lint format migrations vendor-designsystemet bench-report bench bench-data backup restore

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-22s %s\n", $$1, $$2}'

run: ## Set up and serve the portal with Haninge's demo data at http://127.0.0.1:8000/
	scripts/run.sh

test: ## Set up everything and run every check (ruff, migrations, catalogs, check --deploy, compose, pytest)
	scripts/test.sh

bench-report: ## Time and peak memory of the quarterly PDF report on the data in DATABASE_URL
	DJANGO_DEBUG=true $(PY) manage.py bench_report

bench-data: ## Fill BENCH_DATABASE_URL (created if missing) with the demo data and ten years of history
	BENCH_DATABASE_URL='$(BENCH_DATABASE_URL)' scripts/bench_data.sh

bench: ## Load-test the pages as production serves them (gunicorn, wrk) on BENCH_DATABASE_URL; results in bench/
	BENCH_DATABASE_URL='$(BENCH_DATABASE_URL)' scripts/bench.sh

backup: ## Back up the database in DATABASE_URL and the uploaded files and reports (MEDIA_ROOT) to var/backups/<time>
	scripts/backup.sh

restore: ## Restore a backup into DATABASE_URL and MEDIA_ROOT: make restore BACKUP=var/backups/<time> (asks first)
	BACKUP='$(BACKUP)' scripts/restore.sh

messages: ## Update the sv/fi/en catalogs in locale/ after changing UI strings, then compile them
	DJANGO_DEBUG=true $(PY) manage.py makemessages -l sv -l fi -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=var
	DJANGO_DEBUG=true $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

lint: ## ruff check and format check
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format: ## Format the code with ruff
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .

migrations: ## Make migrations after changing models
	DJANGO_DEBUG=true $(PY) manage.py makemigrations

vendor-designsystemet: ## Refresh the vendored Designsystemet CSS from npm (versions in static/vendor/designsystemet/README.md)
	scripts/vendor_designsystemet.sh
