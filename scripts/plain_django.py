"""Plain Django, the floor `make bench` measures the portal against: none of the portal's code.

A WSGI application of its own in one module: Django 5.2, no installed apps, no middleware, one view that
runs `SELECT 1` on the same PostgreSQL (DATABASE_URL, with the portal's connection settings: persistent
connections, health checks, JIT off) and renders a one-line template. scripts/bench.sh serves it with the
same gunicorn and the same number of sync workers as the portal:

    gunicorn --chdir scripts plain_django:application --workers 5

Whatever the portal's bare view costs above this is the portal's stack (its middleware, its URLs, its
settings); whatever a page costs above the bare view is the page.
"""

import os

import dj_database_url
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.template.loader import get_template
from django.urls import path

TEMPLATE = "{{ value }}\n"


def floor(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        (value,) = cursor.fetchone()
    return HttpResponse(get_template("floor.txt").render({"value": value}), content_type="text/plain")


urlpatterns = [path("", floor)]

database = dj_database_url.parse(
    os.environ["DATABASE_URL"],
    conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", 60)),
    conn_health_checks=True,
)
database.setdefault("OPTIONS", {})["options"] = "-c jit=off"
settings.configure(
    DEBUG=False,
    SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY", "plain-django-bench-floor"),
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[],
    MIDDLEWARE=[],
    DATABASES={"default": database},
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [("django.template.loaders.locmem.Loader", {"floor.txt": TEMPLATE})],
                "context_processors": [],
            },
        }
    ],
    USE_TZ=True,
    LOGGING_CONFIG=None,
)
application = get_wsgi_application()
