"""The search backend of the site without a search cluster: Wagtail's database backend,
on PostgreSQL with index entries joined to pages by integer ids (``index_join``).

Settings name this module as ``BACKEND``; like Wagtail's ``database`` module it picks
the implementation for the database in use."""

from django.db import connection
from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    if connection.vendor == "postgresql":
        # Only importable with a PostgreSQL driver installed.
        from .postgres_backend import PostgresSearchBackend

        return PostgresSearchBackend(params)
    return DatabaseSearchBackend(params)
