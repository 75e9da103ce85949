"""Plain SQL rows as the ORM would give them: quoted table and column names
of the catalogue's models, and each column converted by the same database
converters the ORM applies (``catalogue.public_rows`` reads through these)."""

from catalogue.models import Service, ServiceItem, VendorProfile
from users.models import User


class SqlTables:
    """The quoted names of one database's SQL, and the converters of its columns."""

    def __init__(self, connection):
        self.connection = connection
        quote = connection.ops.quote_name
        self.service = quote(Service._meta.db_table)
        self.user = quote(User._meta.db_table)
        self.profile = quote(VendorProfile._meta.db_table)
        self.item = quote(ServiceItem._meta.db_table)

    def column(self, model, name: str) -> str:
        table = {
            Service: self.service,
            User: self.user,
            VendorProfile: self.profile,
            ServiceItem: self.item,
        }[model]
        field = model._meta.get_field(name)
        return f"{table}.{self.connection.ops.quote_name(field.column)}"

    def model_order(self, model) -> list[str]:
        """The model's ``Meta.ordering`` as SQL."""
        return [
            f"{self.column(model, name.lstrip('-'))} {'DESC' if name.startswith('-') else 'ASC'}"
            for name in model._meta.ordering
        ]

    def converters(self, fields) -> list:
        """Per selected column: the ORM's converters (backend's, then the field's)."""
        plan = []
        for index, field in enumerate(fields):
            if field is None:
                continue
            expression = field.get_col(field.model._meta.db_table)
            functions = self.connection.ops.get_db_converters(
                expression
            ) + expression.get_db_converters(self.connection)
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
