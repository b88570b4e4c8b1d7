"""Short lists read with the row they belong to: a page that shows a meeting with its few files, signers and
protocol documents reads them in the meeting's own query, not in one query each.

`packed(queryset, fields)` is an annotation: the rows of `queryset` (which refers to the outer row with
OuterRef) as an array of JSON objects holding `fields`, in the queryset's order. `unpacked(model, rows)` builds
them back into instances of `model` holding those fields alone: the others are deferred, so reading one that
was not packed costs a query (and the page's query-count test shows it) rather than an empty value. A field
of a related row is named `relation__field` and comes back as an instance of the related model.
"""

import functools
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from django.contrib.postgres.expressions import ArraySubquery
from django.db import models
from django.db.models.functions import JSONObject

M = TypeVar("M", bound=models.Model)


def packed(queryset: "models.QuerySet[Any, Any]", fields: Sequence[str] | None = None) -> ArraySubquery:
    """The rows as an array of JSON objects with the fields (attnames, or `relation__field`); without
    `fields`, every concrete field of the queryset's model."""
    if fields is None:
        model: type[models.Model] = queryset.model
        fields = list(_concrete(model))
    # Django's own values(): a model-translated model's queryset (modeltranslation) would add its fields
    # beside the JSON, and an array is of one column.
    plain: models.QuerySet[Any, Any] = models.QuerySet(model=queryset.model, query=queryset.query.chain())
    rows: Any = plain.values(row=JSONObject(**{name: name for name in fields}))
    return ArraySubquery(rows)


@functools.cache
def _concrete(model: type[models.Model]) -> dict[str, models.Field]:
    """The model's concrete fields by attname, in the model's order."""
    return {field.attname: field for field in model._meta.concrete_fields}


def _instance(model: type[M], values: dict) -> M:
    concrete = _concrete(model)
    # from_db takes the values in the order of the model's fields.
    names = [name for name in concrete if name in values]
    unknown = set(values) - set(names)
    if unknown:
        raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
    # JSON gives dates and times as text: each field turns its value back into what the ORM would read.
    return model.from_db(None, names, [concrete[name].to_python(values[name]) for name in names])


def unpacked(model: type[M], rows: Iterable[dict] | None) -> list[M]:
    """The packed rows as instances of the model, with their related rows set where fields named them."""
    built = []
    for row in rows or ():
        own: dict = {}
        related: dict[str, dict] = {}
        for key, value in row.items():
            relation, _sep, field = key.partition("__")
            if field:
                related.setdefault(relation, {})[field] = value
            else:
                own[key] = value
        instance = _instance(model, own)
        for relation, values in related.items():
            target = model._meta.get_field(relation).related_model
            assert isinstance(target, type)
            setattr(instance, relation, _instance(target, values))
        built.append(instance)
    return built
