"""Wagtail's PostgreSQL search backend, matching and ranking the index entries it always
did, found through ``index_join``'s integer relation instead of a text comparison."""

from django.db.models import F
from wagtail.search.backends.database.postgres import postgres

from .index_join import entries_relation


class PostgresSearchQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def get_index_vectors(self, search_query):
        entries = entries_relation(self.queryset.model)
        return [
            (F(f"{entries}__title"), F(f"{entries}__title_norm")),
            (F(f"{entries}__body"), 1.0),
        ]


class PostgresAutocompleteQueryCompiler(postgres.PostgresAutocompleteQueryCompiler):
    def get_index_vectors(self, search_query):
        return [(F(f"{entries_relation(self.queryset.model)}__autocomplete"), 1.0)]


class PostgresSearchBackend(postgres.PostgresSearchBackend):
    query_compiler_class = PostgresSearchQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
