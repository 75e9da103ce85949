from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _register_search_function(sender, connection, **kwargs):
    """SQLite's half of ``catalogue.search``: the score function a search calls."""
    if connection.vendor == "sqlite":
        from catalogue.search import SQLITE_SCORE_FUNCTION, sqlite_score

        connection.connection.create_function(
            SQLITE_SCORE_FUNCTION, 5, sqlite_score, deterministic=True
        )


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = "Catalogue"

    def ready(self):
        connection_created.connect(_register_search_function)
