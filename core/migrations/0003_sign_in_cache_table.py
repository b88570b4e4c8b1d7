"""The table of the "default" cache (django.core.cache.backends.db): sign-in's rate limits, kept in PostgreSQL."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_trust")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
