"""Models say what they are for; the places that need the list find them (issue #14)."""

import pytest
from django.contrib.auth.models import Group
from django.template.loader import get_template
from wagtail.models import Locale, get_page_models

from events.models import EventPage
from home.models import NoticePage
from home.roles import APPROVERS, EDITORS, PARTNERS, setup_roles
from kupferstadt.models import (
    AccessibilityStatementPage,
    Audience,
    District,
    EasyLanguagePage,
    FooterText,
    GlossaryTerm,
    Organisation,
    Person,
    SignLanguagePage,
    StandardPage,
    Topic,
    Venue,
)
from kupferstadt.registry import (
    SearchFacet,
    editorial_snippet_models,
    search_facets,
    topic_page_models,
    translatable_snippet_models,
)
from kupferstadt.translation import TRANSLATOR_GROUPS
from projects.models import ProjectPage
from search.engine import SiteSearch


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


def test_search_facets_come_from_the_page_types_in_their_order():
    facets = search_facets()
    assert [(key, str(label)) for key, (label, _models) in facets.items()] == [
        ("notices", "Aushänge"),
        ("events", "Veranstaltungen"),
        ("initiatives", "Initiativen"),
        ("pages", "Seiten"),
    ]
    assert facets["notices"][1] == (NoticePage,)
    assert facets["events"][1] == (EventPage,)
    assert facets["initiatives"][1] == (ProjectPage,)
    assert set(facets["pages"][1]) == {
        StandardPage,
        EasyLanguagePage,
        AccessibilityStatementPage,
        SignLanguagePage,
    }


def test_a_new_page_type_declaring_a_facet_is_found_in_its_place():
    class Older:
        search_facet = SearchFacet("old", "Alt", 10)

    class Newer:
        search_facet = SearchFacet("new", "Neu", 5)

    class AlsoOld:
        search_facet = Older.search_facet

    class Unsearched:
        pass

    facets = search_facets([Older, Unsearched, AlsoOld, Newer])
    assert list(facets) == ["new", "old"]
    assert facets["old"] == ("Alt", (AlsoOld, Older))


@pytest.mark.django_db
def test_every_page_type_with_a_facet_is_searched_and_offered(languages):
    declared = {
        model.search_facet.key
        for model in get_page_models()
        if getattr(model, "search_facet", None) is not None
    }
    search = SiteSearch(query="Kupferstadt", locale=Locale.get_default())
    assert [facet["key"] for facet in search.type_counts()] == [
        "notices",
        "events",
        "initiatives",
        "pages",
    ]
    assert declared == {facet["key"] for facet in search.type_counts()}


def test_page_types_with_topics_are_found_by_their_topics_relation():
    assert set(topic_page_models()) == {NoticePage, EventPage, ProjectPage}


def test_printed_notices_and_events_name_their_templates():
    for model in (NoticePage, EventPage):
        assert get_template(model.print_template)


def test_editorial_snippets_are_the_master_data():
    assert set(editorial_snippet_models()) == {
        Topic,
        Audience,
        District,
        Organisation,
        Person,
        Venue,
        GlossaryTerm,  # the terms machine translation leaves alone
    }


@pytest.mark.django_db
def test_editorial_roles_may_maintain_every_editorial_snippet():
    groups, _workflow = setup_roles()
    codenames = {
        name: set(group.permissions.values_list("codename", flat=True))
        for name, group in groups.items()
    }
    for model in editorial_snippet_models():
        name = model._meta.model_name
        actions = {f"{action}_{name}" for action in ("add", "change", "view")}
        assert actions | {f"delete_{name}"} <= codenames[EDITORS]
        assert actions <= codenames[APPROVERS]
        assert f"delete_{name}" not in codenames[APPROVERS]
        assert f"change_{name}" not in codenames[PARTNERS]
    assert "change_footertext" not in codenames[EDITORS]
