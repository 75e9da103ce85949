"""The catalogue's tables as plain SQL: quoted table and column names of its
models and the converters of their columns (``catalogue.public_rows`` reads
through these; querysets become SQL in ``common.sql``)."""

from catalogue.models import Service, ServiceItem, VendorProfile
from common.sql import converters_of
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

    def converters(self, fields) -> list:
        """Per selected column: the ORM's converters (``common.sql.converters_of``)."""
        return converters_of(self.connection, fields)
