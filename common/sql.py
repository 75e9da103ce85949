"""Querysets as plain SQL, and plain SQL rows as the ORM would give them.

With ``common.plans``, the one place that reaches below Django's public
QuerySet API (the query's compiler and the fields' database converters), so
that domain modules build their fast paths from querysets and fields alone:
``where_sql`` / ``order_sql`` compile a queryset's conditions or order for a
query of its model's own table, ``converters_of`` gives each selected column
the converters the ORM would apply, and ``read_rows`` runs the SQL and
converts its rows. A fast path built on these keeps its rules where the
ordinary path keeps them (the querysets), and the tests of each use compare
its answers with the ordinary path's.
"""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet


def converters_of(connection, fields) -> list:
    """Per selected column (``None`` for a column that needs none): the ORM's
    converters (backend's, then the field's), as ``read_rows`` takes them."""
    plan = []
    for index, field in enumerate(fields):
        if field is None:
            continue
        expression = field.get_col(field.model._meta.db_table)
        functions = connection.ops.get_db_converters(expression) + expression.get_db_converters(
            connection
        )
        if functions:
            plan.append((index, functions, expression))
    return plan


def _convert(rows, plan, connection) -> None:
    for row in rows:
        for index, functions, expression in plan:
            value = row[index]
            for function in functions:
                value = function(value, expression, connection)
            row[index] = value


def read_rows(connection, sql: str, params: list, names: list[str], converters) -> list[dict]:
    """The rows of ``sql`` as dicts keyed by ``names``, converted as the ORM does."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = [list(row) for row in cursor.fetchall()]
    _convert(rows, converters, connection)
    return [dict(zip(names, row, strict=True)) for row in rows]


# The SQL of each model's bare queryset as ids, by (model, database vendor).
_BARE: dict = {}


def _bare(model) -> str:
    key = (model, connections[DEFAULT_DB_ALIAS].vendor)
    bare = _BARE.get(key)
    if bare is None:
        ids = model._default_manager.order_by().values("pk")
        bare = _BARE[key] = ids.query.sql_with_params()[0]
    return bare


def _clause(queryset: QuerySet, keyword: str) -> tuple[str, list]:
    """The ``keyword`` clause of ``queryset``'s SQL: the SQL of the queryset
    as ids, less the SQL of its model's bare queryset."""
    if queryset.db != DEFAULT_DB_ALIAS:  # sql_with_params compiles for the default database
        raise ValueError(f"{queryset.db!r}: only the default database is compiled")
    sql, params = queryset.values("pk").query.sql_with_params()
    bare = _bare(queryset.model)
    if sql == bare:
        return "", []
    head = f"{bare} {keyword} "
    if not sql.startswith(head):
        raise ValueError(f"not a {keyword} clause of the model's own table: {sql}")
    return sql[len(head) :], list(params)


def where_sql(queryset: QuerySet) -> tuple[str, list]:
    """The conditions of ``queryset`` as (SQL, params) on its model's own
    table ("" when none), compiled by the ORM: said of the row alone (a
    subquery may read other tables), or ValueError."""
    if not queryset.query.where:
        return "", []
    return _clause(queryset.order_by(), "WHERE")


def order_sql(queryset: QuerySet) -> str:
    """The ORDER BY of ``queryset`` (its model's ordering when it names none),
    compiled by the ORM, for a query of its model's own table."""
    if queryset.query.where:
        raise ValueError("order_sql reads the order of an unfiltered queryset")
    sql, params = _clause(queryset, "ORDER BY")
    if params:
        raise ValueError(f"an order with parameters: {sql}")
    return sql
