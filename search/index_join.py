"""How the database search backend finds a page's index entry: by its integer id.

Wagtail keeps index entries for any model, so their ``object_id`` is text, and its own
relation (``index_entries``) compares it with the page id turned into text. PostgreSQL
can then use no index of the page table and hashes every page's id as text for each
search (at 10,000 notices a sixth of the time of a frequent word). Entries of a model
with an integer primary key hold nothing but integer ids, so this relation compares the
other way round, the entry's id as an integer with the primary key."""

from django.apps import apps
from django.db import models
from django.db.models.functions import Cast
from modelsearch.abstract_models import TextIDGenericRelation
from modelsearch.index import class_is_indexed

RELATION = "index_entries_by_id"


class IntegerIDGenericRelation(TextIDGenericRelation):
    """``index_entries`` for a model with an integer primary key, joined as integers.

    The content type condition of the join keeps the cast to entries of this model and
    its subclasses."""

    def get_object_id_lookup(self, alias, remote_alias):
        object_id = self.remote_field.model._meta.get_field(self.object_id_field_name)
        pk = self.model._meta.pk
        as_integer = Cast(object_id.get_col(remote_alias), output_field=integer_type(self.model))
        return pk.get_lookup("exact")(pk.get_col(alias), as_integer)

    def bulk_related_objects(self, objs, using=None):
        # ``index_entries`` already takes the entries along when a page is deleted.
        return []


def root_pk(model):
    """The primary key a page type's own key points to (``page_ptr`` to ``Page.id``)."""
    pk = model._meta.pk
    while pk.is_relation:
        pk = pk.target_field
    return pk


def has_integer_pk(model):
    return isinstance(root_pk(model), models.IntegerField)


def integer_type(model):
    """The integer type of ``model``'s key, for the cast (``AutoField`` -> integer)."""
    pk = root_pk(model)
    for field_type in (models.BigIntegerField, models.SmallIntegerField):
        if isinstance(pk, field_type):
            return field_type()
    return models.IntegerField()


def add_integer_relations():
    """Gives every indexed model with an integer primary key the relation (app ready)."""
    index_entry = apps.get_model("wagtailsearch", "IndexEntry")
    for model in apps.get_models():
        if class_is_indexed(model) and has_integer_pk(model):
            IntegerIDGenericRelation(index_entry).contribute_to_class(model, RELATION)


def entries_relation(model):
    """The name of the relation a search of ``model`` joins its index entries by."""
    return RELATION if has_integer_pk(model) else "index_entries"
