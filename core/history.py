"""History (django-simple-history) for models with translated fields.

modeltranslation adds the `_sv/_fi/_en` fields when the apps are ready; a historical model created
earlier (by `history = HistoricalRecords()` on the class) would miss them. Such models are
registered here, from each app's ready(), after modeltranslation has added its fields.
"""

import simple_history
from django.db import models


def register_translated(model: type[models.Model]) -> None:
    simple_history.register(model, app=model._meta.app_label)
