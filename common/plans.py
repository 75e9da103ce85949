"""Reads compiled to SQL once per database connection, then run again with new values.

Building and compiling a small queryset costs more than running it: the row
lock a review takes (the service with its vendor, profile and whether the
author bought there) took 1.8-2.0 ms to build and compile in Python and about
0.5 ms to run on PostgreSQL (docs/ARCHITECTURE.md, "Speed", sixth pass). A
``Plan`` builds its queryset once per connection with marker values where the
call's values go, keeps the SQL, and afterwards only puts each call's values
in the markers' places. Rows come back as the queryset would give them:
model instances made the way ``QuerySet`` makes them (the compiler's
converters, ``Model.from_db``, ``select_related`` populators, annotations),
or tuples for a ``values_list`` queryset. ``common/tests/test_plans.py``
holds a plan to its queryset's answers on both databases.

What varies between calls is named up front: ``ids`` are integers (primary
and foreign keys), ``dates`` are ``datetime.date`` values. Everything else
about the queryset must be the same on every call; a marker the SQL does not
use, or a value of the wrong type, is refused.

``create(model, **values)`` is ``model.objects.create(**values)`` with the
INSERT written once per model and connection: the values still go through
each field's ``pre_save`` and ``get_db_prep_save`` as Django's insert
compiler puts them, and the instance comes back saved (its id and other
returned columns set, ``_state`` as after ``save()``). A model with save
signals, parents or ``order_with_respect_to``, or a value that is an
expression, is saved by ``save()`` as before.

``around`` wraps the compiled SQL (``"SELECT COUNT(*) FROM ({}) AS rows"``)
for a total that a queryset would compute with ``count()`` or
``aggregate()``, which run at once instead of giving SQL to keep; its rows
are the database's values, unconverted.
"""

import threading
from collections.abc import Callable
from datetime import date
from operator import index

from django.db import connections, router, transaction
from django.db.models import Model, QuerySet, signals
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators
from django.db.models.sql import InsertQuery
from django.db.transaction import TransactionManagementError

# Marker values, far outside any id or date the application stores.
_FIRST_ID_MARKER = -(2**62)


class _Compiled:
    """One plan's SQL on one connection, and how to turn its rows into results."""

    def __init__(self, queryset: QuerySet, markers: dict[str, object], using: str, around: str):
        if queryset._prefetch_related_lookups or queryset._iterable_class not in (
            ModelIterable,
            ValuesListIterable,
        ):
            raise TypeError("A plan runs a model or values_list queryset without prefetches.")
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        self.slots = [
            (position, name)
            for position, value in enumerate(params)
            for name, marker in markers.items()
            if type(value) is type(marker) and value == marker
        ]
        missing = markers.keys() - {name for _, name in self.slots}
        if missing:
            raise ValueError(f"The plan's SQL does not use {sorted(missing)}.")
        self.sql = around.format(sql)
        self.template = list(params)
        self.compiler = compiler
        self.wrapped = around != "{}"
        self.locks = bool(queryset.query.select_for_update)
        # What results_iter works out on every call, once.
        columns = [column[0] for column in compiler.select[0 : compiler.col_count]]
        self.composite = compiler.has_composite_fields(columns)
        self.converters = compiler.get_converters(columns)
        self.models = queryset._iterable_class is ModelIterable and not self.wrapped
        if self.models:
            klass_info, select = compiler.klass_info, compiler.select
            fields = klass_info["select_fields"]
            self.model = klass_info["model"]
            self.start, self.end = fields[0], fields[-1] + 1
            self.init_list = [column[0].target.attname for column in select[self.start : self.end]]
            self.populators = get_related_populators(klass_info, select, using)
            self.annotations = list(compiler.annotation_col_map.items())

    def _rows(self, rows: list[tuple]):
        if self.composite:
            return self.compiler.results_iter([rows])
        if self.converters:
            return self.compiler.apply_converters(rows, self.converters)
        return rows

    def results(self, rows: list[tuple]) -> list:
        if self.wrapped:
            return rows
        if not self.models:
            return [tuple(row) for row in self._rows(rows)]
        alias = self.compiler.connection.alias
        instances = []
        for row in self._rows(rows):
            instance = self.model.from_db(alias, self.init_list, row[self.start : self.end])
            for populator in self.populators:
                populator.populate(row, instance)
            for name, position in self.annotations:
                setattr(instance, name, row[position])
            instances.append(instance)
        return instances


