"""One object by one field, read with SQL that Django compiles once per process: the page cache's hit path.

A page served from the page cache still runs its access rules on the object's row, read from the database
on every request (core.views.access: `get_hit_queryset`). Read through the ORM, that small query cost about
0.8 ms a request, of which 0.5 ms was Python building and compiling the same query again (resolving the
field names, the joins, the SQL) and 0.3 ms the database: more than the rest of a page taken from the cache.

`read_one(queryset, field, value, shape=...)` gives what `get_object_or_404(queryset, **{field: value})`
gives: the same SQL (Django's, compiled from the queryset the first time a process reads that shape), the
same objects (built as Django's ModelIterable builds them: `from_db`, its select_related relations, the
database's converters) and Http404 when there is no such row. Only the value changes from request to
request, so only it is put into the parameters; the read itself still goes to the database every time, on
the connection Django gives, and is counted, logged and watched like any other query.

A queryset whose SQL might not be the same for every value (prefetches, a value that appears elsewhere in
its parameters, a value the field cannot take) is read through the ORM as before.
"""

from typing import Any

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import (  # type: ignore[attr-defined]  # Django's own, undeclared by django-stubs
    MAX_GET_RESULTS,
    ModelIterable,
    get_related_populators,
)
from django.http import Http404
from django.utils import translation


class _Compiled:
    """A queryset filtered on one field, compiled: its SQL, where the value goes, how rows become objects."""

    def __init__(self, queryset: QuerySet, field_name: str, value: Any, connection) -> None:
        model = queryset.model
        self.field = model._meta.pk if field_name == "pk" else model._meta.get_field(field_name)
        self.model = model
        clone = queryset.filter(**{field_name: value}).order_by()
        clone.query.set_limits(high=MAX_GET_RESULTS)
        compiler = clone.query.get_compiler(using=queryset.db, connection=connection)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        db_value = self.db_value(value, connection)
        places = [index for index, param in enumerate(self.params) if param == db_value]
        if len(places) != 1:
            raise _NotCompilable
        self.place = places[0]
        select, klass_info = compiler.select, compiler.klass_info
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.init_list = [column[0].target.attname for column in select[self.start : self.end]]
        self.annotations = list(compiler.annotation_col_map.items())
        self.populators = get_related_populators(klass_info, select, queryset.db)
        self.converters = compiler.get_converters([column[0] for column in select[: compiler.col_count]])
        self.compiler = compiler

    def db_value(self, value: Any, connection) -> Any:
        """The value as an exact lookup on the field puts it into the parameters."""
        return self.field.get_db_prep_value(self.field.get_prep_value(value), connection, prepared=True)

    def read(self, db: str, value: Any, connection) -> list[Model]:
        params = list(self.params)
        params[self.place] = self.db_value(value, connection)
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = list(self.compiler.apply_converters(rows, self.converters))
        objects = []
        for row in rows:
            obj = self.model.from_db(db, self.init_list, row[self.start : self.end])
            for populator in self.populators:
                populator.populate(row, obj)
            for name, position in self.annotations:
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects


class _NotCompilable(Exception):
    pass


def _compilable(queryset: QuerySet) -> bool:
    # QuerySet's own private attributes, which django-stubs does not declare.
    return (
        queryset._iterable_class is ModelIterable
        and not queryset._prefetch_related_lookups  # type: ignore[attr-defined]
        and not queryset._known_related_objects  # type: ignore[attr-defined]
        and not queryset.query.combinator
        and not queryset.query.select_for_update
    )


def _read_by_orm(queryset: QuerySet, field_name: str, value: Any) -> Model:
    try:
        return queryset.get(**{field_name: value})
    except queryset.model.DoesNotExist:
        raise Http404 from None


def read_one(queryset: QuerySet, field_name: str, value: Any, *, shape: object) -> Model:
    """The one object of `queryset` whose `field_name` is `value`, else Http404 (as get_object_or_404).

    `shape` names the queryset: the same name must always come with the same queryset (a view's constant
    hit queryset, named by its view class). Its SQL is compiled once per process, connection and language.
    """
    db = queryset.db
    connection = connections[db]
    compiled_reads = connection.__dict__.setdefault("_compiled_reads", {})
    key = (shape, field_name, translation.get_language())
    compiled = compiled_reads.get(key)
    if compiled is None and _compilable(queryset):
        try:
            compiled = compiled_reads[key] = _Compiled(queryset, field_name, value, connection)
        except (_NotCompilable, ValueError, TypeError):
            compiled = compiled_reads[key] = False
    if not compiled:
        return _read_by_orm(queryset, field_name, value)
    try:
        objects = compiled.read(db, value, connection)
    except (ValueError, TypeError):
        # A value the field cannot take: the ORM says so in its own words.
        return _read_by_orm(queryset, field_name, value)
    if not objects:
        raise Http404
    if len(objects) > 1:
        raise queryset.model.MultipleObjectsReturned(
            f"get() returned more than one {queryset.model._meta.object_name}"
        )
    return objects[0]
