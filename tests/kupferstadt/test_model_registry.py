"""Models say what they are for; the places that need the list find them (issue #14)."""

import pytest
from django.contrib.auth.models import Group

from kupferstadt.models import Audience, District, FooterText, Organisation, Person, Topic, Venue
from kupferstadt.registry import translatable_snippet_models
from kupferstadt.translation import TRANSLATOR_GROUPS


def test_every_registered_snippet_with_a_language_is_translatable_and_no_other():
    assert set(translatable_snippet_models()) == {
        Topic,
        Audience,
        District,
        Person,
        Venue,
        FooterText,
    }
    assert Organisation not in translatable_snippet_models()


@pytest.mark.django_db
def test_translators_may_add_and_change_every_translatable_snippet(languages):
    group = Group.objects.get(name=TRANSLATOR_GROUPS["tr"])
    codenames = set(group.permissions.values_list("codename", flat=True))
    for model in translatable_snippet_models():
        name = model._meta.model_name
        assert {f"add_{name}", f"change_{name}"} <= codenames
    assert "change_organisation" not in codenames