class Plan:
    """A queryset shape, ``build(**markers)``, compiled once per thread's connection."""

    def __init__(
        self,
        build: Callable[..., QuerySet],
        *,
        ids: tuple[str, ...] = (),
        dates: tuple[str, ...] = (),
        around: str = "{}",
    ):
        self.build = build
        self.around = around
        self._markers: dict[str, object] = {
            name: _FIRST_ID_MARKER - number for number, name in enumerate(ids)
        }
        self._markers.update({name: date(1, 1, 1 + number) for number, name in enumerate(dates)})
        self._dates = frozenset(dates)
        self._using: str | None = None
        self._local = threading.local()

    def _compiled(self, using: str | None) -> _Compiled:
        if using is None:
            if self._using is None:
                # The queryset's own choice (the write database for a lock).
                self._using = self.build(**self._markers).db
            using = self._using
        by_alias = self._local.__dict__.setdefault("by_alias", {})
        compiled = by_alias.get(using)
        # Kept with the connection it was compiled for (its SQL dialect, its
        # converters); another connection object (tests swap them) compiles again.
        if compiled is None or compiled.compiler.connection is not connections[using]:
            queryset = self.build(**self._markers)
            compiled = by_alias[using] = _Compiled(queryset, self._markers, using, self.around)
        return compiled

    def _params(self, compiled: _Compiled, values: dict[str, object]) -> list:
        if values.keys() != self._markers.keys():
            raise TypeError(f"This plan takes exactly {sorted(self._markers)}.")
        params = list(compiled.template)
        for position, name in compiled.slots:
            value = values[name]
            if name in self._dates:
                if not isinstance(value, date):
                    raise TypeError(f"{name} must be a date, not {type(value).__name__}.")
            else:
                value = index(value)  # an integer, as the marker was
            params[position] = value
        return params

    def all(self, *, using: str | None = None, **values) -> list:
        """The rows for these values: model instances, or tuples."""
        compiled = self._compiled(using)
        connection = compiled.compiler.connection
        if compiled.locks and connection.get_autocommit():
            raise TransactionManagementError(
                "select_for_update cannot be used outside of a transaction."
            )
        params = self._params(compiled, values)
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        return compiled.results(rows)

    def first(self, *, using: str | None = None, **values):
        """The first row for these values, or None."""
        rows = self.all(using=using, **values)
        return rows[0] if rows else None


class _Insert:
    """One model's single-row INSERT on one connection."""

    def __init__(self, instance: Model, fields: list, using: str):
        meta = type(instance)._meta
        query = InsertQuery(type(instance))
        query.insert_values(fields, [instance])
        compiler = query.get_compiler(using=using)
        compiler.returning_fields = meta.db_returning_fields
        ((self.sql, _),) = compiler.as_sql()
        self.connection = compiler.connection
        self.returning = meta.db_returning_fields
        columns = [field.get_col(meta.db_table) for field in self.returning]
        self.converters = compiler.get_converters(columns)
        self.compiler = compiler


_inserts = threading.local()


def create(model: type[Model], **values) -> Model:
    """``model.objects.create(**values)``, its INSERT compiled once per connection."""
    instance = model(**values)
    meta = model._meta
    using = router.db_for_write(model, instance=instance)
    connection = connections[using]
    if (
        meta.parents
        or meta.order_with_respect_to
        or signals.pre_save.has_listeners(model)
        or signals.post_save.has_listeners(model)
        or not connection.features.can_return_columns_from_insert
    ):
        instance.save(force_insert=True, using=using)
        return instance
    instance._prepare_related_fields_for_save(operation_name="save")
    pk_set = instance._is_pk_set(meta)
    fields = [
        field
        for field in meta.local_concrete_fields
        if not field.generated and (pk_set or field is not meta.auto_field)
    ]
    raw = [field.pre_save(instance, True) for field in fields]
    if any(hasattr(value, "resolve_expression") for value in raw):
        instance.save(force_insert=True, using=using)
        return instance
    by_key = _inserts.__dict__.setdefault("by_key", {})
    key = (model, using, pk_set)
    insert = by_key.get(key)
    if insert is None or insert.connection is not connection:
        insert = by_key[key] = _Insert(instance, fields, using)
        # Compiling ran each field's pre_save again (a new auto_now time):
        # store what the instance holds now.
        raw = [field.pre_save(instance, True) for field in fields]
    params = [
        field.get_db_prep_save(value, connection) for field, value in zip(fields, raw, strict=True)
    ]
    with transaction.mark_for_rollback_on_error(using), connection.cursor() as cursor:
        cursor.execute(insert.sql, params)
        returned = cursor.fetchone() if insert.returning else None
    if returned is not None:
        if insert.converters:
            (returned,) = list(insert.compiler.apply_converters([returned], insert.converters))
        for value, field in zip(returned, insert.returning, strict=True):
            setattr(instance, field.attname, value)
    instance._state.adding = False
    instance._state.db = using
    return instance
