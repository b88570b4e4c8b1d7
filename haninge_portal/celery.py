"""The Celery app: tasks are discovered in each app's tasks.py; the beat schedule lives in settings."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haninge_portal.settings")

app = Celery("haninge_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
