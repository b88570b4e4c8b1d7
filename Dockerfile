# syntax=docker/dockerfile:1
# Production image of the Haninge portal: gunicorn serves Django; the same image runs the
# Celery worker and beat (see docker-compose.yml). Build: docker build -t haninge-portal .

FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=haninge_portal.settings \
    DJANGO_STATIC_MANIFEST=true

# WeasyPrint 70 loads Pango, PangoFT2 and HarfBuzz (libharfbuzz-subset0 for font subsetting) at
# run time; DejaVu and Noto cover the minority languages' scripts (incl. Sami letters and Hebrew
# script for Yiddish). gettext provides msgfmt for compilemessages.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz0b \
        libharfbuzz-subset0 \
        fonts-dejavu-core \
        fonts-noto-core \
        gettext \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 1000 app \
    && useradd --system --uid 1000 --gid app --home-dir /app --shell /usr/sbin/nologin app \
    && python -m venv "$VIRTUAL_ENV"

# Dependencies first, in their own layer: rebuilt only when pyproject.toml or the constraints change.
# [tool.setuptools] packages = [] so `pip install .` installs the dependencies only (pinned, with
# their transitive dependencies, by requirements/constraints.txt); the code runs from /app.
WORKDIR /tmp/build
COPY pyproject.toml README.md* ./
COPY requirements/constraints.txt ./requirements/
# PORTAL_EXTRAS=s3 adds django-storages for FILE_STORAGE=s3 (docs/scaling.md).
ARG PORTAL_EXTRAS=""
RUN pip install -c requirements/constraints.txt ".${PORTAL_EXTRAS:+[$PORTAL_EXTRAS]}" && rm -rf /tmp/build

WORKDIR /app
# .dockerignore keeps .env, .venv, db.sqlite3, tests and .git out of the image.
COPY . .

# Translations and static files are built into the image; with DJANGO_STATIC_MANIFEST=true (set
# above, for build and run time alike) collectstatic writes hashed, compressed files for WhiteNoise.
# The secret key is a build-only dummy: it is not kept in the image's environment, and the real
# one comes from .env at run time.
RUN DJANGO_SECRET_KEY=build-only python manage.py compilemessages
RUN DJANGO_SECRET_KEY=build-only python manage.py collectstatic --noinput

# var/media is mounted as a volume; a fresh named volume takes this directory's owner.
RUN mkdir -p /app/var/media /app/var/mail \
    && chown -R app:app /app/var

USER app

EXPOSE 8000

# GUNICORN_WORKERS (default 5) sets the number of worker processes.
CMD ["sh", "-c", "exec gunicorn haninge_portal.wsgi:application --bind 0.0.0.0:8000 --workers \"${GUNICORN_WORKERS:-5}\" --access-logfile - --error-logfile -"]
